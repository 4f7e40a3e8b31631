"""The same input gives the same .docx, byte for byte: no clock, no random ids, no hash order."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import committee_papers as cp

from .conftest import SAMPLES, hostile_data, render_to_bytes

Q2 = SAMPLES / "blackpool-q2-2015-16.yaml"
# render a sample and the hostile report in a fresh interpreter; print the bytes as hex
_SCRIPT = """
import io, sys
import committee_papers as cp
from tests.render.word.conftest import hostile_data
for source in (sys.argv[1], hostile_data()):
    buffer = io.BytesIO()
    cp.render_docx(cp.load(source), buffer)
    print(buffer.getvalue().hex())
"""


def test_rendering_twice_in_one_process_gives_the_same_bytes(samples, hostile_docx):
    assert render_to_bytes(cp.load(Q2)) == samples["blackpool-q2-2015-16"]
    assert render_to_bytes(cp.load(hostile_data())) == hostile_docx


def test_two_processes_with_different_hash_seeds_give_the_same_bytes(samples, hostile_docx):
    root = Path(__file__).resolve().parents[3]
    outputs = []
    for seed in ("1", "4242"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", _SCRIPT, str(Q2)], cwd=root, env=environment,
                                capture_output=True, text=True, timeout=120, check=True)
        outputs.append(result.stdout.split())
    assert outputs[0] == outputs[1]
    assert [bytes.fromhex(h) for h in outputs[0]] == [samples["blackpool-q2-2015-16"], hostile_docx]


def test_zip_members_have_fixed_timestamps_permissions_and_order(samples):
    with zipfile.ZipFile(io.BytesIO(samples["blackpool-q2-2015-16"])) as package:
        members = package.infolist()
    assert [member.filename for member in members] == [
        "[Content_Types].xml", "_rels/.rels",
        "word/document.xml", "word/_rels/document.xml.rels",  # first: the page count is known after it
        "docProps/core.xml", "docProps/app.xml", "word/styles.xml",
        "word/settings.xml", "word/webSettings.xml", "word/fontTable.xml",
        "word/_rels/fontTable.xml.rels", "word/fonts/font1.odttf",  # the marks' font, embedded
        "word/theme/theme1.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml"]
    for member in members:
        assert member.date_time == (1980, 1, 1, 0, 0, 0), member.filename
        assert member.external_attr == 0o644 << 16
        assert member.compress_type == zipfile.ZIP_DEFLATED


def test_the_dates_are_the_meeting_date_or_a_fixed_one(samples):
    properties = docx.Document(io.BytesIO(samples["blackpool-q2-2015-16"])).core_properties
    undated = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
    assert (properties.created, properties.modified) == (undated, undated)
    report = cp.load({"appendix": "A", "meeting_date": "2016-02-10", "sections": [{
        "portfolio": "P", "pages": [{"indicators": [{"description": "d", "polarity": "high"}]}]}]})
    properties = docx.Document(io.BytesIO(render_to_bytes(report))).core_properties
    assert properties.created == properties.modified == dt.datetime(2016, 2, 10, tzinfo=dt.UTC)
    assert properties.revision == 1


def test_no_random_ids_in_the_body(samples):
    with zipfile.ZipFile(io.BytesIO(samples["blackpool-q2-2015-16"])) as package:
        body = package.read("word/document.xml").decode("utf-8")
    for attribute in ("w:rsidR=", "w:rsidRPr=", "w:rsidP=", "w14:paraId=", "w14:textId="):
        # the template's section properties keep their fixed rsids; no paragraph gets one
        assert body.count(attribute) <= 1, attribute


def test_the_body_xml_is_written_exactly_as_lxml_would_write_it():
    from lxml import etree

    from committee_papers.render.docx import wml

    awkward = ("", " edge spaces ", "a\tb\nc\rd", "& < > \" ' ]]> &amp;", "ŵ ŷ é 😀 עברית",
               "\t", "\n\n", "{{ 7*7 }} {%p if x %}")
    blocks = [wml.paragraph(None), wml.PARAGRAPH_END]
    for text in awkward:
        blocks += [wml.paragraph("Style&\"1\"", page_break=True, align="center", num_id=3),
                   wml.run(text), wml.run(text, style_id="DoTWorse", bold=True, italic=True,
                                          colour="b10e1e"),
                   wml.hyperlink("rId7", wml.run(text, style_id="Hyperlink")), wml.PARAGRAPH_END,
                   wml.paragraph(None, keep_next=True),
                   wml.chart_run("rId8", width=5_000_000, height=2_000_000, shape=3, description=text),
                   wml.PARAGRAPH_END,
                   wml.table([100, 200], style_id=None, caption=text, description=f"{text}\n\t"),
                   wml.row(header=True), wml.cell(300, span=2, merge="restart", fill="D9E2F3"),
                   wml.paragraph(None), wml.PARAGRAPH_END, wml.CELL_END, wml.ROW_END,
                   wml.row(header=False), wml.cell(300, span=2, merge="continue"),
                   wml.paragraph("TableText"), wml.PARAGRAPH_END, wml.CELL_END, wml.ROW_END,
                   wml.TABLE_END]
    written = "".join(blocks)
    (wrapper,) = {element.getparent() for element in wml.elements(written)}
    serialised = etree.tostring(wrapper, encoding="unicode")
    start = serialised.index(">") + 1
    assert serialised[start:-len("</w:body>")] == written
    texts = ["".join(t.text for t in run.iter(qn("w:t"))) for run in wrapper.iter(qn("w:r"))]
    assert texts[4:7] == [" edge spaces "] * 3  # plain, styled, in a hyperlink (then the chart's run)


@pytest.mark.parametrize("text", ["NUL \x00", "vertical tab \x0b", "not a character \ufffe"])
def test_text_xml_cannot_hold_is_refused_not_written(text):
    from lxml import etree

    from committee_papers.render.docx import wml

    # the layout cleans text first; this is the renderer's own guard against a corrupt file
    with pytest.raises(etree.XMLSyntaxError):
        wml.check(wml.paragraph(None) + wml.run(text) + wml.PARAGRAPH_END)
