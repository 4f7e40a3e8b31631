"""A soft hyphen (U+00AD) reaches Word as its optional hyphen, ``w:softHyphen`` (ECMA-376 Part 1
§17.3.3.29), in body text and table cells, so Word shows it only where a line breaks."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

import committee_papers as cp

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_soft_hyphens_are_optional_hyphens_in_word() -> None:
    data = {"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "Self\xadreported well\xadbeing", "polarity": "high"}],
        "commentary": "Super\xadcalifragilistic text."}]}]}
    buffer = io.BytesIO()
    cp.render_docx(cp.load(data), buffer)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("word/document.xml"))
    assert not any("\xad" in (t.text or "") for t in root.iter(f"{W}t"))
    runs = ["".join("\xad" if child.tag == f"{W}softHyphen" else child.text or "" for child in run)
            for run in root.iter(f"{W}r")]
    assert "Self\xadreported well\xadbeing" in runs
    assert "Super\xadcalifragilistic text." in runs
