"""Build templates/house-style.docx from the house style in committee_papers.style.

Run it after changing the defaults (``.venv/bin/python scripts/build_template.py``); it
writes the same bytes every time, so the committed template only changes when the style
does. Councils can instead edit the .docx in Word: the renderer reads everything from it.
"""

from __future__ import annotations

import argparse
import io
import string
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from committee_papers.render.docx import styles as names, wml
from committee_papers.render.docx.stylenames import TemplateStyles
from committee_papers.render.docx.template import PLACEHOLDER
from committee_papers.style import DEFAULT_STYLE, Colour, HouseStyle

OUTPUT = Path(__file__).resolve().parents[1] / "templates" / "house-style.docx"
_FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)
_DROPPED_RELATIONS = ("stylesWithEffects", "customXml", "thumbnail")
_KEPT_TABLE_STYLES = ("Normal Table", "Table Grid")


def _rgb(colour: Colour) -> RGBColor:
    return RGBColor.from_string(colour.hex)


def _prune(document: Any) -> None:
    """Drop the parts and table styles of python-docx's default template that we do not use."""
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if any(rel.reltype.endswith(suffix) for suffix in _DROPPED_RELATIONS):
                del rels[rid]
    for style in list(document.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in _KEPT_TABLE_STYLES:
            style.delete()


def _paragraph_style(document: Any, name: str, size: float, *, after: float) -> Any:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[names.BODY]
    style.quick_style = True
    style.font.size = Pt(size)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(after)
    return style


def _text_styles(document: Any, house: HouseStyle) -> None:
    wml.strip_theme_fonts(document)
    defaults = wml.doc_defaults_rpr(document)
    wml.set_fonts(defaults, house.font_name)
    wml.set_default_size(document, house.body_size)
    normal = document.styles[names.BODY]
    wml.set_fonts(wml.style_rpr(normal), house.font_name)
    normal.font.size = Pt(house.body_size)
    normal.font.color.rgb = _rgb(house.text_colour)
    space = house.spacing
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(space.body_after)
    normal.paragraph_format.line_spacing = space.line_spacing
    # Heading 1-3 take the house sizes; Heading 4-6 are made on Heading 3 below, so take its size
    sizes = house.heading_sizes[:len(names.HEADINGS)]
    for name, size, before, after in zip(names.HEADINGS, sizes, space.heading_before, space.heading_after,
                                         strict=True):
        heading = document.styles[name]
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = _rgb(house.heading_colour)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(after)
        heading.paragraph_format.keep_with_next = True
    _paragraph_style(document, names.TABLE_TEXT, house.table_size, after=0)
    _paragraph_style(document, names.SMALL_TEXT, house.small_size, after=space.small_after)
    for name in (names.LIST_BULLET, names.LIST_NUMBER):
        document.styles[name].paragraph_format.space_after = Pt(space.list_after)
    wml.plain_bullets(document, "•")
    marks = house.marks
    for name, colour in ((names.DOT_BETTER, marks.better_colour),
                         (names.DOT_WORSE, marks.worse_colour),
                         (names.DOT_NEUTRAL, marks.neutral_colour)):
        mark = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        mark.base_style = document.styles["Default Paragraph Font"]
        wml.set_fonts(wml.style_rpr(mark), house.symbol_font_name)
        mark.font.color.rgb = _rgb(colour)
    for name in names.DEEP_HEADINGS:  # python-docx's own, in its blue: made again like Heading 3
        document.styles[name].delete()
    names.add_missing_styles(document, TemplateStyles.read(document))  # Heading 4-6, Hyperlink
    table = document.styles.add_style(names.TABLE, WD_STYLE_TYPE.TABLE)
    table.base_style = document.styles["Normal Table"]
    wml.configure_table_style(table, house.border_colour.hex, house.header_fill.hex,
                              round(space.cell_side * 20), round(space.cell_top * 20),
                              round(space.cell_bottom * 20))


def _page(document: Any, house: HouseStyle) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(house.margin_mm))
    section.header_distance = section.footer_distance = Mm(house.margin_mm / 2)
    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run(f"{{{{ {PLACEHOLDER} }}}}").bold = True
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fields = {"page": ("PAGE", "1"), "pages": ("NUMPAGES", "1")}
    for literal, field, _, _ in string.Formatter().parse(house.labels.page_number):
        if literal:
            footer.add_run(literal)
        if field:
            wml.add_field(footer, *fields[field])
    for name in ("Header", "Footer"):
        document.styles[name].font.size = Pt(house.furniture_size)


def build(house: HouseStyle = DEFAULT_STYLE) -> bytes:
    """Return the template's bytes."""
    document = Document()
    _prune(document)
    _text_styles(document, house)
    _page(document, house)
    wml.set_language(document, "en-GB")
    wml.set_compatibility_mode(document, 15)
    wml.set_widow_control(document)
    properties = document.core_properties
    properties.title = "Exception reports house style"
    properties.author = properties.last_modified_by = "committee_papers"
    properties.comments = "Built by scripts/build_template.py; edit the styles in Word."
    properties.created = properties.modified = _FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps, so equal content gives equal bytes."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return output.getvalue()


def main() -> None:
    """Write the template (to templates/house-style.docx unless told otherwise)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    output = parser.parse_args().output
    output.write_bytes(build())
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
