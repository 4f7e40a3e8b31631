"""Write output files atomically: a failure never leaves a partial file behind."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Target = str | os.PathLike[str] | BinaryIO


def write_output(target: Target, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a binary stream and put its bytes at ``target``.

    For a path, the bytes go to a temporary file beside it that is renamed into place only
    when ``write`` succeeds, so the previous file survives a failure. A stream is written to
    and left open.
    """
    if not isinstance(target, (str, os.PathLike)):
        buffer = io.BytesIO()
        write(buffer)  # render fully before touching the caller's stream
        target.write(buffer.getvalue())
        return
    path = Path(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
