"""Bounds on what a report file may expand to, checked before it is read into a report.

YAML aliases (``*a``) and merge keys bring a value in again wherever they stand, so a few
hundred bytes can stand for billions of values, or a long text for a thousand copies of it;
and PyYAML builds a Python object per value, so even a plain file of millions of values
would fill memory before it could be refused. So, before composing, a file's YAML events are
read once (``scan_yaml``), each anchored value measured when it ends as the number of values,
characters and levels it stands for, and each alias counted as what it names. A report
may hold at most ``limits.nodes`` values, nest at most ``limits.depth`` levels, and its
aliases may expand it to at most ten times the values and text it is written with (with a
floor, so that a small file may still use aliases freely). JSON has no aliases; its values
are counted from its text before it is parsed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from ..limits import Limits
from .problems import LoadError, Problem

EXPANSION = 10  # aliases may expand a report to ten times what it is written with...
FLOOR_NODES = 20_000  # ...or to this many values,
FLOOR_CHARACTERS = 1_000_000  # and this much text, whichever is more
PRESCAN_FROM = 256 * 1024  # characters: smaller JSON cannot hold enough values to matter


def _too_many(limits: Limits) -> str:
    return (f"the file holds more than {limits.nodes:,} values, far more than a report needs: check it is "
            f"the right file; {limits.hint('nodes')}")


@dataclass(slots=True)
class _Open:
    """A collection whose events are being read: what it stands for so far."""

    values: int
    characters: int
    deepest: int  # levels below it, aliases followed
    anchor: str | None


@dataclass(frozen=True, slots=True)
class Extent:
    """What a YAML document stands for once every alias (``*name``) and merge key is followed:
    ``values`` (each scalar and collection, counted every time it is brought in), ``characters``
    (of its scalars, likewise), ``depth`` (levels of nesting), and ``written``, its values as
    written (each alias as one)."""

    values: int
    characters: int
    depth: int
    written: int


def scan_yaml(text: str, name: str, loader: type[Any], limits: Limits) -> Extent | None:
    """Return what a YAML text stands for, read from its events before any value is built, or
    raise ``LoadError`` for one that would exhaust the machine.

    It is refused when it is written with more than ``limits.nodes`` values, nests more than
    ``limits.depth`` levels, holds an alias (``*name``) inside the value it names, or whose
    aliases expand it past ``limits.nodes`` values, or to more than ten times the values or text
    it is written with (with a floor, so that a small file may still use aliases freely). Each
    anchored value is measured once, when it ends, so the scan is linear in the text, however
    far the aliases expand. Returns None for a text with a syntax error or an anchor named twice,
    which composing it then reports with its line.
    """
    anchors: dict[str, tuple[int, int, int]] = {}  # anchor: (values, characters, depth)
    stack = [_Open(0, 0, 0, None)]  # the document's root is the one value of this frame
    named: set[str] = set()  # every anchor, ended or not
    written = 0
    try:
        events: Iterator[Any] = yaml.parse(text, Loader=loader)
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                written += 1
                if event.anchor is not None:
                    if event.anchor in named:
                        return None  # a name used twice: composing refuses it, naming both lines
                    named.add(event.anchor)
            if kind is yaml.ScalarEvent:
                found = (1, len(event.value), 1)
                if event.anchor is not None:
                    anchors[event.anchor] = found
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if len(stack) > limits.depth:
                    raise _refusal(name, _deep(limits), event)
                stack.append(_Open(1, 0, 0, event.anchor))
                continue
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                done = stack.pop()
                found = (done.values, done.characters, done.deepest + 1)
                if done.anchor is not None:
                    anchors[done.anchor] = found
            elif kind is yaml.AliasEvent:
                if any(open_.anchor == event.anchor for open_ in stack):
                    raise _refusal(name, "an alias (*name) refers to a value that holds it: remove the loop",
                                   event)
                if event.anchor not in anchors:
                    continue  # an undefined alias: composing reports it with its line
                found = anchors[event.anchor]
            else:
                continue
            if written > limits.nodes:
                raise LoadError(name, [Problem("", _too_many(limits))])
            parent = stack[-1]
            parent.values += found[0]
            parent.characters += found[1]
            parent.deepest = max(parent.deepest, found[2])
            if len(stack) - 1 + found[2] > limits.depth:
                raise _refusal(name, _deep(limits), event)
            if parent.values > limits.nodes:
                raise _refusal(name, f"the file expands to more than {limits.nodes:,} values once its aliases "
                                     f"(*name) are followed: remove the repeated aliases; {limits.hint('nodes')}",
                               event)
    except yaml.YAMLError:
        return None
    root = stack[0]
    if root.values > max(FLOOR_NODES, EXPANSION * written):
        raise LoadError(name, [Problem("", f"the file's aliases (*name) expand its {written:,} values to "
                                           f"{root.values:,}, more than {EXPANSION} times: write the "
                                           "repeated parts out, or use fewer aliases")])
    if root.characters > max(FLOOR_CHARACTERS, EXPANSION * len(text)):
        raise LoadError(name, [Problem("", f"the file's aliases (*name) repeat its text to "
                                           f"{root.characters:,} characters, more than {EXPANSION} "
                                           "times its length: write the repeated parts out, or use fewer "
                                           "aliases")])
    return Extent(root.values, root.characters, root.deepest, written)


def _deep(limits: Limits) -> str:
    return f"the values nest more than {limits.depth} levels deep: a report needs far fewer; {limits.hint('depth')}"


def _refusal(name: str, message: str, event: Any) -> LoadError:
    return LoadError(name, [Problem("", message, event.start_mark.line + 1)])


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


__all__ = ["Extent", "check_mapping", "prescan_json", "scan_yaml"]
