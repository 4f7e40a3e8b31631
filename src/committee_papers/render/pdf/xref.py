"""Finish the file reportlab wrote: new objects in compressed object streams, one xref stream.

A tagged report has about fifty structure elements a page, each a small object. Written one
by one they would make the file four times its size; packed into object streams (PDF 1.5, and
allowed by PDF/A-2 and PDF/UA) and compressed, they add about a tenth. reportlab's objects stay
as they are, found through a cross-reference stream that replaces its table and trailer. Its
streams get the end of line before ``endstream`` that the PDF standard recommends and PDF/A
requires.
"""

from __future__ import annotations

import re
import struct
import zlib
from bisect import bisect_left
from dataclasses import dataclass

from ...errors import CommitteePapersError

PER_STREAM = 1000  # objects in one object stream
LEVEL = 1  # zlib's fastest: four times as quick as its default, and a fifth bigger
_ENTRY = struct.Struct(">BIH")  # /W [1 4 2]: type, offset or stream, generation or index
_LENGTH = re.compile(rb"/Length (\d+)")
_TRAILER = {key: re.compile(pattern) for key, pattern in (
    ("size", rb"/Size (\d+)"), ("root", rb"/Root (\d+) 0 R"), ("info", rb"/Info (\d+) 0 R"),
    ("id", rb"/ID\s*(\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\])"))}


@dataclass
class Written:
    """reportlab's objects and what its trailer says of them."""

    body: bytearray  # everything before its cross-reference table
    offsets: list[int | None]  # by object number; None for a free one
    root: int
    info: int
    ids: bytes

    @property
    def count(self) -> int:
        """Return the number of the first object that is not reportlab's."""
        return len(self.offsets)


def read(data: bytes) -> Written:
    """Read reportlab's file: its objects, its one cross-reference section and its trailer."""
    xref = data.rindex(b"\nxref\n") + 1
    entries = data.index(b"\n", xref + 5) + 1
    trailer = data.index(b"trailer\n", entries)
    found = {key: pattern.search(data, trailer) for key, pattern in _TRAILER.items()}
    size = found["size"]
    if not data[xref:entries].startswith(b"xref\n0 ") or any(m is None for m in found.values()):
        raise CommitteePapersError("reportlab wrote a PDF whose end could not be read: "
                                   "the PDF cannot be tagged with this version of reportlab")
    table = data[entries:trailer]
    count = int(size.group(1)) if size else 0
    offsets = [int(table[20 * i:20 * i + 10]) if table[20 * i + 17:20 * i + 18] == b"n" else None
               for i in range(count)]
    body, offsets = _end_of_lines(data[:xref], offsets)
    root, info, ids = (found[key] for key in ("root", "info", "id"))
    assert root and info and ids
    return Written(body, offsets, int(root.group(1)), int(info.group(1)), ids.group(1))


def _end_of_lines(body: bytes, offsets: list[int | None]) -> tuple[bytearray, list[int | None]]:
    """Return the objects with an end of line before each ``endstream``, and their new offsets."""
    starts = sorted(o for o in offsets if o is not None)
    inserts: list[int] = []
    for start, bound in zip(starts, [*starts[1:], len(body)], strict=True):
        keyword = body.find(b"\nstream\n", start, bound)
        length = _LENGTH.search(body, start, keyword) if keyword >= 0 else None
        if length is not None:
            end = keyword + 8 + int(length.group(1))
            if body[end:end + 9] == b"endstream":
                inserts.append(end)
    out = bytearray()
    previous = 0
    for position in inserts:
        out += body[previous:position] + b"\n"
        previous = position
    out += body[previous:]
    return out, [None if o is None else o + bisect_left(inserts, o) for o in offsets]


def _object_stream(objects: list[str], first: int) -> bytes:
    """Return the dictionary and stream of an object stream holding objects numbered from ``first``."""
    header, offset = [], 0
    for number, text in enumerate(objects, first):
        header.append(f"{number} {offset}")
        offset += len(text) + 1
    head = " ".join(header) + "\n"
    data = zlib.compress((head + "\n".join(objects) + "\n").encode("ascii"), LEVEL)
    return (b"<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n"
            % (len(objects), len(head), len(data)) + data + b"\nendstream")


def write(written: Written, objects: list[str]) -> bytes:
    """Return the file with ``objects`` (numbered on from reportlab's) added, and its xref stream."""
    body, first = written.body, written.count
    rows = [_ENTRY.pack(0, 0, 65535) if o is None else _ENTRY.pack(1, o, 0) for o in written.offsets]
    streams = first + len(objects)  # the number of the first object stream
    rows += [_ENTRY.pack(2, streams + index // PER_STREAM, index % PER_STREAM) for index in range(len(objects))]
    number = streams
    for start in range(0, len(objects), PER_STREAM):
        rows.append(_ENTRY.pack(1, len(body), 0))
        body += b"%d 0 obj\n" % number + _object_stream(objects[start:start + PER_STREAM], first + start)
        body += b"\nendobj\n"
        number += 1
    rows.append(_ENTRY.pack(1, len(body), 0))
    table = zlib.compress(b"".join(rows), LEVEL)
    start = len(body)
    body += (b"%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /ID %s "
             b"/Filter /FlateDecode /Length %d>>\nstream\n"
             % (number, number + 1, written.root, written.info, written.ids, len(table)))
    body += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(body)
