"""Typed values from cells, each problem recorded with its cell: ``values!C14 (value): ...``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from ..loaders import Problem
from ..model import check_figure
from .sheet import CellProblem, Sheet, is_blank

E = TypeVar("E", bound=Enum)


def plain(value: Any) -> Any:
    """Return a numpy scalar as the Python value it holds; anything else unchanged."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def shown(value: Any) -> str:
    """Return a cell's value as a message quotes it."""
    value = plain(value)
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (dt.datetime, dt.date)):
        return f"the date {value:%d/%m/%Y}"
    return repr(value) if isinstance(value, str) else str(value)


def to_decimal(value: Any) -> Decimal:
    """Return a cell's figure exactly; raise ValueError for text that is not a number.

    Text may carry thousands separators, a leading ``£`` and a trailing ``%`` (``17.1%`` is 17.1).
    A float from a spreadsheet is taken at its shortest form, so 44.6 stays 44.6. A figure
    outside the model's range (``check_figure``: 10^15, ten decimal places) is refused.
    """
    value = plain(value)
    if isinstance(value, (bool, dt.date, dt.time)):
        raise ValueError(f"expected a number, got {shown(value)}")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise ValueError(f"expected a number, got {shown(value)}")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
        if value.is_integer() and abs(value) < 1e15:
            number = Decimal(int(value))
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -10:  # 0.30000000000000004 and the like
            number = Decimal(format(value, ".12g"))
    elif isinstance(value, Decimal):
        number = value
    else:
        text = str(value).strip().replace(",", "").removeprefix("£").removesuffix("%").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"expected a number, got {shown(value)}") from None
    if not number.is_finite():
        raise ValueError(f"expected a number, got {shown(value)}")
    check_figure(number)
    return number


def to_fraction(value: Any) -> Decimal:
    """Return a fraction from ``0.1`` or ``10%``; raise ValueError unless it is from 0 to below 1."""
    value = plain(value)
    scale = 100 if isinstance(value, str) and value.strip().endswith("%") else 1
    number = to_decimal(value) / scale
    if not 0 <= number < 1:
        raise ValueError(f"expected a fraction such as 0.1 or 10%, got {shown(value)}")
    return number


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y")


def to_date(value: Any) -> dt.date:
    """Return a date from a date cell or text such as ``2017-03-15`` or ``15 March 2017``."""
    value = plain(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"expected a date such as 15 March 2017 or 2017-03-15, got {shown(value)}")


def to_text(value: Any) -> str:
    """Return a cell as text: a whole number without ``.0``, a date as ``2017-03-15``."""
    value = plain(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


class Cells:
    """Reads typed values from sheets and collects every problem with its cell."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, sheet: Sheet, row: int, column: str, message: str, label: str | None = None) -> None:
        """Record a problem in a cell; ``label`` names it in the message (default: the column)."""
        self.problems.append(CellProblem(sheet.ref(row, column), message, column=label or column))

    def text(self, sheet: Sheet, row: int, column: str, *, required: bool = False) -> str | None:
        """Return a cell's text, or None when blank (a problem if it is required)."""
        value = sheet.get(row, column)
        if is_blank(value):
            if required:
                self.problem(sheet, row, column, f"the {column} is missing: fill in the cell")
            return None
        return to_text(value)

    def number(self, sheet: Sheet, row: int, column: str, hint: str = "") -> Decimal | None:
        """Return a cell's figure, or None when blank."""
        value = sheet.get(row, column)
        if is_blank(value):
            return None
        try:
            return to_decimal(value)
        except ValueError as error:
            self.problem(sheet, row, column, f"{error}{hint}")
            return None

    def fraction(self, sheet: Sheet, row: int, column: str) -> Decimal | None:
        """Return a cell's fraction (``0.1`` or ``10%``), or None when blank."""
        value = sheet.get(row, column)
        if is_blank(value):
            return None
        try:
            return to_fraction(value)
        except ValueError as error:
            self.problem(sheet, row, column, str(error))
            return None

    def date(self, sheet: Sheet, row: int, column: str) -> dt.date | None:
        """Return a cell's date, or None when blank."""
        value = sheet.get(row, column)
        if is_blank(value):
            return None
        try:
            return to_date(value)
        except ValueError as error:
            self.problem(sheet, row, column, str(error))
            return None

    def choice(self, sheet: Sheet, row: int, column: str, enum: type[E],
               aliases: dict[str, E] | None = None, default: E | None = None,
               required: bool = True) -> E | None:
        """Return the member a cell names (case-insensitive); ``default`` when blank."""
        text = self.text(sheet, row, column)
        if text is None:
            if default is None and required:
                self.problem(sheet, row, column, f"the {column} is missing: write one of "
                             f"{', '.join(m.value for m in enum)}")
            return default
        names: dict[str, E] = {member.value: member for member in enum}
        names.update(aliases or {})
        word = text.strip().lower()
        if word in names:
            return names[word]
        self.problem(sheet, row, column, f"{text!r} is not one of: {', '.join(m.value for m in enum)}")
        return None
