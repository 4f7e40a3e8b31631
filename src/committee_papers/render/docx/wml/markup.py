"""The body's blocks as WordprocessingML text: paragraphs, runs, hyperlinks, tables, a chart's
drawing; the only escaping of the Word file's text (``_text``, ``_attribute``).

python-docx's objects cost a style lookup per call, and its ``add_paragraph`` and
``add_table`` search the body for the section properties each time, so a long report took
quadratic time; creating each element with lxml costs a namespace search per element. So
the blocks are written as text, children in schema order (ECMA-376 part 1, 17.3-17.4), the
few distinct property strings cached, and lxml parses each page's text in one call
(``elements``): a page that is not well-formed raises instead of being written.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import nsmap
from docx.oxml.parser import element_class_lookup
from lxml import etree

Element = Any  # lxml elements of python-docx's tree: untyped here

_BREAKS = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>", "\xad": "<w:softHyphen/>"}  # in a run: its own element
_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
# in an attribute, a parser would turn white space into plain spaces: keep it as references
_ATTRIBUTE_ESCAPES = (*_TEXT_ESCAPES, ('"', "&quot;"), ("\t", "&#9;"), ("\n", "&#10;"))
# python-docx's default table look: header row and first column formatting, no column bands
_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
         'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')
# the namespaces of a chart's drawing, declared on its wp:inline (ECMA-376 part 1, 20.4)
_DRAWING_NAMESPACES = " ".join(f'xmlns:{prefix}="{nsmap[prefix]}"' for prefix in ("wp", "a", "c", "r"))
_CHART_URI = nsmap["c"]

# python-docx's parser, without the limit on the length of a text
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)
_WRAPPER = f'<w:body xmlns:w="{nsmap["w"]}">'.encode()
_WRAPPER_END = b"</w:body>"

PARAGRAPH_END = "</w:p>"
TABLE_END = "</w:tbl>"
ROW_END = "</w:tr>"
CELL_END = "</w:tc>"


# ------------------------------------------------------------------------------ escaping


def _text(value: str) -> str:
    """Escape character data."""
    for character, reference in _TEXT_ESCAPES:
        if character in value:
            value = value.replace(character, reference)
    return value


def _attribute(value: str) -> str:
    """Escape an attribute value, to be written between double quotes."""
    for character, reference in _ATTRIBUTE_ESCAPES:
        if character in value:
            value = value.replace(character, reference)
    return value


# ------------------------------------------------------------------------ the body's blocks


def _val(tag: str, value: str) -> str:
    return f'<w:{tag} w:val="{_attribute(value)}"/>'


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points:d}"/><w:szCs w:val="{half_points:d}"/>'


@functools.lru_cache(maxsize=1024)
def paragraph(style_id: str | None, page_break: bool = False, align: str | None = None,
              num_id: int | None = None, keep_next: bool = False, before: int | None = None,
              after: int | None = None, half_points: int | None = None, at_top: bool = False) -> str:
    """Return the start of a ``w:p`` in a paragraph style (None: the default style).

    ``page_break`` starts it on a new page, with no space before it (Word and LibreOffice
    differ on keeping a style's space before at the top of a page; the PDF never keeps it);
    ``align`` is a ``w:jc`` value; ``num_id`` puts it
    in a numbering instance, at the first level; ``keep_next`` keeps it on the page of the
    next paragraph; ``before`` is its space before in twips, in place of its style's (the
    space after a table, say: Word leaves the greater of a paragraph's space before and the
    space after the block above it, and a table has none); ``after`` its space after (0 in a
    table cell, where the PDF leaves none); ``at_top`` drops its space before, as
    ``page_break`` does, where the page starts already (a new section's first paragraph);
    ``half_points`` sizes its paragraph mark (an empty cell's line) where it is not its
    style's. Runs follow, then ``PARAGRAPH_END``.
    """
    properties = "" if style_id is None else _val("pStyle", style_id)
    if keep_next:
        properties += "<w:keepNext/>"
    if page_break:
        properties += "<w:pageBreakBefore/>"
    if num_id is not None:
        properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id:d}"/></w:numPr>'
    top = page_break or at_top
    spacing = ' w:before="0"' if top else "" if before is None else f' w:before="{before:d}"'
    if after is not None:
        spacing += f' w:after="{after:d}"'
    if spacing:
        properties += f"<w:spacing{spacing}/>"
    if align is not None:
        properties += _val("jc", align)
    if half_points is not None:
        properties += f"<w:rPr>{_size(half_points)}</w:rPr>"
    return f"<w:p><w:pPr>{properties}</w:pPr>" if properties else "<w:p><w:pPr/>"


@functools.lru_cache(maxsize=64)
def separator(style_id: str | None, height: int) -> str:
    """Return a whole ``w:p`` with no text, exactly ``height`` twips tall, with no spacing.

    Word joins two tables with nothing between them into one table, so two tables are held
    apart by this paragraph, as tall as the space the house style leaves after a table. At
    the end of the body, where Word requires a paragraph after a table, it is one point tall
    (20 twips) and its mark is hidden (``w:vanish``, ECMA-376 part 1, 17.3.2.41), so it
    adds no space and no blank line for a screen reader.
    """
    properties = "" if style_id is None else _val("pStyle", style_id)
    properties += f'<w:spacing w:before="0" w:after="0" w:line="{height:d}" w:lineRule="exact"/>'
    if height <= 20:
        properties += "<w:rPr><w:vanish/></w:rPr>"
    return f"<w:p><w:pPr>{properties}</w:pPr></w:p>"


def run(text: str, *, style_id: str | None = None, bold: bool = False, italic: bool = False,
        colour: str | None = None, lang: str | None = None, half_points: int | None = None) -> str:
    """Return a ``w:r`` holding ``text``; a tab stays a tab, a newline is a line break, and a
    soft hyphen (U+00AD) is Word's optional hyphen (``w:softHyphen``, ECMA-376 Part 1 §17.3.3.29).

    ``style_id`` is a character style; ``colour`` six hex digits; ``lang`` the text's language
    (``w:lang``, ECMA-376 Part 1 §17.3.2.20) where it is not the document's; ``half_points``
    its font size where it is not its style's (``w:sz``, 17.3.2.38).
    """
    start = _run_start(style_id, bold, italic, colour, lang, half_points)
    if not text:
        return "<w:r/>" if start == "<w:r>" else f"{start}</w:r>"
    if "\t" not in text and "\n" not in text and "\r" not in text and "\xad" not in text:
        return f"{start}{_t(text)}</w:r>"
    content = []
    begin = 0
    for index, character in enumerate(text):
        if character in _BREAKS:
            content.append(_t(text[begin:index]))
            content.append(_BREAKS[character])
            begin = index + 1
    content.append(_t(text[begin:]))
    return f"{start}{''.join(content)}</w:r>"


@functools.lru_cache(maxsize=256)
def _run_start(style_id: str | None, bold: bool, italic: bool, colour: str | None,
               lang: str | None = None, half_points: int | None = None) -> str:
    properties = "" if style_id is None else _val("rStyle", style_id)
    if bold:
        properties += "<w:b/>"
    if italic:
        properties += "<w:i/>"
    if colour is not None:
        properties += _val("color", colour.upper())
    if half_points is not None:
        properties += _size(half_points)
    if lang is not None:  # the last of these in the schema's order of run properties
        properties += _val("lang", lang)
    return f"<w:r><w:rPr>{properties}</w:rPr>" if properties else "<w:r>"


def _t(text: str) -> str:
    if not text:
        return ""
    if len(text.strip()) < len(text):  # Word drops edge spaces unless told to keep them
        return f'<w:t xml:space="preserve">{_text(text)}</w:t>'
    return f"<w:t>{_text(text)}</w:t>"


def hyperlink(relationship: str, runs: str) -> str:
    """Return a ``w:hyperlink`` around ``runs`` (from ``run``), to the target of the main
    part's relationship ``relationship`` (an external hyperlink relationship, 17.16.22).

    ``w:history`` records the visit, as Word does for the links it makes.
    """
    return (f'<w:hyperlink xmlns:r="{nsmap["r"]}" r:id="{_attribute(relationship)}" w:history="1">'
            f"{runs}</w:hyperlink>")


def table(widths: Sequence[int], *, style_id: str | None, caption: str, description: str,
          cell_side: int | None = None) -> str:
    """Return the start of a ``w:tbl`` of fixed column widths (twips) with alternative text;
    ``cell_side`` is the cell margin left and right (twips) where it is not the table style's
    (``w:tblCellMar``, 17.4.42).

    Rows follow, then ``TABLE_END``.
    """
    style = "" if style_id is None else _val("tblStyle", style_id)
    grid = "".join(f'<w:gridCol w:w="{width:d}"/>' for width in widths)
    margins = "" if cell_side is None else (f'<w:tblCellMar><w:left w:w="{cell_side:d}" w:type="dxa"/>'
                                           f'<w:right w:w="{cell_side:d}" w:type="dxa"/></w:tblCellMar>')
    return (f'<w:tbl><w:tblPr>{style}<w:tblW w:type="dxa" w:w="{sum(widths):d}"/>'
            f'<w:tblLayout w:type="fixed"/>{margins}{_LOOK}{_val("tblCaption", caption)}'
            f'{_val("tblDescription", description)}</w:tblPr>'
            + (f"<w:tblGrid>{grid}</w:tblGrid>" if grid else "<w:tblGrid/>"))


def row(*, header: bool) -> str:
    """Return the start of a ``w:tr`` that never splits; a header row repeats on each page."""
    return "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else \
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"


@functools.lru_cache(maxsize=1024)
def cell(width: int, span: int = 1, merge: str | None = None, fill: str | None = None) -> str:
    """Return the start of a ``w:tc``: its paragraphs follow, then ``CELL_END``.

    ``span`` is the number of grid columns; ``merge`` "restart" starts a vertical merge and
    "continue" continues one; ``fill`` is a background colour, six hex digits.
    """
    properties = f'<w:tcW w:type="dxa" w:w="{width:d}"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span:d}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge is not None:
        properties += "<w:vMerge/>"  # "continue" is the default value
    if fill is not None:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{_attribute(fill)}"/>'
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>"


def chart_run(chart: str, *, width: int, height: int, shape: int, description: str) -> str:
    """Return a ``w:r`` showing a chart part inline (``wp:inline``, 20.4.2.8).

    ``chart`` is the main part's relationship id of the chart part; ``width`` and ``height``
    are in EMU; ``shape`` is the drawing's id, unique in the document (``wp:docPr/@id``);
    ``description`` is the chart's alternative text.
    """
    return (f'<w:r><w:drawing><wp:inline {_DRAWING_NAMESPACES} distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{width:d}" cy="{height:d}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape:d}" name="Chart {shape:d}" descr="{_attribute(description)}"/>'
            f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{_CHART_URI}">'
            f'<c:chart r:id="{_attribute(chart)}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def _parse(blocks: str) -> Element:
    return etree.fromstring(b"".join((_WRAPPER, blocks.encode("utf-8"), _WRAPPER_END)), _PARSER)


def elements(blocks: str) -> list[Element]:
    """Parse body blocks written with these functions into python-docx elements.

    Raise lxml's XMLSyntaxError if they are not well-formed.
    """
    return list(_parse(blocks))


def check(blocks: str) -> None:
    """Raise lxml's XMLSyntaxError unless body blocks are well-formed XML."""
    _parse(blocks)
