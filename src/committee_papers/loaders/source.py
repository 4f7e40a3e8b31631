"""Read YAML or JSON into plain values, keeping line numbers and the text as written."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import LoadError, Problem

_TAG = "tag:yaml.org,2002:"
# libyaml composes about twenty times faster and keeps the same marks and scalar styles.
_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SHORT = 40  # scalars up to this long (keys, periods, figures) recur: remember their tags


class _Composer(_BASE):  # type: ignore[valid-type, misc]
    """The safe loader, remembering the implicit tag of short scalars (keys and figures recur)."""

    _tags: ClassVar[dict[tuple[str, tuple[bool, bool]], str]] = {}

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode or len(value) > _SHORT:
            return str(super().resolve(kind, value, implicit))
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            tag = self._tags[key] = str(super().resolve(kind, value, implicit))
            if len(self._tags) > 50_000:  # bounded: a pathological file cannot grow it for ever
                self._tags.clear()
        return tag


@dataclass
class Source:
    """A parsed input: the data, and per path its line and the raw text of plain scalars."""

    name: str
    data: Any
    lines: dict[str, int] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)

    def line(self, path: str) -> int | None:
        """Return the line of a path, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            cut = max(path.rfind("."), path.rfind("["))
            path = path[: max(cut, 0)]


def join(path: str, key: str | int) -> str:
    """Return the path of a child: ``a.b`` for a key, ``a[0]`` for an index."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class _Walker:
    def __init__(self, name: str) -> None:
        self.source = Source(name, None)
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def walk(self, node: Node, path: str) -> Any:
        self.source.lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.walk(child, join(path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merged = self.walk(value_node, path)
                for part in merged if isinstance(merged, list) else [merged]:
                    if isinstance(part, dict):
                        for key, value in part.items():
                            result.setdefault(key, value)
                continue
            if not isinstance(key_node, ScalarNode):
                self._problem(path, "a key must be plain text", key_node)
                continue
            key = str(key_node.value)
            if key in result:
                self._problem(join(path, key), f"the key {key!r} appears twice", key_node)
                continue
            result[key] = self.walk(value_node, join(path, key))
        return result

    def _scalar(self, node: ScalarNode, path: str) -> Any:
        tag, text = node.tag, node.value
        if not node.style:  # plain, not quoted (None or "" by parser): keep the text as written
            self.source.raw[path] = text
        if tag == _TAG + "str":
            return text
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return text.lower() in ("yes", "true", "on", "y")
        if tag == _TAG + "int":
            return self._constructor.construct_yaml_int(node)
        if tag == _TAG + "float":
            try:
                return Decimal(text.replace("_", ""))
            except InvalidOperation:
                return text  # .inf and .nan: not figures; the reader says so
        if tag == _TAG + "timestamp":
            stamp = self._constructor.construct_yaml_timestamp(node)
            assert isinstance(stamp, (dt.date, dt.datetime))
            return stamp
        self._problem(path, f"the tag {tag!r} is not allowed: remove it", node)
        return None

    def _problem(self, path: str, message: str, node: Node) -> None:
        self.problems.append(Problem(path, message, node.start_mark.line + 1))


def parse_yaml(text: str, name: str) -> Source:
    """Return the parsed YAML, or raise LoadError naming the line of a syntax error."""
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = f"{error.problem or error}: fix the YAML syntax here"
        raise LoadError(name, [Problem("", problem, line)]) from None
    except yaml.YAMLError as error:
        raise LoadError(name, [Problem("", f"not valid YAML: {error}")]) from None
    walker = _Walker(name)
    walker.source.data = walker.walk(root, "") if root is not None else None
    if walker.problems:
        raise LoadError(name, walker.problems)
    return walker.source


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def parse_json(text: str, name: str) -> Source:
    """Return the parsed JSON, numbers kept as written, or raise LoadError."""
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (column {error.colno}): fix the JSON syntax here"
        raise LoadError(name, [Problem("", message, error.lineno)]) from None
    except ValueError as error:
        raise LoadError(name, [Problem("", str(error))]) from None
    return Source(name, data)
