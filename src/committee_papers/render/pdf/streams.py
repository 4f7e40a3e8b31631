"""Compressed streams whose data never ends with a carriage return.

qpdf writes each stream as ``stream`` EOL, the data, then LF ``endstream``. Data whose last byte
is a carriage return (CR) then ends ``CR LF endstream``, which a PDF/A validator that finds the
data's end by searching for ``endstream`` reads as a CR LF end of line, one byte short of the
stream's /Length (ISO 19005-2 §6.1.7.1). The file is right by ISO 32000-1 §7.3.8.1, but such
validators are what councils check archive copies with, so no stream is left to chance. A
Flate stream's last byte is the low byte of the sum of its data's bytes plus one (the Adler-32
checksum, RFC 1950), so one byte of padding that means nothing where it goes changes it: a
newline after a content stream or a CMap, a byte after the last table of a font program (whose
table directory says where everything is), or one more CID's entry in a CIDToGIDMap.
"""

from __future__ import annotations

import zlib

import pikepdf
from pikepdf import Name

CR = 0x0D
NEWLINE = "\n".encode("ascii")  # white space: nothing in a content stream or a CMap
ONE = bytes([1])  # after the last table of a font program (a zero would not change the sum)
UNUSED_CID = bytes([0, 1])  # one more CID, never drawn, to glyph 1


def flate(data: bytes, pad: bytes, level: int = 6) -> tuple[bytes, int]:
    """Return ``data`` compressed, padded so the result does not end with CR, and its length."""
    compressed = zlib.compress(data, level)
    if compressed[-1] == CR:  # the pad is not a multiple of 256 in sum: one is enough
        data += pad
        compressed = zlib.compress(data, level)
    assert compressed[-1] != CR
    return compressed, len(data)


def stream(pdf: pikepdf.Pdf, data: bytes, pad: bytes, level: int = 6, **entries: object) -> pikepdf.Stream:
    """Return a Flate stream of ``data`` (padded as ``flate`` says) with the dictionary ``entries``."""
    compressed, _ = flate(data, pad, level)
    found = pikepdf.Stream(pdf, compressed)
    found.Filter = Name.FlateDecode
    for key, value in entries.items():
        found[f"/{key}"] = value
    return found
