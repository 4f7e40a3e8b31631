"""The page a template sets up, read for the layout and the PDF, and written into the Word file.

One page geometry serves both formats: the template's page size, orientation, margins and
header and footer distances (the section properties of its last section, the one the report
is written into: ECMA-376 part 1, 17.6.13 ``w:pgSz``, 17.6.11 ``w:pgMar``), and how tall its
header and footer are. Word moves the text down when the header reaches below the top margin
(a tall logo); the heights read here let the PDF do the same.

Heights are measured as Word and LibreOffice lay a header out: each paragraph is its spacing
before and after plus its lines, a line being 1.15 times the font size (Arial's and Liberation
Sans's line height) times the line spacing, or the tallest picture on it (``wp:extent``,
20.4.2.7, in EMU); a table is its rows, each as tall as its tallest cell. Floating pictures
(``wp:anchor``) do not move the text and are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Twips

from ...style import PageSetup
from .inherit import StyleSheet

if TYPE_CHECKING:
    from ...style import Picture

TWIPS = 20  # in a point
EMU = 12_700  # in a point
LINE = 1.15  # a single line's height, in font sizes
RUNNING_HEADER = "{{"  # the header paragraph holding a placeholder is the running header's


def _number(element: Any, name: str) -> float | None:
    value = None if element is None else element.get(qn(f"w:{name}"))
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def blocks(container: Any) -> Iterator[Any]:
    """Yield the paragraphs and tables of a header, footer or cell, looking into content controls."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from blocks(content)


def paragraph_text(paragraph: Any) -> str:
    """Return a paragraph's text and field codes."""
    parts = [t.text or "" for t in paragraph.iter(qn("w:t"), qn("w:instrText"))]
    parts += [f.get(qn("w:instr")) or "" for f in paragraph.iter(qn("w:fldSimple"))]
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Band:
    """A header's or footer's height above and below its key line (the running header, or
    the page number), in points; ``key`` tells whether that line was found."""

    above: float = 0.0
    below: float = 0.0
    key: bool = False
    size: float | None = None  # the font size of the key line's text, in points, when found


class Measure:
    """Measure headers and footers, with formatting resolved as Word does."""

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet

    def paragraph(self, paragraph: Any) -> tuple[float, float, float, float]:
        """Return (space before, height, height of its text lines alone, space after), in points."""
        properties = paragraph.find(qn("w:pPr"))
        style = None if properties is None else properties.find(qn("w:pStyle"))
        style_id = None if style is None else style.get(qn("w:val"))

        def spacing(name: str) -> float | None:
            value = self.sheet.attribute(properties, style_id, "w:pPr", "w:spacing", name)
            try:
                return int(value) if value is not None else None
            except ValueError:
                return None

        line = LINE * self.size(paragraph)
        rule = self.sheet.attribute(properties, style_id, "w:pPr", "w:spacing", "lineRule") or "auto"
        setting = spacing("line")
        if setting and rule == "exact":
            line = setting / TWIPS
        elif setting and rule == "atLeast":
            line = max(setting / TWIPS, line)
        elif setting:
            line *= setting / 240  # w:line in 240ths of a line (17.3.1.33)
        breaks = sum(1 for b in paragraph.iter(qn("w:br")) if b.get(qn("w:type")) in (None, "textWrapping"))
        pictures = [(_number_attr(extent, "cy") or 0.0) / EMU
                    for inline in paragraph.iter(qn("wp:inline")) for extent in inline.findall(qn("wp:extent"))]
        text = line * (1 + breaks)
        height = max([line, *pictures]) + breaks * line
        return (spacing("before") or 0) / TWIPS, height, text, (spacing("after") or 0) / TWIPS

    def size(self, paragraph: Any) -> float:
        """Return the font size of a paragraph's largest text, in points, as Word resolves it."""
        properties = paragraph.find(qn("w:pPr"))
        style = None if properties is None else properties.find(qn("w:pStyle"))
        style_id = None if style is None else style.get(qn("w:val"))
        mark = None if properties is None else properties.find(qn("w:rPr"))
        runs = [run.find(qn("w:rPr")) for run in paragraph.iter(qn("w:r"))] or [mark]
        return max(self.sheet.size(run, style_id) for run in runs)

    def table(self, table: Any) -> float:
        """Return a table's height: each row as tall as its tallest cell, or its set height."""
        total = 0.0
        for row in table.findall(qn("w:tr")):
            cells = [self.band(cell).above for cell in row.findall(qn("w:tc"))]
            height = (_number(row.find(f"{qn('w:trPr')}/{qn('w:trHeight')}"), "val") or 0.0) / TWIPS
            total += max([height, *cells])
        return total

    def band(self, container: Any, key: str | None = None) -> Band:
        """Return the heights above and below the first paragraph whose text holds ``key``,
        not counting that paragraph's text lines (another renderer draws them). Without
        ``key`` (or when no paragraph holds it) everything counts as above."""
        above = below = 0.0
        found = False
        size = None
        for block in blocks(container):
            if block.tag == qn("w:tbl"):
                height = self.table(block)
                if found:
                    below += height
                else:
                    above += height
                continue
            before, height, text, after = self.paragraph(block)
            if not found and key is not None and key in paragraph_text(block).upper():
                found, size = True, self.size(block)
                above += before + (height - text)  # a picture taller than the line
                below += after
            elif found:
                below += before + height + after
            else:
                above += before + height + after
        return Band(above, below, found, size)


def _number_attr(element: Any, name: str) -> float | None:
    try:
        return float(element.get(name))
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class TemplatePage:
    """The page a template sets up, and what in it the PDF cannot follow (as sentences)."""

    page: PageSetup | None  # None when the template sets no page size
    problems: tuple[str, ...]  # things neither format can agree on: refuse the template
    warnings: tuple[str, ...]  # things the PDF does differently: say so
    furniture_size: float | None = None  # the page number's font size (the running header's, if none)


def _setting(document: Any, tag: str) -> bool:
    found = document.settings.element.find(qn(tag))
    return found is not None and found.get(qn("w:val")) not in ("0", "false", "off")


def _parts(section: Any, document: Any) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """Return the (name, header or footer) of each header and footer Word shows in the section."""
    first = section.different_first_page_header_footer
    even = _setting(document, "w:evenAndOddHeaders")
    headers = [("default", section.header)]
    footers = [("default", section.footer)]
    if first:
        headers.append(("first-page", section.first_page_header))
        footers.append(("first-page", section.first_page_footer))
    if even:
        headers.append(("even-page", section.even_page_header))
        footers.append(("even-page", section.even_page_footer))
    return ([(n, h) for n, h in headers if not h.is_linked_to_previous],
            [(n, f) for n, f in footers if not f.is_linked_to_previous])


def _band(measure: Measure, parts: list[tuple[str, Any]], key: str, what: str,
          warnings: list[str]) -> Band:
    bands = [(name, measure.band(part._element, key)) for name, part in parts]
    if not bands:
        return Band()
    chosen = bands[0][1]
    for name, band in bands[1:]:
        if abs((band.above + band.below) - (chosen.above + chosen.below)) > 1:
            warnings.append(f"its {name} {what} is a different height from the others: the PDF "
                            f"gives every page the default {what}, so pages may break differently; "
                            f"give them the same height")
    return chosen


def read_page(document: Any) -> TemplatePage:
    """Return the page set up by a template (a python-docx Document), with what cannot be followed."""
    section = document.sections[-1]
    properties = section._sectPr
    problems: list[str] = []
    warnings: list[str] = []
    size, margins = properties.find(qn("w:pgSz")), properties.find(qn("w:pgMar"))
    width, height = _number(size, "w"), _number(size, "h")
    columns = _number(properties.find(qn("w:cols")), "num") or 1
    if columns > 1:
        problems.append(f"its page is set in {columns:.0f} columns: the report is laid out in one "
                        "(Layout > Columns > One in Word, Format > Columns in LibreOffice)")
    grid = properties.find(qn("w:docGrid"))
    if grid is not None and grid.get(qn("w:type")) in ("lines", "linesAndChars", "snapToChars"):
        warnings.append("its text snaps to a line grid (Layout > Page Setup > Document Grid): "
                        "the PDF does not, so pages may break differently; choose 'No grid'")
    if _setting(document, "w:mirrorMargins"):
        warnings.append("it has mirrored margins: the PDF uses the same margins on every page")
    if not width or not height:
        return TemplatePage(None, tuple(problems), tuple(warnings))

    def margin(name: str) -> float:
        return abs(_number(margins, name) or 0.0) / TWIPS

    gutter = margin("gutter")
    top, left = margin("top"), margin("left")
    if gutter and _setting(document, "w:gutterAtTop"):
        top += gutter
    elif gutter:
        left += gutter  # where Word puts the binding edge (17.6.11 gutter); mirrored: warned
    measure = Measure(StyleSheet(document))
    headers, footers = _parts(section, document)
    header = _band(measure, headers, RUNNING_HEADER, "header", warnings)
    footer = _band(measure, footers, "PAGE", "footer", warnings)
    from .pictures import place_pictures  # it measures with this module's Measure

    right = margin("right")
    pictures: list[Picture] = []
    for parts, is_footer, distance in ((headers, False, margin("header")), (footers, True, margin("footer"))):
        if parts:
            part = parts[0][1]
            found, said = place_pictures(measure, part._element, part.part, footer=is_footer, left=left,
                                         width=width / TWIPS - left - right, edge=distance,
                                         where=f"its {'footer' if is_footer else 'header'}")
            pictures += found
            warnings += said
    furniture = footer.size if footer.size is not None else header.size
    if header.size is not None and footer.size is not None and header.size != footer.size:
        warnings.append(f"its running header is set in {header.size:g} pt and its page number in "
                        f"{footer.size:g} pt: the PDF sets both in {footer.size:g} pt; give the Header "
                        "and Footer styles the same size")
    try:
        page = PageSetup(width / TWIPS, height / TWIPS, top, margin("bottom"), left, right,
                         margin("header"), margin("footer"), header.above, header.below,
                         footer.above, footer.below, tuple(pictures))
    except ValueError as error:
        problems.append(str(error))
        return TemplatePage(None, tuple(problems), tuple(warnings))
    return TemplatePage(page, tuple(problems), tuple(warnings), furniture)


def write_page(document: Any, page: PageSetup) -> None:
    """Set the page of the document's last section to ``page``, changing only what differs.

    Values go in as whole twips, as Word stores them, through python-docx's section API. A
    gutter is folded into the margins when the page is read, so it is set to 0 when the
    margins are written.
    """
    section = document.sections[-1]
    properties = section._sectPr
    size, margins = properties.find(qn("w:pgSz")), properties.find(qn("w:pgMar"))
    wanted = {("page_width", size, "w"): page.width, ("page_height", size, "h"): page.height,
              ("top_margin", margins, "top"): page.top, ("right_margin", margins, "right"): page.right,
              ("bottom_margin", margins, "bottom"): page.bottom, ("left_margin", margins, "left"): page.left,
              ("header_distance", margins, "header"): page.header,
              ("footer_distance", margins, "footer"): page.footer}
    changed = False
    for (attribute, element, name), points in wanted.items():
        value = round(points * TWIPS)
        if _number(element, name) != value:
            setattr(section, attribute, Twips(value))
            changed = True
    if changed and _number(margins, "gutter"):
        section.gutter = Twips(0)
    orient = None if size is None else size.get(qn("w:orient"))
    if page.landscape and orient != "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
    elif not page.landscape and orient == "landscape":
        section.orientation = WD_ORIENT.PORTRAIT
