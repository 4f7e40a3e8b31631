"""The marks' font travels with the Word file: Word and LibreOffice draw the marks the PDF draws.

Read back: the font table names an embedded face for the DoT styles' font, the obfuscated part
de-obfuscates (ECMA-376 part 1, 17.8.1, done here independently) into a TrueType font of that
family covering every mark in the document; and LibreOffice on a machine without DejaVu Sans
(a font configuration with Liberation Sans only) draws the marks in it.
"""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
from fontTools.ttLib import TTFont
from lxml import etree

import committee_papers as cp

from .both import SAMPLES, W

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FONTS = Path(cp.__file__).resolve().parent / "fonts"
MARKS = frozenset("↑↓↔✓✗")


def _docx() -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(cp.load(SAMPLES / "blackpool-q3-2016-17.yaml"), buffer)
    return buffer.getvalue()


def _deobfuscate(data: bytes, key: str) -> bytes:
    guid = key.strip("{}").replace("-", "")
    reverse = [int(guid[i:i + 2], 16) for i in range(0, 32, 2)][::-1]
    return bytes(b ^ reverse[i % 16] if i < 32 else b for i, b in enumerate(data))


def test_the_mark_font_is_embedded_and_covers_every_mark() -> None:
    data = _docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
        rels = etree.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        document = archive.read("word/document.xml").decode()
        settings = etree.fromstring(archive.read("word/settings.xml"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        embedded = [(f.get(f"{W}name"), e) for f in table.iter(f"{W}font") for e in f
                    if e.tag.startswith(f"{W}embed")]
        assert [(name, e.tag) for name, e in embedded] == [(cp.DEFAULT_STYLE.symbol_font_name, f"{W}embedBold")]
        element = embedded[0][1]
        font = TTFont(io.BytesIO(_deobfuscate(archive.read("word/" + targets[element.get(f"{R}id")]),
                                              element.get(f"{W}fontKey"))))
    assert font["name"].getDebugName(1) == "DejaVu Sans" and font["OS/2"].usWeightClass == 700
    used = {c for c in document if c in MARKS}
    assert used and used <= set(map(chr, font.getBestCmap()))
    assert font["OS/2"].fsType == 0  # installable embedding: the licence allows it
    assert settings.find(f"{W}embedTrueTypeFonts") is not None and settings.find(f"{W}saveSubsetFonts") is not None


def test_libreoffice_without_the_font_draws_the_marks_in_it(soffice: str, tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for face in FONTS.glob("Liberation*.ttf"):
        (fonts / face.name).symlink_to(face)
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / "cache"}'
                      "</cachedir></fontconfig>", encoding="utf-8")
    source = tmp_path / "q3.docx"
    source.write_bytes(_docx())
    command = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False,
                            env={**os.environ, "FONTCONFIG_FILE": str(config)})
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "q3.pdf") as pdf:
        used = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars if c["text"] in MARKS}
        every = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert "DejaVuSans-Bold" not in every - used  # only the marks: the machine has no DejaVu
    assert used == {"DejaVuSans-Bold"}
