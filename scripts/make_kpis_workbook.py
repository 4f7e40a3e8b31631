"""Write samples/kpis.xlsx, the sample KPI workbook, from the fixed figures in kpi_sample_data.py.

    python scripts/make_kpis_workbook.py [-o samples/kpis.xlsx]

The output is the same, byte for byte, every time: no randomness, and the workbook's timestamps
are fixed. The layout of the sheets is the one committee_papers.workbook reads (see README).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kpi_sample_data import COMMENTARY, INDICATORS, SETTINGS, VALUE_NOTES

ROOT = Path(__file__).resolve().parents[1]
FIXED = dt.datetime(2017, 1, 20, 9, 0, 0)
MODIFIED = "{http://purl.org/dc/terms/}modified"  # in the core properties (ECMA-376 part 2, 11)
INDICATOR_COLUMNS = ("id", "portfolio", "description", "polarity", "unit", "target", "target_kind",
                     "target_text", "tolerance", "england", "stat_neighbours", "comparator_period", "frequency")
WIDTHS = {"description": 70, "portfolio": 24, "commentary": 90, "notes": 50, "value": 40, "key": 16}


def _sheet(book: Workbook, title: str, header: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, 14)
    sheet.freeze_panes = "A2"
    return sheet


def build() -> Workbook:
    """Return the sample workbook."""
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    indicators: list[tuple[object, ...]] = []
    values: list[tuple[object, ...]] = []
    for portfolio, rows in INDICATORS.items():
        for (kpi, description, polarity, unit, target, kind, tolerance, england, neighbours, when,
             frequency, figures) in rows:
            indicators.append((kpi, portfolio, description, polarity, unit, target, kind, None, tolerance,
                               england, neighbours, when, frequency))
            values.extend((kpi, period, figure, VALUE_NOTES.get((kpi, period))) for period, figure in figures.items())
    _sheet(book, "indicators", INDICATOR_COLUMNS, indicators)
    _sheet(book, "values", ("indicator_id", "period", "value", "note"), values)
    commentary = _sheet(book, "commentary", ("indicator_id", "commentary", "notes"),
                        [(kpi, text, notes) for kpi, (text, notes) in COMMENTARY.items()])
    for row in commentary.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    settings = [(key, dt.date.fromisoformat(value) if key == "meeting_date" else value) for key, value in SETTINGS]
    sheet = _sheet(book, "settings", ("key", "value"), settings)
    sheet["B6"].number_format = "d mmmm yyyy"
    book.properties.creator = "scripts/make_kpis_workbook.py"
    book.properties.created = FIXED
    return book


def _fixed_bytes(book: Workbook) -> bytes:
    """Return the .xlsx bytes with every timestamp fixed, so the file never changes by itself."""
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving there
                core = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
                for modified in core.iter(MODIFIED):
                    modified.text = stamp
                data = etree.tostring(core, encoding="UTF-8", xml_declaration=False)  # as openpyxl wrote it
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.external_attr, fixed.create_system = info.external_attr, info.create_system
            target.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "samples" / "kpis.xlsx")
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(_fixed_bytes(build()))
    count = sum(len(rows) for rows in INDICATORS.values())
    print(f"wrote {args.output}: {count} indicators in {len(INDICATORS)} portfolios")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
