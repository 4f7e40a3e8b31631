"""What openpyxl's streaming reader does not tell: unsaved formula results and merged ranges.

openpyxl's read-only mode (the one that streams a sheet in bounded memory) returns a
formula's saved result or the formula, never both, so it cannot say that a formula has no
saved result; and it does not read merged ranges at all. Both decide whether a figure is
silently missing, so this module reads them from the sheet's XML part: ``<c>`` cells with an
``<f>`` formula and no ``<v>`` value (ECMA-376 Part 1 §18.3.1.4, §18.3.1.40), and
``<mergeCell ref>`` (§18.3.1.55). Sheet parts are found through the workbook part and its
relationships (§18.2.20, Part 2 §9). The XML is streamed with lxml, with entities, DTDs and
the network refused.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree
from openpyxl.utils.cell import column_index_from_string as column_number, coordinate_from_string, range_boundaries

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


@dataclass
class SheetScan:
    """A sheet's unsaved formulas by (row, column), its merged ranges as (ref, bounds), and the
    last row and column where any cell holds something (a value or a formula)."""

    unsaved: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[str, tuple[int, int, int, int]]] = field(default_factory=list)
    last_row: int = 0
    last_column: int = 0
    widest: tuple[int, int] = (0, 0)  # (row, column) of the cell furthest right


def _parse(archive: zipfile.ZipFile, member: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    with archive.open(member) as stream:
        return etree.parse(stream, parser).getroot()


def _target(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return each worksheet's name and the zip member that holds it."""
    package = _parse(archive, "_rels/.rels")
    workbook = next((r.get("Target", "") for r in package.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship")
                     if r.get("Type") == OFFICE_DOCUMENT), "xl/workbook.xml")
    workbook = workbook.lstrip("/")
    rels_member = posixpath.join(posixpath.dirname(workbook), "_rels", posixpath.basename(workbook) + ".rels")
    targets = {r.get("Id"): _target(workbook, r.get("Target", ""))
               for r in _parse(archive, rels_member).iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship")}
    members: dict[str, str] = {}
    for sheet in _parse(archive, workbook).iter(f"{{{MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{RELATIONSHIPS}}}id"))
        if target:
            members[sheet.get("name", "")] = target
    return members


def scan_sheet(archive: zipfile.ZipFile, member: str) -> SheetScan:
    """Return the unsaved formulas and merged ranges of one sheet part, streaming it.

    A cell without its ``r`` reference follows the one before it in its row (as §18.3.1.4
    allows); a row without ``r`` follows the row before it.
    """
    scan = SheetScan()
    row_tag, cell, merge = f"{{{MAIN}}}row", f"{{{MAIN}}}c", f"{{{MAIN}}}mergeCell"
    row_number, column = 0, 0
    with archive.open(member) as stream:
        events = etree.iterparse(stream, events=("start", "end"), tag=(row_tag, cell, merge),
                                 resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        for event, element in events:
            if element.tag == row_tag:
                if event == "start":
                    row_number = int(element.get("r") or row_number + 1)
                    column = 0
                else:
                    element.clear()
                continue
            if event == "start":
                continue
            if element.tag == cell:
                reference = element.get("r")
                if reference:
                    letters, row_number = coordinate_from_string(reference)
                    column = column_number(letters)
                else:
                    column += 1
                formula = element.find(f"{{{MAIN}}}f")
                value = element.find(f"{{{MAIN}}}v")
                inline = element.find(f"{{{MAIN}}}is")
                if formula is not None or (value is not None and value.text) or inline is not None:
                    scan.last_row = max(scan.last_row, row_number)
                    if column > scan.last_column:
                        scan.last_column, scan.widest = column, (row_number, column)
                # no <v>, or an empty one that is not an empty text result: never calculated
                saved = value is not None and (bool(value.text) or element.get("t") == "str")
                if formula is not None and not saved:
                    scan.unsaved[row_number, column] = "=" + (formula.text or "")
            else:
                ref = element.get("ref", "")
                if ":" in ref:
                    low_col, low_row, high_col, high_row = range_boundaries(ref)
                    if None not in (low_col, low_row, high_col, high_row):
                        scan.merged.append((ref, (int(low_row or 0), int(low_col or 0), int(high_row or 0),
                                                  int(high_col or 0))))
                element.clear()
    return scan


__all__ = ["SheetScan", "scan_sheet", "sheet_members"]
