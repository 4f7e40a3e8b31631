"""Wide workbooks: one row per indicator, its figures in columns headed by their periods.

Each sheet that is not skipped holds indicators (its name is their portfolio unless a
``Portfolio`` or ``Directorate`` column says otherwise); a sheet named ``settings`` holds the
settings, as in the long form; sheets may be skipped (``skip_sheets``, there or in a mapping).
The heading rows are read by ``headings`` and ``columns``, each indicator's row by ``rows``:
every figure as Excel shows it, exactly as in the long form. The RAG status and the polarity as
the sheet words them are kept (``Kpi.stated_status``, ``Kpi.stated_polarity``), for ``check`` to
compare with the status computed. Ids are unique across the sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import LoadError, Problem
from ..limits import Limits
from ..model import Block, FinancialYear, Frequency, KpiData, KpiSettings, ReportingPeriod
from .cells import Cells
from .columns import Headings
from .headers import key
from .headings import heading_rows, read_headings
from .indicators import Spec, assemble, fractions
from .mapping import Mapping, parse_mapping
from .reading import RawSheet, Sheets, keyed_sheet
from .rows import read_row, wide_sheet
from .settings import SETTINGS_COLUMNS, Reading, paragraphs, read_settings
from .sheet import CellProblem, Sheet, require

Notes = dict[str, tuple[tuple[Block, ...], tuple[Block, ...]]]


@dataclass
class _Read:
    """What the sheets gave so far: indicators by id (None: its row has problems), where each id
    is, commentary, and a line of the layout per sheet."""

    specs: dict[str, Spec | None] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    notes: Notes = field(default_factory=dict)
    layout: list[str] = field(default_factory=list)
    target_years: list[tuple[str, str, FinancialYear]] = field(default_factory=list)  # (cell, heading, year)


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
        spec = found.specs[kpi_id] = read_row(cells, sheet, row, kpi_id, portfolio, periods, reading, reporting)
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


def _target_years(cells: Cells, found: _Read, reporting: ReportingPeriod | None) -> None:
    """A target column headed with a year must be the year reported's (the settings', else the
    year of the latest figure): another year's target is never used as this year's."""
    if reporting is None:
        latest = [o.period for spec in found.specs.values() if spec is not None for o in spec.series]
        if not latest:
            return
        year = max(latest, key=lambda p: p.sort_key).year
        said = f"the latest figure is in {year.short}"
    else:
        year, said = reporting.year, f"the period reported is {reporting.label}"
    for where, heading, written in found.target_years:
        if written != year:
            cells.problems.append(CellProblem(where, f"the target column is for {written.short}, but {said}: head "
                                              f"the column with this year's target, or map it in a mapping file "
                                              f"(columns: {{{heading!r}: target}}) if it is the target to judge by",
                                              column=heading))


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
        found.target_years.extend((f"{title}!{c.letter}{rows[-1]}", c.heading, c.year) for c in headings.columns
                                  if c.field == "target" and c.year is not None)
    _target_years(cells, found, settings.period)
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


__all__ = ["read_wide"]
