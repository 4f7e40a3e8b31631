"""Language per passage (WCAG 2.1 SC 3.1.2) and the library's words in the report's language."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from typing import Any

import pikepdf
import pytest
from lxml import etree
from tests.reliability.tagged import read_tagged

import committee_papers as cp
from committee_papers.loaders import LoadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WELSH = "Mae’r ddogfen hon ar gael yn Gymraeg"
ENGLISH_RUN = "on target"


def report_data(language: str = "en-GB") -> dict[str, Any]:
    return {"appendix": "App B", "language": language, "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "Percentage", "polarity": "high"}],
        "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]},
        "target": 50, "dot": {"basis": "target", "header": "DoT"},
        "rows": [{"values": {"2014/15": 40, "Q1": 45, "Q2": 44}}],
        "supplementary": [{"header": [["School", {"text": "Ysgol", "lang": "cy"}]], "rows": [["A", "1"]]}],
        "commentary": [
            {"text": WELSH, "lang": "cy"},
            {"runs": ["Mae’r ffigur ", {"text": "yn dda", "bold": True}], "lang": "cy"},
            ["The figure is ", {"text": ENGLISH_RUN, "lang": "en"}, " this year."],
            "Plain text in the report's language.",
        ]}]}]}


def pdf_of(data: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(cp.load(data), buffer)
    return buffer.getvalue()


def docx_runs(data: dict[str, Any]) -> list[tuple[str, str | None]]:
    buffer = io.BytesIO()
    cp.render_docx(cp.load(data), buffer)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("word/document.xml"))
    runs = []
    for run in root.iter(f"{W}r"):
        lang = run.find(f"{W}rPr/{W}lang")
        runs.append(("".join(t.text or "" for t in run.iter(f"{W}t")),
                     None if lang is None else lang.get(f"{W}val")))
    return runs


def test_the_loader_reads_languages_on_runs_paragraphs_and_cells() -> None:
    page = cp.load(report_data()).sections[0].pages[0]
    first, second, third, fourth = page.commentary
    assert first.lang == "cy" and first.runs[0].text == WELSH
    assert second.lang == "cy" and [r.text for r in second.runs] == ["Mae’r ffigur ", "yn dda"]
    assert third.lang is None and third.runs[1].lang == "en"
    assert fourth.lang is None
    assert page.supplementary[0].header_rows[0].cells[1].lang == "cy"


@pytest.mark.parametrize("bad", ["", "c", "cymraeg-hir-iawn-iawn", "en_GB", 7])
def test_a_bad_language_tag_is_a_located_error(bad: object) -> None:
    data = report_data()
    data["sections"][0]["pages"][0]["commentary"][0]["lang"] = bad
    with pytest.raises(LoadError) as caught:
        cp.load(data)
    assert "sections[0].pages[0].commentary[0].lang" in str(caught.value)
    assert "language tag" in str(caught.value)


def test_a_passage_in_the_locale_form_is_refused_with_the_tag_to_write() -> None:
    """As for the report's own language (issue 22): ``cy_GB`` is a locale; the tag is ``cy-GB``."""
    data = report_data()
    data["sections"][0]["pages"][0]["commentary"][0]["lang"] = "cy_GB"
    with pytest.raises(LoadError, match="'cy_GB' is a locale, not a language tag: write 'cy-GB'"):
        cp.load(data)


@pytest.mark.parametrize("make", [lambda tag: cp.Run("Bore da", lang=tag), lambda tag: cp.Paragraph((), tag),
                                  lambda tag: cp.Cell("Bore da", lang=tag)])
def test_the_model_checks_a_passages_language_as_the_reports(make: Any) -> None:
    """A script gets the loader's check too: a passage's ``lang`` is a BCP 47 tag."""
    assert make("cy") is not None and make("cy-GB") is not None
    with pytest.raises(ValueError, match="'cy_GB' is a locale, not a language tag: write 'cy-GB'"):
        make("cy_GB")


def test_the_pdf_marks_each_passage_in_its_language() -> None:
    data = pdf_of(report_data())
    elements = read_tagged(data).elements
    paragraphs = {text: own.get("Lang") for tag, text, own in elements if tag == "P"}
    assert paragraphs[WELSH] == "cy"
    assert paragraphs["Mae’r ffigur yn dda"] == "cy"
    assert paragraphs[f"The figure is {ENGLISH_RUN} this year."] is None  # mixed: marked run by run
    assert paragraphs["Plain text in the report's language."] is None
    cells = {text: own.get("Lang") for tag, text, own in elements if tag in ("TH", "TD")}
    assert cells["Ysgol"] == "cy" and cells["School"] is None
    with pikepdf.open(io.BytesIO(data)) as pdf:
        marked = []
        depth = None
        collected: list[str] = []
        for operands, op in pikepdf.parse_content_stream(pdf.pages[0]):
            if str(op) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/Lang" in operands[1]:
                depth, collected = str(operands[1].Lang), []
            elif str(op) == "EMC" and depth is not None:
                marked.append((depth, len(collected)))
                depth = None
            elif str(op) in ("Tj", "TJ") and depth is not None:
                collected.append(str(op))
        assert marked == [("en", 1)], "the English run alone is marked, around its text"


def test_the_word_file_marks_each_run_in_its_language() -> None:
    runs = docx_runs(report_data())
    assert (WELSH, "cy") in runs
    assert ("Mae’r ffigur ", "cy") in runs and ("yn dda", "cy") in runs
    assert (ENGLISH_RUN, "en") in runs and ("The figure is ", None) in runs
    assert ("Ysgol", "cy") in runs


def test_a_welsh_report_has_welsh_labels_marks_and_page_numbers() -> None:
    data = pdf_of(report_data("cy"))
    tagged = read_tagged(data)
    texts = [text for _, text, _ in tagged.elements]
    assert "Disgrifiad o’r Dangosydd" in texts and "Sylwebaeth:" in texts and "Uchel" in texts
    assert "Gostyngodd – gwaeth" in texts, "44 against a target of 50, higher is better"
    assert "Tudalen 1 o 1" in tagged.pages[0].artifacts
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "cy"
        summaries = [str(e.A.Summary) for e in _walk(pdf.Root.StructTreeRoot) if "/A" in e and "/Summary" in e.A]
    assert "Y dangosyddion ar y dudalen hon, ac a yw gwerth uwch neu is yn well" in summaries
    runs = [text for text, _ in docx_runs(report_data("cy"))]
    assert "Disgrifiad o’r Dangosydd" in runs and "Sylwebaeth:" in runs


def test_an_english_report_keeps_english_and_a_house_style_keeps_its_own_words() -> None:
    texts = [text for _, text, _ in read_tagged(pdf_of(report_data())).elements]
    assert "Indicator Description" in texts and "Decreased – worse" in texts
    style = dataclasses.replace(cp.DEFAULT_STYLE, labels=cp.Labels(commentary="Our comments:"))
    buffer = io.BytesIO()
    cp.render_pdf(cp.load(report_data("cy")), buffer, style=style)
    texts = [text for _, text, _ in read_tagged(buffer.getvalue()).elements]
    assert "Our comments:" in texts, "a council's own label is kept"
    assert "Disgrifiad o’r Dangosydd" in texts, "labels left at the default are translated"


def _walk(element: pikepdf.Object) -> list[pikepdf.Object]:
    found = []
    kids = element.get("/K")
    for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
            found += [kid, *_walk(kid)]
    return found


def _headers_given_none(language: str) -> dict[str, Any]:
    data = report_data(language)
    page = data["sections"][0]["pages"][0]
    page["dot"] = {"basis": "target"}  # no header: the house style's word
    page["status"] = True  # a status column, its header not given
    page["direction_of_travel"] = [{"label": "Current vs. Q1", "reference": {"period": "Q1"}}]
    return data


@pytest.mark.parametrize(("language", "words", "absent"), [
    ("cy", ["Targed", "CT", "Statws", "Cyfeiriad Teithio"], ["Target", "DoT", "Status", "Direction of Travel"]),
    ("en-GB", ["Target", "DoT", "Status", "Direction of Travel"], ["Targed", "CT", "Statws"]),
])
def test_headers_not_given_are_the_house_styles_words_in_the_reports_language(
        language: str, words: list[str], absent: list[str]) -> None:
    """Target, DoT, Status and the Direction of Travel table's title, when the input leaves them
    out, are the library's words in the report's language, in both formats; words given are kept."""
    data = _headers_given_none(language)
    texts = [text for _, text, _ in read_tagged(pdf_of(data)).elements]
    runs = [text for text, _ in docx_runs(data)]
    for word in words:
        assert word in texts, f"{word} missing from the PDF"
        assert word in runs, f"{word} missing from the Word file"
    for word in absent:
        assert word not in texts and word not in runs, f"{word} printed in a {language} report"
    data["sections"][0]["pages"][0]["target_header"] = "Target"  # given: kept as typed, in any language
    assert "Target" in [text for _, text, _ in read_tagged(pdf_of(data)).elements]
