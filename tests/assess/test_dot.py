"""The direction-of-travel engine, by example and by property."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from committee_papers.assess import Assessment, assess_change
from committee_papers.model import Direction, Judgement, Mark, Number, Pair, Polarity, Unit

figures = st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False, places=3)
tolerances = st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=2)
polarities = st.sampled_from([Polarity.HIGH, Polarity.LOW])
REVERSED = {Direction.UP: Direction.DOWN, Direction.DOWN: Direction.UP, Direction.SAME: Direction.SAME}
FLIPPED = {Judgement.BETTER: Judgement.WORSE, Judgement.WORSE: Judgement.BETTER,
           Judgement.NEUTRAL: Judgement.NEUTRAL}
OTHER = {Polarity.HIGH: Polarity.LOW, Polarity.LOW: Polarity.HIGH}


@given(figures, figures, polarities, tolerances)
def test_swapping_the_values_reverses_the_direction(a: Decimal, b: Decimal, polarity: Polarity, tol: Decimal) -> None:
    forward, backward = assess_change(a, b, polarity, tol), assess_change(b, a, polarity, tol)
    assert backward.direction is REVERSED[forward.direction]


@given(figures, figures, polarities, tolerances)
def test_flipping_the_polarity_flips_the_judgement(a: Decimal, b: Decimal, polarity: Polarity, tol: Decimal) -> None:
    one, other = assess_change(a, b, polarity, tol), assess_change(a, b, OTHER[polarity], tol)
    assert other.direction is one.direction
    assert other.judgement is FLIPPED[one.judgement]


@given(figures, st.sampled_from(list(Polarity)), tolerances)
def test_equal_values_are_unchanged_and_neutral(a: Decimal, polarity: Polarity, tol: Decimal) -> None:
    assert assess_change(a, a, polarity, tol) == Assessment(Direction.SAME, Judgement.NEUTRAL)


@given(figures, figures, tolerances)
def test_no_polarity_is_never_better_or_worse(a: Decimal, b: Decimal, tol: Decimal) -> None:
    assert assess_change(a, b, Polarity.NONE, tol).judgement is Judgement.NEUTRAL


@given(figures, figures, polarities)
def test_direction_follows_the_sign_of_the_difference(a: Decimal, b: Decimal, polarity: Polarity) -> None:
    direction = assess_change(a, b, polarity).direction
    expected = Direction.UP if a > b else Direction.DOWN if a < b else Direction.SAME
    assert direction is expected


@pytest.mark.parametrize(
    ("current", "reference", "polarity", "direction", "judgement", "words"),
    [
        ("6.4", "5.75", Polarity.HIGH, Direction.UP, Judgement.BETTER, "Increased – better"),
        ("32.1", "54.8", Polarity.HIGH, Direction.DOWN, Judgement.WORSE, "Decreased – worse"),
        ("450", "454", Polarity.LOW, Direction.DOWN, Judgement.BETTER, "Decreased – better"),
        ("17.1", "14", Polarity.LOW, Direction.UP, Judgement.WORSE, "Increased – worse"),
        ("19.1", "19.1", Polarity.LOW, Direction.SAME, Judgement.NEUTRAL, "No change"),
    ],
)
def test_seed_cases(current: str, reference: str, polarity: Polarity, direction: Direction,
                    judgement: Judgement, words: str) -> None:
    result = assess_change(Decimal(current), Decimal(reference), polarity)
    assert (result.direction, result.judgement, result.words) == (direction, judgement, words)


def test_tolerance_absorbs_small_changes() -> None:
    assert assess_change(Decimal("10.4"), Decimal("10"), Polarity.HIGH, Decimal("0.5")).direction is Direction.SAME
    assert assess_change(Decimal("10.6"), Decimal("10"), Polarity.HIGH, Decimal("0.5")).direction is Direction.UP
    with pytest.raises(ValueError):
        assess_change(1, 2, Polarity.HIGH, -1)


def test_count_with_rate_compares_on_the_count() -> None:
    now = Pair(Number(Decimal(501), Unit.COUNT), Number(Decimal("174.7"), Unit.RATE))
    before = Pair(Number(Decimal(504), Unit.COUNT), Number(Decimal("175.7"), Unit.RATE))
    assert assess_change(now, before, Polarity.LOW).words == "Decreased – better"


def test_agreement_with_published_marks() -> None:
    down_better = Assessment(Direction.DOWN, Judgement.BETTER)
    assert down_better.agrees_with(Mark(Direction.DOWN, Judgement.BETTER))
    assert down_better.agrees_with(Mark(Direction.DOWN))
    assert not down_better.agrees_with(Mark(Direction.UP, Judgement.BETTER))
    assert not down_better.agrees_with(Mark(Direction.DOWN, Judgement.WORSE))
