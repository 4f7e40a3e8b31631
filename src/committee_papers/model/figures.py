"""Read a figure written as text, strictly and the same way for every input.

One parser serves YAML scalars, JSON strings, CSV cells, workbook text cells and rules
files, so ``81,9`` cannot mean 81.9 in one place and 819 in another. A figure is an
optional sign, an optional ``£``, digits, an optional decimal part and an optional ``%``:

- thousands separators are allowed only between groups of exactly three digits
  (``1,234,567``), so ``81,9`` is refused rather than read as 819;
- a decimal comma (``81,9``; thousands then as ``1.234,5`` or ``1 234,5``) only when the
  input declares it (``decimal_comma=True``);
- no exponents, hex, fractions or words: a figure is written out as it is to be published.

The text's decimal places are kept: ``44.60`` is ``Decimal("44.60")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .values import check_figure

_SIGNS = "+-\u2212"  # U+2212 MINUS SIGN, as Word and Excel sometimes write it
_POINT = re.compile(
    r"^(?P<sign>[+\-\u2212])?\s*(?P<money>£)?\s*"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<part>\d+))?\s*(?P<percent>%)?$")
_COMMA = re.compile(
    r"^(?P<sign>[+\-\u2212])?\s*(?P<money>£)?\s*"
    r"(?P<whole>\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)?(?:,(?P<part>\d+))?\s*(?P<percent>%)?$")
_LOOKS_LIKE_DECIMAL_POINT = re.compile(r"^[+\-\u2212]?\s*£?\s*\d+\.(?:\d{1,2}|\d{4,})\s*%?$")
_LOOKS_LIKE_DECIMAL_COMMA = re.compile(r"^[+\-\u2212]?\s*£?\s*\d+,(?:\d{1,2}|\d{4,})\s*%?$")


class NotAFigure(ValueError):
    """The text is not a figure at all (as opposed to a figure written almost right)."""


@dataclass(frozen=True, slots=True)
class WrittenFigure:
    """A figure as written: its value, and the symbol written with it (``%``, ``£`` or None)."""

    value: Decimal
    symbol: str | None = None


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:30] + "...")


def parse_figure(text: str, *, decimal_comma: bool = False) -> WrittenFigure:
    """Return the figure ``text`` spells; raise ValueError saying what to write instead.

    ``decimal_comma`` reads ``81,9`` as 81.9 (and ``1.234,5`` as 1234.5), for inputs that
    declare a locale writing decimals with a comma. The result is range-checked
    (``check_figure``).
    """
    written = text.strip()
    match = (_COMMA if decimal_comma else _POINT).match(written)
    if not match or (match["whole"] is None and match["part"] is None):
        advice = _advice(written, decimal_comma)
        raise ValueError(advice) if advice else NotAFigure(
            f"{_quoted(written)} is not a figure: write a number such as 1,234 or 45.6")
    if match["money"] and match["percent"]:
        raise ValueError(f"{_quoted(written)} has both £ and %: write one")
    whole = re.sub(r"\D", "", match["whole"] or "0")
    digits = whole + (f".{match['part']}" if match["part"] is not None else "")
    sign = "-" if match["sign"] in ("-", "\u2212") else ""
    value = Decimal(sign + digits)
    check_figure(value)
    return WrittenFigure(value, "%" if match["percent"] else "£" if match["money"] else None)


def _advice(whole: str, decimal_comma: bool) -> str | None:
    if len(whole) > 60:
        return None  # not a figure anyone typed: the plain refusal, without echoing all of it
    text = whole
    if decimal_comma and _LOOKS_LIKE_DECIMAL_POINT.match(text):
        return (f"{text!r} has a decimal point but the decimal comma is declared: write "
                f"{text.replace('.', ',')!r}")
    if not decimal_comma and _LOOKS_LIKE_DECIMAL_COMMA.match(text):
        point = text.replace(",", ".")
        return (f"{text!r} looks like a decimal comma: write {point!r}, or declare the decimal comma "
                "(the setting decimal_separator: ',')")
    if re.match(r"^[+\-\u2212]?\s*£?\s*[\d,]+(?:\.\d+)?\s*%?$", text) and "," in text:
        return (f"{text!r} has a thousands separator in the wrong place: separators come between "
                "groups of three digits, as in 1,234,567")
    if re.search(r"\d[eE][+\-]?\d", text):
        return f"{text!r} is in scientific notation: write the figure out in full"
    return None


__all__ = ["NotAFigure", "WrittenFigure", "parse_figure"]
