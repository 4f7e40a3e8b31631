"""Placeholders in a template's document properties: filled once, or refused by name, never a bug.

Each case edits a property of a copy of the shipped template as a council would in Word
(File > Info) and reads the output's properties back from its XML.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

import committee_papers as cp
from committee_papers.cli import main
from committee_papers.render.docx import TemplateError

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "templates" / "house-style.docx"
APPENDIX = "App B_1 <i> & Notes {_{ x }_} \"quoted\""
# the properties the renderer sets from the report, whatever the template says
FROM_REPORT = {"author", "comments", "keywords", "language", "last_modified_by", "subject", "title"}
KEPT = ("category", "content_status", "identifier", "version")
APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _report(title: str = "Q2 performance") -> cp.Report:
    return cp.load({"appendix": APPENDIX, "title": title, "sections": [{
        "portfolio": "P", "pages": [{"indicators": [{"description": "d", "polarity": "high"}]}]}]})


def _template(tmp_path: Path, change: Any) -> Path:
    path = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, path)
    document = docx.Document(str(path))
    change(document.core_properties)
    document.save(str(path))
    return path


def _render(report: cp.Report, template: Path) -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(report, buffer, template=template)
    return buffer.getvalue()


@pytest.mark.parametrize("name", KEPT)
def test_a_placeholder_in_a_kept_property_is_filled_with_the_text_once(tmp_path: Path, name: str) -> None:
    template = _template(tmp_path, lambda p: setattr(p, name, "{{ appendix }} (committee)"))
    data = _render(_report(), template)
    assert getattr(docx.Document(io.BytesIO(data)).core_properties, name) == f"{APPENDIX} (committee)"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    assert "&amp;amp;" not in core and "&#95;" not in core and "&amp;#95;" not in core


@pytest.mark.parametrize("name", sorted(FROM_REPORT))
def test_a_placeholder_in_a_property_the_report_sets_is_accepted(tmp_path: Path, name: str) -> None:
    template = _template(tmp_path, lambda p: setattr(p, name, "{{ title }}"))
    properties = docx.Document(io.BytesIO(_render(_report(), template))).core_properties
    assert properties.title == "Q2 performance"


def test_a_long_value_fills_a_property_whole(tmp_path: Path) -> None:
    title = "Quarter 2" + " performance exception reports" * 12  # over python-docx's 255 limit
    template = _template(tmp_path, lambda p: setattr(p, "category", "{{ title }}"))
    properties = docx.Document(io.BytesIO(_render(_report(title), template))).core_properties
    assert properties.category == title


@pytest.mark.parametrize("text", ["{{ report.title }}", "{# a note", "{% if x %}y{% endif %}",
                                  "{{ appendix|upper }}", "{{ committee }}"])
@pytest.mark.parametrize("name", ["title", "comments", "category", "keywords"])
def test_anything_else_in_a_property_is_refused_by_property(tmp_path: Path, name: str, text: str) -> None:
    template = _template(tmp_path, lambda p: setattr(p, name, f"Council {text}"))
    with pytest.raises(TemplateError) as caught:
        _render(_report(), template)
    assert f"in docProps/core.xml ({name})" in str(caught.value)
    assert str(template) in str(caught.value)


def test_the_command_line_gives_exit_1_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = _template(tmp_path, lambda p: setattr(p, "title", "{{ report.title }}"))
    out = tmp_path / "out"
    sample = ROOT / "samples" / "blackpool-q2-2015-16.yaml"
    assert main(["render", str(sample), "-o", str(out), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert "'{{ report.title }}'" in err and "docProps/core.xml (title)" in err
    assert "internal error" not in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def _with_company(template: Path, company: str) -> None:
    with zipfile.ZipFile(template) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["docProps/app.xml"])
    element = root.find(f"{{{APP}}}Company")
    if element is None:
        element = etree.SubElement(root, f"{{{APP}}}Company")
    element.text = company
    parts["docProps/app.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(template, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_the_company_property_goes_through_the_same_path(tmp_path: Path) -> None:
    template = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, template)
    _with_company(template, "Council – {{ appendix }}")
    data = _render(_report(), template)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("docProps/app.xml"))
    assert root.findtext(f"{{{APP}}}Company") == f"Council – {APPENDIX}"
    _with_company(template, "{{ cycler.__init__ }}")
    with pytest.raises(TemplateError, match=r"in docProps/app.xml \(Company\)"):
        _render(_report(), template)
