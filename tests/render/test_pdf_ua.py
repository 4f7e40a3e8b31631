"""The tagged PDF: PDF/UA-1 by two validators, and its structure read back with pikepdf."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import page
import pdfua
import pikepdf
import pytest
from tests.reliability.corpus import CORPUS, report_with

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import DocumentLayout, Table, layout_report
from committee_papers.render.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {"q2": ROOT / "samples" / "blackpool-q2-2015-16.yaml",
           "q3": ROOT / "samples" / "blackpool-q3-2016-17.yaml",
           # the five council-shaped samples (issue 14): rows headed by indicators, statuses,
           # sub-headings and a link, words in cells, per-period targets, a page in Welsh
           **{path.stem: path for path in sorted((ROOT / "samples").glob("[a-e]-*.yaml"))}}
HOSTILE = {entry.id: entry.text for entry in CORPUS}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*"}


def three_hundred_rows() -> cp.Report:
    indicators = [{"description": "Long content", "polarity": "high", "unit": "count"}]
    rows = [{"label": f"Row {i}", "values": {"2014/15": i, "Q1": i + 1, "Q2": i + 2}, "target": i}
            for i in range(300)]
    columns = {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]}
    return cp.load({"appendix": "App Long", "sections": [{"portfolio": "PORTFOLIO", "pages": [
        {"indicators": indicators, "columns": columns, "rows": rows}]}]})


@cache
def report(name: str) -> cp.Report:
    if name in SAMPLES:
        return cp.load(SAMPLES[name])
    if name == "300 rows":
        return three_hundred_rows()
    return cp.load(report_with(HOSTILE[name]))


@cache
def pdf_of(name: str) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report(name), buffer)
    return buffer.getvalue()


def layout_of(name: str) -> DocumentLayout:
    return layout_report(report(name), assess_report(report(name)), cp.DEFAULT_STYLE)


def written(name: str, tmp_path: Path) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf_of(name))
    return path


# ---------------------------------------------------------------- the validators

DOCUMENTS = [*SAMPLES, "300 rows"]


@pytest.mark.parametrize("name", DOCUMENTS + [f"hostile {i}" for i in HOSTILE])
def test_page_validation_finds_the_pdf_conforms_to_pdf_ua_1(name: str, tmp_path: Path) -> None:
    name = name.removeprefix("hostile ")
    result = page.validate_pdf(str(written(name, tmp_path)), profile="ua1")
    assert result.is_compliant, result.failures
    assert not result.failures


@pytest.mark.parametrize("name", DOCUMENTS + [f"hostile {i}" for i in HOSTILE])
def test_pdfua_finds_nothing(name: str, tmp_path: Path) -> None:
    name = name.removeprefix("hostile ")
    result = pdfua.validate(str(written(name, tmp_path)))
    assert not result.findings, [f"{f.rule_id} {f.severity.name}: {f.message}" for f in result.findings]
    assert not result.skipped, [(o.rule_id, o.skipped_reason) for o in result.skipped]  # all rules ran


# ---------------------------------------------------------------- the structure tree


def kids(element: pikepdf.Object) -> list[Any]:
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, pikepdf.Array) else [found]


def elements(root: pikepdf.Object) -> Iterator[pikepdf.Object]:
    """Yield every structure element under ``root`` in reading order."""
    for kid in kids(root):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):  # not a link's annotation
            yield kid
            yield from elements(kid)


def pages_of(element: pikepdf.Object, pdf: pikepdf.Pdf) -> set[int]:
    """Return the pages (from 0) on which an element or its descendants have content."""
    numbers = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found: set[int] = set()
    for each in [element, *elements(element)]:
        for kid in kids(each):
            if isinstance(kid, int):
                found.add(numbers[each.Pg.objgen])
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                found.add(numbers[kid.Pg.objgen])
    return found


def tables(layout: DocumentLayout) -> list[Table]:
    return [block for p in layout.pages for block in p.blocks if isinstance(block, Table)]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_header_cell_is_one_th_on_the_tables_first_page(name: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        found = [e for e in elements(pdf.Root.StructTreeRoot) if e.S == "/Table"]
        laid_out = tables(layout_of(name))
        assert len(found) == len(laid_out)
        spanned = 0
        for element, table in zip(found, laid_out, strict=True):
            cells = [cell for row in table.rows for cell in row.cells]
            headers = [cell for cell in cells if cell.scope is not None]
            ths = [e for e in elements(element) if e.S == "/TH"]
            assert len(ths) == len(headers)
            assert [th.A.Scope for th in ths] == [f"/{c.scope.value.title()}" for c in headers if c.scope]
            rows = [e for e in kids(element) if e.S == "/TR"]
            assert len(rows) == len(table.rows)
            first = min(pages_of(element, pdf))
            for row in rows[:table.header_rows]:  # a repeated header row is not tagged again
                assert all(pages_of(th, pdf) <= {first} for th in kids(row))
            assert sum(len(kids(row)) for row in rows) == len(cells)
            for cell, tagged in zip(cells, (k for row in rows for k in kids(row)), strict=True):
                if cell.colspan > 1:
                    assert tagged.A.ColSpan == cell.colspan
                    spanned += 1
                if cell.rowspan > 1:
                    assert tagged.A.RowSpan == cell.rowspan
            if table.description:
                assert str(element.A.Summary) == table.description
        if name in SAMPLES:
            assert spanned  # the year header spans its periods


@pytest.mark.parametrize("name", SAMPLES)
def test_cells_with_the_same_table_attributes_share_one_attribute_object(name: str) -> None:
    """Each set of table attributes (/Scope /Column, a /ColSpan) is one indirect object that
    every cell with that set refers to, not a copy in each cell."""
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        found: dict[tuple[tuple[str, str], ...], set[tuple[int, int]]] = {}
        for element in elements(pdf.Root.StructTreeRoot):
            if element.S in ("/TH", "/TD") and "/A" in element:
                attributes = element.A
                assert attributes.is_indirect
                kinds = tuple(sorted((str(k), str(v)) for k, v in attributes.items()))
                found.setdefault(kinds, set()).add(attributes.objgen)
        assert any(kinds == (("/O", "/Table"), ("/Scope", "/Column")) for kinds in found)
        assert all(len(objects) == 1 for objects in found.values()), found


def test_a_table_on_three_pages_tags_its_header_rows_once() -> None:
    with pikepdf.open(io.BytesIO(pdf_of("300 rows"))) as pdf:
        table = max((e for e in elements(pdf.Root.StructTreeRoot) if e.S == "/Table"),
                    key=lambda e: len(pages_of(e, pdf)))
        pages = sorted(pages_of(table, pdf))
        assert len(pages) >= 3
        rows = kids(table)
        assert len(rows) == 302
        header = [th for row in rows[:2] for th in kids(row)]
        assert header and all(th.S == "/TH" and pages_of(th, pdf) <= {pages[0]} for th in header)
        assert sum(pages_of(th, pdf) == {pages[0]} for th in header) > len(header) / 2
        assert all(kids(row)[0].S == "/TH" and kids(row)[0].A.Scope == "/Row" for row in rows[2:])


@pytest.mark.parametrize("name", ["q2", "q3"])
def test_every_dot_mark_is_read_as_its_words(name: str) -> None:
    alts = Counter(span.alt for p in layout_of(name).pages for block in p.blocks if isinstance(block, Table)
                   for row in block.rows for cell in row.cells for span in cell.spans if span.alt)
    assert alts
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        said = Counter(str(e.ActualText) for e in elements(pdf.Root.StructTreeRoot) if "/ActualText" in e)
        for e in elements(pdf.Root.StructTreeRoot):
            if "/ActualText" in e:
                assert e.S == "/Span" and str(e.Alt) == str(e.ActualText)
                assert pages_of(e, pdf)  # it stands for content that is drawn
    assert sum(said.values()) == sum(alts.values())
    for words in alts:
        assert any(words in text for text in said), words
    assert "Decreased – better" in said or "Increased – better" in said


@pytest.mark.parametrize("name", ["q2", "q3"])
def test_headings_paragraphs_and_sections_are_tagged(name: str) -> None:
    layout = layout_of(name)
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        root = pdf.Root.StructTreeRoot
        (document,) = kids(root)
        assert document.S == "/Document"
        sections = kids(document)
        assert [s.S for s in sections] == ["/Sect"] * len(layout.pages)
        tags = Counter(str(e.S) for e in elements(root))
        assert tags["/H1"] and tags["/H2"] and tags["/P"]
        levels = [int(str(e.S)[2:]) for e in elements(root) if str(e.S) in ("/H1", "/H2", "/H3")]
        assert levels[0] == 1
        for before, after in pairwise(levels):
            assert after <= before + 1  # no skipped heading level


def marked_content(pdf: pikepdf.Pdf) -> Iterator[tuple[int, str, list[str]]]:
    """Yield each page's drawing operators with the stack of marked content they are in."""
    for index, each in enumerate(pdf.pages):
        stack: list[str] = []
        for operands, operator in pikepdf.parse_content_stream(each):
            op = str(operator)
            if op == "BDC":
                tag, properties = operands
                if tag == "/Artifact":
                    stack.append("artifact")
                elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    stack.append(f"mcid {int(properties.MCID)} {tag}")
                else:
                    stack.append(str(tag))
            elif op == "BMC":
                stack.append("artifact" if str(operands[0]) == "/Artifact" else str(operands[0]))
            elif op == "EMC":
                stack.pop()
            else:
                yield index, op, list(stack)
        assert not stack, f"page {index + 1}: marked content left open"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_page_is_tagged_content_or_artifacts(name: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        seen: dict[int, set[int]] = {}
        for index, op, stack in marked_content(pdf):
            if op in TEXT_SHOWING or op in PAINTING:
                assert stack, f"page {index + 1}: {op} is neither tagged nor an artifact"
                owners = [s for s in stack if s == "artifact" or s.startswith("mcid")]
                assert len(owners) == 1, f"page {index + 1}: {op} in {stack}"
                if owners[0].startswith("mcid"):
                    seen.setdefault(index, set()).add(int(owners[0].split()[1]))
                    # only a figure (a chart) has painted shapes as its content
                    assert op in TEXT_SHOWING or owners[0].endswith("/Figure"), (
                        f"page {index + 1}: a rule or fill is tagged content")
        parents = dict(zip(pdf.Root.StructTreeRoot.ParentTree.Nums[::2],
                           pdf.Root.StructTreeRoot.ParentTree.Nums[1::2], strict=True))
        for index, each in enumerate(pdf.pages):
            mcids = seen.get(index, set())
            assert mcids == set(range(len(mcids)))
            assert len(parents[int(each.StructParents)]) == len(mcids)
            assert each.Tabs == "/S"
            assert "/Trans" not in each


@pytest.mark.parametrize("name", ["q2", "q3"])
def test_the_document_declares_what_pdf_ua_asks_for(name: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.Lang == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.Outlines.Count != 0  # the bookmarks are kept
        title = str(pdf.docinfo.Title)
        assert title == report(name).document_title
        meta = pdf.open_metadata()
        assert meta["dc:title"] == title
        assert meta["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
        assert "xmp:MetadataDate" not in meta  # no clock in the file
        for each in pdf.pages:
            for font in each.Resources.Font.values():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant.FontDescriptor  # embedded


@pytest.mark.parametrize("name", ["q3", "300 rows"])
def test_rendering_twice_gives_the_same_bytes(name: str) -> None:
    again = io.BytesIO()
    cp.render_pdf(report(name), again)
    assert again.getvalue() == pdf_of(name)


def test_the_untagged_pdf_has_no_structure_tree() -> None:
    style = cp.DEFAULT_STYLE
    buffer = io.BytesIO()
    render_pdf(layout_of("q3"), buffer, style=style, tagged=False)
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        for each in pdf.pages:
            for operands, op in pikepdf.parse_content_stream(each):
                if str(op) in ("BDC", "BMC"):  # only ActualText spans: no MCIDs, no artifacts
                    assert str(op) == "BDC" and str(operands[0]) == "/Span", operands
                    assert set(operands[1].keys()) == {"/ActualText"}, operands
        assert len(pdf.pages) == len(pikepdf.open(io.BytesIO(pdf_of("q3"))).pages)


def test_the_pack_passes_both_validators(tmp_path: Path) -> None:
    from committee_papers.pack.render import render_pack

    path = tmp_path / "pack.pdf"
    render_pack(cp.build_pack(cp.read_workbook(ROOT / "samples" / "kpis.xlsx")), pdf=path)
    result = page.validate_pdf(str(path), profile="ua1")
    assert result.is_compliant and not result.failures, result.failures
    assert not pdfua.validate(str(path)).findings


@pytest.mark.parametrize("name", ["q3"])
def test_page_furniture_is_a_pagination_artifact_and_sections_have_titles(name: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_of(name))) as pdf:
        first = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(pdf.pages[0]))
        assert b"/Subtype /Header" in first and b"/Subtype /Footer" in first
        (document,) = kids(pdf.Root.StructTreeRoot)
        titles = [str(section.T) for section in kids(document)]
        assert titles == [" ".join(p.bookmark.split()) for p in layout_of(name).pages]


# ---------------------------------------------------------------- the PDF/A-2b variant


@pytest.mark.parametrize("name", ["q2", "q3"])
def test_the_pdf_a_2b_variant_passes_pdf_a_and_pdf_ua(name: str, tmp_path: Path) -> None:
    path = tmp_path / "archive.pdf"
    cp.render_pdf(report(name), path, variant="pdf/a-2b")
    for profile in ("2b", "ua1"):
        result = page.validate_pdf(str(path), profile=profile)
        assert result.is_compliant and not result.failures, (profile, result.failures)
    assert not pdfua.validate(str(path)).findings
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert meta["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
        assert meta["{http://www.aiim.org/pdfa/ns/id/}conformance"] == "B"
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3
    again = tmp_path / "again.pdf"
    cp.render_pdf(report(name), again, variant="pdf/a-2b")
    assert again.read_bytes() == path.read_bytes()


def test_the_plain_pdf_makes_no_pdf_a_claim() -> None:
    with pikepdf.open(io.BytesIO(pdf_of("q3"))) as pdf:
        assert "/OutputIntents" not in pdf.Root
        assert "{http://www.aiim.org/pdfa/ns/id/}part" not in pdf.open_metadata()


def test_the_cli_writes_the_pdf_a_variant(tmp_path: Path) -> None:
    from committee_papers.cli import main

    assert main(["render", str(SAMPLES["q3"]), "-o", str(tmp_path), "--format", "pdf",
                 "--pdf-variant", "pdf/a-2b"]) == 0
    result = page.validate_pdf(str(tmp_path / f"{SAMPLES['q3'].stem}.pdf"), profile="2b")
    assert result.is_compliant, result.failures


def test_an_unknown_variant_or_an_untagged_archive_is_refused() -> None:
    from committee_papers.errors import CommitteePapersError

    with pytest.raises(CommitteePapersError):
        cp.render_pdf(report("q3"), io.BytesIO(), variant="pdf/a-1b")
    style = cp.DEFAULT_STYLE
    with pytest.raises(CommitteePapersError):
        render_pdf(layout_of("q3"), io.BytesIO(), style=style, tagged=False, variant="pdf/a-2b")
