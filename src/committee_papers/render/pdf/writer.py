"""Assemble the PDF file with pikepdf (qpdf): pages, fonts, outline, metadata, structure tree.

The pages' content streams are drawn as text operators (``draw.py``); everything else is made
as PDF objects through pikepdf's object API, never by editing serialised bytes. qpdf then
writes the file: PDF 1.7, the small objects (structure elements, fonts' dictionaries) packed
into compressed object streams with a cross-reference stream (PDF 1.5; allowed by PDF/A-2 and
PDF/UA-1), an end of line before every ``endstream`` (PDF/A-2, ISO 19005-2 §6.1.7.1), and a
file identifier computed from the content, so the same input gives the same bytes.

The dates are the document's own date (the meeting date, or 1 January 1980 without one, as in
the Word file); no clock is read and no environment variable is consulted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from ...style import Picture
from .embedding import FontSet
from .furniture import picture_name
from .images import image
from .links import Links, ascii_uri
from .pdfa import output_intent
from .streams import NEWLINE, stream
from .structure import add_structure
from .tagging import Tagger
from .xmp import CREATOR, metadata

PDF_VERSION = "1.7"  # PDF/UA-1 builds on PDF 1.7 (table /Summary, artifact subtypes)
LEVEL = 1  # zlib level for page content: four times as fast as the default, a fifth bigger
DEFAULT_DATE = dt.date(1980, 1, 1)  # as the Word file's dates without a meeting date


@dataclass(frozen=True, slots=True)
class Info:
    """The document information: title, author, subject, keywords, language and date."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str
    date: dt.date | None = None

    @property
    def moment(self) -> dt.datetime:
        """Return the document's date as midnight UTC."""
        day = self.date or DEFAULT_DATE
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


Entry = tuple[str, int]  # an outline entry: its title and its level (0 or 1)


def pdf_date(moment: dt.datetime) -> str:
    """Return a date as a PDF date string (ISO 32000-1 §7.9.4), in UTC."""
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _outline(pdf: pikepdf.Pdf, entries: Sequence[Sequence[Entry]], height: float) -> None:
    """Add the bookmarks: each page's entries, a level-1 entry under the level-0 entry before it.

    Each goes to the top of its page (``height`` points tall).
    """
    with pdf.open_outline() as outline:
        parent: pikepdf.OutlineItem | None = None
        for page, found in enumerate(entries):
            for title, level in found:
                item = pikepdf.OutlineItem(title, page, "XYZ", left=0, top=height)
                if level == 0 or parent is None:
                    outline.root.append(item)
                    parent = item
                else:
                    parent.children.append(item)


def _catalog(pdf: pikepdf.Pdf, info: Info, tags: Tagger | None, variant: str | None) -> None:
    root = pdf.Root
    root.Lang = String(info.language)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    root.PageMode = Name.UseOutlines
    moment = info.moment
    pdf.trailer.Info = pdf.make_indirect(Dictionary(
        Title=String(info.title), Author=String(info.author), Subject=String(info.subject),
        Keywords=String(info.keywords), Creator=String(CREATOR), Producer=String(CREATOR),
        CreationDate=String(pdf_date(moment)), ModDate=String(pdf_date(moment))))
    if tags is not None:
        root.MarkInfo = Dictionary(Marked=True)
        root.Metadata = pdf.make_stream(metadata(info, variant), Type=Name.Metadata, Subtype=Name.XML)
    if variant is not None:
        root.OutputIntents = Array([output_intent(pdf)])


@dataclass(frozen=True, slots=True)
class PageStreams:
    """The pages' content: the running header and the template's pictures (the same on every
    page), each page's footer, and each page's own content, already compressed
    (``streams.flate``); the pages' size in points, and the pictures the header draws."""

    header: str
    footers: list[str]
    bodies: list[bytes]
    size: tuple[float, float]
    pictures: tuple[Picture, ...] = ()


def _annotations(pdf: pikepdf.Pdf, links: Links, page: int, tagged: bool, key: int) -> list[pikepdf.Object]:
    """Return the link annotations of ``page``: a URI action each, no border, printed (PDF/A),
    /Contents saying where it goes, and in a tagged PDF its key in the ParentTree, counted on
    from ``key`` (``structure.py`` files it under its Link element)."""
    found: list[pikepdf.Object] = []
    for area in links.on_page(page):
        annotation = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array(area.rect), F=4,
                                Border=Array([0, 0, 0]), Contents=String(area.link.contents),
                                A=Dictionary(S=Name.URI, URI=String(ascii_uri(area.link.address))))
        if tagged:
            annotation.StructParent = key + len(found)
        area.obj = pdf.make_indirect(annotation)
        found.append(area.obj)
    return found


def write_file(target: BinaryIO, pages: PageStreams, entries: Sequence[Sequence[Entry]],
               fonts: FontSet, info: Info, tags: Tagger | None, variant: str | None,
               links: Links | None = None) -> None:
    """Write the PDF of the pages' content streams, their bookmarks, fonts, links and structure.

    A page's /Contents is an array of streams, read as one (ISO 32000-1 §7.8.2): the shared
    header (with the template's pictures), its footer, its content. The ParentTree's keys are
    the pages' (0 to n - 1), then the link annotations' in page order.
    """
    pdf = pikepdf.new()
    resources = pdf.make_indirect(Dictionary(Font=fonts.resources(pdf)))
    if pages.pictures:  # each picture embedded once, however many pages show it
        resources.XObject = Dictionary({picture_name(n): image(pdf, picture.data)
                                        for n, picture in enumerate(pages.pictures)})
    box = Array([0, 0, *pages.size])
    key = len(pages.bodies)  # the next ParentTree key after the pages'
    header = pdf.make_indirect(stream(pdf, pages.header.encode("latin-1"), NEWLINE, LEVEL))
    for index, (footer, compressed) in enumerate(zip(pages.footers, pages.bodies, strict=True)):
        body = pikepdf.Stream(pdf, compressed)
        body.Filter = Name.FlateDecode
        contents = Array([header, stream(pdf, footer.encode("latin-1"), NEWLINE, LEVEL), body])
        page = Dictionary(Type=Name.Page, MediaBox=box, Resources=resources, Contents=contents)
        if tags is not None:
            page.StructParents = index
            page.Tabs = Name.S
        if links is not None:
            annotations = _annotations(pdf, links, index, tags is not None, key)
            if annotations:
                page.Annots = Array(annotations)
                key += len(annotations)
        pdf.pages.append(pikepdf.Page(page))
    _catalog(pdf, info, tags, variant)
    _outline(pdf, entries, pages.size[1])
    if tags is not None:
        add_structure(pdf, tags, [] if links is None else links.areas)
    # Object streams (qpdf's) keep a tagged file small; an archive copy does without them, so
    # that every stream in it is one of ours, none ending with CR (``streams.py``).
    mode = pikepdf.ObjectStreamMode.disable if variant else pikepdf.ObjectStreamMode.generate
    pdf.save(target, min_version=PDF_VERSION, fix_metadata_version=False, object_stream_mode=mode,
             compress_streams=True, deterministic_id=True)
