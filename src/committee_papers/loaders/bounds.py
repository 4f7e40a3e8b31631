"""Bounds on what a report file may expand to, checked before it is read into a report.

YAML aliases (``*a``) and merge keys bring a value in again wherever they stand, so a few
hundred bytes can stand for billions of values, or a long text for a thousand copies of it;
and PyYAML builds a Python object per value, so even a plain file of millions of values
would fill memory before it could be refused. So, before composing, a large file's YAML
events are counted (stopping at the limit); after composing, every distinct value is
measured once, iteratively, as the number of values and characters it stands for. A report
may hold at most ``limits.nodes`` values, nest at most ``limits.depth`` levels, and its
aliases may expand it to at most ten times the values and text it is written with (with a
floor, so that a small file may still use aliases freely). JSON has no aliases; its values
are counted from its text before it is parsed.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..limits import Limits
from .problems import LoadError, Problem

EXPANSION = 10  # aliases may expand a report to ten times what it is written with...
FLOOR_NODES = 20_000  # ...or to this many values,
FLOOR_CHARACTERS = 1_000_000  # and this much text, whichever is more
PRESCAN_FROM = 256 * 1024  # characters: smaller files cannot hold enough values to matter


def _too_many(limits: Limits) -> str:
    return (f"the file holds more than {limits.nodes:,} values, far more than a report needs: check it is "
            f"the right file; {limits.hint('nodes')}")


def prescan_yaml(text: str, name: str, loader: type[Any], limits: Limits) -> bool:
    """Refuse a large YAML text holding more than ``limits.nodes`` values, before composing it.

    Return whether the text was scanned and holds no alias and no nesting near
    ``limits.depth``: its document is then a tree of at most ``limits.nodes`` values, and no
    longer than its text, so it needs no measuring (``measure_yaml``).
    """
    if len(text) < PRESCAN_FROM:
        return False
    count = depth = deepest = 0
    aliases = False
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.ScalarEvent):
                count += 1
            elif isinstance(event, starts):
                count += 1
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, ends):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                count += 1
                aliases = True
            else:
                continue
            if count > limits.nodes:
                raise LoadError(name, [Problem("", _too_many(limits))])
    except yaml.YAMLError:
        return False  # the syntax error is reported, with its line, when the text is composed
    return not aliases and deepest + 1 <= limits.depth  # a value inside the deepest collection


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def measure_yaml(root: Node, text: str, name: str, limits: Limits) -> None:
    """Refuse a composed document that refers to itself, nests too deeply, or expands too far.

    Each value an alias or merge key brings in counts every time it is brought in. The walk
    is iterative and each distinct node is measured once.
    """
    values: dict[int, int] = {}
    characters: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        line = node.start_mark.line + 1
        if done:
            on_path.discard(key)
            children = _children(node)
            values[key] = 1 + sum(values[id(child)] for child in children)
            characters[key] = (len(node.value) if isinstance(node, ScalarNode) else 0) + sum(
                characters[id(child)] for child in children)
            if values[key] > limits.nodes:
                raise LoadError(name, [Problem("", f"the file expands to more than {limits.nodes:,} values "
                                                   "once its aliases (*name) are followed: remove the "
                                                   f"repeated aliases; {limits.hint('nodes')}", line)])
            continue
        if key in values:
            continue
        if key in on_path:
            raise LoadError(name, [Problem("", "an alias (*name) refers to a value that holds it: "
                                               "remove the loop", line)])
        if depth > limits.depth:
            raise LoadError(name, [Problem("", f"the values nest more than {limits.depth} levels deep: a "
                                               f"report needs far fewer; {limits.hint('depth')}", line)])
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node) if id(child) not in values)
    written = len(values)  # each distinct node once: the values as written
    if values[id(root)] > max(FLOOR_NODES, EXPANSION * written):
        raise LoadError(name, [Problem("", f"the file's aliases (*name) expand its {written:,} values to "
                                           f"{values[id(root)]:,}, more than {EXPANSION} times: write the "
                                           "repeated parts out, or use fewer aliases")])
    if characters[id(root)] > max(FLOOR_CHARACTERS, EXPANSION * len(text)):
        raise LoadError(name, [Problem("", f"the file's aliases (*name) repeat its text to "
                                           f"{characters[id(root)]:,} characters, more than {EXPANSION} "
                                           "times its length: write the repeated parts out, or use fewer "
                                           "aliases")])


def prescan_json(text: str, name: str, limits: Limits) -> None:
    """Refuse JSON text that would hold more than ``limits.nodes`` values, before parsing it."""
    if len(text) < PRESCAN_FROM:
        return
    if text.count(",") + text.count("[") + text.count("{") > limits.nodes:
        raise LoadError(name, [Problem("", _too_many(limits))])


def check_mapping(data: Any, name: str, limits: Limits) -> None:
    """Refuse a mapping built in Python that nests too deeply or holds keys that are not text."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    count = 0
    while stack:
        value, depth, path = stack.pop()
        count += 1
        if count > limits.nodes:
            raise LoadError(name, [Problem("", _too_many(limits))])
        if depth > limits.depth:
            raise LoadError(name, [Problem(path, f"the values nest more than {limits.depth} levels deep: a "
                                                 f"report needs far fewer; {limits.hint('depth')}")])
        if isinstance(value, dict):
            for key, child in value.items():
                if not isinstance(key, str):
                    raise LoadError(name, [Problem(path, f"the key {key!r} is not text: keys are names "
                                                         "such as 'title'")])
                stack.append((child, depth + 1, f"{path}.{key}" if path else key))
        elif isinstance(value, (list, tuple)):
            stack.extend((child, depth + 1, f"{path}[{i}]") for i, child in enumerate(value))


__all__ = ["check_mapping", "measure_yaml", "prescan_json", "prescan_yaml"]
