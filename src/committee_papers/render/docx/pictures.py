"""The pictures (a logo) in a template's header and footer, placed on the page for the PDF.

Word sets a picture in a paragraph of its own (``wp:inline``, ECMA-376 part 1, 20.4.2.8) on
that paragraph's line: its top is the paragraph's top plus its space before, and the
paragraph's alignment (``w:jc``) places it across the text width. The header grows down from
the header distance, the footer up from the footer distance, so each picture's place follows
from the heights of the paragraphs before it (``geometry.Measure``). The PDF draws each one
there, as page furniture.

Only PNG, JPEG and GIF pictures are drawn; a picture in another format (EMF, SVG), floating
(``wp:anchor``), in a table, or on the running header's own line keeps its room in the PDF
but is shown in the Word file only, and a warning says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

from ...style import Picture
from .geometry import EMU, RUNNING_HEADER, Measure, blocks, paragraph_text

DRAWN = ("image/png", "image/jpeg", "image/gif")
_ALIGN = {"center": 0.5, "right": 1.0, "end": 1.0}


def _inline(paragraph: Any, part: Any) -> Iterator[tuple[Any, float, float, float, float] | str]:
    """Yield (image part, width, height, space left, space right) of each picture in a
    paragraph (``wp:inline/@distL``, ``@distR``: 0 unless given), or why it cannot be drawn."""
    for inline in paragraph.iter(qn("wp:inline")):
        extent = inline.find(qn("wp:extent"))
        blip = next(inline.iter(qn("a:blip")), None)
        target = None if blip is None else blip.get(qn("r:embed"))
        image = part.related_parts.get(target) if target else None
        if extent is None or image is None:
            yield "a picture that is not an embedded image"
        elif str(image.content_type) not in DRAWN:
            yield f"a picture in the format {image.content_type}"
        else:
            left, right = (int(inline.get(side) or 0) / EMU for side in ("distL", "distR"))
            yield image, int(extent.get("cx", "0")) / EMU, int(extent.get("cy", "0")) / EMU, left, right


def place_pictures(measure: Measure, container: Any, part: Any, *, footer: bool, left: float,
                   width: float, edge: float, where: str) -> tuple[list[Picture], list[str]]:
    """Return the pictures of a header (``footer`` False) or footer, and warnings.

    ``left`` and ``width`` are the text area's left edge and width; ``edge`` the header (or
    footer) distance from the top (bottom) edge of the page, all in points. A picture's ``y``
    is its top's distance from the page's top edge, or its bottom's from the bottom edge.
    """
    rows: list[tuple[Any, float, float, float]] = []  # block, before, height, after
    for block in blocks(container):
        if block.tag == qn("w:tbl"):
            rows.append((block, 0.0, measure.table(block), 0.0))
        else:
            before, height, _, after = measure.paragraph(block)
            rows.append((block, before, height, after))
    pictures: list[Picture] = []
    warnings: list[str] = []
    offsets = []
    total = 0.0
    for _, before, height, after in rows:
        offsets.append(total)
        total += before + height + after
    for (block, before, height, _), offset in zip(rows, offsets, strict=True):
        if block.tag == qn("w:tbl"):
            if any(True for _ in block.iter(qn("wp:inline"), qn("wp:anchor"))):
                warnings.append(f"a picture in a table in {where} is shown in the Word file only")
            continue
        if any(True for _ in block.iter(qn("wp:anchor"))):
            warnings.append(f"a floating picture in {where} is shown in the Word file only: "
                            "set its wrapping to 'In Line with Text' for the PDF to show it")
        found = list(_inline(block, part))
        if not found:
            continue
        if RUNNING_HEADER in paragraph_text(block) or "PAGE" in paragraph_text(block).upper():
            warnings.append(f"a picture on the same line as the running header or page number in "
                            f"{where} is shown in the Word file only: put it in a paragraph of its own")
            continue
        for reason in (f for f in found if isinstance(f, str)):
            warnings.append(f"{reason} in {where} is shown in the Word file only: use PNG or JPEG "
                            "for the PDF to show it")
        drawn = [f for f in found if not isinstance(f, str)]
        properties = block.find(qn("w:pPr"))
        style = None if properties is None else properties.find(qn("w:pStyle"))
        align = measure.sheet.attribute(properties, None if style is None else style.get(qn("w:val")),
                                        "w:pPr", "w:jc", "val") or "left"
        x = left + (width - sum(w + a + b for _, w, _, a, b in drawn)) * _ALIGN.get(align, 0.0)
        line_top = offset + before
        line_bottom = total - offset - before - height  # from the band's bottom
        for image, picture_width, picture_height, space_left, space_right in drawn:
            y = edge + (line_bottom if footer else line_top)
            if footer:
                y += height - picture_height if picture_height < height else 0.0
            x += space_left
            pictures.append(Picture(bytes(image.blob), x, y, picture_width, picture_height, footer,
                                    _ALIGN.get(align, 0.0)))
            x += picture_width + space_right
    return pictures, warnings
