"""Read YAML or JSON into plain values, keeping line numbers and the text as written."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..limits import InputError, Limits, read_bytes, resolve
from .bounds import prescan_json, scan_yaml
from .problems import LoadError, Problem

_TAG = "tag:yaml.org,2002:"
# libyaml composes about twenty times faster and keeps the same marks and scalar styles.
_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SHORT = 40  # scalars up to this long (keys, periods, figures) recur: remember their tags
# YAML 1.1 resolves 0x1F, 0b101, 012, 1_000 and 1:30 as numbers; only plain decimals are figures
# here, everything else stays the text that was typed (and is refused where a figure is due).
_DECIMAL_INT = re.compile(r"[-+]?[0-9]+")
# unambiguous (each digit can belong to one place only), so a long near-miss cannot backtrack
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
PATHS_KEPT = 50_000_000  # characters of all values' paths ("sections[0].pages[3].rows[2].values.Q2"):
# 5,000 pages keep about 18 million; a small file of long keys nested over a long list, billions
_INT_DIGITS = 18  # longer whole numbers stay Decimal: Python refuses int() past 4,300 digits


class _Composer(_BASE):  # type: ignore[valid-type, misc]
    """The safe loader, remembering the implicit tag of short scalars (keys and figures recur).

    The memory is the loader's own, made for one file and gone with it: no state is shared
    between loads or threads.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._tags: dict[tuple[str, tuple[bool, bool]], str] = {}

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
        self._kept = 0  # characters of the paths kept so far

    def walk(self, node: Node, path: str) -> Any:
        self._kept += len(path)  # each value keeps its path: long keys over many values would fill memory
        if self._kept > PATHS_KEPT:
            raise LoadError(self.source.name, [Problem(
                "", f"the file's keys, repeated in the place of every value under them, come to more than "
                    f"{PATHS_KEPT:,} characters: a report's keys are short names such as 'title'; check it "
                    "is the right file", node.start_mark.line + 1)])
        self.source.lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.walk(child, join(path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged_keys: set[str] = set()  # keys a merge (<<) brought in: a key written out overrides them
        kept_lines, kept_raw = self.source.lines, self.source.raw
        merged_lines: dict[str, int] = {}  # the merged values' lines and text as typed, kept below
        merged_raw: dict[str, str] = {}  # only for the keys no written key overrides
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.source.lines, self.source.raw = merged_lines, merged_raw
                try:
                    merged = self.walk(value_node, path)
                finally:
                    self.source.lines, self.source.raw = kept_lines, kept_raw
                for part in merged if isinstance(merged, list) else [merged]:
                    if not isinstance(part, dict):
                        self._problem(path, "a merge key (<<) takes a mapping, or a list of mappings", key_node)
                        continue
                    for key, value in part.items():
                        if key not in result:
                            result[key] = value
                            merged_keys.add(key)
                continue
            if not isinstance(key_node, ScalarNode):
                self._problem(path, "a key must be plain text", key_node)
                continue
            key = str(key_node.value)
            if key in result and key not in merged_keys:
                self._problem(join(path, key), f"the key {key!r} appears twice", key_node)
                continue
            merged_keys.discard(key)
            result[key] = self.walk(value_node, join(path, key))
        for key in merged_keys:  # a merged value keeps its own text as typed (44.60), and its line
            place = join(path, key)
            for found, into in ((merged_lines, kept_lines), (merged_raw, kept_raw)):
                into.update((at, v) for at, v in found.items()  # type: ignore[misc]
                            if at == place or at.startswith((place + ".", place + "[")))
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
            if _DECIMAL_INT.fullmatch(text):
                digits = len(text.lstrip("+-"))
                return int(text) if digits <= _INT_DIGITS else Decimal(text)
            return text  # 0x1F, 0b101, 1:30, 1_000: the text as typed, never re-typed
        if tag == _TAG + "float":
            return Decimal(text) if _DECIMAL_FLOAT.fullmatch(text) else text  # .inf, 1:30.5
        if tag == _TAG + "timestamp":
            return text  # a date is read where one is due; 2015-02-30 in a title is just text
        self._problem(path, f"the tag {tag!r} is not allowed: remove it", node)
        return None

    def _problem(self, path: str, message: str, node: Node) -> None:
        self.problems.append(Problem(path, message, node.start_mark.line + 1))


def parse_yaml(text: str, name: str, limits: Limits | None = None) -> Source:
    """Return the parsed YAML, or raise LoadError naming the line of a syntax error.

    Plain scalars are figures only when written as decimals; dates and YAML 1.1's other
    numbers (hex, octal, sexagesimal) stay text. A file that nests more than
    ``limits.depth`` levels, or expands past ``limits.nodes`` values through aliases, is
    refused before it is read.
    """
    limits = resolve(limits)
    try:
        scan_yaml(text, name, _Composer, limits)  # bombs are refused before a value is built
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = f"{error.problem or error}: fix the YAML syntax here"
        if (isinstance(error, yaml.composer.ComposerError) and error.context and error.context_mark is not None
                and "anchor" in error.context):
            problem = (f"{error.context} on line {error.context_mark.line + 1}, {error.problem} here: "
                       "give each anchor (&name) a name of its own")  # found duplicate anchor 'x'; ...
        raise LoadError(name, [Problem("", problem, line)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        problem = (f"the character U+{error.character if isinstance(error.character, int) else 0:04X} cannot "
                   "be in a YAML file: delete it, or retype the text around it")
        raise LoadError(name, [Problem("", problem, line)]) from None
    except yaml.YAMLError as error:
        raise LoadError(name, [Problem("", f"not valid YAML: {error}")]) from None
    walker = _Walker(name)
    walker.source.data = walker.walk(root, "") if root is not None else None
    if walker.problems:
        raise LoadError(name, walker.problems)
    return walker.source


def read_text(path: str | os.PathLike[str], what: str, limits: Limits | None = None) -> str:
    """Return a UTF-8 text file's text (a byte-order mark dropped), read within the limits.

    Raise LoadError when the file is missing, not a regular file, too large or not UTF-8.
    """
    try:
        data = read_bytes(path, what, limits)
    except InputError as error:
        raise LoadError(error.path, [Problem("", error.reason)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"the file is not UTF-8 text (byte {error.start}): save it as UTF-8"
        raise LoadError(os.fspath(path), [Problem("", message)]) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _json_depth(data: Any, name: str, limits: Limits) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.depth:
            problem = (f"the values nest more than {limits.depth} levels deep: a report needs far "
                       f"fewer; {limits.hint('depth')}")
            raise LoadError(name, [Problem("", problem)])
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children)


def _json_int(text: str) -> int | Decimal:
    return int(text) if len(text.lstrip("-")) <= _INT_DIGITS else Decimal(text)


def parse_json(text: str, name: str, limits: Limits | None = None) -> Source:
    """Return the parsed JSON, numbers kept as written, or raise LoadError.

    JSON nested more than ``limits.depth`` levels is refused.
    """
    limits = resolve(limits)
    prescan_json(text, name, limits)
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_json_int,
                          parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
    except RecursionError:
        problem = f"the values nest more than {limits.depth} levels deep: a report needs far fewer"
        raise LoadError(name, [Problem("", problem)]) from None
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (column {error.colno}): fix the JSON syntax here"
        raise LoadError(name, [Problem("", message, error.lineno)]) from None
    except ValueError as error:
        raise LoadError(name, [Problem("", str(error))]) from None
    _json_depth(data, name, limits)
    return Source(name, data)


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a number: write a figure, or leave the value blank")
