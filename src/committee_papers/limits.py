"""Bounded reading of files that may come from others: reports, workbooks, templates, rules.

A council passes these files between teams and suppliers by email, so each is read as
untrusted: only a regular file is opened (a pipe, device or folder would hang or never end),
its size is checked before it is read, a zip package (.docx, .xlsx) is checked member by
member before anything inflates it, and its XML parts may not declare a DTD (entity bombs,
external entities). Every limit is a field of ``Limits``; the defaults are documented in the
README's Security section and can be raised with environment variables
``COMMITTEE_PAPERS_MAX_<NAME>`` (e.g. ``COMMITTEE_PAPERS_MAX_FILE_MB=200``), or by passing a
``Limits`` to the functions that read files.

The zip and XML checks are our own because they are small and must run before python-docx or
openpyxl see the file; the XML itself is parsed by lxml, with entities, DTDs and the network
refused.
"""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO

from lxml import etree

from .errors import CommitteePapersError

MB = 1024 * 1024
ENVIRONMENT_PREFIX = "COMMITTEE_PAPERS_MAX_"


class InputError(CommitteePapersError):
    """A file cannot be read safely: not a regular file, too large, or a hostile package.

    ``path`` is the file; the message says what is wrong and what to do.
    """

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        self.path = os.fspath(path)
        self.reason = message
        super().__init__(f"{self.path}: {message}")


@dataclass(frozen=True, slots=True)
class Limits:
    """The most any one input may hold. Sizes are in mebibytes; counts are plain numbers.

    - ``file_mb``: a report, rules file or CSV file (YAML or JSON text).
    - ``package_mb``: a .docx template or .xlsx workbook as stored on disk.
    - ``unpacked_mb``: all the members of such a package once inflated, together.
    - ``ratio``: how many times larger than its stored size a member of more than 64 KB may
      inflate (ordinary Office XML inflates 5 to 40 times; a zip bomb thousands of times).
    - ``members``: the number of members of a package.
    - ``nodes``: the values a YAML or JSON report holds once every alias is expanded (a
      2,000-page report holds about 165,000). Aliases may also expand a report to at most ten
      times the values and text it is written with.
    - ``depth``: how deeply a report's mappings and lists may nest.
    - ``rows``, ``columns``: the part of a worksheet (or CSV file) that may hold anything.
    - ``placeholders``: the template placeholders (``{{ appendix }}``) in one template part.
    """

    file_mb: int = 50
    package_mb: int = 25
    unpacked_mb: int = 100
    ratio: int = 100
    members: int = 2_000
    nodes: int = 1_000_000
    depth: int = 64
    rows: int = 100_000
    columns: int = 500
    placeholders: int = 100

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Limits:
        """Return the defaults, each raised or lowered by ``COMMITTEE_PAPERS_MAX_<NAME>``.

        Raise InputError naming the variable when its value is not a positive whole number.
        """
        environ = dict(os.environ) if environ is None else environ
        values: dict[str, int] = {}
        for item in fields(cls):
            name = ENVIRONMENT_PREFIX + item.name.upper()
            text = environ.get(name)
            if text is None:
                continue
            if not text.strip().isdigit() or int(text) <= 0:
                raise InputError(name, f"{text!r} is not a positive whole number: set it to, e.g., "
                                       f"{item.default}")
            values[item.name] = int(text)
        return cls(**values)

    def hint(self, name: str) -> str:
        """Return how to raise one limit, for an error message."""
        return f"to raise the limit, set {ENVIRONMENT_PREFIX}{name.upper()} (now {getattr(self, name)})"


def resolve(limits: Limits | None) -> Limits:
    """Return ``limits``, or the defaults as the environment sets them."""
    return limits if limits is not None else Limits.from_environment()


def _describe_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _open_regular(path: Path, what: str) -> int:
    """Return a descriptor of ``path`` open for reading, refusing anything but a regular file.

    The file is looked at before it is opened (opening a pipe waits for a writer) and again
    once open, so swapping it in between gains nothing.
    """
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, f"the {what} does not exist: check the path") from None
    except OSError as error:
        raise InputError(path, f"the {what} cannot be read ({error.strerror}): check the path "
                               "and its permissions") from None
    if not stat.S_ISREG(before.st_mode):
        raise InputError(path, f"this is {_describe_kind(before.st_mode)}, not a {what}: give the "
                               f"path of the {what} itself")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(path, f"the {what} cannot be read ({error.strerror}): check its "
                               "permissions") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise InputError(path, f"this is not a regular file, not a {what}: give the path of the {what}")
    return descriptor


def _too_large(size: int, limit_mb: int) -> bool:
    return size > limit_mb * MB


def read_bytes(path: str | os.PathLike[str], what: str, limits: Limits | None = None, *,
               limit: str = "file_mb") -> bytes:
    """Return the bytes of a regular file of at most ``limits.<limit>`` MB.

    ``what`` names the file in messages ("report", "rules file"). Raise InputError when the
    file is missing, is not a regular file (a folder, pipe or device) or is too large.
    """
    limits = resolve(limits)
    where = Path(path)
    limit_mb: int = getattr(limits, limit)
    descriptor = _open_regular(where, what)
    with os.fdopen(descriptor, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if _too_large(size, limit_mb):
            raise InputError(where, f"the {what} is {size / MB:,.1f} MB, more than the {limit_mb} MB "
                                    f"allowed: check it is the right file; {limits.hint(limit)}")
        try:
            data = stream.read(limit_mb * MB + 1)
        except OSError as error:
            raise InputError(where, f"the {what} cannot be read ({error.strerror}): check the disk and "
                                    "the file") from None
    if _too_large(len(data), limit_mb):  # it grew while being read
        raise InputError(where, f"the {what} is more than the {limit_mb} MB allowed; {limits.hint(limit)}")
    return data


def check_file(path: str | os.PathLike[str], what: str, limits: Limits | None = None, *,
               limit: str = "package_mb") -> int:
    """Check that ``path`` is a regular file of at most ``limits.<limit>`` MB; return its size.

    Raise InputError as ``read_bytes`` does.
    """
    limits = resolve(limits)
    where = Path(path)
    limit_mb: int = getattr(limits, limit)
    descriptor = _open_regular(where, what)
    try:
        size = os.fstat(descriptor).st_size
    finally:
        os.close(descriptor)
    if _too_large(size, limit_mb):
        raise InputError(where, f"the {what} is {size / MB:,.1f} MB, more than the {limit_mb} MB "
                                f"allowed: check it is the right file; {limits.hint(limit)}")
    return size


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _xml_members(archive: zipfile.ZipFile, where: Path) -> set[str]:
    """Return the members that are XML: by their content type (ECMA-376 Part 2 §10.1.2.2) or name.

    A part named ``header1.bin`` whose content type is XML is XML all the same, and Word or
    python-docx would parse it as such.
    """
    found = {m.filename for m in archive.infolist() if _is_xml_name(m.filename)}
    try:
        root = etree.fromstring(archive.read("[Content_Types].xml"), _xml_parser())
    except KeyError:
        return found
    except etree.XMLSyntaxError as error:
        raise InputError(where, f"its part [Content_Types].xml is not well-formed XML ({error}): open the "
                                "file in Word or Excel and save it again") from None
    xml_extensions = {d.get("Extension", "").lower() for d in root.iter(f"{_CONTENT_TYPES}Default")
                      if d.get("ContentType", "").lower().endswith("xml")}
    overrides = {o.get("PartName", "").lstrip("/") for o in root.iter(f"{_CONTENT_TYPES}Override")
                 if o.get("ContentType", "").lower().endswith("xml")}
    for member in archive.infolist():
        extension = member.filename.rsplit(".", 1)[-1].lower() if "." in member.filename else ""
        if extension in xml_extensions or member.filename in overrides:
            found.add(member.filename)
    return found


def check_xml(data: bytes | IO[bytes], where: str, part: str, *, whole: bool = True) -> None:
    """Refuse an XML part that declares a DTD (entities) or is not well-formed XML.

    The part is streamed (memory stays small whatever its size); with ``whole=False`` only its
    start is read, up to the root element, which is where a DTD must be: for large worksheets,
    whose body openpyxl parses safely itself. Raise InputError naming the package and the part.
    """
    source = data if not isinstance(data, bytes) else _BytesReader(data)
    tree = None
    try:
        events = etree.iterparse(source, events=("start", "end"), resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=False)
        for event, element in events:
            if tree is None:
                tree = element.getroottree()
                _refuse_dtd(tree, where, part)
                if not whole:
                    return
            if event == "end":
                element.clear()  # keep memory flat: only well-formedness is checked
    except etree.XMLSyntaxError as error:
        raise InputError(where, f"its part {part} is not well-formed XML ({error}): open the file in "
                                "Word or Excel and save it again") from None
    if tree is None:
        raise InputError(where, f"its part {part} is empty where XML is expected: open the file in "
                                "Word or Excel and save it again")


def _refuse_dtd(tree: etree._ElementTree, where: str, part: str) -> None:
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise InputError(where, f"its part {part} declares a DTD (<!DOCTYPE ...>), which Office never "
                                "writes and which can hide entity bombs: the file was not made by "
                                "Word or Excel; open it in one of them and save it again")


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data, self._at = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._at + size
        chunk, self._at = self._data[self._at:end], min(end, len(self._data))
        return chunk


_END_OF_DIRECTORY = b"PK\x05\x06"


def _declared_members(where: Path) -> int | None:
    """Return the number of members the zip's end record declares, read before zipfile reads
    the whole central directory (PKWARE APPNOTE 4.3.16); None if there is no end record."""
    with open(where, "rb") as stream:
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(max(0, size - 65_557))  # the record (22 bytes) plus the longest comment
        tail = stream.read()
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        return None
    return int.from_bytes(tail[at + 10:at + 12], "little")


SMALL_MEMBER = 64 * 1024  # members this small may inflate more (tiny XML parts compress well)


def check_package(path: str | os.PathLike[str], what: str, limits: Limits | None = None, *,
                  whole_xml: bool = True) -> None:
    """Check a .docx or .xlsx before any library opens it.

    It must be a regular file within ``package_mb``, a zip file of at most ``members``
    members that inflate to at most ``unpacked_mb`` together, each of more than 64 KB at most
    ``ratio`` times its stored size, with no ZIP64 records (Office files never need them);
    its XML parts (by content type or name) must be well formed with no DTD (with
    ``whole_xml=False`` only the start of each part is read). The declared sizes are what
    Python's zipfile holds a member to when it is read, so they bound what can inflate.
    Raise InputError naming the file (and the part) and what to do.
    """
    limits = resolve(limits)
    where = Path(path)
    check_file(where, what, limits, limit="package_mb")
    declared = _declared_members(where)
    if declared is not None and declared == 0xFFFF:
        raise InputError(where, f"the {what} is a ZIP64 package, which Word and Excel do not write: save "
                                "it again from Word or Excel")
    if declared is not None and declared > limits.members:
        raise InputError(where, f"the {what} has {declared:,} parts, more than the {limits.members:,} "
                                f"allowed; {limits.hint('members')}")
    try:
        archive = zipfile.ZipFile(where)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(where, f"this is not a {what} (it is not a zip package): save it again "
                                "from Word or Excel") from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.members:
            raise InputError(where, f"the {what} has {len(members):,} parts, more than the "
                                    f"{limits.members:,} allowed; {limits.hint('members')}")
        total = 0
        for member in members:
            total += member.file_size
            if _too_large(total, limits.unpacked_mb):
                raise InputError(where, f"the {what} unpacks to more than {limits.unpacked_mb} MB: it "
                                        f"may be a zip bomb; {limits.hint('unpacked_mb')}")
            ratio = member.file_size // max(member.compress_size, 1)
            if member.file_size > SMALL_MEMBER and ratio > limits.ratio:
                raise InputError(where, f"its part {member.filename} inflates {ratio:,} times (more than "
                                        f"{limits.ratio}): it may be a zip bomb; {limits.hint('ratio')}")
        for name in sorted(_xml_members(archive, where)):
            member = archive.getinfo(name)
            if member.is_dir():
                continue
            try:
                with archive.open(member) as stream:
                    check_xml(stream, os.fspath(where), member.filename, whole=whole_xml)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
                raise InputError(where, f"its part {member.filename} cannot be read ({error}): save "
                                        "the file again from Word or Excel") from None


__all__ = ["InputError", "Limits", "check_file", "check_package", "check_xml", "read_bytes", "resolve"]
