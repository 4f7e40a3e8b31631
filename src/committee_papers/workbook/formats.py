"""What an Excel number format says about the figure a cell shows.

A cell stores a number and shows it through its format, and the officer means what Excel
shows: 0.451 formatted ``0.0%`` is 45.1%, 4.1 formatted ``"£"#,##0.00`` is £4.10, and 45.1
formatted ``0.0"%"`` or ``0.0\\%`` is 45.1 with a literal percent sign (no scaling). The rules
are those of ECMA-376 Part 1 §18.8.31 (numFmts): a format has up to four sections separated
by ``;`` (positive; negative; zero; text); ``"..."`` and ``\\x`` are literal text; ``_x``
leaves the width of ``x`` and ``*x`` repeats it; ``[...]`` holds a colour, a condition or a
locale; an unquoted, unescaped ``%`` multiplies by 100; the ``0``, ``#`` and ``?`` after the
decimal point are the places shown.

This small reader is our own because openpyxl has no helper for percent or places (it has
``is_date_format``, used here); it reads only what decides a figure's value and precision.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def _first_section(code: str) -> list[tuple[str, bool]]:
    """Return the characters of the positive section, each marked literal or not."""
    out: list[tuple[str, bool]] = []
    index, length = 0, len(code)
    while index < length:
        char = code[index]
        if char == ";":
            break
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
            index = end + 1
        else:
            out.append((char, False))
            index += 1
    return out


def read_format(code: str | None) -> NumberFormat:
    """Return what a cell's number format code means for the number it holds."""
    if not code or code.strip().lower() == "general":
        return GENERAL
    if code.strip() == "@":
        return NumberFormat(FormatKind.TEXT)
    if is_date_format(code):
        return NumberFormat(FormatKind.DATE)
    section = _first_section(code)
    currency = next((c for c, _ in section if c in _CURRENCIES), None)
    percent = any(c == "%" and not literal for c, literal in section)
    places = 0
    after_point = False
    for char, literal in section:
        if literal:
            continue
        if char == ".":
            after_point = True
        elif after_point and char in "0#?":
            places += 1
        elif after_point and char not in "0#?":
            after_point = False
    if not any(c in "0#?" and not literal for c, literal in section) or any(
            c in "eE" and not literal for c, literal in section):
        return GENERAL  # text alone, or scientific notation: read the value as typed
    sign = not percent and any(c == "%" and literal for c, literal in section)
    return NumberFormat(FormatKind.PERCENT if percent else FormatKind.NUMBER, places, currency, sign)


__all__ = ["GENERAL", "FormatKind", "NumberFormat", "read_format"]
