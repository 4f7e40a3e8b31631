"""Write a document as a .docx whose bytes depend on nothing but its content.

python-docx stamps every zip member with the time of saving. Here every member gets the
same fixed timestamp and permissions, in python-docx's order: the content types, the
package relationships, then each part followed by its relationships.

The body's blocks can be given as XML text, written in place without ever becoming an
element tree: a tree of a thousand pages takes ten times the memory of its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from docx.opc.constants import CONTENT_TYPE
from docx.opc.oxml import CT_Types, serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.spec import default_content_types

from . import xml

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


def save(document: Any, stream: BinaryIO, blocks: Sequence[str] = ()) -> None:
    """Write a python-docx document to a binary stream, reproducibly.

    ``blocks`` is XML of body blocks (``w:p``, ``w:tbl``) that is to end the body, exactly as
    lxml would serialise them, each a well-formed sequence of elements: the file is the same
    as from appending them to the body with ``xml.append_blocks`` and saving.
    """
    main = document.part
    package = main.package
    parts = list(package.iter_parts())
    with ZipFile(stream, "w") as archive:

        def write(name: str, data: bytes) -> None:
            member = ZipInfo(name, date_time=ZIP_TIMESTAMP)
            member.compress_type = ZIP_DEFLATED
            member.create_system = _UNIX
            member.external_attr = _PERMISSIONS
            archive.writestr(member, data, compresslevel=COMPRESSION_LEVEL)

        write(CONTENT_TYPES_URI.membername, _content_types(parts))
        write(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            if part is main and blocks:
                before, after = xml.split_document_xml(document)
                data = b"".join((before, *(block.encode("utf-8") for block in blocks), after))
            else:
                data = part.blob
            write(part.partname.membername, data)
            if len(part.rels):
                write(part.partname.rels_uri.membername, part.rels.xml)
