"""The only module that touches raw WordprocessingML: what python-docx has no API for.

Every other module of the Word renderer (and ``scripts/build_template.py``) goes through
these helpers, so the element names and their schema order live in one place.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell

# python-docx objects are untyped; these aliases only say what is expected.
Element = Any
DocxObject = Any

_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# The schema order of the children of the elements edited here (ECMA-376 part 1, 17.3-17.7).
_ORDER = {name: tuple(f"w:{child}" for child in children.split()) for name, children in {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
           "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
           "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
             "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
             "tblDescription tblPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
            "tblCellSpacing jc hidden ins del trPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    "styles": "docDefaults latentStyles style",
    "docDefaults": "rPrDefault pPrDefault",
}.items()}


def _insert(parent: Element, element: Element) -> None:
    """Insert ``element`` into ``parent`` at its place in the schema order."""
    order = _ORDER.get(_local_name(parent), ())
    tag = _local_name(element)
    later = {qn(t) for t in order[order.index(f"w:{tag}") + 1:]} if f"w:{tag}" in order else set()
    for index, child in enumerate(parent):
        if child.tag in later:
            parent.insert(index, element)
            return
    parent.append(element)


def _local_name(element: Element) -> str:
    """Return an element's local name, e.g. ``tblPr``."""
    return str(element.tag).rsplit("}", 1)[-1]


def _child(parent: Element, tag: str) -> Element:
    """Return the first ``tag`` child of ``parent``, adding it in schema order if absent."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        _insert(parent, found)
    return found


def doc_defaults_rpr(document: DocxObject) -> Element:
    """Return the document-wide default run properties (``w:docDefaults/w:rPrDefault/w:rPr``)."""
    styles = document.styles.element
    return _child(_child(_child(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr")


def set_fonts(rpr: Element, name: str | None) -> None:
    """Name one font for every script slot, and drop theme fonts (which would win over it).

    With ``name`` None only the theme fonts are removed, so the font is inherited.
    """
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        if name is None:
            return
        fonts = OxmlElement("w:rFonts")
        _insert(rpr, fonts)
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    if name is not None:
        for slot in _FONT_SLOTS:
            fonts.set(qn(slot), name)
    if not fonts.attrib:
        rpr.remove(fonts)


def strip_theme_fonts(document: DocxObject) -> None:
    """Remove theme font references from every style, so fonts come from the named defaults."""
    for fonts in list(document.styles.element.iter(qn("w:rFonts"))):
        for attribute in _THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        if not fonts.attrib:
            fonts.getparent().remove(fonts)


def set_default_size(document: DocxObject, points: float) -> None:
    """Set the document-wide default font size."""
    rpr = doc_defaults_rpr(document)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(points * 2)))


def style_rpr(style: DocxObject) -> Element:
    """Return a style's run properties, adding them if absent."""
    return style.element.get_or_add_rPr()


def set_language(document: DocxObject, language: str) -> None:
    """Set the language of the document's text (the ``w:lang`` of the default run properties)."""
    rpr = doc_defaults_rpr(document)
    _child(rpr, "w:lang").set(qn("w:val"), language)


def _el(tag: str, *children: Element, **attributes: str) -> Element:
    """Return a new element with ``w:`` attributes and children."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    element.extend(children)
    return element


def add_field(paragraph: DocxObject, instruction: str, shown: str) -> None:
    """Append a live field (e.g. ``PAGE``) that Word updates; ``shown`` is its cached result."""
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    result = OxmlElement("w:t")
    result.text = shown
    for element in (_el("w:fldChar", fldCharType="begin"), code,
                    _el("w:fldChar", fldCharType="separate"), result,
                    _el("w:fldChar", fldCharType="end")):
        paragraph.add_run()._r.append(element)


def _shading(fill: str) -> Element:
    return _el("w:shd", val="clear", color="auto", fill=fill)


def configure_table_style(style: DocxObject, border_colour: str, header_fill: str,
                          cell_margin_twips: int) -> None:
    """Give a table style single borders, cell margins, centred cells and a shaded header row."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = _el("w:tblBorders", *(_el(f"w:{edge}", val="single", sz="4", space="0",
                                        color=border_colour) for edge in edges))
    margins = _el("w:tblCellMar", *(
        _el(f"w:{edge}", w=str(cell_margin_twips if edge in ("left", "right") else 28), type="dxa")
        for edge in edges[:4]))
    style.element.extend([
        _el("w:tblPr", borders, margins),
        _el("w:tcPr", _el("w:vAlign", val="center")),
        _el("w:tblStylePr", _el("w:rPr", _el("w:b")), _el("w:tcPr", _shading(header_fill)),
            type="firstRow"),
    ])


def table_style_header_fill(style: DocxObject) -> str | None:
    """Return the fill of a table style's header row, as six hex digits, or None."""
    for conditional in style.element.findall(qn("w:tblStylePr")):
        if conditional.get(qn("w:type")) == "firstRow":
            shd = conditional.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            fill = None if shd is None else shd.get(qn("w:fill"))
            if fill and fill.lower() != "auto":
                return str(fill).upper()
    return None


def set_table_width(table: DocxObject, twips: int) -> None:
    """Give a table an exact width."""
    width = _child(table._tbl.tblPr, "w:tblW")
    width.set(qn("w:w"), str(twips))
    width.set(qn("w:type"), "dxa")


def describe_table(table: DocxObject, caption: str, description: str) -> None:
    """Give a table its alternative text: a short caption and a description for screen readers."""
    _child(table._tbl.tblPr, "w:tblCaption").set(qn("w:val"), caption)
    _child(table._tbl.tblPr, "w:tblDescription").set(qn("w:val"), description)


def set_row_flags(row: DocxObject, *, header: bool, keep_together: bool) -> None:
    """Mark a row as a header row (repeated on each page) and keep it from splitting."""
    row_pr = row._tr.get_or_add_trPr()
    if keep_together:
        _child(row_pr, "w:cantSplit")
    if header:
        _child(row_pr, "w:tblHeader")


def covered_cell(table: DocxObject, row: int, column: int) -> DocxObject:
    """Return the cell at a grid position itself, even where a cell above spans over it.

    (python-docx's ``table.cell`` returns the spanning cell instead.)
    """
    start = 0
    for tc in table.rows[row]._tr.tc_lst:
        if start == column:
            return _Cell(tc, table)
        start += tc.grid_span
    raise IndexError(f"no cell starts at row {row}, column {column}")


def shade_cell(cell: DocxObject, fill: str) -> None:
    """Fill a cell's background with a colour given as six hex digits."""
    cell_pr = cell._tc.get_or_add_tcPr()
    old = cell_pr.find(qn("w:shd"))
    if old is not None:
        cell_pr.remove(old)
    _insert(cell_pr, _shading(fill))


def clear_body(document: DocxObject) -> None:
    """Remove everything from the body but its final section properties (page setup)."""
    document.element.body.clear_content()


def body_ends_with_table(document: DocxObject) -> bool:
    """Tell whether the body's last block is a table (Word needs a paragraph after it)."""
    blocks = [child for child in document.element.body if child.tag != qn("w:sectPr")]
    return bool(blocks) and blocks[-1].tag == qn("w:tbl")


def new_numbering(document: DocxObject, style: DocxObject) -> int | None:
    """Return a new numbering instance of a list style's list, starting again at 1.

    Return None when the style is not a list style.
    """
    style_pr = style.element.pPr
    num_pr = None if style_pr is None else style_pr.numPr
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = document.part.numbering_part.element
    try:
        abstract = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    except KeyError:
        return None  # the style names a list the template does not define
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def set_numbering(paragraph: DocxObject, num_id: int) -> None:
    """Put a paragraph in a numbering instance, at the first level."""
    paragraph_num = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    paragraph_num.get_or_add_ilvl().val = 0
    paragraph_num.get_or_add_numId().val = num_id


def plain_bullets(document: DocxObject, bullet: str) -> None:
    """Draw every bullet as a real character in the text font (no Symbol or Wingdings font)."""
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        number_format = level.find(qn("w:numFmt"))
        if number_format is None or number_format.get(qn("w:val")) != "bullet":
            continue
        _child(level, "w:lvlText").set(qn("w:val"), bullet)
        rpr = level.find(qn("w:rPr"))
        if rpr is not None:
            level.remove(rpr)


def set_compatibility_mode(document: DocxObject, mode: int) -> None:
    """Set the Word version whose layout rules apply (15: Word 2013 and later)."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))
