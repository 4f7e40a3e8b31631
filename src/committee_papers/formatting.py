"""Write figures as a council would: Babel for the locale, the precision they were given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
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


def _digits(number: Number, locale: str, grouped: bool = True) -> str:
    """Return the figure's digits as Babel would write them: thousands grouped (unless not
    ``grouped``), places kept."""
    symbols = _symbols(locale)
    if symbols is None:
        pattern = _pattern(number.places) if grouped else _pattern(number.places).replace("#,##", "")
        return format_decimal(number.value, format=pattern, locale=_locale(locale),
                              decimal_quantization=True, group_separator=grouped)
    group, decimal, minus = symbols
    text = format(number.value, f"{',' if grouped else ''}.{number.places}f")  # exact: the figure's own places
    if text.startswith("-"):
        text = minus + text[1:]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def format_number(number: Number, locale: str = "en_GB", *, ungrouped: Collection[Unit] = ()) -> str:
    """Return a figure with thousands grouped and exactly the decimal places it was given.

    Figures whose unit is in ``ungrouped`` are written without thousands separators, as some
    house styles write rates (Blackpool: ``3,031 (1056.6)``).
    """
    loc = _locale(locale)
    digits = _digits(number, locale, number.unit not in ungrouped)
    if number.unit is Unit.PERCENT:
        return digits + _percent_sign(loc)
    if number.unit is Unit.MONEY:
        symbol = get_currency_symbol("GBP", locale=loc)
        if digits.startswith("-"):
            return "-" + symbol + digits[1:]
        return symbol + digits
    return digits


def format_value(value: Value, locale: str = "en_GB", *, ungrouped: Collection[Unit] = (),
                 prefix: str = "", suffix: str = "") -> str:
    """Return a figure, or a count with its rate as ``2,774 (955.6)``.

    ``prefix`` and ``suffix`` are a custom unit written around a single figure (``£`` and
    ``k``; `` days``); ``ungrouped`` as for ``format_number``.
    """
    if isinstance(value, Pair):
        return (f"{format_number(value.primary, locale, ungrouped=ungrouped)} "
                f"({format_number(value.secondary, locale, ungrouped=ungrouped)})")
    return f"{prefix}{format_number(value, locale, ungrouped=ungrouped)}{suffix}"


def format_target(target: Target, locale: str = "en_GB", *, ungrouped: Collection[Unit] = (),
                  prefix: str = "", suffix: str = "") -> str:
    """Return a target as shown in the Target column: its wording as typed, else its figure."""
    if target.wording is not None:
        return target.wording
    if target.kind is TargetKind.VALUE:
        assert target.value is not None
        return format_value(target.value, locale, ungrouped=ungrouped, prefix=prefix, suffix=suffix)
    assert target.wording is not None
    return target.wording


def format_long_date(day: dt.date, locale: str = "en_GB") -> str:
    """Return a meeting date as ``7 December 2015``."""
    return format_date(day, format="d MMMM y", locale=_locale(locale))
