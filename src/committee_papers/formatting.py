"""Write figures as a council would: Babel for the locale, the precision they were given."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, get_currency_symbol

from .model import Number, Pair, Target, TargetKind, Unit, Value


class LocaleError(ValueError):
    """The locale is not one Babel knows."""


@lru_cache(maxsize=32)
def _locale(name: str) -> Locale:
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError) as error:
        raise LocaleError(f"unknown locale {name!r}: use a name such as en_GB or cy_GB") from error


def check_locale(name: str) -> None:
    """Raise LocaleError if Babel does not know the locale."""
    _locale(name)


def _pattern(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def _percent_sign(loc: Locale) -> str:
    symbols = loc.number_symbols
    table = symbols.get("latn", symbols)  # Babel 2.14+ keys the symbols by numbering system
    return str(table.get("percentSign", "%"))


@lru_cache(maxsize=32)
def _symbols(name: str) -> tuple[str, str, str] | None:
    """Return the group, decimal and minus signs where grouping is plain thousands, else None."""
    loc = _locale(name)
    if loc.decimal_formats[None].grouping != (3, 3):
        return None  # e.g. hi_IN groups lakhs: leave it to Babel
    table = loc.number_symbols.get("latn", loc.number_symbols)
    return str(table["group"]), str(table["decimal"]), str(table.get("minusSign", "-"))


def _digits(number: Number, locale: str) -> str:
    """Return the figure's digits as Babel would write them: thousands grouped, places kept."""
    symbols = _symbols(locale)
    if symbols is None:
        return format_decimal(number.value, format=_pattern(number.places), locale=_locale(locale),
                              decimal_quantization=True)
    group, decimal, minus = symbols
    text = format(number.value, f",.{number.places}f")  # exact: the places are the figure's own
    if text.startswith("-"):
        text = minus + text[1:]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def format_number(number: Number, locale: str = "en_GB") -> str:
    """Return a figure with grouping and exactly the decimal places it was given."""
    loc = _locale(locale)
    digits = _digits(number, locale)
    if number.unit is Unit.PERCENT:
        return digits + _percent_sign(loc)
    if number.unit is Unit.MONEY:
        symbol = get_currency_symbol("GBP", locale=loc)
        if digits.startswith("-"):
            return "-" + symbol + digits[1:]
        return symbol + digits
    return digits


def format_value(value: Value, locale: str = "en_GB") -> str:
    """Return a figure, or a count with its rate as ``2,774 (955.6)``."""
    if isinstance(value, Pair):
        return f"{format_number(value.primary, locale)} ({format_number(value.secondary, locale)})"
    return format_number(value, locale)


def format_target(target: Target, locale: str = "en_GB") -> str:
    """Return a target as shown in the Target column: its wording as typed, else its figure."""
    if target.wording is not None:
        return target.wording
    if target.kind is TargetKind.VALUE:
        assert target.value is not None
        return format_value(target.value, locale)
    assert target.wording is not None
    return target.wording


def format_long_date(day: dt.date, locale: str = "en_GB") -> str:
    """Return a meeting date as ``7 December 2015``."""
    return format_date(day, format="d MMMM y", locale=_locale(locale))
