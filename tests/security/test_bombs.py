"""Small files cannot exhaust the machine: alias, merge and nesting bombs, huge exponents,
sparse and zip-bomb workbooks, pipes, devices and huge sparse files are refused quickly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest

from committee_papers.loaders.bounds import PRESCAN_FROM

from .conftest import Q2, WORKBOOK, assert_refused, rewrite_zip, run_cli

REPORT_TAIL = "appendix: A\nsections: []\n"


def _alias_bomb(levels: int, refs: int) -> str:
    lines = [f"l0: &l0 [{', '.join(['x'] * refs)}]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * refs)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n" + REPORT_TAIL


def _merge_bomb(levels: int, refs: int) -> str:
    lines = ["m0: &m0 {k: v}"]
    lines += [f"m{n}: &m{n} {{<<: [{', '.join([f'*m{n - 1}'] * refs)}], k{n}: v}}" for n in range(1, levels)]
    return "\n".join(lines) + "\n" + REPORT_TAIL


@pytest.mark.parametrize(("name", "text", "phrase"), [
    ("aliases 7x9", _alias_bomb(7, 9), "expands to more than"),
    ("aliases 10x9", _alias_bomb(10, 9), "expands to more than"),
    ("aliases 30x2", _alias_bomb(30, 2), "expands to more than"),
    ("merge keys 8x9", _merge_bomb(8, 9), "expands to more than"),
    ("merge keys 40x2", _merge_bomb(40, 2), "expands to more than"),  # wide first, then deep
    ("merge chain 40", _merge_bomb(40, 1), "nest more than"),  # narrow, but 80 levels deep once followed
    ("alias chain 70", "a0: &a0 [x]\n" + "".join(f"a{n}: &a{n} [*a{n - 1}]\n" for n in range(1, 70)) + REPORT_TAIL,
     "nest more than"),
    ("self reference", "a: &a [1, *a]\n" + REPORT_TAIL, "refers to a value that holds it"),
    # each value keeps its path: long keys over many values would take gigabytes (a 164 KB file, 3 GB)
    ("long keys", "".join(" " * n + f"k{n:02d}{'Q' * 1000}:\n" for n in range(30)) + " " * 30 + "[" +
     "1, " * 5_000 + "1]\n" + REPORT_TAIL, "the file's keys, repeated in the place of every value"),
    ("flow nesting 900", "appendix: A\nsections: " + "[" * 900 + "]" * 900 + "\n", "nest more than"),
    ("block nesting 200", "appendix: A\nsections:\n" + "".join("  " * n + "-\n" for n in range(200)),
     "nest more than"),
])
@pytest.mark.parametrize("padded", [False, True], ids=["small", "padded"])
def test_yaml_bombs_are_refused_before_they_expand(tmp_path: Path, name: str, text: str, phrase: str,
                                                  padded: bool) -> None:
    """Small, or padded with a long comment past the size from which the text is scanned first
    (and a tree with no alias is not measured again)."""
    report = tmp_path / "bomb.yaml"
    report.write_text(text + ("#" + "x" * PRESCAN_FROM + "\n" if padded else ""), encoding="utf-8")
    assert report.stat().st_size < (2 * PRESCAN_FROM if padded else 50_000)
    run = run_cli("check", report)
    assert_refused(run, str(report), phrase)


@pytest.mark.parametrize("depth", [200, 5_000, 200_000])
def test_deep_json_is_refused(tmp_path: Path, depth: int) -> None:
    report = tmp_path / "deep.json"
    report.write_text('{"appendix": "A", "sections": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    run = run_cli("check", report)
    assert_refused(run, str(report), "nest more than")


HUGE = ["1.0e+999999999", "1e400", "9" * 5000, "-1E+16", "0.000000000001"]


def _sample_with(tmp_path: Path, old: str, new: str) -> Path:
    text = Q2.read_text(encoding="utf-8")
    assert old in text
    report = tmp_path / "figures.yaml"
    report.write_text(text.replace(old, new, 1), encoding="utf-8")
    return report


@pytest.mark.parametrize("figure", HUGE)
@pytest.mark.parametrize("where", ["value", "target", "json value"])
def test_figures_out_of_range_are_located_errors(tmp_path: Path, figure: str, where: str) -> None:
    if where == "value":
        report = _sample_with(tmp_path, "Q1: 15.1, Q2: 32.1", f"Q1: 15.1, Q2: {figure}")
        place = "rows[0].values.Q2"
    elif where == "target":
        report = _sample_with(tmp_path, "target: Increase on previous year", f"target: {figure}")
        place = "target"
    else:
        report = tmp_path / "figures.json"
        data = {"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
            "indicators": [{"description": "d", "polarity": "high"}],
            "columns": {"year": "2015/16", "periods": ["Q1"]}, "rows": [{"values": {"Q1": 1}}]}]}]}
        report.write_text(json.dumps(data).replace('"Q1": 1}', f'"Q1": {figure}}}'), encoding="utf-8")
        place = "values.Q1"
    run = run_cli("render", report, "-o", tmp_path / "out")
    assert_refused(run, place)
    assert any(word in run.err for word in ("too large", "decimal places", "expected a number",
                                           "scientific notation")), str(run)
    assert not (tmp_path / "out").exists()


def _workbook_with(tmp_path: Path, sheet: str, cell: str, value: object, name: str = "book.xlsx") -> Path:
    book = openpyxl.load_workbook(WORKBOOK)
    book[sheet][cell] = value
    target = tmp_path / name
    book.save(target)
    return target


@pytest.mark.parametrize("figure", ["1.0e+999999999", "9" * 5000, "1e16"])
@pytest.mark.parametrize(("sheet", "cell", "column"), [
    ("values", "C2", "value"), ("indicators", "F3", "target"), ("indicators", "I3", "tolerance"),
    ("indicators", "J3", "england"), ("indicators", "K3", "stat_neighbours"),
])
def test_workbook_figures_out_of_range_are_located_errors(tmp_path: Path, figure: str, sheet: str,
                                                          cell: str, column: str) -> None:
    book = _workbook_with(tmp_path, sheet, cell, figure)
    run = run_cli("pack", book, "-o", tmp_path / "out")
    assert_refused(run, f"{sheet}!{cell}")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("cell", "phrase"), [
    ("XFD1048576", "beyond column"), ("XFD2", "beyond column"), ("A1048576", "beyond row"),
])
def test_a_far_away_cell_is_refused_quickly(tmp_path: Path, cell: str, phrase: str) -> None:
    book = _workbook_with(tmp_path, "values", cell, 1)
    assert book.stat().st_size < 100_000
    run = run_cli("check", Q2)  # warm-up not needed; the real run follows
    run = run_cli("pack", book, "-o", tmp_path / "out")
    assert_refused(run, f"values!{cell}", phrase)


def test_an_empty_formatted_cell_far_away_is_harmless(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(WORKBOOK)
    book["values"]["XFD1048576"].number_format = "0.0"  # formatted, but holds nothing
    target = tmp_path / "formatted.xlsx"
    book.save(target)
    run = run_cli("pack", target, "-o", tmp_path / "out", "--format", "pdf")
    assert run.code == 0, str(run)


def test_a_zip_bomb_workbook_is_refused_before_it_inflates(tmp_path: Path) -> None:
    book = rewrite_zip(WORKBOOK, tmp_path / "bomb.xlsx", {}, extra={"xl/media/fill.bin": bytes(64 << 20)})
    assert book.stat().st_size < 2 << 20
    run = run_cli("pack", book, "-o", tmp_path / "out")
    assert_refused(run, "xl/media/fill.bin", "zip bomb")


def test_an_entity_in_a_workbook_part_is_refused(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(WORKBOOK) as package:
        sheet = package.read("xl/worksheets/sheet2.xml")
    head, rest = sheet.split(b"?>", 1) if sheet.startswith(b"<?xml") else (b"<?xml version='1.0'", sheet)
    evil = head + b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' + rest
    book = rewrite_zip(WORKBOOK, tmp_path / "entity.xlsx", {"xl/worksheets/sheet2.xml": evil})
    run = run_cli("pack", book, "-o", tmp_path / "out")
    assert_refused(run, "xl/worksheets/sheet2.xml", "declares a DTD")


@pytest.mark.parametrize("command", ["check", "render", "pack"])
@pytest.mark.parametrize("kind", ["fifo", "device", "sparse"])
def test_pipes_devices_and_huge_files_are_refused_without_reading(tmp_path: Path, command: str,
                                                                  kind: str) -> None:
    suffix = ".xlsx" if command == "pack" else ".yaml"
    if kind == "fifo":
        path = tmp_path / f"pipe{suffix}"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / f"huge{suffix}"
        with path.open("wb") as file:
            file.truncate(20 << 30)  # 20 GB that take no room on disk
    args = [command, path] + (["-o", tmp_path / "out"] if command != "check" else [])
    run = run_cli(*args)
    assert_refused(run, str(path))
    assert any(word in run.err for word in ("not a", "MB allowed", "a pipe", "a device")), str(run)


def test_a_huge_csv_in_a_workbook_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "indicators.csv").write_text("id,portfolio,description,polarity,unit,target\n", encoding="utf-8")
    with (folder / "values.csv").open("wb") as file:
        file.truncate(20 << 30)
    run = run_cli("pack", folder, "-o", tmp_path / "out")
    assert_refused(run, "values.csv", "MB allowed")


def test_limits_can_be_raised_or_lowered_by_environment(tmp_path: Path) -> None:
    run = run_cli("check", Q2, env={"COMMITTEE_PAPERS_MAX_FILE_MB": "0"})
    assert_refused(run, "COMMITTEE_PAPERS_MAX_FILE_MB", "not a positive whole number")
    run = run_cli("check", tmp_path / "x.yaml", env={"COMMITTEE_PAPERS_MAX_DEPTH": "3"})
    assert run.code == 1
    deep = tmp_path / "deep.yaml"
    deep.write_text(Q2.read_text(encoding="utf-8"), encoding="utf-8")
    run = run_cli("check", deep, env={"COMMITTEE_PAPERS_MAX_DEPTH": "3"})
    assert_refused(run, "nest more than 3 levels", "COMMITTEE_PAPERS_MAX_DEPTH")
    assert run_cli("check", deep).code == 0


@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml"])
def test_a_malformed_workbook_part_is_a_clear_error(tmp_path: Path, member: str) -> None:
    book = rewrite_zip(WORKBOOK, tmp_path / "broken.xlsx", {member: b"<workbook><sheets></workbook>"})
    run = run_cli("pack", book, "-o", tmp_path / "out")
    assert_refused(run, str(book))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("figure", ["1.0e+999999999", "1e999999999%", "9" * 5000])
def test_a_rules_file_figure_out_of_range_is_a_located_error(tmp_path: Path, figure: str) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(f"preset: havering\nstatus: {{method: tolerance, tolerance: '{figure}'}}\n", encoding="utf-8")
    run = run_cli("pack", WORKBOOK, "-o", tmp_path / "out", "--rules", rules)
    assert_refused(run, "status.tolerance")
