"""What an Excel number format says about the figure a cell shows.

A cell stores a number and shows it through its format, and the officer means what Excel
shows: 0.451 formatted ``0.0%`` is 45.1%, 4.1 formatted ``"£"#,##0.00`` is £4.10, and 45.1
formatted ``0.0"%"`` or ``0.0\\%`` is 45.1 with a literal percent sign (no scaling). The rules
are those of ECMA-376 Part 1 §18.8.31 (numFmts): a format has up to four sections separated
by ``;`` (positive; negative; zero; text); ``"..."`` and ``\\x`` are literal text; ``_x``
leaves the width of ``x`` and ``*x`` repeats it; ``[...]`` holds a colour, a condition or a
locale; an unquoted, unescaped ``%`` multiplies by 100; the ``0``, ``#`` and ``?`` after the
decimal point are the places shown.

The section that shows the number is read: the negative section for a negative number and the
zero section for zero, where the code has them; places after the point written ``#`` or ``?``
show no trailing zero (``0.0#`` shows 45.10 as 45.1). A section that shows words instead of the
number (``0.0;-0.0;"N/A"`` for zero), or money in another currency than pounds, is refused; a
dash for zero, as accounting formats show it, is read as zero. And three more things a format
can do are not figures the report could print as Excel shows them, so a number with such a
format is refused (``NumberFormat.refused``), never printed otherwise:
a comma after the last digit placeholder divides by 1,000 for each comma (``#,##0,"k"`` shows
12,345 as 12k; ``0.0,,`` shows 1,234,567 as 1.2); a ``/`` between placeholders shows a fraction
(``# ?/?`` shows 0.5 as 1/2); and a condition in brackets (``[>=1000]``) chooses a section by
the value.

This small reader is our own because openpyxl has no helper for percent or places (it has
``is_date_format``, used here); it reads only what decides a figure's value and precision.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum

from openpyxl.styles.numbers import is_date_format


class FormatKind(Enum):
    """How a number format shows a number."""

    GENERAL = "general"  # as typed, up to Excel's 15 significant digits
    NUMBER = "number"  # with a fixed number of decimal places
    PERCENT = "percent"  # multiplied by 100, with a fixed number of places
    DATE = "date"
    TEXT = "text"  # "@": the number is shown as text


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """What a format code means for a number: its kind, places shown and currency symbol."""

    kind: FormatKind
    places: int | None = None  # decimal places shown; None for GENERAL, DATE and TEXT
    currency: str | None = None  # e.g. "£", when the format shows one
    percent_sign: bool = False  # a literal "%" (``0.0"%"``, ``0.0\\%``): shown, but not scaling
    refused: str | None = None  # why a number so formatted cannot be printed as Excel shows it
    least_places: int | None = None  # places always shown ("0.0#": 1 of 2); None: all ``places``
    negative: NumberFormat | None = None  # the section for negative numbers, where there is one
    zero: NumberFormat | None = None  # the section for zero, where there is one

    def for_value(self, value: object) -> NumberFormat:
        """Return the section that shows ``value``: the negative or zero section where the code
        has one (ECMA-376 Part 1 §18.8.31: positive;negative;zero;text), else this one."""
        if self.negative is not None and isinstance(value, (int, float, Decimal)) and value < 0:
            return self.negative
        if self.zero is not None and isinstance(value, (int, float, Decimal)) and value == 0:
            return self.zero
        return self

    @property
    def shows_percent(self) -> bool:
        """Return whether the cell is shown with a percent sign, scaled or not."""
        return self.kind is FormatKind.PERCENT or self.percent_sign

    @property
    def scale(self) -> int:
        """Return the power of ten the shown figure is of the stored one (2 for percent)."""
        return 2 if self.kind is FormatKind.PERCENT else 0


GENERAL = NumberFormat(FormatKind.GENERAL)
_CURRENCIES = "£$€¥"


def _section(code: str, index: int = 0) -> tuple[list[tuple[str, bool]], bool, int]:
    """Return the characters of the section starting at ``index``, each marked literal or not,
    whether it has a condition (``[>=1000]``), and where the next section starts (-1: none)."""
    out: list[tuple[str, bool]] = []
    condition = False
    length = len(code)
    while index < length:
        char = code[index]
        if char == ";":
            return out, condition, index + 1
        if char == '"':
            end = code.find('"', index + 1)
            end = length if end < 0 else end
            out.extend((c, True) for c in code[index + 1:end])
            index = end + 1
        elif char == "\\" and index + 1 < length:
            out.append((code[index + 1], True))
            index += 2
        elif char in "_*" and index + 1 < length:
            index += 2  # padding or fill: shows no character of its own that matters here
        elif char == "[":
            end = code.find("]", index + 1)
            end = length if end < 0 else end
            inside = code[index + 1:end]
            if inside.startswith("$"):  # [$£-809]: a currency symbol and locale
                symbol = inside[1:].split("-", 1)[0]
                out.extend((c, True) for c in symbol)
            condition = condition or inside[:1] in ("<", ">", "=")
            index = end + 1
        else:
            out.append((char, False))
            index += 1
    return out, condition, -1


def _sections(code: str) -> list[tuple[list[tuple[str, bool]], bool]]:
    """Return the format's sections (positive; negative; zero; text), as ``_section`` reads them."""
    found: list[tuple[list[tuple[str, bool]], bool]] = []
    index = 0
    while index >= 0 and len(found) < 4:
        chars, condition, index = _section(code, index)
        found.append((chars, condition))
    return found


def _refusal(code: str, section: list[tuple[str, bool]], condition: bool, currency: str | None) -> str | None:
    """Return why a number in this format cannot be printed as Excel shows it, or None."""
    if currency is not None and currency != "£":
        return (f"the cell's number format ({code}) shows the number in {currency}, and the report "
                "prints money in pounds (£): give the figure in pounds, or type it as text")
    shown = [char for char, literal in section if not literal]
    placeholders = [at for at, char in enumerate(shown) if char in "0#?"]
    if condition:
        return (f"the cell's number format ({code}) shows the number one way or another by a condition in "
                "brackets, so the figure printed might not be the one Excel shows: format the cell as a "
                "plain number (such as 0.0) or type the figure as text as it should be printed")
    if any(char == "/" and placeholders and at > placeholders[0] and shown[at + 1:at + 2] and
           shown[at + 1] in "0123456789#?" for at, char in enumerate(shown)):  # # ?/?, ?/4, # #/100
        return (f"the cell's number format ({code}) shows the number as a fraction (0.5 as 1/2), which the "
                "report cannot print: format the cell as a number with the places meant (such as 0.00)")
    for at, char in enumerate(shown):
        if char != "," or not placeholders or at < placeholders[0]:
            continue
        following = next((c for c in shown[at + 1:] if c != ","), "")
        if following not in ("0", "#", "?"):  # not a thousands separator between digits: a scaling comma
            return (f"the cell's number format ({code}) divides the number by 1,000 for each comma after "
                    "its digits (#,##0,\"k\" shows 12,345 as 12k), so the report would print a different "
                    "figure: format the cell without the trailing comma (such as #,##0), and give the "
                    "unit in the indicator's unit")
    return None


def read_format(code: str | None) -> NumberFormat:
    """Return what a cell's number format code means for the number it holds."""
    if not code or code.strip().lower() == "general":
        return GENERAL
    if code.strip() == "@":
        return NumberFormat(FormatKind.TEXT)
    if is_date_format(code):
        return NumberFormat(FormatKind.DATE)
    sections = _sections(code)
    condition = any(conditional for _, conditional in sections)
    read = [_read_section(code, chars, condition) for chars, _ in sections[:3]]
    first = read[0]
    if len(read) == 1:
        return first
    return replace(first, negative=read[1], zero=read[2] if len(read) > 2 else first)


_CODE = re.compile(r"\[\$([^\]-]*)[^\]]*\]|\"\s*([A-Z]{3})\s*\"")


def _currency_code(code: str) -> str | None:
    """Return a currency a code names in letters (``[$USD]``, ``[$kr-41D]``, ``"EUR "``), or None."""
    for match in _CODE.finditer(code):
        found = (match[1] or match[2] or "").strip()
        if found and found not in ("£", "GBP") and (match[2] or any(c.isalpha() or not c.isascii() for c in found)):
            return found
    return None


_DASHES = frozenset("-\u2013\u2014 ")  # a dash for zero, as accounting formats show it


def _read_section(code: str, section: list[tuple[str, bool]], condition: bool) -> NumberFormat:
    """Return what one section of a format code means for the numbers it shows."""
    if not section:  # "0.0;" for a negative number, ";;;": Excel shows the cell blank
        return NumberFormat(FormatKind.NUMBER, 0, refused=(
            f"the cell's number format ({code}) shows nothing for this number (an empty section), so "
            "Excel shows the cell blank: clear the cell, or give the format a section that shows it"))
    currency = next((c for c, _ in section if c in _CURRENCIES or unicodedata.category(c) == "Sc"), None)
    currency = currency or _currency_code(code)
    percent = any(c == "%" and not literal for c, literal in section)
    shown = "".join(c for c, literal in section if not literal).lower()
    if "general" in shown:  # General%: the number as stored, with what follows it
        if percent:
            return NumberFormat(FormatKind.NUMBER, 0, refused=(
                f"the cell's number format ({code}) shows the number as a percentage without fixed "
                "places, which the report cannot print as Excel shows it: format the cell as a "
                "percentage with the places meant (such as 0.0%)"))
        if currency not in (None, "£"):
            return NumberFormat(FormatKind.NUMBER, 0, refused=_refusal(code, section, condition, currency))
        return NumberFormat(FormatKind.GENERAL, currency=currency,
                            percent_sign=any(c == "%" and literal for c, literal in section))
    places = low = 0
    after_point = False
    for char, literal in section:
        if literal:
            continue
        if char == ".":
            after_point = True
        elif after_point and char in "0#?":
            places += 1
            low = places if char == "0" else low  # "#" and "?" show a digit only when it is not a trailing 0
        elif after_point and char not in "0#?":
            after_point = False
    if any(c in "eE" and not literal for c, literal in section):
        return GENERAL  # scientific notation: read the value as typed
    if not any(c in "0#?" and not literal for c, literal in section):
        shown = "".join(c for c, _ in section).strip()
        if not shown or set(shown) <= _DASHES:  # the number as stored (General), or a dash for zero
            return GENERAL
        return NumberFormat(FormatKind.NUMBER, 0, refused=(
            f"the cell's number format ({code}) shows the number as the words {shown!r}, not as a "
            "figure: type the words in the cell (or leave it blank), or format it as a number"))
    sign = not percent and any(c == "%" and literal for c, literal in section)
    return NumberFormat(FormatKind.PERCENT if percent else FormatKind.NUMBER, places, currency, sign,
                        _refusal(code, section, condition, currency), low)


__all__ = ["GENERAL", "FormatKind", "NumberFormat", "read_format"]
