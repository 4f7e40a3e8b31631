"""The PDF/A-2b archive variant: an sRGB output intent, so every DeviceRGB colour is defined.

The rest of what PDF/A-2b asks for is there in every PDF (embedded fonts, no .notdef glyph, no
transparency, an /ID) or comes with the XMP metadata (``xmp.py``): ``pdfaid:part`` and
``pdfaid:conformance``, the document information repeated, and an extension schema for the
PDF/UA identification, which PDF/A does not know of itself.
"""

from __future__ import annotations

import zlib
from functools import cache
from importlib import resources
from typing import Any

from ...errors import CommitteePapersError

VARIANTS = ("pdf/a-2b",)
SRGB = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    """Return an sRGB ICC profile (version 2, as pikepdf ships it for PDF/A output intents)."""
    try:
        return (resources.files("pikepdf") / "pdfa" / "data" / "sRGB.icc").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise CommitteePapersError("a PDF/A file needs the sRGB colour profile that pikepdf "
                                   "provides: install pikepdf 10 or later") from error


def output_intent(doc: Any, raw: Any) -> Any:
    """Add the sRGB profile and its output intent to reportlab's ``doc``; return /OutputIntents.

    ``raw`` makes an object from its content (``structure.Raw``).
    """
    profile = zlib.compress(srgb_profile(), 9)
    stream = raw(b"<</N 3 /Filter /FlateDecode /Length %d>>\nstream\n" % len(profile) + profile
                 + b"\nendstream")
    doc.Reference(stream)
    number = doc.idToObjectNumberAndVersion[stream.__InternalName__][0]
    intent = raw((f"<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ({SRGB}) "
                  f"/Info ({SRGB}) /DestOutputProfile {number} 0 R>>").encode("ascii"))
    doc.Reference(intent)
    return raw(b"[%d 0 R]" % doc.idToObjectNumberAndVersion[intent.__InternalName__][0])
