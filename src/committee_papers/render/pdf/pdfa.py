"""The PDF/A-2b archive variant: an sRGB output intent, so every DeviceRGB colour is defined.

The rest of what PDF/A-2b asks for is there in every PDF (embedded fonts, no .notdef glyph, no
transparency, an /ID) or comes with the XMP metadata (``xmp.py``): ``pdfaid:part`` and
``pdfaid:conformance``, the document information repeated, and an extension schema for the
PDF/UA identification, which PDF/A does not know of itself.
"""

from __future__ import annotations

from importlib import resources

import pikepdf
from pikepdf import Dictionary, Name, String

from ...errors import CommitteePapersError
from .streams import ONE, stream

VARIANTS = ("pdf/a-2b",)
SRGB = "sRGB IEC61966-2.1"


def srgb_profile() -> bytes:
    """Return an sRGB ICC profile (version 2, as pikepdf ships it for PDF/A output intents)."""
    try:
        return (resources.files("pikepdf") / "pdfa" / "data" / "sRGB.icc").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise CommitteePapersError("a PDF/A file needs the sRGB colour profile that pikepdf "
                                   "provides: install pikepdf 10 or later") from error


def output_intent(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """Return the sRGB output intent (ISO 19005-2 §6.2.3), its profile embedded in ``pdf``."""
    profile = stream(pdf, srgb_profile(), ONE, 9, N=3)
    return pdf.make_indirect(Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=String(SRGB),
        Info=String(SRGB), DestOutputProfile=profile))
