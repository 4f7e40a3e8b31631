"""The PDF file as a whole: subset tags, the running header's place, dates, the pack's PDF/A."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import page
import pdfplumber
import pdfua
import pikepdf
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from tests.reliability.tagged import read_tagged
from tests.render.test_pdf import SAMPLES, require

import committee_papers as cp
from committee_papers.api import check_header
from committee_papers.errors import CommitteePapersError

ROOT = Path(__file__).resolve().parents[2]


def _pdf(report: cp.Report) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    return buffer.getvalue()


def _fonts(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    rows = subprocess.run([require("pdffonts"), str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    return [row.split()[0] for row in rows]


# ---------------------------------------------------------------- subset tags (ISO 32000-1 §9.6.4)


def test_each_subset_has_its_own_tag(tmp_path: Path) -> None:
    names = _fonts(_pdf(cp.load(SAMPLES["q2"])), tmp_path)
    assert len(names) >= 4
    tags = [name.split("+")[0] for name in names]
    assert all(re.fullmatch(r"[A-Z]{6}", tag) for tag in tags), names
    assert len(set(tags)) == len(tags), f"two subsets share a tag: {names}"


def test_a_different_subset_of_a_face_gets_a_different_tag(tmp_path: Path) -> None:
    """Two appendices merged into one agenda pack keep their subsets apart."""
    def tag_of(text: str) -> str:
        report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [{
            "indicators": [{"description": "d", "polarity": "high"}], "commentary": [text]}]}]})
        return next(name.split("+")[0] for name in _fonts(_pdf(report), tmp_path)
                    if name.endswith("+LiberationSans"))

    assert tag_of("alpha beta") != tag_of("gamma delta zeta")
    assert tag_of("alpha beta") == tag_of("alpha beta"), "the same subset, the same tag"


# ---------------------------------------------------------------- the running header


def _report_with_header(words: int) -> cp.Report:
    return cp.load({"appendix": " ".join(["Appendix"] + ["label"] * words), "sections": [{
        "portfolio": "P", "pages": [{"indicators": [{"description": "d", "polarity": "high"}],
                                     "commentary": ["Text of the page."]}]}]})


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(words=st.one_of(st.integers(0, 40), st.integers(40, 1200)))
def test_the_running_header_is_all_on_the_page_or_refused(words: int) -> None:
    """Drawn whole below the top of the page, or refused by the renderer; ``check_header``
    (what ``committee-papers check`` and ``render`` ask first) refuses exactly the same."""
    report = _report_with_header(words)
    label = report.appendix
    try:
        check_header(report)
    except CommitteePapersError as error:
        refused: str | None = str(error)
    else:
        refused = None
    try:
        data = _pdf(report)
    except CommitteePapersError as error:
        assert "appendix" in str(error) and "shorten" in str(error)
        assert refused == str(error)
        return
    assert refused is None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for each in pdf.pages:
            assert min(c["top"] for c in each.chars) >= 0, "the header starts above the page"
    artifacts = read_tagged(data).pages[0].artifacts
    assert label in artifacts, "the whole header is drawn"


def test_the_cli_refuses_a_header_too_long_and_writes_nothing(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from committee_papers.cli import main

    source = tmp_path / "long.yaml"
    text = SAMPLES["q3"].read_text(encoding="utf-8")
    source.write_text(re.sub(r"(?m)^appendix: .*$", "appendix: " + "A very long label " * 400, text),
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "running header" in err and "nothing was written" in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
    assert main(["check", str(source)]) == 1, "check says what render will refuse, as an error"
    err = capsys.readouterr().err
    assert "error:" in err and "running header" in err and "Traceback" not in err


# ---------------------------------------------------------------- dates and SOURCE_DATE_EPOCH


def _render_both(folder: Path, epoch: str | None) -> tuple[bytes, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    subprocess.run([sys.executable, "-m", "committee_papers", "render", str(SAMPLES["q3"]), "-o", str(folder)],
                   check=True, env=env, capture_output=True)
    stem = SAMPLES["q3"].stem
    return (folder / f"{stem}.pdf").read_bytes(), (folder / f"{stem}.docx").read_bytes()


def test_source_date_epoch_changes_neither_file(tmp_path: Path) -> None:
    """Neither format reads the clock, so SOURCE_DATE_EPOCH has nothing to replace (README)."""
    assert _render_both(tmp_path / "a", None) == _render_both(tmp_path / "b", "1700000000")


def test_both_formats_carry_the_meeting_date(tmp_path: Path) -> None:
    report = cp.load(SAMPLES["q3"])
    pdf, docx = _render_both(tmp_path, None)
    day = report.meeting_date or dt.date(1980, 1, 1)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.docinfo.CreationDate).startswith(day.strftime("D:%Y%m%d"))
        assert str(document.docinfo.ModDate) == str(document.docinfo.CreationDate)
        assert document.open_metadata()["xmp:CreateDate"].startswith(day.isoformat())
    core = zipfile.ZipFile(io.BytesIO(docx)).read("docProps/core.xml").decode("utf-8")
    assert f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{day.isoformat()}" in core


# ---------------------------------------------------------------- the pack as PDF/A-2b


def test_the_pack_renders_as_pdf_a_2b_and_passes_both_validators(tmp_path: Path) -> None:
    from committee_papers.pack.render import render_pack

    path = tmp_path / "pack.pdf"
    render_pack(cp.build_pack(cp.read_workbook(ROOT / "samples" / "kpis.xlsx")), pdf=path, variant="pdf/a-2b")
    for profile in ("2b", "ua1"):
        result = page.validate_pdf(str(path), profile=profile)
        assert result.is_compliant and not result.failures, (profile, result.failures)
    assert not pdfua.validate(str(path)).findings
    with pikepdf.open(path) as pdf:
        assert pdf.open_metadata()["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"


def test_the_pack_command_takes_the_pdf_variant(tmp_path: Path) -> None:
    from committee_papers.cli import main

    assert main(["pack", str(ROOT / "samples" / "kpis.xlsx"), "-o", str(tmp_path), "--format", "pdf",
                 "--pdf-variant", "pdf/a-2b"]) == 0
    result = page.validate_pdf(str(tmp_path / "kpis.pdf"), profile="2b")
    assert result.is_compliant and not result.failures, result.failures


# ---------------------------------------------------------------- no stream ends with CR


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=300), pad=st.sampled_from([b"\n", b"\x01", b"\x00\x01"]))
def test_a_compressed_stream_never_ends_with_a_carriage_return(data: bytes, pad: bytes) -> None:
    import zlib

    from committee_papers.render.pdf.streams import flate

    compressed, length = flate(data, pad)
    assert compressed[-1:] != b"\r"
    decoded = zlib.decompress(compressed)
    assert decoded in (data, data + pad) and length == len(decoded)


def test_no_stream_of_an_archive_copy_ends_with_a_carriage_return(tmp_path: Path) -> None:
    """A long report as PDF/A-2b: many streams, none of which a validator can misread."""
    rows = [{"label": f"Row {i}", "values": {"2014/15": i, "Q1": i + 1, "Q2": i + 2}, "target": i}
            for i in range(300)]
    report = cp.load({"appendix": "App Long", "sections": [{"portfolio": "P", "pages": [
        {"indicators": [{"description": "Long", "polarity": "high", "unit": "count"}],
         "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]}, "rows": rows,
         "commentary": [f"Paragraph {n} " + "word " * 200 for n in range(20)]}]}]})
    path = tmp_path / "long.pdf"
    cp.render_pdf(report, path, variant="pdf/a-2b")
    with pikepdf.open(path) as pdf:
        streams = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)]
        assert len(streams) > 10
        assert not [obj.objgen for obj in streams if obj.read_raw_bytes()[-1:] == b"\r"]
    result = page.validate_pdf(str(path), profile="2b")
    assert result.is_compliant and not result.failures, result.failures
