"""Templates saved by Word or LibreOffice alike: styles are found as Word finds them.

Each case renames a style in a copy of the shipped template the way another program (or a
council) might, renders a report that uses every style (the hostile report: headings,
tables, footnotes, bullets and numbers) with it, and reads back which style id each part of the
output uses. The expected id is read from the edited template's own styles.xml.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

import committee_papers as cp
from committee_papers.render.docx import TemplateError

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "templates" / "house-style.docx"


def _style(document: Any, style_id: str) -> Any:
    for element in document.styles.element.style_lst:
        if element.styleId == style_id:
            return element
    raise AssertionError(f"no style {style_id}")


def _rename(style_id: str, name: str) -> Callable[[Any], str]:
    def change(document: Any) -> str:
        _style(document, style_id).name_val = name
        return style_id
    return change


def _new_id(style_id: str, new_id: str, name: str) -> Callable[[Any], str]:
    """Give a style a new id (and name), rewriting every reference to it, as Word would."""
    def change(document: Any) -> str:
        element = _style(document, style_id)
        element.styleId = new_id
        element.name_val = name
        for tag in ("w:basedOn", "w:next", "w:link"):
            for reference in document.styles.element.iter(qn(tag)):
                if reference.get(qn("w:val")) == style_id:
                    reference.set(qn("w:val"), new_id)
        return new_id
    return change


def _alias(style_id: str, new_id: str, name: str, aliases: str) -> Callable[[Any], str]:
    """Give a style a new id and name, with other names in ``w:aliases``."""
    def change(document: Any) -> str:
        _new_id(style_id, new_id, name)(document)
        element = _style(document, new_id)
        alias = element.makeelement(qn("w:aliases"), {qn("w:val"): aliases})
        element.find(qn("w:name")).addnext(alias)
        return new_id
    return change


CASES = {
    # LibreOffice writes built-in names as it shows them; Word writes them in lower case
    "heading in title case": ("Heading 1", _rename("Heading1", "Heading 1")),
    "heading in capitals": ("Heading 2", _rename("Heading2", "HEADING 2")),
    "custom style in lower case": ("Table Text", _rename("TableText", "table text")),
    # a style renamed by hand keeps the id Word gave it
    "renamed, found by id": ("Small Text", _rename("SmallText", "Footnote text (council)")),
    # w:aliases (ECMA-376 17.7.4.1) lists other names of a style
    "found by an alias": ("Heading 3", _alias("Heading3", "Sub3", "Council sub-heading", "H3, heading 3")),
    # LibreOffice's own names for Word's built-in list styles
    "LibreOffice List 1": ("List Bullet", _new_id("ListBullet", "List1", "List 1")),
    "LibreOffice Numbering 1": ("List Number", _new_id("ListNumber", "Numbering1", "Numbering 1")),
}


def _render(report: Any, template: Path) -> Any:
    buffer = io.BytesIO()
    cp.render_docx(report, buffer, template=template)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def _used_ids(document: Any) -> set[str]:
    return {p.get(qn("w:val")) for p in document.element.body.iter(qn("w:pStyle"))}


@pytest.mark.parametrize("case", CASES)
def test_a_renamed_style_is_found_as_word_finds_it(case: str, tmp_path: Path, hostile_report: Any) -> None:
    wanted, change = CASES[case]
    path = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, path)
    document = docx.Document(str(path))
    expected_id = change(document)
    document.save(str(path))
    output = _render(hostile_report, path)
    used = _used_ids(output)
    assert expected_id in used, (wanted, expected_id, used)
    # nothing points at a style the output does not define
    defined = {element.styleId for element in output.styles.element.style_lst}
    assert used <= defined


def test_a_numbered_list_in_a_renamed_list_style_still_restarts(tmp_path: Path, hostile_report: Any) -> None:
    path = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, path)
    document = docx.Document(str(path))
    _new_id("ListNumber", "Numbering1", "Numbering 1")(document)
    document.save(str(path))
    output = _render(hostile_report, path)
    numbered = [p for p in output.element.body.iter(qn("w:p"))
                if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
                and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Numbering1"]
    assert numbered
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None for p in numbered)


def test_a_style_of_the_wrong_kind_does_not_count(tmp_path: Path, hostile_report: Any) -> None:
    """A character style named 'Table Text' is not the paragraph style 'Table Text'."""
    path = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, path)
    document = docx.Document(str(path))
    element = _style(document, "TableText")
    element.type = docx.enum.style.WD_STYLE_TYPE.CHARACTER
    document.save(str(path))
    with pytest.raises(TemplateError, match=r"has no paragraph style 'Table Text'"):
        _render(hostile_report, path)


def test_every_missing_style_is_named_at_once_with_how_to_add_it(tmp_path: Path, hostile_report: Any) -> None:
    path = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, path)
    document = docx.Document(str(path))
    for name in ("Exception Table", "DoT Better"):
        document.styles[name].delete()
    document.save(str(path))
    with pytest.raises(TemplateError) as caught:
        _render(hostile_report, path)
    message = str(caught.value)
    assert "has no character style 'DoT Better', no table style 'Exception Table'" in message
    assert "Home > Styles" in message and "LibreOffice" in message and str(path) in message
