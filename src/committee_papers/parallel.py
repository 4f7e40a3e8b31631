"""Work done in a second process: a forked child renders one output while this process renders another.

After the one shared layout, ``--format both`` writes the Word file in a child while this
process writes the PDF (the pack sends the child its page numbers once they are known). The
child is a fork of this process, so it has the layout without pickling it; it sends its result
back through a pipe and leaves with ``os._exit``, never running this process's clean-up
(temporary files, ``atexit``). It holds no output file: every file is still written by this
process, through ``output.OutputSet``, so a run is all-or-nothing as before.

Where a fork is unavailable or unsafe (no ``os.fork``, one CPU, other threads running, or
``COMMITTEE_PAPERS_WORKERS=1``), nothing is forked and the caller does the work itself. A
child that fails, for any reason, gives no result: the caller then does that work itself,
so an error is raised exactly as a serial run raises it, located, in this process. The output
is the same bytes either way (``tests/test_parallel.py``).
"""

from __future__ import annotations

import io
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any, BinaryIO, Generic, TypeVar

from .output import OutputSet, Target, Writer

T = TypeVar("T")
WORKERS = "COMMITTEE_PAPERS_WORKERS"  # 1: never fork; 2: fork even on one CPU (tests)
# This process's ends of the pipes of children still running: a child forked later closes
# them, so a child waiting for its value sees the end of it as soon as this process closes it.
_OURS: set[int] = set()


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers() -> int:
    """Return how many processes may share the work: 2, or 1 where forking is unavailable or unsafe."""
    setting = os.environ.get(WORKERS, "").strip()
    if setting == "1" or not hasattr(os, "fork"):
        return 1
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return 1  # a fork copies one thread of many: locks held by the others would never be released
    return 2 if setting == "2" or _cpus() >= 2 else 1


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view):]


class Elsewhere(Generic[T]):
    """``work(value)`` run in a forked child; ``result()`` collects what it returned.

    With ``waits``, the child first runs ``prepare()`` (imports, say), then waits for the
    value this process gives to ``send``; otherwise ``work(None)`` starts at once. With
    ``waits`` and ``lazily``, ``work`` starts at once and is given a function that waits for
    the value, to call when it needs it. Where no
    child can be forked (or ``fork`` is false), ``started`` is false and ``result()`` is None:
    do the work here.
    Use it as a context manager: on leaving, a child still running is ended (SIGKILL) and
    reaped, so an error or Ctrl-C in this process never leaves it behind.
    """

    def __init__(self, work: Callable[[Any], T], *, waits: bool = False,
                 prepare: Callable[[], object] | None = None, fork: bool = True, lazily: bool = False) -> None:
        self._pid = 0
        self._results = -1
        self._values = -1
        self._collected: T | None = None
        self._done = False
        if not fork or workers() < 2:
            return
        results = os.pipe()
        values = os.pipe() if waits else (-1, -1)
        for stream in (sys.stdout, sys.stderr):  # else the child's copy of the buffers is written twice
            with suppress(AttributeError, OSError, ValueError):  # None, a closed pipe, a closed file
                stream.flush()
        try:
            pid = os.fork()
        except OSError:  # no memory or too many processes: the caller does the work
            for descriptor in (*results, *values):
                if descriptor >= 0:
                    os.close(descriptor)
            return
        if pid == 0:
            self._child(work, prepare, results[1], values[0], (results[0], values[1], *_OURS), lazily)
        os.close(results[1])
        if waits:
            os.close(values[0])
        self._pid, self._results, self._values = pid, results[0], values[1]
        _OURS.update(d for d in (results[0], values[1]) if d >= 0)

    @staticmethod
    def _child(work: Callable[[Any], T], prepare: Callable[[], object] | None, results: int, values: int,
               others: tuple[int, ...], lazily: bool = False) -> None:
        """Run the work and send its result; never return (``os._exit``), whatever happens."""
        code = 1
        try:
            for number in (signal.SIGINT, signal.SIGTERM, *(getattr(signal, n) for n in ("SIGHUP", "SIGQUIT")
                                                           if hasattr(signal, n))):
                signal.signal(number, signal.SIG_DFL)  # ended at once: the child has nothing to clean up
            for descriptor in others:
                if descriptor >= 0:
                    os.close(descriptor)
            given: object = None
            if values >= 0 and lazily:
                given = _receiver(values)
            elif values >= 0:
                if prepare is not None:
                    prepare()
                data = _read_all(values)
                if not data:  # this process gave up before sending anything
                    return
                given = pickle.loads(data)
            _write_all(results, pickle.dumps(work(given), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        except BaseException:  # no result: this process does the work itself, and reports any error
            pass
        finally:
            os._exit(code)

    @property
    def started(self) -> bool:
        """Whether a child is doing the work."""
        return self._pid != 0

    def send(self, value: object) -> None:
        """Give the waiting child its value (once)."""
        if self._values < 0:
            return
        try:
            _write_all(self._values, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # the child has gone: result() will be None
        finally:
            os.close(self._values)
            _OURS.discard(self._values)
            self._values = -1

    def result(self) -> T | None:
        """Wait for the child and return what its work returned, or None if there is no child or it failed."""
        if self._pid and not self._done:
            if self._values >= 0:  # it waits for a value that will not come
                os.close(self._values)
                _OURS.discard(self._values)
                self._values = -1
            data = _read_all(self._results)
            _, status = os.waitpid(self._pid, 0)
            self._done = True
            if os.waitstatus_to_exitcode(status) == 0 and data:
                try:
                    self._collected = pickle.loads(data)
                except Exception:
                    self._collected = None
        return self._collected

    def close(self) -> None:
        """End the child if it is still working, and reap it."""
        for name in ("_values", "_results"):
            descriptor = getattr(self, name)
            if descriptor >= 0:
                os.close(descriptor)
                _OURS.discard(descriptor)
                setattr(self, name, -1)
        if self._pid and not self._done:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._done = True

    def __enter__(self) -> Elsewhere[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _receiver(values: int) -> Callable[[], object]:
    """Return a function that waits for the value sent on ``values`` (once) and returns it;
    raises EOFError when this process gave up before sending it."""
    got: list[object] = []

    def receive() -> object:
        if not got:
            data = _read_all(values)
            if not data:
                raise EOFError("no value was sent")
            got.append(pickle.loads(data))
        return got[0]

    return receive


class Later(Generic[T]):
    """A value this process has only once it has done some of the work, which work done in a
    child forked before then needs too (each PDF's page count, for its Word file): ``value()``
    returns it in either process; in the child it waits until ``write_all`` sends it."""

    def __init__(self) -> None:
        self._value: T | None = None
        self._known = False
        self._receive: Callable[[], object] | None = None

    def give(self, value: T) -> None:
        """Know the value (in this process)."""
        self._value, self._known = value, True

    def value(self) -> T | None:
        """Return the value: known here, or received from this process in the child."""
        if not self._known and self._receive is not None:
            self.give(self._receive())  # type: ignore[arg-type]  # pickled by give's caller as a T
        return self._value


def _render(writers: Sequence[Writer], later: Later[Any] | None = None,
            receive: Callable[[], object] | None = None) -> list[bytes]:
    if later is not None and receive is not None:
        later._receive = receive
    done = []
    for write in writers:
        buffer = io.BytesIO()
        write(buffer)
        done.append(buffer.getvalue())
    return done


def _copy(data: bytes) -> Writer:
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write


def write_all(jobs: Sequence[tuple[Target, Writer, bool]], later: Later[Any] | None = None,
              value: Callable[[], object] = lambda: None) -> None:
    """Write each ``(target, write, away)`` as one all-or-nothing set (``output.OutputSet``).

    Those marked ``away`` are rendered meanwhile in a forked child (the Word files, say, while
    this process writes the PDFs), when there can be one and there is work left for this
    process; their bytes then go into the set here. Otherwise, or if the child fails, every
    output is written here, those not ``away`` first, so any error is raised as a serial run
    raises it. ``later`` is given ``value()`` once this process's outputs are written, and the
    child's writers may wait for it there (``Later.value``).
    """
    away = [write for _, write, elsewhere in jobs if elsewhere]
    split = bool(away) and len(away) < len(jobs)
    with Elsewhere(lambda receive: _render(away, later, receive), fork=split, waits=later is not None,
                   lazily=True) as child, OutputSet() as outputs:
        for target, write, elsewhere in jobs:
            if not elsewhere:
                outputs.write(target, write)
        if later is not None:  # every output not away is written: the away ones may need it now
            later.give(value())
            child.send(later.value())
        rendered = child.result()  # None without a child, or when it failed: render them here
        for number, (target, write) in enumerate((t, w) for t, w, e in jobs if e):
            outputs.write(target, write if rendered is None else _copy(rendered[number]))


__all__ = ["WORKERS", "Elsewhere", "Later", "workers", "write_all"]
