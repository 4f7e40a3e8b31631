"""The one place the Word renderer writes WordprocessingML: its markup, element names and escaping.

The other modules of the renderer, and ``scripts/build_template.py``, call these helpers as
``wml.paragraph``, ``wml.set_fonts``…; ``tests/render/word/test_docx_xml.py`` fails if Word
markup or elements are made anywhere else. Two files, one kind of helper each:

- ``markup.py``: the body's blocks (paragraphs, runs, hyperlinks, tables, a chart's drawing)
  as XML text, with the only escaping of the file's text, parsed a page at a time;
- ``elements.py``: the template's parts where python-docx has no API, edited as elements.

``package.py`` writes the main document part with lxml: the template's own elements, and each
page's blocks as ``markup.elements`` parses them.
"""

from .elements import (
    DocxObject,
    Element,
    Piece,
    add_field,
    add_numbering_instance,
    configure_table_style,
    doc_defaults_rpr,
    embed_font,
    field_pieces,
    plain_bullets,
    set_app_properties,
    set_compatibility_mode,
    set_default_size,
    set_fonts,
    set_language,
    set_outline_level,
    set_text,
    set_update_fields,
    set_widow_control,
    strip_theme_fonts,
    style_rpr,
    table_style_header_fill,
)
from .markup import (
    CELL_END,
    PARAGRAPH_END,
    ROW_END,
    TABLE_END,
    cell,
    chart_run,
    check,
    elements,
    hyperlink,
    paragraph,
    row,
    run,
    separator,
    table,
)
from .sections import continue_section, section_end, turn_section

__all__ = ["CELL_END", "PARAGRAPH_END", "ROW_END", "TABLE_END", "DocxObject", "Element", "Piece", "add_field",
           "add_numbering_instance", "cell", "chart_run", "check", "configure_table_style", "continue_section",
           "doc_defaults_rpr", "elements", "embed_font", "field_pieces", "hyperlink", "paragraph", "plain_bullets",
           "row", "run", "section_end", "separator", "set_app_properties", "set_compatibility_mode",
           "set_default_size", "set_fonts", "set_language", "set_outline_level", "set_text", "set_update_fields",
           "set_widow_control", "strip_theme_fonts", "style_rpr", "table", "table_style_header_fill",
           "turn_section"]
