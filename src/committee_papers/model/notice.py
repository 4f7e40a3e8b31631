"""Notices: what a reader changed in the input, or doubts about it, to be reported by ``check``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Notice:
    """One thing a person should look at: where (``values!C5``, ``sections[0].title``), what,
    and a stable code; ``indicator`` names the indicator it concerns (``CS05 Referrals ...``)."""

    where: str
    message: str
    code: str
    indicator: str | None = None


__all__ = ["Notice"]
