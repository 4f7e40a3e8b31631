"""The command line's process while a command runs: ending signals unwind the stack, garbage
is collected less often, and numpy is kept out. Only ``cli`` uses these: the library leaves its
caller's process as it finds it.
"""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

GC_THRESHOLD = 50_000  # allocations between collections of the youngest generation (Python's default: 700)


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so temporary files are removed on the way out."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
                if hasattr(signal, name))


@contextmanager
def signals_unwind() -> Iterator[None]:
    """While the command runs, an ending signal (SIGTERM, SIGHUP, ...) unwinds the stack, so
    temporary files are removed on the way out, instead of killing the process where it is."""
    previous: dict[int, Any] = {}
    try:
        for number in _ENDING:
            previous[number] = signal.signal(number, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often while a command runs (the objects it makes are long-lived
    and hardly ever in cycles), and forget what ``gc.freeze`` set aside when it ends.

    Loading and laying out a report keep hundreds of thousands of small objects alive, which
    Python's collector (every 700 allocations by default) walks again and again: a sixth of a
    1,000-page run. ``cli`` (render) and ``pack_command`` also freeze what they have loaded, so
    later collections skip it. Peak memory is unchanged (benchmarks/README.md).
    """
    old = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


@contextmanager
def without_numpy() -> Iterator[None]:
    """Keep numpy out of the command's process while it runs, unless it is already loaded.

    openpyxl imports numpy, when it is installed (pandas brings it), only to recognise numpy
    numbers in cells it is given to write; the command line never gives it any, and importing
    numpy costs about 0.1 s of a workbook's pack. ``import numpy`` fails meanwhile, and works
    again when the command ends.
    """
    if "numpy" in sys.modules:
        yield
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # the documented way to make an import fail
    try:
        yield
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]
