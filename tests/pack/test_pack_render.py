"""The appendix pack: cover, scorecard with right page numbers, bookmarks, both formats."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import committee_papers as cp
from committee_papers.assess import Pack
from committee_papers.cli import main
from committee_papers.pack.render import render_pack
from committee_papers.progress import ProgressBar

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "samples" / "kpis.xlsx"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return cp.build_pack(cp.read_workbook(WORKBOOK))


@pytest.fixture(scope="module")
def rendered(pack: Pack, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[tuple[int, int], int], Path, Path]:
    folder = tmp_path_factory.mktemp("pack")
    pdf, word = folder / "pack.pdf", folder / "pack.docx"
    pages = render_pack(pack, pdf=pdf, docx=word)
    return dict(pages), pdf, word


def test_every_exception_page_starts_where_the_scorecard_says(pack: Pack, rendered: tuple) -> None:
    pages, pdf, _ = rendered
    reader = PdfReader(pdf)
    assert len(pages) == len(pack.exceptions) == 15
    for entry in pack.exceptions:
        assert entry.page is not None
        number = pages[entry.page]
        text = reader.pages[number - 1].extract_text()
        heading = pack.report.sections[entry.page[0]].pages[entry.page[1]].heading
        assert " ".join(heading.split()[:6]) in " ".join(text.split()), (entry.id, number)
        previous = reader.pages[number - 2].extract_text()
        assert " ".join(heading.split()) not in " ".join(previous.split())  # it starts there


def _scorecard_rows(pdf: Path, pages: int) -> str:
    reader = PdfReader(pdf)
    return " ".join(" ".join(reader.pages[i].extract_text().split()) for i in range(pages))


def test_the_printed_page_numbers_are_the_real_ones(pack: Pack, rendered: tuple) -> None:
    pages, pdf, _ = rendered
    cover = _scorecard_rows(pdf, min(pages.values()) - 1)
    for entry in pack.exceptions:
        assert entry.page is not None
        # the reasons table lists each exception with its reasons and then its page number
        last_reason = " ".join(entry.reasons[-1].split())[-25:]
        assert re.search(re.escape(last_reason) + r"\s+" + str(pages[entry.page]) + r"\b", cover), entry.id


def test_the_pack_pdf_is_tagged_though_its_first_pass_is_not(pack: Pack, rendered: tuple) -> None:
    """The first layout pass is drawn untagged to find the page numbers: tagging never moves a
    page, so the tagged file written last starts every page layout where that pass said."""
    import pikepdf

    from committee_papers.layout.pack import layout_pack
    from committee_papers.render.pdf import render_pdf

    with pikepdf.open(rendered[1]) as document:
        assert "/StructTreeRoot" in document.Root and document.Root.MarkInfo.Marked
    for found in (layout_pack(pack, cp.DEFAULT_STYLE, None), layout_pack(pack, cp.DEFAULT_STYLE, rendered[0])):
        assert render_pdf(found, io.BytesIO(), tagged=False) == render_pdf(found, io.BytesIO(), tagged=True)


def test_word_shows_the_same_page_numbers(pack: Pack, rendered: tuple) -> None:
    pages, _, word = rendered
    document = docx.Document(str(word))
    scorecard = document.tables[0]
    shown = {}
    for row in scorecard.rows[1:]:
        cells = [c.text for c in row.cells]
        if cells[0] and cells[0].split()[0] in {e.id for e in pack.scorecard} and cells[-1]:
            shown[cells[0].split()[0]] = int(cells[-1])
    expected = {e.id: pages[e.page] for e in pack.exceptions if e.page is not None}
    assert shown == expected


def test_bookmarks_nest_indicators_under_portfolios(pack: Pack, rendered: tuple) -> None:
    _, pdf, _ = rendered
    outline = PdfReader(pdf).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert "Summary scorecard" in titles
    portfolios = [s.portfolio for s in pack.report.sections]
    assert [t for t in titles if t in portfolios] == portfolios
    children = [item for item in outline if isinstance(item, list)]
    assert [len(c) for c in children][-len(portfolios):] == [len(s.pages) for s in pack.report.sections]


def test_scorecard_lists_every_indicator_with_status_words(pack: Pack, rendered: tuple) -> None:
    _, pdf, _ = rendered
    cover = _scorecard_rows(pdf, 4)
    for entry in pack.scorecard:
        assert entry.id in cover
    for word in ("Green", "Amber", "Red", "No target", "No data"):
        assert word in cover


def test_libreoffice_paginates_the_word_pack_the_same(pack: Pack, rendered: tuple, tmp_path: Path) -> None:
    import os

    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    pages, _, word = rendered
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(tmp_path / "pack.pdf")
    for entry in pack.exceptions:
        assert entry.page is not None
        heading = pack.report.sections[entry.page[0]].pages[entry.page[1]].heading
        text = " ".join(reader.pages[pages[entry.page] - 1].extract_text().split())
        assert " ".join(heading.split()[:5]) in text, entry.id


def test_cli_pack_writes_both_and_explains_the_selection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", str(WORKBOOK), "-o", str(tmp_path), "--rules", "belfast", "--format", "pdf"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "19 of 44 indicators selected as exceptions by the belfast rules:"
    assert "      - Red:" in out
    assert (tmp_path / "kpis.pdf").is_file() and not (tmp_path / "kpis.docx").exists()
    # not a terminal: no progress bar; the layout found, and the workbook's one finding (PH11 has no figures)
    assert err.splitlines() == [f"{WORKBOOK}: long form: an indicators sheet, and a values sheet of one figure a row",
                                f"{WORKBOOK}: warning: PH11 % of adults who are physically active (150 minutes "
                                "a week): values sheet: the indicator has no figures: give them in the values "
                                "sheet, or remove it"]


def test_cli_pack_bad_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert main(["pack", str(bad), "-o", str(tmp_path / "out")]) == 1
    assert "bad.xlsx" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("committee_papers.progress.DELAY", 0)
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(total=2, stream=stream)
        bar.step("reading")
        bar.step("writing")
        bar.close()
    assert "[------------------------] reading" in terminal.getvalue()
    assert "[############------------] writing" in terminal.getvalue()
    assert pipe.getvalue() == ""
