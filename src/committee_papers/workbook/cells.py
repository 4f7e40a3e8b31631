"""Typed values from cells, read as Excel shows them, each problem recorded with its cell.

The officer means what Excel displays, so a figure is read from the cell's stored value
through its number format (``formats``): 0.451 shown as ``45.1%`` is 45.1, 4.1 shown as
``£4.10`` is 4.10 (the places shown are the places meant), and a number in General format
is taken at Excel's 15 significant digits, so float noise (0.30000000000000004) never
reaches a page. Text is read with the one figure parser every input uses
(``model.parse_figure``). A formula with no saved result, a merged range over figures, and a
percent sign a count cannot have are located errors, never blanks or silent rescaling.

Text is cleaned here, once, for every workbook, CSV and DataFrame field: line-break
controls become line breaks, other control characters are left out, and each change is
recorded as a notice that ``check`` and ``pack`` report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any, TypeVar

from ..errors import Problem
from ..model import (
    MAX_DIGITS,
    MAX_PLACES,
    NotAFigure,
    Notice,
    Unit,
    check_figure,
    clean_text,
    parse_figure,
    unclean_characters,
)
from .formats import FormatKind
from .headers import lookup
from .sheet import Cell, CellProblem, Sheet, is_blank

E = TypeVar("E", bound=Enum)
EXCEL_DIGITS = 15  # Excel keeps and shows numbers to 15 significant digits


def shown(value: Any) -> str:
    """Return a cell's value as a message quotes it."""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (dt.datetime, dt.date)):
        return f"the date {value:%d/%m/%Y}"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure read from a cell: its value as shown, and the symbol it was shown with."""

    value: Decimal
    symbol: str | None = None  # "%" (a percent format or a typed %), "£", or None


def _stored(value: int | float | Decimal) -> Decimal:
    if isinstance(value, float):
        return Decimal(format(value, f".{EXCEL_DIGITS}g"))
    return Decimal(value)


def read_figure(cell: Cell, *, decimal_comma: bool = False) -> Figure:
    """Return the figure a cell shows; raise ValueError saying what is wrong and what to do."""
    if cell.formula is not None:
        raise ValueError(f"the cell holds a formula ({shown(cell.formula)}) whose result was never saved (the "
                         "workbook was written by a program, not by Excel): open it in Excel or LibreOffice "
                         "and save it, so the result is stored")
    value = cell.value
    if isinstance(value, (bool, dt.date, dt.time)):
        raise ValueError(f"expected a number, got {shown(value)}")
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            raise ValueError(f"expected a number, got {shown(value)}")
        fmt = cell.format.for_value(value)  # the section that shows it: positive, negative or zero
        if fmt.refused is not None:
            raise ValueError(fmt.refused)
        if fmt.kind in (FormatKind.NUMBER, FormatKind.PERCENT) and fmt.places is not None:
            exact = (Decimal(repr(value)) if isinstance(value, float) else Decimal(value)).scaleb(fmt.scale)
            if exact and exact.adjusted() >= MAX_DIGITS:
                check_figure(exact)  # too large: raises, before quantize could overflow
            places = min(fmt.places, MAX_PLACES)
            number = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
            least = places if fmt.least_places is None else min(fmt.least_places, places)
            while places > least and number == number.quantize(Decimal(1).scaleb(1 - places)):
                places -= 1  # "0.0#" shows 45.10 as 45.1: an optional place shows no trailing zero
                number = number.quantize(Decimal(1).scaleb(-places))
        else:
            number = _stored(value)
        check_figure(number)
        symbol = "%" if fmt.shows_percent else fmt.currency if fmt.currency == "£" else None
        return Figure(number, symbol)
    written = parse_figure(str(value), decimal_comma=decimal_comma)
    return Figure(written.value, written.symbol)


def to_date(value: Any) -> dt.date:
    """Return a date from a date cell or text such as ``2017-03-15`` or ``15 March 2017``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"expected a date such as 15 March 2017 or 2017-03-15, got {shown(value)}")


def to_text(value: Any) -> str:
    """Return a cell as text: a whole number without ``.0``, a date as ``2017-03-15``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


@dataclass
class Cells:
    """Reads typed values from sheets; collects every problem with its cell, and the notices.

    ``decimal_comma`` reads text such as ``81,9`` as 81.9 (declared in the settings).
    """

    decimal_comma: bool = False
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def problem(self, sheet: Sheet, row: int, column: str, message: str, label: str | None = None) -> None:
        """Record a problem in a cell; ``label`` names it in the message (default: the column)."""
        self.problems.append(CellProblem(sheet.ref(row, column), message,
                                         column=label or sheet.headings.get(column, column)))

    def _merged(self, sheet: Sheet, row: int, column: str) -> bool:
        cell = sheet.cell(row, column)
        if cell.merged is None:
            return False
        self.problem(sheet, row, column, f"the cell is part of the merged range {cell.merged}, which holds one "
                     "value for several rows, so the other rows would have none: unmerge it and fill in "
                     "each row")
        return True

    def text(self, sheet: Sheet, row: int, column: str, *, required: bool = False,
             merged_ok: bool = False) -> str | None:
        """Return a cell's text, cleaned once (a notice says what changed), or None when blank."""
        if not merged_ok and self._merged(sheet, row, column):
            return None
        cell = sheet.cell(row, column)
        if cell.formula is not None:
            self.problem(sheet, row, column, f"the cell holds a formula ({shown(cell.formula)}) whose result "
                         "was never saved: open the workbook in Excel or LibreOffice and save it")
            return None
        if is_blank(cell.value):
            if required:
                self.problem(sheet, row, column, f"the {column} is missing: fill in the cell")
            return None
        text = to_text(cell.value)
        changed = unclean_characters(text)
        if changed and sheet.ref(row, column) not in {n.where for n in self.notices}:
            self.notices.append(Notice(
                sheet.ref(row, column), f"the text holds control characters ({', '.join(changed)}), as pasted "
                "from elsewhere: line-break controls are shown as line breaks and the others are left out; "
                "retype the text to silence this", "control-characters"))
        if changed:
            text = clean_text(text)
        return text

    def figure(self, sheet: Sheet, row: int, column: str, unit: Unit, hint: str = "", *,
               measure: bool = False) -> Figure | None:
        """Return the figure a cell shows (None when blank), its symbol checked against ``unit``.

        ``measure``: the cell is a figure of an indicator, so a ``number`` indicator's figure
        may not show % or £ either (the figure would be printed without it)."""
        if self._merged(sheet, row, column):
            return None
        cell = sheet.cell(row, column)
        if cell.blank:
            return None
        try:
            found = read_figure(cell, decimal_comma=self.decimal_comma)
        except NotAFigure:
            self.problem(sheet, row, column, f"expected a number, got {shown(cell.value)}{hint}")
            return None
        except ValueError as error:
            self.problem(sheet, row, column, str(error))
            return None
        spelled = {"%": Unit.PERCENT, "£": Unit.MONEY}.get(found.symbol or "")
        if spelled is not None and unit is not spelled and (measure or unit is not Unit.NUMBER):
            how = "formatted as a percentage" if cell.format.shows_percent else f"written with {found.symbol}"
            self.problem(sheet, row, column, f"the figure is {how} but the indicator's unit is {unit.value}: "
                         "correct the indicator's unit, or the cell")
            return None
        return found

    def number(self, sheet: Sheet, row: int, column: str, hint: str = "") -> Decimal | None:
        """Return a cell's figure as a plain number, or None when blank."""
        found = self.figure(sheet, row, column, Unit.NUMBER, hint)
        return None if found is None else found.value

    def fraction(self, sheet: Sheet, row: int, column: str) -> Decimal | None:
        """Return a cell's fraction (``0.1``, ``10%`` or a cell shown as 10%), or None when blank."""
        found = self.figure(sheet, row, column, Unit.NUMBER)
        if found is None:
            return None
        number = found.value / 100 if found.symbol == "%" else found.value
        if not 0 <= number < 1:
            self.problem(sheet, row, column, f"expected a fraction such as 0.1 or 10%, got "
                         f"{shown(sheet.get(row, column))}")
            return None
        return number

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

    def words(self, sheet: Sheet, row: int, column: str, words: dict[str, E], expected: str, *,
              required: bool = True) -> tuple[E, str] | None:
        """Return what a cell's words name in ``words`` (keyed by ``headers.key``) and the text as
        typed, or None when blank; ``expected`` says what may be written, in a problem."""
        text = self.text(sheet, row, column)
        if text is None:
            if required and not sheet.cell(row, column).merged:
                self.problem(sheet, row, column, f"the cell is blank: write {expected}")
            return None
        found = lookup(words, text)
        if found is None:
            self.problem(sheet, row, column, f"{shown(text)} is not {expected}")
            return None
        return found, text

    def choice(self, sheet: Sheet, row: int, column: str, enum: type[E],
               aliases: dict[str, E] | None = None, default: E | None = None,
               required: bool = True) -> E | None:
        """Return the member a cell names (case-insensitive); ``default`` when blank."""
        text = self.text(sheet, row, column)
        if text is None:
            if default is None and required and not sheet.cell(row, column).merged:
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


__all__ = ["Cells", "Figure", "read_figure", "shown", "to_date", "to_text"]
