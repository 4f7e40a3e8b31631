"""The template's parts where python-docx has no API: document defaults, theme fonts, language,
fields, table style borders, numbering instances, outline levels, bullets, compatibility.

Edited as python-docx's elements, each new child put in its place in the schema order.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
           "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
           "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
           "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
           "rPr sectPr pPrChange",
    "styles": "docDefaults latentStyles style",
    "font": "altName panose1 charset family notTrueType pitch sig embedRegular embedBold embedItalic "
            "embedBoldItalic",
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime "
                "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
                "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
                "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
                "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors "
                "activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter "
                "stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves "
                "doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet "
                "defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps "
                "showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
                "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
                "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
                "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
                "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
                "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
                "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
                "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
                "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars "
                "rsids mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
                "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
                "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
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
    """Set the language of the document's text: the ``w:lang`` of the default run properties,
    and of every style that names its own (LibreOffice writes one into Normal), so no style
    keeps the template's language. Only ``w:val``, the language of Latin text, is set; the
    East Asian and complex-script languages (``w:eastAsia``, ``w:bidi``) are left as they are
    (ECMA-376 part 1, 17.3.2.20)."""
    rpr = doc_defaults_rpr(document)
    _child(rpr, "w:lang").set(qn("w:val"), language)
    for style in document.styles.element.findall(qn("w:style")):
        for lang in style.iter(qn("w:lang")):
            if lang.get(qn("w:val")) is not None:
                lang.set(qn("w:val"), language)


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
                          side_twips: int, top_twips: int, bottom_twips: int) -> None:
    """Give a table style single borders, cell margins (twips), centred cells and a shaded
    header row."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = _el("w:tblBorders", *(_el(f"w:{edge}", val="single", sz="4", space="0",
                                        color=border_colour) for edge in edges))
    widths = {"top": top_twips, "left": side_twips, "bottom": bottom_twips, "right": side_twips}
    margins = _el("w:tblCellMar", *(_el(f"w:{edge}", w=str(widths[edge]), type="dxa")
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


def add_numbering_instance(numbering: Element, number: int, abstract: str, before: Element | None) -> None:
    """Add to the numbering part's element a ``w:num`` of id ``number`` for the abstract list
    ``abstract``, its first level starting again at 1; before ``before`` (which must stay
    after the lists), else at the end."""
    num = _el("w:num", _el("w:abstractNumId", val=abstract),
              _el("w:lvlOverride", _el("w:startOverride", val="1"), ilvl="0"), numId=str(number))
    if before is None:
        numbering.append(num)
    else:
        before.addprevious(num)


def set_outline_level(style: DocxObject, level: int) -> None:
    """Give a paragraph style an outline level (``w:outlineLvl``, 0 for Heading 1; 17.3.1.20),
    which Word's navigation pane, table of contents and PDF bookmarks follow."""
    style.element.get_or_add_pPr().get_or_add_outlineLvl().set(qn("w:val"), str(level))


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


def set_widow_control(document: DocxObject) -> None:
    """Turn on widow and orphan control for every paragraph (``w:widowControl`` in the document
    defaults, 17.3.1.44): no first or last line of a paragraph alone on a page, as the PDF."""
    styles = document.styles.element
    defaults = _child(_child(_child(styles, "w:docDefaults"), "w:pPrDefault"), "w:pPr")
    _child(defaults, "w:widowControl")


def set_compatibility_mode(document: DocxObject, mode: int) -> None:
    """Set the Word version whose layout rules apply (15: Word 2013 and later)."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))


# ---------------------------------------------------------------- fields, settings, app.xml

Piece = tuple[str | None, list[Element], Element | None]  # field name or None, its w:t, where to add one


def field_pieces(paragraph: Element) -> list[Piece]:
    """Return a paragraph's text in order as pieces, a literal piece before, between and after
    its fields: ``(None, texts, anchor)`` for literal text, ``(NAME, texts, anchor)`` for a
    field's shown result (``NAME`` its instruction's first word in upper case: ``PAGE``,
    ``NUMPAGES``). ``texts`` are the ``w:t`` elements showing it; ``anchor`` is the run after
    which a missing one goes (a literal's last run, or the end of the field before it; a
    field's separator run), None for the paragraph's start, or for a field with no result
    part. Complex fields (``w:fldChar``, 17.16.18) and simple ones (``w:fldSimple``) are read.
    """
    pieces: list[Piece] = [(None, [], None)]
    state, code = "text", ""
    for child in paragraph:
        if child.tag == qn("w:fldSimple"):
            words = (child.get(qn("w:instr")) or "").split()
            pieces += [((words[0] if words else "").upper(), list(child.iter(qn("w:t"))), None),
                       (None, [], child)]
            continue
        if child.tag != qn("w:r"):
            continue
        mark = child.find(qn("w:fldChar"))
        kind = None if mark is None else mark.get(qn("w:fldCharType"))
        words = code.split()
        if kind == "begin":
            state, code = "code", ""
        elif kind == "separate" and state == "code":
            state = "result"
            pieces.append(((words[0] if words else "").upper(), [], child))
        elif kind == "end":
            if state == "code":  # a field with no result part
                pieces.append(((words[0] if words else "").upper(), [], None))
            pieces.append((None, [], child))
            state = "text"
        elif state == "code":
            code += "".join(text.text or "" for text in child.iter(qn("w:instrText")))
        elif state == "result":
            pieces[-1][1].extend(child.iter(qn("w:t")))
        else:
            texts = pieces[-1][1] + list(child.iter(qn("w:t")))
            pieces[-1] = (None, texts, child)
    return pieces


def set_text(texts: list[Element], value: str, anchor: Element | None, paragraph: Element) -> None:
    """Show ``value`` in the ``w:t`` elements of one piece (the first holds it, the others are
    emptied); with none, a run is added after ``anchor`` (first in the paragraph, after its
    properties, for None), with the anchor run's properties."""
    if texts:
        texts[0].text = value
        _preserve(texts[0], value)
        for other in texts[1:]:
            other.text = ""
        return
    if not value:
        return
    run = OxmlElement("w:r")
    properties = None if anchor is None else anchor.find(qn("w:rPr"))
    if properties is not None:
        from copy import deepcopy

        run.append(deepcopy(properties))
    text = OxmlElement("w:t")
    text.text = value
    _preserve(text, value)
    run.append(text)
    if anchor is not None:
        anchor.addnext(run)
    else:
        first = paragraph.find(qn("w:pPr"))
        if first is not None:
            first.addnext(run)
        else:
            paragraph.insert(0, run)


def _preserve(text: Element, value: str) -> None:
    if value != value.strip():
        text.set(qn("xml:space"), "preserve")


def set_update_fields(document: DocxObject) -> None:
    """Ask Word to update every field when the file is opened (``w:updateFields``, 17.15.1.90)."""
    _child(document.settings.element, "w:updateFields").set(qn("w:val"), "true")


def embed_font(document: DocxObject, table: Element, name: str, face: str, relationship: str, key: str) -> None:
    """Name an embedded face of the font ``name`` in the font table ``table`` (``w:fonts``):
    ``face`` is Regular, Bold, Italic or BoldItalic; ``relationship`` the font table part's
    relationship to the obfuscated font part, ``key`` its GUID (17.8.3.3). A ``w:font`` for the
    name is added if the table has none. Word then uses the embedded font where the reader's
    machine lacks it (``w:embedTrueTypeFonts``, ``w:saveSubsetFonts`` in the settings)."""
    font = next((f for f in table.findall(qn("w:font")) if f.get(qn("w:name")) == name), None)
    if font is None:
        font = _el("w:font", _el("w:charset", val="00"), _el("w:family", val="swiss"),
                   _el("w:pitch", val="variable"), name=name)
        table.append(font)
    embedded = _el(f"w:embed{face}", fontKey=key)
    embedded.set(qn("r:id"), relationship)
    _insert(font, embedded)
    settings = document.settings.element
    _child(settings, "w:embedTrueTypeFonts")
    _child(settings, "w:saveSubsetFonts")


_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
# the statistics of the text Word counts when it saves: not counted here, so not claimed
_STATISTICS = ("Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs", "AppVersion",
               "TotalTime")


def set_app_properties(root: Element, application: str, pages: int | None) -> None:
    """Set the extended properties (``docProps/app.xml``, ECMA-376 part 1, 22.2): the
    ``Application`` that made the file and its ``Pages``, removed when not known; the text
    statistics Word fills in when it saves (words, characters, lines...) are removed."""
    for name in _STATISTICS:
        for element in root.findall(f"{_EXTENDED}{name}"):
            root.remove(element)
    for name, value in (("Application", application), ("Pages", None if pages is None else str(pages))):
        element = root.find(f"{_EXTENDED}{name}")
        if value is None:
            if element is not None:
                root.remove(element)
            continue
        if element is None:
            element = root.makeelement(f"{_EXTENDED}{name}")
            root.insert(0, element)
        element.text = value
