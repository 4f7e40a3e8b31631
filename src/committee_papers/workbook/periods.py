"""The period a workbook reports: a financial quarter or a year (labels are read by the model)."""

from __future__ import annotations

from typing import Any

from ..model import Frequency, ReportingPeriod, parse_period


def parse_reporting_period(value: Any) -> ReportingPeriod:
    """Return the period a report covers: a financial quarter, or a whole year.

    Raise ValueError for a month or anything that is not a period.
    """
    period = parse_period(value)
    if period.frequency is Frequency.MONTHLY:
        raise ValueError(f"the period reported is a quarter such as 'Q3 2016/17' or a year, not a month ({value!r})")
    return ReportingPeriod(period.year, period.index)


__all__ = ["parse_period", "parse_reporting_period"]
