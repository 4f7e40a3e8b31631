"""The errors the library raises for bad input or settings, and the problems they list."""

from __future__ import annotations

from dataclasses import dataclass


class CommitteePapersError(Exception):
    """Something the user can fix: the message names the place and what to do."""



@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input: where, and what to do about it."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        if not self.path:  # the whole file: its name heads the message already
            return self.message if self.line is None else f"line {self.line}: {self.message}"
        line = f" (line {self.line})" if self.line is not None else ""
        return f"{self.path}{line}: {self.message}"


class LoadError(CommitteePapersError, ValueError):
    """The input could not be read as a report; ``problems`` lists every reason."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        count = len(problems)
        heading = f"{source}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([heading, *(f"  {p}" for p in problems)]))


class TableTooWide(CommitteePapersError, ValueError):
    """A table's columns cannot fit the page's width without breaking figures or words; the
    message names the page and the table and says what to change."""
