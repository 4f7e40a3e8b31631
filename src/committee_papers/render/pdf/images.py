"""The Word template's header and footer pictures as PDF image XObjects (ISO 32000-1 §8.9.5).

A baseline JPEG in RGB or greyscale goes in as it is (``/DCTDecode``); any other picture (PNG,
GIF, a CMYK JPEG) is decoded with Pillow into 8-bit RGB or grey samples, Flate-compressed, its
transparency (an alpha channel, or a palette's transparent colour) as a soft mask (``/SMask``,
allowed by PDF/A-2). Colours are device RGB or grey, which the PDF/A copy's sRGB output intent
covers. Each picture is decoded once for each file written, however many pages show it.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Name
from PIL import Image, UnidentifiedImageError

from ...errors import CommitteePapersError
from .streams import ONE, flate

Entries = tuple[tuple[str, object], ...]  # a stream's dictionary entries
Encoded = tuple[bytes, Entries]  # the stream's data, already encoded, and its entries


def _samples(data: bytes, colour_space: str, width: int, height: int, components: int) -> Encoded:
    """Return 8-bit samples Flate-compressed, padded so the stream never ends with CR.

    The pad is one byte past the last row, which a reader ignores (ISO 32000-1 §8.9.5.1).
    """
    compressed, _ = flate(data, ONE)
    return compressed, (("Filter", "/FlateDecode"), ("ColorSpace", colour_space), ("Width", width),
                        ("Height", height), ("BitsPerComponent", 8), ("Decode", (0, 1) * components))


def encode(data: bytes) -> tuple[Encoded, Encoded | None]:
    """Return a picture file as an image's data and entries, and its soft mask's (or None).

    Raises ``CommitteePapersError`` for a file that is not a picture Pillow can read.
    """
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()
            width, height = picture.size
            if picture.format == "JPEG" and picture.mode in ("RGB", "L") and not picture.info.get("progression"):
                space = "/DeviceRGB" if picture.mode == "RGB" else "/DeviceGray"
                return (data, (("Filter", "/DCTDecode"), ("ColorSpace", space), ("Width", width),
                               ("Height", height), ("BitsPerComponent", 8))), None
            alpha = "A" in picture.getbands() or "transparency" in picture.info
            grey = picture.mode in ("1", "L", "LA", "I", "I;16", "F")
            mode = ("LA" if alpha else "L") if grey else ("RGBA" if alpha else "RGB")
            converted = picture.convert(mode)
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise CommitteePapersError(f"a picture in the template cannot be read ({error}): save it "
                                   "again as PNG or JPEG in the template") from error
    colour = converted.convert("L" if grey else "RGB")
    image = _samples(colour.tobytes(), "/DeviceGray" if grey else "/DeviceRGB", width, height, 1 if grey else 3)
    if not alpha:
        return image, None
    mask = converted.getchannel("A").tobytes()
    return image, _samples(mask, "/DeviceGray", width, height, 1)


def _stream(pdf: pikepdf.Pdf, encoded: Encoded) -> pikepdf.Stream:
    data, entries = encoded
    found = pikepdf.Stream(pdf, data)
    found.Type, found.Subtype = Name.XObject, Name.Image
    for key, value in entries:
        if isinstance(value, str):
            found[f"/{key}"] = Name(value)
        elif isinstance(value, tuple):
            found[f"/{key}"] = pikepdf.Array(value)
        else:
            found[f"/{key}"] = value
    return found


def image(pdf: pikepdf.Pdf, data: bytes) -> pikepdf.Object:
    """Return the picture file ``data`` as an indirect image XObject of ``pdf``."""
    picture, mask = encode(data)
    found = _stream(pdf, picture)
    if mask is not None:
        found.SMask = pdf.make_indirect(_stream(pdf, mask))
    return pdf.make_indirect(found)
