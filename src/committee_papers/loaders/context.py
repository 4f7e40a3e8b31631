"""The reading context: collects problems with their places, and checks shapes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from ..model import ReportingPeriod
from .problems import LoadError, Problem
from .source import Source, join

E = TypeVar("E", bound=Enum)


def _describe(value: Any) -> str:
    """Return how a value is quoted in a message: never more than about 60 characters of it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**40:
        return "a number of more than 40 digits"
    text = str(value)
    if len(text) > 60:
        text = text[:40] + f"... ({len(text):,} characters)"
    return repr(text) if isinstance(value, str) else text


class Context:
    """Where the reader is, and everything it has found wrong so far."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.reporting: ReportingPeriod | None = None  # the report's period, once read

    def problem(self, path: str, message: str) -> None:
        """Record a problem at a path."""
        self.problems.append(Problem(path, message, self.source.line(path)))

    def raise_if_any(self) -> None:
        """Raise LoadError listing every problem recorded."""
        if self.problems:
            raise LoadError(self.source.name, self.problems)

    def mapping(
        self, value: Any, path: str, required: Iterable[str], optional: Iterable[str]
    ) -> dict[str, Any] | None:
        """Return value if it is a mapping with the keys required and no unknown key."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping of keys to values, got {_describe(value)}")
            return None
        required, allowed = list(required), list(dict.fromkeys([*required, *optional]))
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6) if len(key) <= 60 else []
                hint = f": did you mean {close[0]!r}?" if close else (
                    f": the keys allowed here are {', '.join(allowed)}"
                )
                shown = repr(key) if len(key) <= 60 else f"{key[:40]!r}... ({len(key):,} characters)"
                self.problem(path if len(key) > 60 else join(path, key), f"unknown key {shown}{hint}")
        for key in required:
            if key not in value:
                self.problem(path, f"the required key {key!r} is missing: add it")
        return value

    def sequence(self, value: Any, path: str, *, allow_empty: bool = False) -> list[Any]:
        """Return value if it is a list (an empty one only if allowed), else an empty list."""
        if not isinstance(value, list):
            self.problem(path, f"expected a list, got {_describe(value)}")
            return []
        if not value and not allow_empty:
            self.problem(path, "the list is empty: give at least one item")
        return value

    def text(self, value: Any, path: str, *, allow_empty: bool = False) -> str:
        """Return text as written; a plain YAML scalar (``No``, ``44.60``) keeps its spelling."""
        if path in self.source.raw and not isinstance(value, str) and value is not None:
            value = self.source.raw[path]
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problem(path, f"expected text, got {_describe(value)}")
            return ""
        if not allow_empty and not value.strip():
            self.problem(path, "the text is empty: write something or leave the key out")
        return value

    def optional_text(self, data: dict[str, Any], key: str, path: str) -> str | None:
        """Return the text under a key, or None when the key is absent or null."""
        if data.get(key) is None:
            return None
        return self.text(data[key], join(path, key))

    def choice(self, value: Any, path: str, enum: type[E], aliases: dict[str, E] | None = None) -> E | None:
        """Return the enum member named by value (case-insensitive), or record a problem."""
        word = self.text(value, path).strip().lower()
        names = {member.value: member for member in enum}
        names.update(aliases or {})
        if word in names:
            return names[word]
        if word:
            self.problem(path, f"{value!r} is not one of: {', '.join(m.value for m in enum)}")
        return None

    def flag(self, value: Any, path: str) -> bool:
        """Return a yes/no value."""
        if isinstance(value, bool):
            return value
        self.problem(path, f"expected true or false, got {_describe(value)}")
        return False

    def integer(self, value: Any, path: str, low: int, high: int) -> int | None:
        """Return a whole number within bounds."""
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(path, f"expected a whole number from {low} to {high}, got {_describe(value)}")
            return None
        return value

    def describe(self, value: Any) -> str:
        """Return how a value is named in a message."""
        return _describe(value)
