"""Figures written as given, with the locale's grouping and symbols."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from committee_papers.formatting import (
    LocaleError,
    check_locale,
    format_long_date,
    format_number,
    format_target,
    format_value,
)
from committee_papers.model import Number, Pair, Target, TargetKind, Unit


@pytest.mark.parametrize(("value", "unit", "text"), [
    ("41", Unit.PERCENT, "41%"),
    ("9.38", Unit.PERCENT, "9.38%"),
    ("44.6", Unit.PERCENT, "44.6%"),
    ("44.60", Unit.PERCENT, "44.60%"),
    ("2774", Unit.COUNT, "2,774"),
    ("1056.6", Unit.RATE, "1,056.6"),
    ("1234.5", Unit.MONEY, "£1,234.5"),
    ("-1234.50", Unit.MONEY, "-£1,234.50"),
    ("12.5", Unit.DAYS, "12.5"),
    ("-0.001", Unit.NUMBER, "-0.001"),
    ("1234567890.123456", Unit.NUMBER, "1,234,567,890.123456"),
])
def test_figures_keep_their_precision(value: str, unit: Unit, text: str) -> None:
    assert format_number(Number(Decimal(value), unit)) == text


def test_count_with_rate() -> None:
    pair = Pair(Number(Decimal(2774), Unit.COUNT), Number(Decimal("955.6"), Unit.RATE))
    assert format_value(pair) == "2,774 (955.6)"


def test_other_locales_use_their_own_symbols() -> None:
    assert format_number(Number(Decimal("1234.5"), Unit.PERCENT), "de_DE") == "1.234,5%"


def test_unknown_locale_is_a_clear_error() -> None:
    with pytest.raises(LocaleError, match="unknown locale 'xx_YY'"):
        check_locale("xx_YY")


def test_targets() -> None:
    assert format_target(Target(TargetKind.VALUE, Number(Decimal("70"), Unit.PERCENT))) == "70%"
    assert format_target(Target(TargetKind.INCREASE)) == "Increase on previous year"
    assert format_target(Target(TargetKind.TEXT, wording="Top quartile")) == "Top quartile"


def test_meeting_date() -> None:
    assert format_long_date(dt.date(2015, 12, 7)) == "7 December 2015"


@pytest.mark.parametrize("locale", ["en_GB", "de_DE", "fr_FR", "hi_IN", "cy_GB"])
@pytest.mark.parametrize("value", ["0", "-0.5", "12", "1234", "-1234567.891", "1000000.00", "0.000001", "999.9"])
def test_fast_formatting_matches_babel(locale: str, value: str) -> None:
    from babel.numbers import format_decimal

    number = Number(Decimal(value), Unit.NUMBER)
    pattern = "#,##0" + ("." + "0" * number.places if number.places else "")
    assert format_number(number, locale) == format_decimal(number.value, format=pattern, locale=locale)
