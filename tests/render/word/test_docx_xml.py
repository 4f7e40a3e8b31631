"""Word's XML is made in one place, and the document part is XML written whole.

``render/docx/wml`` is the one place the Word renderer writes WordprocessingML: markup text
(with the only escaping of the file's text) and new Word elements. The first tests read the
source of every other module of the renderer, and of ``scripts/``, and fail on a string that
holds Word markup (``<w:p>``, ``</wp:inline>``) or a Word element or attribute made by name
(``OxmlElement("w:num")``, ``.set(qn("w:val"), …)``); reading elements by name is allowed
anywhere. The check is shown to catch each of those, so it can fail.

The last tests read rendered files back: the main document part parses as XML, keeps the
template's document element and section properties, holds only paragraphs and tables before
them, and nothing marks a place where bytes were spliced in.
"""

from __future__ import annotations

import ast
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from tests.conftest import linked_report

import committee_papers as cp
from committee_papers.output import write_output
from committee_papers.render.docx import default_template, package, wml
from committee_papers.render.docx.template import fill_template

ROOT = Path(__file__).resolve().parents[3]
RENDERER = ROOT / "src" / "committee_papers" / "render" / "docx"
ONE_PLACE = RENDERER / "wml"
# a start or end tag with a namespace prefix: <w:p, </wp:inline, < w:t
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z_][\w.-]*:[A-Za-z_]")
WORD_PREFIXES = ("w:", "wp:", "w14:", "r:", "mc:", "v:", "o:")
WORD_NAMESPACES = ("{http://schemas.openxmlformats.org/wordprocessingml/", "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}")
MAKERS = {"OxmlElement": 0, "Element": 0, "SubElement": 1, "makeelement": 0, "set": 0}
MARKERS = ("ProcessingInstruction", "PI")  # what marked the place bytes were once spliced in


def _names_word_xml(node: ast.expr) -> bool:
    """Tell whether an expression is a Word element or attribute name: "w:num", f"w:{edge}",
    qn("w:val"), or a Clark name in a Word namespace."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.startswith(WORD_PREFIXES + WORD_NAMESPACES)
    if isinstance(node, ast.JoinedStr) and node.values:
        return _names_word_xml(node.values[0])
    if isinstance(node, ast.Call) and node.args and getattr(node.func, "id", getattr(node.func, "attr", "")) == "qn":
        return _names_word_xml(node.args[0])
    return False


def word_xml_written(source: str) -> list[str]:
    """Return where a module's source writes Word markup or makes a Word element or attribute."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
            text = node.value.decode("latin-1") if isinstance(node.value, bytes) else node.value
            if MARKUP.search(text):
                found.append(f"line {node.lineno}: markup {text[:60]!r}")
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in MARKERS:
                found.append(f"line {node.lineno}: a marker, {name}(…)")
            index = MAKERS.get(name)
            if index is not None and len(node.args) > index and _names_word_xml(node.args[index]):
                found.append(f"line {node.lineno}: {name}({ast.unparse(node.args[index])})")
    return found


CAUGHT = {
    "markup in a string": "XML = '<w:p><w:r/></w:p>'",
    "an end tag": "END = '</w:tbl>'",
    "markup in an f-string": "def f(x):\n    return f'<w:t>{x}</w:t>'",
    "markup in bytes": "MARK = b'<w:body xmlns:w=\"x\">'",
    "a drawing": "INLINE = '<wp:inline distT=\"0\">'",
    "a chart's DrawingML": "NO_LINE = '<c:spPr><a:noFill/></c:spPr>'",
    "an element by name": "from docx.oxml import OxmlElement\nnum = OxmlElement('w:num')",
    "an element by an f-string name": "def f(edge):\n    return OxmlElement(f'w:{edge}')",
    "a sub-element by qn": "from lxml import etree\netree.SubElement(parent, qn('w:tab'))",
    "an element by Clark name": "etree.Element('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p')",
    "an attribute by qn": "element.set(qn('w:val'), '3')",
    "a marker to splice at": "from lxml import etree\n_MARK = etree.ProcessingInstruction('blocks')",
}
ALLOWED = {
    "reading by name": "found = parent.find(qn('w:sectPr'))\nvalue = found.get(qn('w:val'))",
    "a workbook's SpreadsheetML": "ROW = '<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"/></row>'",
    "a chart element by python-pptx": "skip = OxmlElement('c:tickLblSkip')",
    "a comparison in text": "TEXT = 'a < b: c and x <y'",
    "an unprefixed attribute": "doc_pr.set('id', '3')",
}


@pytest.mark.parametrize("source", CAUGHT.values(), ids=CAUGHT.keys())
def test_the_check_catches_word_xml_written_outside_the_one_place(source: str) -> None:
    assert word_xml_written(source)


@pytest.mark.parametrize("source", ALLOWED.values(), ids=ALLOWED.keys())
def test_the_check_allows_what_is_not_writing_word_xml(source: str) -> None:
    assert word_xml_written(source) == []


def test_the_one_place_is_where_the_word_xml_is() -> None:
    """The check finds the markup and elements the one place does write (it is not blind)."""
    assert len(word_xml_written((ONE_PLACE / "markup.py").read_text(encoding="utf-8"))) > 10
    assert word_xml_written((ONE_PLACE / "elements.py").read_text(encoding="utf-8"))


def test_word_xml_is_written_only_in_the_one_place() -> None:
    paths = [p for p in RENDERER.rglob("*.py") if ONE_PLACE not in p.parents] + sorted((ROOT / "scripts").glob("*.py"))
    assert len(paths) > 15
    found = {str(path.relative_to(ROOT)): problems for path in paths
             if (problems := word_xml_written(path.read_text(encoding="utf-8")))}
    assert found == {}, "write Word XML through render/docx/wml"


def test_the_one_place_splices_nothing_either() -> None:
    for path in ONE_PLACE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not [p for p in word_xml_written(source) if "a marker" in p], path.name


# ------------------------------------------------------------------------ the document part


@pytest.fixture(scope="module")
def rendered(samples: dict[str, bytes], hostile_docx: bytes) -> dict[str, bytes]:
    """Both samples (one with a trend chart on each page), the hostile report and a page of links."""
    files = {**samples, "hostile": hostile_docx}
    for name, report in (("charted", cp.with_charts(cp.load(ROOT / "samples" / "blackpool-q2-2015-16.yaml"))),
                         ("linked", linked_report())):
        buffer = io.BytesIO()
        cp.render_docx(report, buffer)
        files[name] = buffer.getvalue()
    return files


def _part(data: bytes, name: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _canonical(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n")


def test_the_document_part_is_well_formed_and_nothing_was_spliced_in(rendered: dict[str, bytes]) -> None:
    template = etree.fromstring(_part(default_template().read_bytes()))
    strict = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for name, data in rendered.items():
        part = _part(data)
        root = etree.fromstring(part, strict)  # raises if the part is not well-formed
        assert not root.xpath("//processing-instruction() | //comment()"), name  # no marker left
        assert b"committee-papers" not in part, name
        assert (root.tag, root.nsmap, dict(root.attrib)) == (template.tag, template.nsmap, dict(template.attrib))
        (body,) = root
        tags = [child.tag for child in body]
        assert tags[-1] == qn("w:sectPr") and tags.count(qn("w:sectPr")) == 1, name
        assert set(tags[:-1]) == {qn("w:p"), qn("w:tbl")}, name
        assert _canonical(body[-1]) == _canonical(template.find(f"{qn('w:body')}/{qn('w:sectPr')}")), name
        assert docx.Document(io.BytesIO(data)).paragraphs, name  # python-docx reads it back


def test_the_body_holds_every_page_in_order(rendered: dict[str, bytes]) -> None:
    """The Q3 sample's four pages: each starts on a new page, in the order of the report."""
    report = cp.load(ROOT / "samples" / "blackpool-q3-2016-17.yaml")
    body = etree.fromstring(_part(rendered["blackpool-q3-2016-17"]))[0]
    breaks = body.findall(f".//{qn('w:pageBreakBefore')}")
    assert len(breaks) == report.page_count - 1
    text = " ".join(body.itertext())
    descriptions = [page.indicators[0].description for _, page in report.pages()]
    places = [text.index(description) for description in descriptions]
    assert places == sorted(places)


def test_a_page_that_is_not_well_formed_stops_the_file_being_written(tmp_path: Path) -> None:
    """The renderer's own guard: text the layout would have cleaned, given to the writer."""
    document = fill_template(None, {"appendix": "A", "title": "T", "subject": "S", "author": "P"})
    good = wml.paragraph(None) + wml.run("first page") + wml.PARAGRAPH_END
    bad = wml.paragraph(None) + wml.run("a NUL \x00 here") + wml.PARAGRAPH_END
    target = tmp_path / "out.docx"
    with pytest.raises(etree.XMLSyntaxError):
        write_output(target, lambda stream: package.save(document, stream, [good, bad]))
    assert not target.exists() and not list(tmp_path.iterdir())
