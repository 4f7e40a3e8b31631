"""Write output files atomically, alone or as a set: a failure never leaves a partial file.

Each file is written to a hidden temporary file beside its target, flushed to disk, and
renamed into place only when every file of the set is complete, so a failure, a full disk,
Ctrl-C or SIGTERM leaves every earlier file exactly as it was, and a .docx and .pdf of one
report (or a whole batch) are never out of step. Temporary names are kept short enough for
any file system.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import signal
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, BinaryIO

from .errors import CommitteePapersError

Target = str | os.PathLike[str] | BinaryIO
Writer = Callable[[BinaryIO], object]  # its return value is ignored
_NAME_KEPT = 60  # bytes of the target's name kept in its temporary name


class OutputError(CommitteePapersError):
    """An output file cannot be written: the message names it and what to do."""


def name_limit(folder: Path) -> int:
    """Return the longest file name, in bytes, the file system of ``folder`` allows."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def check_name(path: Path) -> None:
    """Raise OutputError when ``path``'s name is longer than its file system allows."""
    folder = path.parent if path.parent.exists() else Path(".")
    size, limit = len(os.fsencode(path.name)), name_limit(folder)
    if size > limit:
        raise OutputError(f"the output name {path.name[:40]}... is {size} bytes long, more than the {limit} "
                          "the file system allows: give the input file a shorter name")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def check_targets(targets: Sequence[Path], inputs: Sequence[Path]) -> None:
    """Raise OutputError if an output would replace an input, or its name is too long."""
    for target in targets:
        check_name(target)
        for source in inputs:
            if _same_file(target, source):
                raise OutputError(f"writing {target} would overwrite the input {source}: choose another "
                                  "output folder, or rename the input file")


def advice(error: OSError) -> str:
    """Return what to do about an OSError met while writing, by its errno."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "free some space, or choose another folder"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "choose a folder you can write to"
    if code == errno.ENAMETOOLONG:
        return "give the input file a shorter name, or write to a shorter folder path"
    if code in (errno.ENOENT, errno.ENOTDIR):
        return "check that the folder exists and is a folder"
    return "check the folder and try again"


def _temporary_name(path: Path) -> Path:
    name = os.fsdecode(os.fsencode(path.name)[:_NAME_KEPT]).rstrip("\ufffd") or "output"
    return path.parent / f".{name}.{secrets.token_hex(4)}.part"


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the renames are still atomic
    finally:
        os.close(descriptor)


def check_target(path: Path) -> None:
    """Raise OutputError unless ``path`` is free or an ordinary file that may be replaced.

    A folder, a link, a device or a pipe at the target's name is refused: replacing it would
    destroy something that is not an earlier output.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        return  # an unreadable folder: the write itself will say so
    if stat.S_ISREG(mode):
        return
    kind = ("a folder" if stat.S_ISDIR(mode) else "a link" if stat.S_ISLNK(mode)
            else "a device or pipe")
    raise OutputError(f"{path} is {kind}, not a file this run may replace: choose another output name or folder")


# Signals that end a run: while the outputs are being put in place they wait, so the set of
# files changes whole. SIGKILL cannot be caught (nothing can be promised for it).
DEFERRED = tuple(getattr(signal, name) for name in
                 ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
                 if hasattr(signal, name))


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold the ending signals until the block is done (where the platform can)."""
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, DEFERRED)
    except (AttributeError, ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, DEFERRED)


class OutputSet:
    """Files that appear together or not at all.

    ``write`` renders each file completely (to a temporary file beside a path target, or to
    memory for a stream); ``commit`` then renames every temporary file into place and writes
    every stream, with ending signals held until it is done. Used as a context manager, the
    set commits when the block ends normally and discards every temporary file when it raises
    (KeyboardInterrupt and SystemExit too). ``protect`` names input files no output may replace.
    """

    def __init__(self, protect: Sequence[str | os.PathLike[str]] = ()) -> None:
        self._files: list[tuple[str, Path]] = []
        self._streams: list[tuple[BinaryIO, bytes]] = []
        self._protect = [Path(p) for p in protect]
        self._handlers: dict[int, Any] = {}
        self._signalled: int | None = None
        self.committed = False

    def _record(self, signum: int, frame: FrameType | None) -> None:
        """Remember an ending signal, then let its handler raise: some libraries swallow
        exceptions (a bare ``except:``), and the set must still not commit after it."""
        self._signalled = signum
        handler = self._handlers.get(signum)
        if callable(handler):
            handler(signum, frame)

    def _watch(self) -> None:
        for number in DEFERRED:
            try:
                current = signal.getsignal(number)
                if callable(current):  # a Python handler that raises (KeyboardInterrupt, the CLI's)
                    self._handlers[number] = current
                    signal.signal(number, self._record)
            except (ValueError, OSError):  # not the main thread
                return

    def _unwatch(self) -> None:
        for number, handler in self._handlers.items():
            with suppress(ValueError, OSError):
                signal.signal(number, handler)
        self._handlers.clear()

    def _stop_if_signalled(self) -> None:
        if self._signalled is not None:
            handler = self._handlers.get(self._signalled)
            if callable(handler):
                handler(self._signalled, None)
            raise KeyboardInterrupt

    def write(self, target: Target, write: Writer) -> None:
        """Render one output with ``write(stream)``; it appears only at ``commit``.

        A path's folder is made if missing. Raise OutputError for a name too long for the
        file system; an OSError from writing propagates, with its filename set to the target.
        """
        if not isinstance(target, (str, os.PathLike)):
            buffer = io.BytesIO()
            write(buffer)  # render fully before touching the caller's stream
            self._streams.append((target, buffer.getvalue()))
            return
        path = Path(target)
        check_targets([path], self._protect)
        check_target(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            error.filename = str(path)
            raise
        # Named and remembered before it exists, so a signal at any moment leaves nothing behind.
        temporary = str(_temporary_name(path))
        self._files.append((temporary, path))
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            error.filename = str(path)
            raise
        try:
            with os.fdopen(descriptor, "wb") as stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o644)
        except OSError as error:
            if not error.filename or str(error.filename).endswith(".part"):
                error.filename = str(path)
            raise

    def commit(self) -> None:
        """Put every output in place: rename the files, then write the streams.

        Every target is checked again first, so one that has become a folder stops the commit
        before any file is replaced; signals wait until every rename is done.
        """
        self._stop_if_signalled()
        for _, path in self._files:
            check_target(path)
        folders = set()
        try:
            with _signals_held():
                for temporary, path in self._files:
                    os.replace(temporary, path)
                    folders.add(path.parent)
                self._files.clear()
                self.committed = True
        except BaseException as error:  # a signal held during the renames arrives as they end
            if self.committed:
                error.after_commit = True  # type: ignore[attr-defined]
            raise
        for folder in folders:
            _sync_folder(folder)
        for stream, data in self._streams:
            stream.write(data)
        self._streams.clear()

    def discard(self) -> None:
        """Remove every temporary file; nothing is written to any stream."""
        for temporary, _ in self._files:
            Path(temporary).unlink(missing_ok=True)
        self._files.clear()
        self._streams.clear()

    def __enter__(self) -> OutputSet:
        self._watch()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if kind is None:
                try:
                    self.commit()
                except BaseException:
                    self.discard()
                    raise
            else:
                self.discard()
        finally:
            self._unwatch()


def write_output(target: Target, write: Writer, *, protect: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Call ``write`` with a binary stream and put its bytes at ``target``, atomically.

    For a path, the bytes go to a temporary file beside it that is renamed into place only
    when ``write`` succeeds, so the previous file survives a failure; the folder is made if
    missing. A stream is written to only once the output is complete, and is left open.
    Raise OutputError if the target is a folder, link, device or pipe, or one of ``protect``.
    """
    with OutputSet(protect) as outputs:
        outputs.write(target, write)


__all__ = ["DEFERRED", "OutputError", "OutputSet", "Target", "advice", "check_name", "check_target",
           "check_targets", "write_output"]
