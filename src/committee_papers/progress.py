"""A progress bar for the terminal: drawn only on a terminal, and only for slow work."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 0.4  # seconds of work before the bar appears: quick runs stay quiet


class ProgressBar:
    """Count steps and redraw one line on a terminal; stay silent anywhere else."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 24) -> None:
        self.total = max(total, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.done = 0
        self.started = time.monotonic()
        self.drawn = False
        self.active = self.stream.isatty()

    def step(self, label: str) -> None:
        """Record that a step has begun, and redraw the bar if it is shown."""
        self.done = min(self.done + 1, self.total)
        if not self.active or time.monotonic() - self.started < DELAY:
            return
        filled = round(self.width * (self.done - 1) / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {label[:50]:<50}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Clear the bar's line, if one was drawn."""
        if self.drawn:
            self.stream.write("\r" + " " * (self.width + 53) + "\r")
            self.stream.flush()
