"""Every figure from a workbook, CSV folder or DataFrame reaches both documents as the officer
meant it, or stops the run with an error naming its cell: never silently rescaled or dropped.

Each test builds its input here. Expected figures are what Excel shows for the cell (worked out
by hand from the format), read back from the rendered .docx and PDF.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from committee_papers.cli import main
from committee_papers.loaders import LoadError
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack
from committee_papers.workbook import from_dataframes, read_workbook

from ..reliability.readback import read_docx, read_pdf

Sheets = dict[str, list[list[Any]]]

# One percentage indicator well off its target of 60 (so it is Red and gets a page), and one
# money indicator, also off target.
BASE: Sheets = {
    "indicators": [
        ["id", "portfolio", "description", "polarity", "unit", "target"],
        ["P1", "Portfolio", "Percentage of reviews completed", "high", "percent", 60],
        ["M1", "Portfolio", "Average cost of a placement", "low", "money", 3],
    ],
    "values": [
        ["indicator_id", "period", "value"],
        ["P1", "2015/16", 50],
        ["P1", "Q1 2016/17", 48.2],
        ["P1", "Q2 2016/17", 45.1],
        ["M1", "2015/16", 3.5],
        ["M1", "Q1 2016/17", 3.9],
        ["M1", "Q2 2016/17", 4.25],
    ],
    "settings": [["key", "value"], ["period", "Q2 2016/17"]],
}
P1_Q2 = (3, 2)  # values!C4: P1's Q2 figure, as (row index, column index) in BASE["values"]
M1_Q2 = (6, 2)


def sheets() -> Sheets:
    return copy.deepcopy(BASE)


def write_xlsx(folder: Path, data: Sheets, formats: dict[tuple[str, str], str] | None = None,
               merges: tuple[tuple[str, str], ...] = (), name: str = "kpis.xlsx") -> Path:
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for title, rows in data.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for (title, cell), code in (formats or {}).items():
        book[title][cell].number_format = code
    for title, cells in merges:
        book[title].merge_cells(cells)
    path = folder / name
    book.save(path)
    return path


def write_csv(folder: Path, data: Sheets, separator: str = ",") -> Path:
    import csv

    folder.mkdir(exist_ok=True)
    for title, rows in data.items():
        with (folder / f"{title}.csv").open("w", newline="", encoding="utf-8") as file:
            csv.writer(file, delimiter=separator).writerows(rows)
    return folder


def rendered(source: Any) -> tuple[str, str]:
    """Return the text of the pack's .docx and PDF, made from a workbook, folder or KPI data."""
    data = read_workbook(source) if isinstance(source, Path) else source
    pack = build_pack(data)
    pdf, word = io.BytesIO(), io.BytesIO()
    render_pack(pack, pdf=pdf, docx=word)
    return read_docx(word.getvalue()).everything, read_pdf(pdf.getvalue(), tables=False).everything


def assert_shows(source: Any, *figures: str, absent: tuple[str, ...] = ()) -> None:
    word, pdf = rendered(source)
    for figure in figures:
        assert figure in word, f"{figure} missing from the .docx"
        assert figure in pdf, f"{figure} missing from the PDF"
    for wrong in absent:
        assert wrong not in word and wrong not in pdf, f"{wrong} was published"


def problems(source: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        read_workbook(source)
    return [str(problem) for problem in caught.value.problems]


# ------------------------------------------------------------------ 1. formulas without a result


def test_a_formula_with_no_saved_result_is_a_located_error(tmp_path: Path) -> None:
    data = sheets()
    data["values"][P1_Q2[0]][2] = "=ROUND(45.06,1)"
    data["values"][1][2] = "=50"  # an older period: it must not just drop either
    found = problems(write_xlsx(tmp_path, data))
    assert any(p.startswith("values!C4 (value): the cell holds a formula ('=ROUND(45.06,1)') whose result was "
                            "never saved") and "open it in Excel or LibreOffice and save it" in p for p in found)
    assert any(p.startswith("values!C2 (value): the cell holds a formula ('=50')") for p in found)


def test_a_formula_saved_with_its_result_is_read_as_its_result(tmp_path: Path) -> None:
    """Excel saves a formula with its result, ``<f>ROUND(45.06,1)</f><v>45.1</v>``: the result is read."""
    import zipfile

    data = sheets()
    data["values"][P1_Q2[0]][2] = "=ROUND(45.06,1)"
    written = write_xlsx(tmp_path, data, name="script.xlsx")
    saved = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(written) as old, zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            part = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                assert part.count(b"<v></v>") == 1 or part.count(b"<v />") == 1, part
                part = part.replace(b"<v></v>", b"<v>45.1</v>").replace(b"<v />", b"<v>45.1</v>")
            new.writestr(item, part)
    assert_shows(saved, "45.1%")


# ------------------------------------------------------------- 2. percent formats, real and literal


@pytest.mark.parametrize(("stored", "code", "shown"), [
    (45.1, '0.0"%"', "45.1%"),  # a literal percent sign: no scaling
    (45.1, "0.0\\%", "45.1%"),
    (0.451, "0.0%", "45.1%"),  # a real percent format: the stored value is a fraction
    (0.4512, "0.00%", "45.12%"),
    (0.451, "0%", "45%"),
    (45.14, "0.0", "45.1%"),  # the places shown are the places meant
])
def test_percent_formats_are_read_as_excel_shows_them(tmp_path: Path, stored: float, code: str,
                                                      shown: str) -> None:
    data = sheets()
    data["values"][P1_Q2[0]][2] = stored
    book = write_xlsx(tmp_path, data, {("values", "C4"): code})
    assert_shows(book, shown, absent=("4510", "0.451%"))


def test_a_percent_format_on_a_count_is_an_error(tmp_path: Path) -> None:
    data = sheets()
    data["indicators"][1][4] = "count"
    data["values"][P1_Q2[0]][2] = 0.451
    found = problems(write_xlsx(tmp_path, data, {("values", "C4"): "0.0%"}))
    assert any(p.startswith("values!C4 (value): the figure is formatted as a percentage but the indicator's "
                            "unit is count") for p in found)


# ------------------------------------------------------------------ 3. percentages as fractions


def _as_fractions(data: Sheets) -> Sheets:
    for row in data["values"][1:]:
        if row[0] == "P1":
            row[2] = round(row[2] / 100, 4)
    return data


def test_percentages_stored_as_fractions_stop_the_run(tmp_path: Path) -> None:
    found = problems(write_xlsx(tmp_path, _as_fractions(sheets())))
    assert any("P1 Percentage of reviews completed: its figures (0.5, 0.482, 0.451) all lie between 0 and 1 "
               "but its target is 60: they look like fractions" in p and "percent_scale: fraction" in p
               for p in found), found


def test_a_declared_fraction_scale_reads_them_as_percentages(tmp_path: Path) -> None:
    data = _as_fractions(sheets())
    data["settings"].append(["percent_scale", "fraction"])
    assert_shows(write_xlsx(tmp_path, data), "45.1%", "48.2%", absent=("0.451%",))


def test_a_per_indicator_scale_overrides_the_workbook(tmp_path: Path) -> None:
    data = _as_fractions(sheets())
    data["indicators"][0].append("percent_scale")
    data["indicators"][1].append("fraction")
    data["indicators"][2].append(None)
    assert_shows(write_xlsx(tmp_path, data), "45.1%")


# ----------------------------------------------------------------------------- 4. decimal commas


def test_decimal_commas_are_refused_unless_declared(tmp_path: Path) -> None:
    data = sheets()
    data["values"][P1_Q2[0]][2] = "45,1"
    data["indicators"][1][5] = "97,5"
    found = problems(write_csv(tmp_path / "csv", data))
    assert any(p.startswith("values!C4 (value): '45,1' looks like a decimal comma: write '45.1'") for p in found)
    assert any(p.startswith("indicators!F2 (target): '97,5' looks like a decimal comma") for p in found)
    data["settings"].append(["decimal_separator", ","])
    for row in data["values"][1:]:  # a comma locale writes every decimal with a comma
        row[2] = str(row[2]).replace(".", ",")
    assert_shows(write_csv(tmp_path / "declared", data), "45.1%", "97.5%", "£4.25", absent=("451%", "975%"))
    data["values"][2][2] = "48.2"
    found = problems(write_csv(tmp_path / "mixed", data))
    assert any(p.startswith("values!C3 (value): '48.2' has a decimal point but the decimal comma is declared: "
                            "write '48,2'") for p in found), found


def test_thousands_separators_must_group_three_digits(tmp_path: Path) -> None:
    data = sheets()
    data["indicators"][1][4] = "count"
    data["values"][P1_Q2[0]][2] = "1,23,456"
    found = problems(write_csv(tmp_path / "csv", data))
    assert any("thousands separator in the wrong place" in p for p in found)


# ---------------------------------------------------------------- 5. dates in the period column


def test_a_quarter_end_date_is_its_quarter_and_another_date_an_error(tmp_path: Path) -> None:
    data = sheets()
    data["values"][P1_Q2[0]][1] = dt.datetime(2016, 9, 30)  # typed as a date: the end of Q2
    assert_shows(write_xlsx(tmp_path, data), "45.1%", "48.2%")  # Q1 and Q2 both kept
    data["values"][P1_Q2[0]][1] = dt.datetime(2016, 8, 15)
    found = problems(write_xlsx(tmp_path, data, name="mid.xlsx"))
    assert any(p.startswith("values!B4 (period): the cell holds the date 15/08/2016, but P1 is reported "
                            "quarterly: write the quarter") for p in found), found


def test_an_indicator_mixing_months_and_quarters_is_an_error(tmp_path: Path) -> None:
    data = sheets()
    data["values"][2][1] = "Jun 2016"
    found = problems(write_xlsx(tmp_path, data))
    assert any("an indicator is reported at one frequency" in p for p in found), found


# ------------------------------------------------------------------------ 6. float32 DataFrames


def test_float32_columns_keep_their_short_form() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    frames = {name: pd.DataFrame(rows[1:], columns=rows[0]) for name, rows in sheets().items()}
    frames["values"]["value"] = frames["values"]["value"].astype(np.float32)
    data = from_dataframes(frames["indicators"], frames["values"], settings=frames["settings"])
    assert_shows(data, "45.1%", "£4.25", absent=("45.0999", "45.1000"))


# --------------------------------------------------------------------- 7. currency and decimals


def test_currency_formats_keep_the_places_shown(tmp_path: Path) -> None:
    data = sheets()
    data["values"][M1_Q2[0]][2] = 4.1
    book = write_xlsx(tmp_path, data, {("values", "C7"): '"£"#,##0.00', ("indicators", "F3"): '"£"#,##0.00'})
    assert_shows(book, "£4.10", "£3.00")


# ----------------------------------------------------------------------------- 8. merged cells


def test_merged_cells_over_figures_are_a_located_error(tmp_path: Path) -> None:
    data = sheets()
    found = problems(write_xlsx(tmp_path, data, merges=(("values", "C2:C4"),)))
    assert any(p.startswith("values!C3 (value): the cell is part of the merged range C2:C4") for p in found)
    assert any(p.startswith("values!C4 (value): the cell is part of the merged range C2:C4") for p in found)


def test_a_merged_portfolio_column_is_still_allowed(tmp_path: Path) -> None:
    data = sheets()
    data["indicators"][2][1] = None
    assert_shows(write_xlsx(tmp_path, data, merges=(("indicators", "B2:B3"),)), "45.1%", "£4.25")


# ------------------------------------------------------------------------------- 9. CSV dialects


def test_semicolon_csv_is_read(tmp_path: Path) -> None:
    assert_shows(write_csv(tmp_path / "csv", sheets(), separator=";"), "45.1%", "£4.25")


def test_a_repeated_csv_heading_is_reported(tmp_path: Path) -> None:
    data = sheets()
    for row in data["values"]:
        row.append("value" if row[0] == "indicator_id" else 1)
    found = problems(write_csv(tmp_path / "csv", data))
    assert any(p.startswith("values!D1 (value): the column 'value' appears twice") for p in found), found


# ------------------------------------------------------------------------------ 10. control text


def test_control_characters_in_a_csv_title_are_cleaned_and_reported(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = sheets()
    data["settings"].append(["title", "Quarter 2\x0bExceptions \x1b[31mred\x1b[0m"])
    folder = write_csv(tmp_path / "csv", data)
    kpis = read_workbook(folder)
    assert kpis.settings.title == "Quarter 2\nExceptions [31mred[0m"
    assert [n.where for n in kpis.notices] == ["settings!B3"]
    assert main(["pack", str(folder), "-o", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err, "no raw escape sequence reaches the terminal"
    assert "settings!B3" in captured.err and "control characters" in captured.err


# ------------------------------------------------------------ one check for every input path


def test_check_takes_a_workbook_and_prints_what_pack_prints(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = sheets()
    data["values"] = [row for row in data["values"] if row[1] != "Q2 2016/17" or row[0] != "M1"]
    data["settings"].append(["title", "Exceptions\x0bQ2"])
    book = write_csv(tmp_path / "kpis", data)  # openpyxl cannot write a vertical tab; a CSV can
    assert main(["check", str(book)]) == 0
    checked = capsys.readouterr().out
    assert "M1 Average cost of a placement: values sheet: the latest figure is for Q1 2016/17, but one for " \
           "Q2 2016/17 is due" in checked
    assert "settings!B3: the text holds control characters (U+000B)" in checked
    assert f"{book}: 2 warnings" in checked
    assert main(["check", "--strict", str(book)]) == 1
    capsys.readouterr()
    assert main(["pack", str(book), "-o", str(tmp_path / "out")]) == 0
    packed = capsys.readouterr().err
    for line in checked.splitlines()[:-1]:
        assert line in packed, f"pack did not print {line!r}"
    assert main(["pack", "--strict", str(book), "-o", str(tmp_path / "strict")]) == 1
    assert not (tmp_path / "strict").exists()


def test_check_of_the_sample_workbook_names_the_indicator_without_figures(
        capsys: pytest.CaptureFixture[str]) -> None:
    sample = Path(__file__).resolve().parents[2] / "samples" / "kpis.xlsx"
    assert main(["check", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "PH11 % of adults who are physically active" in out and "no figures" in out


# ------------------------------------- 11. formats whose figure the report cannot print as shown


@pytest.mark.parametrize(("stored", "code", "phrase"), [
    (0.5, "# ?/?", "as a fraction"),  # Excel shows 1/2; it was printed as 1
    (0.25, "?/4", "as a fraction"),
    (2.75, "# ??/??", "as a fraction"),
    (0.3, "# #/100", "as a fraction"),
    (12345, '#,##0,"k"', "divides the number by 1,000"),  # Excel shows 12k; 12,345 was printed
    (1234567, '#,##0.0,,"m"', "divides the number by 1,000"),  # 1.2m
    (45.1, "0.0,", "divides the number by 1,000"),  # 0.0
    (45.1, '0.0,"k";-0.0,"k"', "divides the number by 1,000"),
    (45.1, "#,##0,.0", "divides the number by 1,000"),
    (45.1, '[>=1000]#,##0,"k";0.0', "by a condition"),
    (45.1, '[<100]0.0;0', "by a condition"),
])
def test_formats_that_scale_or_show_fractions_are_located_errors(tmp_path: Path, stored: float, code: str,
                                                                 phrase: str) -> None:
    """A figure Excel shows scaled, as a fraction, or by a condition stops the run, naming the cell
    and the format, rather than printing another number (0.5 as 1, 12,345 where 12k was shown)."""
    data = sheets()
    data["values"][P1_Q2[0]][2] = stored
    found = problems(write_xlsx(tmp_path, data, {("values", "C4"): code}))
    assert any(p.startswith(f"values!C4 (value): the cell's number format ({code})") and phrase in p
               for p in found), found


@pytest.mark.parametrize(("stored", "code", "shown"), [
    (45.14, "#,##0.0", "45.1%"),  # commas between digits group thousands
    (45.1, '#,##0.0_);(#,##0.0)', "45.1%"),
    (45.1, '0.0" %"', "45.1%"),
    (45.1, '"1,000s "0.0', "45.1%"),  # a comma in quoted text is only text
])
def test_grouping_commas_and_quoted_commas_are_not_scaling(tmp_path: Path, stored: float, code: str,
                                                           shown: str) -> None:
    data = sheets()
    data["values"][P1_Q2[0]][2] = stored
    assert_shows(write_xlsx(tmp_path, data, {("values", "C4"): code}), shown)


@pytest.mark.parametrize(("cell", "code", "how"), [
    ("40%", None, "written with %"),  # typed as text
    (0.4, "0%", "formatted as a percentage"),
    ("£60", None, "written with £"),
    (60, '"£"#,##0', "written with £"),
])
def test_a_number_indicators_figure_with_a_unit_is_a_located_error(tmp_path: Path, cell: Any, code: str | None,
                                                                   how: str) -> None:
    """A ``number`` indicator prints bare figures: a cell showing % or £ stops the run, naming the
    cell, rather than printing 40 for 40% or 60 for £60."""
    data = sheets()
    data["indicators"][1][4] = "number"
    data["values"][P1_Q2[0]][2] = cell
    found = problems(write_xlsx(tmp_path, data, {("values", "C4"): code} if code else None))
    assert any(p.startswith(f"values!C4 (value): the figure is {how} but the indicator's unit is number")
               for p in found), found


@pytest.mark.parametrize(("sheet_cell", "cell", "code"), [
    (("indicators", "F2"), 0.7, "0%"),  # the target, formatted as a percentage
    (("indicators", "F2"), "70%", None),  # the target, typed with %
    (("indicators", "F2"), "£3", None),
])
def test_a_number_indicators_target_with_a_unit_is_a_located_error(tmp_path: Path, sheet_cell: tuple[str, str],
                                                                   cell: Any, code: str | None) -> None:
    """The target of a ``number`` indicator is printed bare too: 0.7 shown as 70% would be
    printed 0.7 (and 70% as 70); the cell is named instead."""
    data = sheets()
    data["indicators"][1][4] = "number"
    data["indicators"][1][5] = cell
    found = problems(write_xlsx(tmp_path, data, {sheet_cell: code} if code else None))
    assert any(p.startswith("indicators!F2 (target): the figure is") and "the indicator's unit is number" in p
               for p in found), found


@pytest.mark.parametrize(("stored", "code", "shown"), [
    (45.1, "0.0#", "45.1%"),  # an optional place shows no trailing zero: Excel shows 45.1
    (45.1, "#,##0.0?", "45.1%"),
    (45.0, "0.##", "45%"),
    (45.123, "0.0#", "45.12%"),
    (-0.05, "0.0;-0.0%", "-5.0%"),  # the negative section decides: a percentage there
    (-5, "0.0;(0.0)", "-5.0%"),
    (0, '_-* #,##0_-;-* #,##0_-;_-* "-"??_-;_-@_-', "0%"),  # an accounting format's dash for zero
    (45.1, 'General"%"', "45.1%"),  # General with a literal percent sign: the number as stored
])
def test_sections_and_optional_places_are_read_as_excel_shows_them(tmp_path: Path, stored: float, code: str,
                                                                    shown: str) -> None:
    data = sheets()
    data["values"][P1_Q2[0]][2] = stored
    assert_shows(write_xlsx(tmp_path, data, {("values", "C4"): code}), shown)


@pytest.mark.parametrize(("stored", "code", "phrase"), [
    (0, '0.0;-0.0;"N/A"', "as the words 'N/A'"),  # the zero section shows words, not 0.0
    (-12345, '#,##0;-#,##0,"k"', "divides the number by 1,000"),  # only the negative section scales
    (-0.5, "0.0;-# ?/?", "as a fraction"),
    (4.1, "€#,##0.00", "in €"),
    (4.1, "[$€-1809]#,##0.00", "in €"),
    (4.1, '"$"#,##0.00', "in $"),
    (4.1, "[$USD] #,##0.00", "in USD"),  # currencies named in letters
    (4.1, '"EUR "#,##0.00', "in EUR"),
    (4.1, "#,##0.00 [$kr-41D]", "in kr"),
    (4.1, "[$₹-4009]#,##0", "in ₹"),
    (0.451, "General%", "as a percentage without fixed places"),  # Excel shows 45.1%: it was read 0.451
    (-5, "0.0;", "shows nothing for this number"),  # an empty section: Excel shows the cell blank
    (5, ";;;", "shows nothing for this number"),
])
def test_a_section_that_shows_another_figure_or_currency_is_a_located_error(tmp_path: Path, stored: float,
                                                                            code: str, phrase: str) -> None:
    data = sheets()
    data["values"][M1_Q2[0]][2] = stored
    found = problems(write_xlsx(tmp_path, data, {("values", f"C{M1_Q2[0] + 1}"): code}))
    assert any(p.startswith(f"values!C{M1_Q2[0] + 1} (value): the cell's number format ({code})") and phrase in p
               for p in found), found
