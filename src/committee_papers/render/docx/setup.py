"""What the library reads from a Word template, so that the PDF and the layout follow it too.

A council restyles its output by editing the template in Word or LibreOffice. Whatever of
that decides where pages break must be the same in the PDF, or the two files paginate
differently and the scorecard's page numbers are wrong in one of them. So before anything
is laid out, the template is read for:

- the page: size, orientation, margins, header and footer distances, and how much room its
  header and footer take (``geometry``);
- the font sizes of the styles the report uses: Normal (body), Heading 1-3, Table Text and
  Small Text (resolved through the style hierarchy, ``inherit``);
- their spacing: the space before and after each, Normal's line spacing, the list styles'
  space between items, and the table style's cell margins.

The house style is returned with those replaced. What the PDF cannot follow is said in a
warning: a body font other than the house style's (the PDF embeds the house style's font
files), headers of different heights, a line grid. What no layout can follow (several text
columns, margins that leave no room) refuses the template.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...limits import Limits
from ...style import HouseStyle, Spacing
from . import styles
from .geometry import read_page
from .inherit import StyleSheet
from .stylenames import TemplateStyles
from .template import TemplateError, check_styles, open_template

# Fonts with the same advance widths, so text set in one breaks into lines like the other
# (Liberation: "metric-compatible with Arial, Times New Roman, Courier New"; Croscore Arimo,
# Tinos, Cousine; Carlito and Caladea for Calibri and Cambria).
METRIC_FAMILIES = (
    frozenset({"arial", "liberation sans", "arimo", "helvetica", "nimbus sans", "nimbus sans l"}),
    frozenset({"times new roman", "liberation serif", "tinos", "times", "nimbus roman"}),
    frozenset({"courier new", "liberation mono", "cousine", "courier", "nimbus mono ps"}),
    frozenset({"calibri", "carlito"}),
    frozenset({"cambria", "caladea"}),
    frozenset({"dejavu sans", "bitstream vera sans"}),
)
TEXT_STYLES = (styles.BODY, *styles.HEADINGS, styles.TABLE_TEXT, styles.SMALL_TEXT)
SIZES = (4.0, 72.0)  # the font sizes, in points, a style may have


def same_metrics(one: str, other: str) -> bool:
    """Tell whether two font names set text to the same widths (the same font, or metric twins)."""
    a, b = one.strip().casefold(), other.strip().casefold()
    return a == b or any(a in family and b in family for family in METRIC_FAMILIES)


@dataclass(frozen=True, slots=True)
class TemplateSetup:
    """The house style with the template's page and font sizes, and what the PDF does differently."""

    style: HouseStyle
    warnings: tuple[str, ...]


def _sizes(path: Path, document: Any, found: TemplateStyles, style: HouseStyle) -> dict[str, Any]:
    sheet = StyleSheet(document)

    def size(name: str) -> float:
        points = sheet.size(None, found.get(name).style_id)
        if not SIZES[0] <= points <= SIZES[1]:
            raise TemplateError(f"the template {path} sets the style '{name}' in {points:g} pt: "
                                f"give it a size from {SIZES[0]:g} to {SIZES[1]:g} pt")
        return points

    headings = tuple(size(name) for name in styles.HEADINGS)
    return {"body_size": size(styles.BODY), "heading_sizes": headings,
            "table_size": size(styles.TABLE_TEXT), "small_size": size(styles.SMALL_TEXT)}


def _spacing(document: Any, found: TemplateStyles, warnings: list[str]) -> Spacing:
    """Return the spacing the template's styles set (``Spacing``), as Word resolves it."""
    sheet = StyleSheet(document)

    def space(name: str, which: str) -> float:
        value = sheet.attribute(None, found.get(name).style_id, "w:pPr", "w:spacing", which)
        try:
            return max(0, int(value)) / 20 if value is not None else 0.0
        except ValueError:
            return 0.0

    normal = found.get(styles.BODY).style_id
    line, rule = (sheet.attribute(None, normal, "w:pPr", "w:spacing", name) for name in ("line", "lineRule"))
    multiple = 1.0
    if line is not None and (rule or "auto") == "auto" and line.isdigit():
        multiple = int(line) / 240  # w:line in 240ths of a line (ECMA-376 part 1, 17.3.1.33)
    elif line is not None:
        warnings.append("its Normal style has an exact or least line height: the PDF sets lines "
                        "at single spacing, so pages may break differently; use a multiple "
                        "(Single, 1.5 lines) instead")
    bullet = found.get(styles.LIST_BULLET).style_id
    table = found.get(styles.TABLE, "table").style_id
    between = 0.0 if sheet.flag(None, bullet, "w:pPr", "w:contextualSpacing") else \
        space(styles.LIST_BULLET, "before") + space(styles.LIST_BULLET, "after")

    def margin(*sides: str) -> float:
        found_margin = sheet.cell_margin(table, sides)
        return 5.4 if found_margin is None and sides[0] == "left" else found_margin or 0.0

    return Spacing(
        body_after=space(styles.BODY, "after"),
        heading_before=tuple(space(name, "before") for name in styles.HEADINGS),  # type: ignore[arg-type]
        heading_after=tuple(space(name, "after") for name in styles.HEADINGS),  # type: ignore[arg-type]
        small_after=space(styles.SMALL_TEXT, "after"), list_after=space(styles.LIST_BULLET, "after"),
        list_between=between, line_spacing=multiple, cell_top=margin("top"),
        cell_bottom=margin("bottom"), cell_side=margin("left", "start"),
        border=sheet.border(table, "insideH"))


def _font_warnings(document: Any, found: TemplateStyles, style: HouseStyle) -> list[str]:
    sheet = StyleSheet(document)
    other: dict[str, list[str]] = {}
    for name in TEXT_STYLES:
        font = sheet.font(None, found.get(name).style_id)
        if font is not None and not same_metrics(font, style.font_name):
            other.setdefault(font, []).append(name)
    return [f"its style{'s' if len(names) > 1 else ''} {', '.join(repr(n) for n in names)} "
            f"use{'' if len(names) > 1 else 's'} the font '{font}', but the PDF is set in the house "
            f"style's font ('{style.font_name}'), so the two files may break lines and pages "
            f"differently: set the template's font back to {style.font_name}, or give the PDF "
            f"the same font (HouseStyle(font_name='{font}', text_fonts=FontFiles(...)) in Python)"
            for font, names in other.items()]


def template_style(template: str | os.PathLike[str], style: HouseStyle, *,
                   limits: Limits | None = None) -> TemplateSetup:
    """Return the house style with the template's page, font sizes and spacing, and warnings.

    ``template`` is a .docx path. The page replaces ``style.page`` (and ``margin_mm``); the
    sizes of Normal, Heading 1-3, Table Text and Small Text replace ``body_size``,
    ``heading_sizes``, ``table_size`` and ``small_size``; their spacing replaces
    ``spacing``. Each warning is a sentence saying
    where the PDF will differ from the Word file and how to make them agree.

    Raises TemplateError (a CommitteePapersError) when the template cannot be used: not a
    safe .docx, a style missing, several text columns, margins leaving less than 50 mm, a
    font size outside 4-72 pt.
    """
    path = Path(template)
    document = open_template(path, limits).docx
    check_styles(path, document)
    found = TemplateStyles.read(document)
    page = read_page(document)
    if page.problems:
        raise TemplateError(f"the template {path} cannot be used: {'; '.join(page.problems)}")
    warnings = list(page.warnings)
    changes = _sizes(path, document, found, style)
    # the space after a table is the house style's: no Word style holds it
    changes["spacing"] = replace(_spacing(document, found, warnings), table_after=style.spacing.table_after)
    if page.page is None:
        warnings.append(f"it sets no page size, so both files use the house style's page "
                        f"({style.page_setup.describe()}): set one in Layout > Size")
    else:
        changes["page"] = page.page
    if page.furniture_size is not None:  # the running header and page number, in both formats
        if not SIZES[0] <= page.furniture_size <= SIZES[1]:
            raise TemplateError(f"the template {path} sets its page number in {page.furniture_size:g} pt: "
                                f"give the Footer style a size from {SIZES[0]:g} to {SIZES[1]:g} pt")
        changes["furniture_size"] = page.furniture_size
    warnings += _font_warnings(document, found, style)
    return TemplateSetup(replace(style, **changes),
                         tuple(f"the template {path}: {warning}" for warning in warnings))
