"""RAG status and the direction-of-travel convention: results and settings, as enums."""

from __future__ import annotations

from enum import Enum


class Rag(Enum):
    """An indicator's status: Red, Amber or Green against its target; Blue or Grey if it has none."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    BLUE = "blue"  # no target to judge against (none, a baseline year, or text only)
    GREY = "grey"  # no figures

    @property
    def label(self) -> str:
        """Return the word shown in a scorecard, e.g. ``Red``."""
        return self.value.capitalize()


class DotConvention(Enum):
    """How a direction-of-travel mark is drawn; data for the renderers, not a computation."""

    BLACKPOOL = "blackpool"  # the arrow is the way the value moved; a tick or cross says if good
    BETTER_WORSE = "better_worse"  # the arrow says better or worse; its colour carries the verdict
