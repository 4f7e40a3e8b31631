"""A Word template is data, never code: every Jinja construct but a documented placeholder is
refused before anything renders, in every part docxtpl fills, and hostile packages are refused."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from .conftest import Q2, TEMPLATE, WORKBOOK, assert_refused, rewrite_zip, run_cli

# Each payload stands for a kind: run code, read a file, reach an attribute, filter, call,
# compute, loop, include, exhaust memory, comment, unknown or dotted names.
PAYLOADS = {
    "code": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "file": "{{ cycler.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}",
    "attribute": "{{ appendix.__class__.__mro__ }}",
    "filter": "{{ appendix|upper }}",
    "call": "{{ lipsum() }}",
    "expression": "{{ title ~ subject }}",
    "loop": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "include": "{% include '/etc/passwd' %}",
    "big string": "{{ 'x' * 3000000000 }}",
    "set": "{% set x = 1 %}",
    "comment": "{# note #}",
    "dotted name": "{{ report.title }}",
    "unfinished": "{{ appendix ",
}


def _edit(source: Path, target: Path, change: Callable[[Any], None]) -> Path:
    document = docx.Document(str(source))
    change(document)
    document.save(str(target))
    return target


def _in_header(payload: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        document.sections[0].header.paragraphs[0].runs[0].text = "{{ appendix }}" + payload
    return change


def _in_footer(payload: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        document.sections[0].footer.paragraphs[0].add_run(payload)
    return change


def _in_description(payload: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        document.core_properties.comments = payload
    return change


def _in_title(payload: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        document.core_properties.title = payload
    return change


PLACES = {"header": (_in_header, "word/header"), "footer": (_in_footer, "word/footer"),
          "description": (_in_description, "docProps/core.xml (comments)"),
          "title": (_in_title, "docProps/core.xml (title)")}


def _assert_nothing_leaked(out: Path, text: str) -> None:
    assert not out.exists() or list(out.iterdir()) == [], "no file is written"
    assert "uid=" not in text and "root:x:0" not in text, "the payload ran"


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("kind", sorted(PAYLOADS))
def test_any_template_code_is_refused_naming_the_part_and_expression(tmp_path: Path, kind: str,
                                                                      place: str) -> None:
    change, part = PLACES[place]
    template = _edit(TEMPLATE, tmp_path / "evil.docx", change(PAYLOADS[kind]))
    out = tmp_path / "out"
    run = run_cli("render", Q2, "-o", out, "--template", template)
    assert_refused(run, str(template), part, "may hold only the placeholders")
    _assert_nothing_leaked(out, run.out + run.err)


def test_pack_refuses_template_code_too(tmp_path: Path) -> None:
    template = _edit(TEMPLATE, tmp_path / "evil.docx", _in_header(PAYLOADS["code"]))
    out = tmp_path / "out"
    run = run_cli("pack", WORKBOOK, "-o", out, "--template", template)
    assert_refused(run, "word/header", "cycler.__init__")
    _assert_nothing_leaked(out, run.out + run.err)


def test_the_documented_placeholders_still_work_in_every_part(tmp_path: Path) -> None:
    """The control: placeholders in the documented form are filled, in header, footer and
    core properties alike; so the refusals above are for the payload, not for the edit."""
    def change(document: Any) -> None:
        _in_footer(" {{ title }} / {{ author }}")(document)
        _in_description("About {{ subject }}")(document)
    template = _edit(TEMPLATE, tmp_path / "fine.docx", change)
    out = tmp_path / "out"
    run = run_cli("render", Q2, "-o", out, "--template", template, "--format", "docx")
    assert run.code == 0, str(run)
    written = docx.Document(str(out / f"{Q2.stem}.docx"))
    footer = "".join(p.text for p in written.sections[0].footer.paragraphs)
    assert "Q2 2015/16 Performance Exception Reports / Blackpool Council" in footer


def _core_with(template: Path, head: bytes) -> bytes:
    with zipfile.ZipFile(template) as package:
        core = package.read("docProps/core.xml")
    declaration, rest = core.split(b"?>", 1)
    return declaration + b"?>" + head + rest


@pytest.mark.parametrize(("name", "member", "data", "phrase"), [
    ("entity", "docProps/core.xml", "entity", "declares a DTD"),
    ("malformed header", "word/header1.xml", b"<w:hdr><w:p></w:hdr>", "not well-formed XML"),
])
def test_hostile_or_broken_xml_parts_are_refused(tmp_path: Path, name: str, member: str, data: Any,
                                                 phrase: str) -> None:
    if data == "entity":
        data = _core_with(TEMPLATE, b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')
    template = rewrite_zip(TEMPLATE, tmp_path / "bad.docx", {member: data})
    out = tmp_path / "out"
    run = run_cli("render", Q2, "-o", out, "--template", template)
    assert_refused(run, member, phrase)
    _assert_nothing_leaked(out, run.err)


def test_a_zip_bomb_template_is_refused_before_it_inflates(tmp_path: Path) -> None:
    template = rewrite_zip(TEMPLATE, tmp_path / "bomb.docx", {}, extra={"word/media/fill.bin": bytes(64 << 20)})
    assert template.stat().st_size < 2 << 20  # a small file...
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, "word/media/fill.bin", "zip bomb")  # ...refused before 64 MB is inflated


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_template_that_is_not_a_regular_file_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        template = tmp_path / "pipe.docx"
        os.mkfifo(template)
    elif kind == "device":
        template = Path("/dev/zero")
    else:
        template = tmp_path / "folder.docx"
        template.mkdir()
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert_refused(run, str(template))
    assert not (tmp_path / "out").exists()


def test_a_template_copied_unchanged_renders(tmp_path: Path) -> None:
    template = tmp_path / "copy.docx"
    shutil.copyfile(TEMPLATE, template)
    run = run_cli("render", Q2, "-o", tmp_path / "out", "--template", template)
    assert run.code == 0, str(run)
