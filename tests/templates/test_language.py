"""The report's language: a BCP 47 tag, checked before anything is written (issue 22, item 5).

``cy_GB`` is how the schema's own ``locale`` field is spelt, so it is an easy slip for
``language``; PDF/UA checkers reject it in ``/Lang``. It is refused with the right spelling
by ``check`` (with or without ``--strict``) and ``render``, as is a tag with spaces around
it. A good tag reaches every place a reader looks: the PDF's ``/Lang``, Word's ``w:lang``
and the document's ``dc:language``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from committee_papers.cli import main

REPORT = """appendix: App B
language: {language}
sections:
  - portfolio: P
    pages:
      - indicators: [{{description: d, polarity: high}}]
"""


def _report(tmp_path: Path, language: str) -> Path:
    path = tmp_path / "report.yaml"
    path.write_text(REPORT.format(language=f'"{language}"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(("language", "advice"), [
    ("cy_GB", "write 'cy-GB'"),
    ("en-GB ", "write 'en-GB'"),
    (" cy-GB", "write 'cy-GB'"),
    ("Welsh", "is not a language tag"),
    ("en--GB", "is not a language tag"),
])
@pytest.mark.parametrize("command", [["check"], ["check", "--strict"], ["render", "-o", "OUT"]])
def test_a_language_that_is_not_a_tag_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                language: str, advice: str, command: list[str]) -> None:
    report = _report(tmp_path, language)
    out = tmp_path / "out"
    arguments = [str(out) if a == "OUT" else a for a in command]
    assert main([arguments[0], str(report), *arguments[1:]]) == 1
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "language" in said and advice in said and "Traceback" not in said
    assert not out.exists()


def test_a_good_tag_reaches_the_pdf_and_the_word_file(tmp_path: Path) -> None:
    report = _report(tmp_path, "cy-GB")
    out = tmp_path / "out"
    assert main(["render", str(report), "-o", str(out)]) == 0
    assert PdfReader(out / "report.pdf").trailer["/Root"]["/Lang"] == "cy-GB"
    with zipfile.ZipFile(out / "report.docx") as package:
        core = etree.fromstring(package.read("docProps/core.xml"))
        styles = etree.fromstring(package.read("word/styles.xml"))
    language = core.find("{http://purl.org/dc/elements/1.1/}language")
    assert language is not None and language.text == "cy-GB"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    values = {lang.get(f"{w}val") for lang in styles.iter(f"{w}lang") if lang.get(f"{w}val")}
    assert values == {"cy-GB"}
