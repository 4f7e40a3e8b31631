"""The workbook embedded in each Word chart: its figures, for "Edit Data" in Word.

One sheet, laid out as python-pptx lays out the workbooks it writes, so the chart's references
(``Sheet1!$B$2:$B$6``) point at the right cells: categories down column A from row 2, a line a
column from B, each line's name in row 1, each figure with its number format.

Why not XlsxWriter, as python-pptx uses: it writes a full workbook (theme, document
properties, shared strings, ten parts) and took about 1.4 ms a chart, half of what charts may
add to a 1,000-page pack. This writes the five parts a workbook needs (ECMA-376 part 1, 18.2,
18.3, 18.8), text as inline strings, in a tenth of the time. The tests open each workbook with
openpyxl and check every cell against the chart, and LibreOffice opens the Word file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr
from zipfile import ZIP_STORED, ZipFile, ZipInfo

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # never the clock: the same chart gives the same bytes
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPES = (
    f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
_PACKAGE_RELS = (f'{_DECLARATION}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                 f'Type="{DOCUMENT}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (f'{_DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT}"><sheets>'
             '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (f'{_DECLARATION}<Relationships xmlns="{RELS}">'
                  f'<Relationship Id="rId1" Type="{DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/>'
                  f'<Relationship Id="rId2" Type="{DOCUMENT}/styles" Target="styles.xml"/></Relationships>')
FIRST_FORMAT = 164  # the first number format id a workbook may define (lower ids are built in)


def _styles(formats: Sequence[str]) -> str:
    """Return the styles part: the default cell format, then one per number format."""
    codes = "".join(f'<numFmt numFmtId="{FIRST_FORMAT + i}" formatCode={quoteattr(code)}/>'
                    for i, code in enumerate(formats))
    cells = "".join(f'<xf numFmtId="{FIRST_FORMAT + i}" fontId="0" fillId="0" borderId="0" xfId="0" '
                    'applyNumberFormat="1"/>' for i in range(len(formats)))
    return (f'{_DECLARATION}<styleSheet xmlns="{MAIN}">'
            f'<numFmts count="{len(formats)}">{codes}</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(formats) + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
            f'xfId="0"/>{cells}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def column_letter(number: int) -> str:
    """Return the letters of a column from 0: A, B, … Z, AA."""
    letters = ""
    number += 1
    while number:
        number, left = divmod(number - 1, 26)
        letters = chr(65 + left) + letters
    return letters


def _text(reference: str, text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{reference}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _sheet(categories: Sequence[str], names: Sequence[str], columns: Sequence[Sequence[Decimal | None]]) -> str:
    rows = ['<row r="1">' + "".join(_text(f"{column_letter(c + 1)}1", name) for c, name in enumerate(names)) + "</row>"]
    for r, category in enumerate(categories, 2):
        cells = [_text(f"A{r}", category)]
        for c, values in enumerate(columns):
            value = values[r - 2]
            if value is not None:
                cells.append(f'<c r="{column_letter(c + 1)}{r}" s="{c + 1}"><v>{value}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    return f'{_DECLARATION}<worksheet xmlns="{MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'


def workbook_bytes(categories: Sequence[str], names: Sequence[str], columns: Sequence[Sequence[Decimal | None]],
                   formats: Sequence[str]) -> bytes:
    """Return an .xlsx of one sheet: ``categories`` down column A, one column a line of figures.

    ``names`` head the columns, ``columns`` hold a figure (or None, a blank cell) per category,
    and ``formats`` are their Excel number formats. Text is escaped; figures are written exactly.
    """
    buffer = io.BytesIO()
    parts = (("[Content_Types].xml", _TYPES), ("_rels/.rels", _PACKAGE_RELS), ("xl/workbook.xml", _WORKBOOK),
             ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS), ("xl/styles.xml", _styles(formats)),
             ("xl/worksheets/sheet1.xml", _sheet(categories, names, columns)))
    with ZipFile(buffer, "w") as archive:
        for name, text in parts:
            member = ZipInfo(name, date_time=TIMESTAMP)
            member.compress_type = ZIP_STORED  # the Word file compresses the whole workbook
            archive.writestr(member, text.encode("utf-8"))
    return buffer.getvalue()
