"""Wide workbooks: one row per indicator, its figures in columns headed by their periods.

Each sheet that is not skipped holds indicators (its name is their portfolio unless a
``Portfolio`` or ``Directorate`` column says otherwise); a sheet named ``settings`` holds the
settings, as in the long form. The heading rows are read by ``headings``; every figure is
read as Excel shows it (``cells``), exactly as in the long form: formats, unsaved formulas,
merged ranges, the decimal comma and the percent scale. A row's unit, when no ``Unit`` column
gives it, is the one its figures are shown with (``%`` or ``£``). The RAG status and the
polarity as the sheet words them are kept (``Kpi.stated_status``, ``Kpi.stated_polarity``), for
``check`` to compare with the status computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import LoadError, Problem
from ..limits import Limits
from ..model import Block, Frequency, KpiData, KpiSettings, Number, Polarity, ReportingPeriod, Stated, Unit
from .cells import Cells, read_figure
from .headers import FREQUENCY_WORDS, NO, POLARITY_WORDS, RAG_WORDS, UNIT_WORDS, YES, key
from .headings import Column, Headings, heading_rows, read_headings
from .indicators import VALUE_HINT, Spec, assemble, fractions, observe, read_target
from .mapping import Mapping, parse_mapping
from .reading import RawSheet, Sheets, keyed_sheet
from .settings import SETTINGS_COLUMNS, PercentScale, Reading, paragraphs, read_settings
from .sheet import CellProblem, Sheet, column_letter, require

POLARITY_EXPECTED = "a polarity: high or low (or higher, lower, smaller is better, ...), or none"
RAG_EXPECTED = "a RAG status: Red, Amber or Green, Blue (no target) or Grey (no figures); or leave it blank"
YES_NO = {**dict.fromkeys(YES, True), **dict.fromkeys(NO, False)}
Notes = dict[str, tuple[tuple[Block, ...], tuple[Block, ...]]]


@dataclass
class _Read:
    """What the sheets gave so far: indicators by id (None: its row has problems), where each id
    is, commentary, and a line of the layout per sheet."""

    specs: dict[str, Spec | None] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    notes: Notes = field(default_factory=dict)
    layout: list[str] = field(default_factory=list)


def wide_sheet(raw: RawSheet, headings: Headings) -> tuple[Sheet, list[Problem]]:
    """Return the sheet's rows below its headings, read by the fields and periods of its columns.

    A cell with something in it under no heading is a problem (its figures would be lost).
    """
    last = headings.rows[-1]
    known = {col.position: col.key for col in headings.columns}
    problems: list[Problem] = []
    unheaded: set[int] = set()
    cells = {}
    for number, row in enumerate(raw.rows[last:], start=last + 1):
        cells[number] = {name: row[p - 1] for p, name in known.items() if p <= len(row)}
        for position, cell in enumerate(row, start=1):
            if position in known or position in headings.ignored or position in unheaded or cell.blank:
                continue
            unheaded.add(position)
            problems.append(CellProblem(f"{raw.title}!{column_letter(position)}{number}", "the cell is in a column "
                                        "without a heading, so it would be lost: give the column a heading (and "
                                        "map it if the library does not know it), or clear the column"))
    letters = {col.key: col.letter for col in headings.columns}
    names = {col.key: col.heading for col in headings.columns}
    return Sheet(raw.title, letters, last, cells, names), problems


def _unit(cells: Cells, sheet: Sheet, row: int, periods: list[Column]) -> Unit | None:
    """Return the row's unit: its Unit cell, else the symbol its figures are shown with."""
    if sheet.has("unit") and not sheet.cell(row, "unit").blank:
        found = cells.words(sheet, row, "unit", UNIT_WORDS, f"a unit: {', '.join(u.value for u in Unit)}")
        return found[0] if found else None
    symbols: dict[str, str] = {}
    for name in [col.key for col in periods] + ["target", "england", "stat_neighbours"]:
        cell = sheet.cell(row, name)
        if cell.blank or cell.merged:
            continue
        try:
            symbol = read_figure(cell, decimal_comma=cells.decimal_comma).symbol
        except ValueError:
            continue  # words, or a figure the reading below reports
        if symbol is not None:
            symbols.setdefault(symbol, sheet.ref(row, name))
    if len(symbols) > 1:
        cells.problem(sheet, row, "unit" if sheet.has("unit") else "id", "some figures of the row are shown as "
                      f"percentages ({symbols['%']}) and some as money ({symbols['£']}): give the row its unit in "
                      "a Unit column, or correct the cells' formats")
        return None
    return {"%": Unit.PERCENT, "£": Unit.MONEY}.get(next(iter(symbols), ""), Unit.NUMBER)


def _polarity(cells: Cells, sheet: Sheet, row: int) -> tuple[Polarity, Stated] | None:
    """Return the polarity a row states, with its wording: ``Good is: Lower``, ``Smaller is better: Yes``."""
    for name, yes in (("polarity", None), ("smaller_is_better", Polarity.LOW), ("bigger_is_better", Polarity.HIGH)):
        if not sheet.has(name):
            continue
        stated: tuple[Any, str] | None
        if yes is None:
            stated = cells.words(sheet, row, name, POLARITY_WORDS, POLARITY_EXPECTED)
        else:
            stated = cells.words(sheet, row, name, YES_NO, "yes or no")
        if stated is None:
            return None
        value, text = stated
        if yes is not None:
            value = yes if value else (Polarity.HIGH if yes is Polarity.LOW else Polarity.LOW)
        return value, Stated(sheet.headings.get(name, name), text, sheet.ref(row, name))
    return None


def _status(cells: Cells, sheet: Sheet, row: int) -> Stated | None:
    """Return the RAG status a row states for the period reported, with its wording, or None."""
    if not sheet.has("rag"):
        return None
    found = cells.words(sheet, row, "rag", RAG_WORDS, RAG_EXPECTED, required=False)
    if found is None:
        return None
    rag, text = found
    return Stated(sheet.headings.get("rag", "rag"), text, sheet.ref(row, "rag"), rag)


def _series(cells: Cells, sheet: Sheet, row: int, spec: Spec, periods: list[Column],
            reporting: ReportingPeriod | None) -> None:
    """Add the row's figures to its series: one frequency, nothing after the period reported."""
    declared: Frequency | None = spec.fields["frequency"]
    first: tuple[Frequency, str] | None = None
    for column in periods:
        period = column.period
        assert period is not None
        found = cells.figure(sheet, row, column.key, spec.fields["unit"], VALUE_HINT)
        if found is None:
            continue
        ref = sheet.ref(row, column.key)
        if reporting is not None and period.is_after(reporting):
            cells.problem(sheet, row, column.key, f"{period.label} is after the period reported, {reporting.label}: "
                          "clear the cell, or change the period in the settings sheet")
            continue
        if period.frequency is not Frequency.ANNUAL:
            if declared is not None and period.frequency is not declared:
                cells.problem(sheet, row, column.key, f"{period.label} is a {period.frequency.noun} but "
                              f"{spec.fields['id']} is reported {declared.value} ({sheet.ref(row, 'frequency')})")
                continue
            first = first or (period.frequency, ref)
            if first[0] is not period.frequency:
                cells.problem(sheet, row, column.key, f"{period.label} is a {period.frequency.noun}, but the row has "
                              f"{first[0].noun}s ({first[1]}): an indicator is reported at one frequency; give "
                              "its figures all by month or all by quarter")
                continue
        observe(spec, found, period, ref, column.key)


def _row(cells: Cells, sheet: Sheet, row: int, kpi_id: str, portfolio: str, periods: list[Column],
         reading: Reading, reporting: ReportingPeriod | None) -> Spec | None:
    """Return the indicator a row holds, or None when the row has problems (recorded)."""
    before = len(cells.problems)
    unit = _unit(cells, sheet, row, periods) or Unit.NUMBER
    polarity = _polarity(cells, sheet, row)
    figures = {name: cells.figure(sheet, row, name, unit) for name in ("england", "stat_neighbours")}
    frequency = cells.words(sheet, row, "frequency", FREQUENCY_WORDS, "monthly, quarterly or annual",
                            required=False) if sheet.has("frequency") else None
    fields: dict[str, Any] = {
        "id": kpi_id,
        "portfolio": portfolio,
        "description": cells.text(sheet, row, "description", required=True),
        "polarity": polarity[0] if polarity else None,
        "stated_polarity": polarity[1] if polarity else None,
        "unit": unit,
        "target": read_target(cells, sheet, row, unit),
        "tolerance": cells.fraction(sheet, row, "tolerance"),
        "frequency": frequency[0] if frequency else None,
        "comparator_period": cells.text(sheet, row, "comparator_period"),
        "stated_status": _status(cells, sheet, row),
        "lead_officer": cells.text(sheet, row, "lead_officer"),
        **{name: Number(value.value, unit) if value is not None else None for name, value in figures.items()},
    }
    own = cells.choice(sheet, row, "percent_scale", PercentScale, required=False)
    spec = Spec(row, fields, own or reading.percent_scale, where=f"{sheet.name}!{row}:{row}")
    _series(cells, sheet, row, spec, periods, reporting)
    return spec if len(cells.problems) == before else None


def _read_sheet(cells: Cells, sheet: Sheet, headings: Headings, reading: Reading,
                reporting: ReportingPeriod | None, found: _Read) -> int:
    """Read each indicator row of a sheet into ``found``; return how many rows hold indicators."""
    periods = [col for col in headings.columns if col.period is not None]
    portfolio = sheet.name.strip()
    count = 0
    for row in sheet.rows():
        noticed = len(cells.notices)
        kpi_id = cells.text(sheet, row, "id", required=True)
        portfolio = cells.text(sheet, row, "portfolio", merged_ok=True) or portfolio
        if kpi_id is None:
            continue
        count += 1
        if kpi_id in found.where:
            cells.problem(sheet, row, "id", f"the id {kpi_id!r} is already used on {found.where[kpi_id]}")
            continue
        found.where[kpi_id] = sheet.ref(row, "id")
        spec = found.specs[kpi_id] = _row(cells, sheet, row, kpi_id, portfolio, periods, reading, reporting)
        found.notes[kpi_id] = (paragraphs(cells.text(sheet, row, "commentary")),
                               paragraphs(cells.text(sheet, row, "notes")))
        name = spec.name if spec is not None else kpi_id
        name = name if len(name) <= 90 else name[:87] + "..."  # as findings name an indicator
        cells.notices[noticed:] = [replace(n, indicator=n.indicator or name) for n in cells.notices[noticed:]]
    return count


def _settings(book: Sheets, cells: Cells) -> tuple[KpiSettings, Reading, str | None]:
    title = book.find("settings")
    if title is None:
        return *read_settings(cells, None), None
    sheet, problems = keyed_sheet(book.read(title), "key")
    cells.problems.extend(problems)
    if sheet is not None:
        cells.problems.extend(require(sheet, SETTINGS_COLUMNS, ()))
        if any(not sheet.has(c) for c in SETTINGS_COLUMNS):
            sheet = None
    return *read_settings(cells, sheet), title


def _mapping(given: Mapping | None, reading: Reading, cells: Cells, limits: Limits | None) -> Mapping | None:
    if reading.mapping is None:
        return given
    text, where = reading.mapping
    if given is not None:
        cells.problems.append(CellProblem(where, f"a mapping is given both here and in {given.name}: use one",
                                          column="mapping"))
        return given
    try:
        return parse_mapping(text, where, limits)
    except LoadError as error:
        cells.problems.extend(CellProblem(where, str(p), column="mapping") for p in error.problems)
        return None


def _sheets(book: Sheets, mapping: Mapping | None, reading: Reading, settings_title: str | None,
            cells: Cells) -> tuple[list[str], list[str]]:
    """Return the titles of the sheets to read, and of those skipped as declared."""
    skip = [*(mapping.skip_sheets if mapping else ()), *reading.skip_sheets]
    named = list(mapping.sheets) if mapping and mapping.sheets else []
    for name in [*skip, *named]:
        if book.find(name) is None:
            where = mapping.name if mapping and (name in mapping.skip_sheets or name in named) else "settings"
            sheets = ", ".join(repr(t) for t in book.titles)
            cells.problems.append(Problem(where, f"there is no sheet named {name!r} (the sheets are {sheets}): "
                                                 "correct the name"))
    skipped = {key(name) for name in skip}
    if named:
        titles = [title for name in named if (title := book.find(name)) is not None]
    else:
        titles = [t for t in book.titles if t != settings_title and key(t) not in skipped and book.is_worksheet(t)]
    return titles, [t for t in book.titles if key(t) in skipped]


def _periods_text(headings: Headings) -> str:
    """Return the periods of the columns, a run of quarters or months of one year shortened:
    ``2014/15, Q1-Q4 2015/16, 2015/16``."""
    periods = [col.period for col in headings.columns if col.period is not None]
    parts: list[str] = []
    start = 0
    while start < len(periods):
        end = start
        first = periods[start]
        while (end + 1 < len(periods) and first.frequency is not Frequency.ANNUAL
               and periods[end + 1] == periods[end].next() and periods[end + 1].year == first.year):
            end += 1
        if end - start >= 2:
            parts.append(f"{first.column}-{periods[end].column} {first.year.short}")
        else:
            parts.extend(p.label for p in periods[start:end + 1])
        start = end + 1
    return ", ".join(parts)


def _no_headings(raw: RawSheet) -> Problem:
    """Return the problem of a sheet with no heading row the library knows, quoting the likeliest."""
    likely = next(((number, texts) for number, row in enumerate(raw.rows[:20], start=1)
                   if len(texts := [str(c.value).strip() for c in row if not c.blank]) >= 3), None)
    seen = ""
    if likely is not None:
        number, texts = likely
        shown = ", ".join(repr(t[:30]) for t in texts[:6]) + (", ..." if len(texts) > 6 else "")
        seen = f" (row {number} holds {shown})"
    return CellProblem(f"{raw.title}!1:20", "no heading row naming the indicators' reference or description (such "
                       f"as 'Ref' or 'Indicator') is in the first 20 rows{seen}: if the sheet holds indicators, map "
                       "its headings in a mapping file (--mapping; see README, 'The mapping file'); if it holds "
                       "none, skip it (skip_sheets in the settings sheet, or in the mapping file). A workbook in "
                       "long form has sheets named indicators and values.")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def read_wide(source: str, book: Sheets, given: Mapping | None, limits: Limits | None = None) -> KpiData:
    """Return the KPI data of a wide workbook, or raise LoadError listing every problem.

    ``given`` is the mapping passed with the workbook (``--mapping``); the settings sheet's
    ``mapping`` row may hold one instead.
    """
    cells = Cells()
    settings, reading, settings_title = _settings(book, cells)
    cells.decimal_comma = reading.decimal_comma
    mapping = _mapping(given, reading, cells, limits)
    titles, skipped = _sheets(book, mapping, reading, settings_title, cells)
    found = _Read()
    used: set[str] = set()
    for title in titles:
        raw = book.read(title)
        if all(cell.blank for row in raw.rows for cell in row):
            found.layout.append(f"  {title}: empty, not read")
            continue
        rows = heading_rows(raw, mapping)
        if rows is None:
            cells.problems.append(_no_headings(raw))
            continue
        headings, problems = read_headings(raw, rows, mapping, settings.period, used)
        cells.problems.extend(problems)
        if problems:
            continue
        sheet, problems = wide_sheet(raw, headings)
        cells.problems.extend(problems)
        count = _read_sheet(cells, sheet, headings, reading, settings.period, found)
        rows_text = f"heading rows {rows[0]}-{rows[1]}" if len(rows) == 2 else f"heading row {rows[0]}"
        notes = "".join(f"; {note}" for note in headings.notes)
        fields = ", ".join(f"{col.heading} ({col.field})" for col in headings.columns if col.field is not None)
        found.layout.append(f"  {title}: {rows_text}, {_plural(count, 'indicator')}; periods "
                            f"{_periods_text(headings)}{notes}")
        found.layout.append(f"  {title}: columns {fields}")
    if mapping is not None:
        for entry in mapping.columns.values():
            if key(entry.heading) not in used:
                cells.problems.append(mapping.problem(entry, f"no sheet has the heading {entry.heading!r}: write it "
                                                      "as the sheet does (case and punctuation do not matter)"))
    fractions({k: v for k, v in found.specs.items() if v is not None}, cells)
    layout = [f"wide: one row per indicator, {_plural(len(found.specs), 'indicator')} on "
              f"{_plural(len(titles), 'sheet')}" + (f" (read with the mapping {mapping.name})" if mapping else ""),
              *found.layout]
    if skipped:
        layout.append(f"  skipped: {', '.join(skipped)}")
    if not titles and not cells.problems:
        cells.problems.append(Problem("", "no sheet holds indicators: add a sheet with a heading row (Ref, "
                                          "Indicator, ...) and one row per indicator"))
    return assemble(source, cells, found.specs, settings, found.notes, [settings_title or "settings", *titles],
                    "\n".join(layout))


__all__ = ["read_wide", "wide_sheet"]
