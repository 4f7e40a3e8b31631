"""The rules of a pack: status rules and exception selection, as named presets or a rules file.

- ``havering`` (the default): Green on target or within 10%; Amber beyond it but improved on the
  previous period; Red beyond it and not improved. Better/worse arrows. Selects ``red`` and
  ``worse_than_target_and_worsening``.
- ``belfast``: Green within 1% of target; Amber from 1% to 5%; Red 5% or more off. Better/worse
  arrows. Selects ``red``.
- ``blackpool``: the status rules of ``havering`` (Blackpool's pages publish no RAG), with the
  value's arrow and a tick or cross. Selects ``red`` and ``worse_than_target_and_worsening``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DotConvention
from .selection import RED, WORSE_THAN_TARGET_AND_WORSENING, SelectionRule
from .status import StatusRules, belfast, havering


@dataclass(frozen=True, slots=True)
class Rules:
    """How a pack judges indicators and which it makes exception pages for."""

    name: str
    status: StatusRules
    select: tuple[SelectionRule, ...]

    @property
    def description(self) -> str:
        """Return a one-line summary, e.g. ``havering: select red or worse_than_target_and_worsening``."""
        chosen = " or ".join(rule.name for rule in self.select) or "nothing"
        return f"{self.name}: select {chosen}"


PRESETS: dict[str, Rules] = {
    "havering": Rules("havering", havering(), (RED, WORSE_THAN_TARGET_AND_WORSENING)),
    "belfast": Rules("belfast", belfast(), (RED,)),
    "blackpool": Rules("blackpool", havering(dot=DotConvention.BLACKPOOL),
                       (RED, WORSE_THAN_TARGET_AND_WORSENING)),
}
DEFAULT_PRESET = "havering"


def preset(name: str) -> Rules:
    """Return a preset's rules by name (case-insensitive)."""
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        raise KeyError(f"no preset named {name!r}: the presets are {', '.join(PRESETS)}") from None


__all__ = ["DEFAULT_PRESET", "PRESETS", "Rules", "preset"]
