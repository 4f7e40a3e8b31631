"""Write a document as a .docx whose bytes depend on nothing but its content.

python-docx stamps every zip member with the time of saving. Here every member gets the
same fixed timestamp and permissions, in python-docx's order: the content types, the
package relationships, then each part followed by its relationships.

The main document part is written straight into its zip member with lxml's incremental
writer (``write_document``): the template's document element and section properties, and each
page's blocks parsed from their text and written as elements, one page at a time, so a long
report is never held as one tree (a tree of a thousand pages takes ten times the memory of
its text). Every other part is python-docx's own serialisation of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from docx.opc.constants import CONTENT_TYPE
from docx.opc.oxml import CT_Types, serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.spec import default_content_types
from docx.oxml.ns import qn
from lxml import etree

from . import wml

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip file can hold
_UNIX = 3
_PERMISSIONS = 0o644 << 16  # rw-r--r--, as a Unix zip tool writes them
COMPRESSION_LEVEL = 6  # zlib's default


def _content_types(parts: list[Any]) -> bytes:
    """Return ``[Content_Types].xml``: a default per known extension, an override per part."""
    defaults = {"rels": CONTENT_TYPE.OPC_RELATIONSHIPS, "xml": CONTENT_TYPE.XML}
    overrides = {}
    for part in parts:
        extension = part.partname.ext.lower()
        if (extension, part.content_type) in default_content_types:
            defaults[extension] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    types = CT_Types.new()  # type: ignore[no-untyped-call]
    for extension in sorted(defaults):
        types.add_default(extension, defaults[extension])
    for name in sorted(overrides):
        types.add_override(name, overrides[name])
    return bytes(serialize_part_xml(types))


def save(document: Any, stream: BinaryIO, pages: Iterable[str], finish: Callable[[], None] | None = None) -> None:
    """Write a python-docx document to a binary stream, reproducibly, with the blocks of
    ``pages`` (body XML from ``wml``, one string per page) ending its body.

    The main document part is written first (after the content types and the package's
    relationships), then ``finish`` is called, then every other part is written: so ``finish``
    may still change them (the footers' page count, which the PDF written meanwhile in another
    process gives, ``render.py``), and the body, the most work, is done before it is called.

    Raise lxml's XMLSyntaxError if a page is not well-formed (the stream then holds a partial
    file: ``write_output`` discards it).
    """
    main = document.part
    package = main.package
    parts = list(package.iter_parts())
    with ZipFile(stream, "w") as archive:

        def member(name: str) -> ZipInfo:
            info = ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = ZIP_DEFLATED
            info.create_system = _UNIX
            info.external_attr = _PERMISSIONS
            return info

        def write(name: str, data: bytes) -> None:
            archive.writestr(member(name), data, compresslevel=COMPRESSION_LEVEL)

        write(CONTENT_TYPES_URI.membername, _content_types(parts))
        write(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        # zlib's default level is COMPRESSION_LEVEL, the level the other members are given
        with archive.open(member(main.partname.membername), "w") as written:
            write_document(written, document, pages)
        if len(main.rels):
            write(main.partname.rels_uri.membername, main.rels.xml)
        if finish is not None:
            finish()
        for part in parts:
            if part is main:
                continue
            write(part.partname.membername, part.blob)
            if len(part.rels):
                write(part.partname.rels_uri.membername, part.rels.xml)


def write_document(stream: IO[bytes], document: Any, pages: Iterable[str]) -> None:
    """Write the main document part of a python-docx Document to a binary stream, with the
    blocks of ``pages`` (body XML from ``wml``, one string per page) ending its body.

    The document element, what precedes the body, the body's own content and its final
    section properties (page setup) are the template's, written as lxml elements; each page
    is parsed (raising XMLSyntaxError if it is not well-formed) and its blocks written,
    before the section properties. Only one page is ever held as a tree.
    """
    root = document.element
    body = root.body
    section = body.find(qn("w:sectPr"))
    with etree.xmlfile(stream, encoding="UTF-8") as writer:
        writer.write_declaration(standalone=True)
        with writer.element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap):
            if root.text:
                writer.write(root.text)
            for child in root:
                if child is not body:
                    _copy(writer, child, root.nsmap)
                    continue
                with writer.element(body.tag, attrib=dict(body.attrib)):
                    if body.text:
                        writer.write(body.text)
                    for kept in body:
                        if kept is not section:
                            _copy(writer, kept, body.nsmap)
                    for page in pages:
                        for block in wml.elements(page):
                            writer.write(block)
                    if section is not None:
                        _copy(writer, section, body.nsmap)
                if body.tail:
                    writer.write(body.tail)


def _copy(writer: Any, element: Any, scope: dict[str | None, str]) -> None:
    """Write a template's element through an open writer, declaring only the namespaces its
    enclosing elements have not (``writer.write`` would repeat every one of them)."""
    if not isinstance(element.tag, str):  # a comment or processing instruction
        writer.write(element, with_tail=False)
    else:
        own = {prefix: uri for prefix, uri in element.nsmap.items() if scope.get(prefix) != uri}
        with writer.element(element.tag, attrib=dict(element.attrib), nsmap=own or None):
            if element.text:
                writer.write(element.text)
            for child in element:
                _copy(writer, child, element.nsmap)
    if element.tail:
        writer.write(element.tail)
