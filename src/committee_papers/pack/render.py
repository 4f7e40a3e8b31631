"""Render the pack in both formats, with the scorecard's page numbers made right."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import BinaryIO

from ..assess import Pack
from ..errors import CommitteePapersError
from ..layout import DocumentLayout, Pagination
from ..layout.pack import PageNumbers, layout_pack
from ..output import OutputSet, Target
from ..parallel import Elsewhere, workers
from ..style import DEFAULT_STYLE, HouseStyle

MAX_PASSES = 4
MIN_SPLIT = 8  # page layouts: fewer are measured in one process
Progress = Callable[[str], None]


def _write_pdf(layout: DocumentLayout, stream: BinaryIO, style: HouseStyle, *, variant: str | None = None,
               date: dt.date | None = None, tagged: bool = True) -> Pagination:
    """Write the PDF and return the page each page layout starts on, and the page count."""
    from ..render.pdf import render_pdf

    return render_pdf(layout, stream, style=style, tagged=tagged, variant=variant if tagged else None, date=date)


def _write_docx(layout: DocumentLayout, target: Target, template: str | os.PathLike[str] | None,
                style: HouseStyle, pack: Pack, pages: int) -> None:
    from ..render.docx import render_docx

    render_docx(layout, target, template=template, style=style, date=pack.report.meeting_date, pages=pages)


def _import_docx() -> None:
    from ..render import docx  # noqa: F401 - loaded while the page numbers are being measured


def _docx_bytes(pack: Pack, template: str | os.PathLike[str] | None, style: HouseStyle,
                sent: tuple[PageNumbers, int]) -> bytes:
    """Return the Word file of the pack with these page numbers and page count (run in the child)."""
    pages, count = sent
    buffer = io.BytesIO()
    _write_docx(layout_pack(pack, style, pages), buffer, template, style, pack, count)
    return buffer.getvalue()


def _copy(data: bytes) -> Callable[[BinaryIO], None]:
    def copy(stream: BinaryIO) -> None:
        stream.write(data)

    return copy


def _measure(layout: DocumentLayout, style: HouseStyle) -> Pagination:
    """Return the page each page layout starts on and the page count, from an untagged PDF
    written to memory.

    Each page layout starts a page of its own, so the two halves of the document can be
    measured apart and added up: on two CPUs the later half is measured in a child meanwhile.
    A measure is only a first guess: the PDF that is kept confirms the numbers it prints.
    """
    pages = layout.pages
    if len(pages) < MIN_SPLIT or workers() < 2:
        return _write_pdf(layout, io.BytesIO(), style, tagged=False)
    half = len(pages) // 2
    tail = dataclasses.replace(layout, pages=pages[half:])
    with Elsewhere(lambda _: _write_pdf(tail, io.BytesIO(), style, tagged=False)) as other:
        # this half runs to the first page of the other, to learn where that starts
        head = _write_pdf(dataclasses.replace(layout, pages=pages[:half + 1]), io.BytesIO(), style, tagged=False)
        rest = other.result()
    if rest is None:  # no child, or it failed: measure here
        rest = _write_pdf(tail, io.BytesIO(), style, tagged=False)
    before = head.starts[half] - 1  # the pages before the later half
    return Pagination((*head.starts[:half], *(before + start for start in rest.starts)), before + rest.pages)


def page_numbers(pack: Pack, layout: DocumentLayout, starts: Sequence[int]) -> PageNumbers:
    """Return where each exception page starts, given where each page layout starts."""
    if len(starts) != len(layout.pages):
        raise CommitteePapersError(
            f"the PDF reported {len(starts)} page starts for {len(layout.pages)} pages: please report this")
    keys = [(s, p) for s, section in enumerate(pack.report.sections) for p in range(len(section.pages))]
    return dict(zip(keys, starts[1:], strict=True))  # the first page layout is the scorecard


def render_pack(pack: Pack, *, pdf: Target | None = None, docx: Target | None = None,
                template: str | os.PathLike[str] | None = None, style: HouseStyle = DEFAULT_STYLE,
                variant: str | None = None, progress: Progress | None = None) -> PageNumbers:
    """Write the pack as PDF and/or Word and return the page each exception page starts on.

    A first, untagged PDF measures where each page starts (``_measure``); then the PDF is laid
    out with those numbers until the numbers it prints are where its pages start (a longer
    number can push a page on), each pass through the PDF renderer's one entry. The Word file
    shows the same numbers, from the same layout; with two CPUs it is written in a child
    meanwhile (``parallel``), the same bytes either way. With a
    ``template``, both are laid out on the template's page (``template_style``), so Word
    starts each exception where the PDF does. The PDF is tagged (PDF/UA-1);
    ``variant="pdf/a-2b"`` makes it a PDF/A-2b archive copy as well (ISO 19005-2). Raises
    TemplateError for a template that cannot be used, ``CommitteePapersError`` for an unknown
    variant.
    """
    say = progress or (lambda _: None)
    if template is not None:
        from ..render.docx import template_style

        style = template_style(template, style).style
    date = pack.report.meeting_date
    # The Word file is written in a child forked now: it loads its renderer while this process
    # measures the page numbers, then lays the pack out with the numbers it is sent.
    with Elsewhere(partial(_docx_bytes, pack, template, style), waits=True, prepare=_import_docx,
                   fork=docx is not None) as word:
        pages: PageNumbers | None = None
        sent: tuple[PageNumbers, int] | None = None
        for attempt in range(MAX_PASSES):
            say(f"laying out pages (pass {attempt + 1})")
            layout = layout_pack(pack, style, pages)
            buffer = io.BytesIO()
            # The first pass only measures (its numbers are dashes), untagged: tagging moves no
            # page. A later pass is the file if its numbers settle, tagged when a PDF is wanted.
            pagination = (_measure(layout, style) if pages is None
                          else _write_pdf(layout, buffer, style, variant=variant, date=date, tagged=pdf is not None))
            found = page_numbers(pack, layout, pagination.starts)
            if found == pages:
                break
            pages = found
            if sent is None:  # the numbers and the page count the Word file's fields show
                sent = (pages, pagination.pages)
                word.send(sent)
        else:
            raise CommitteePapersError("the scorecard's page numbers did not settle: please report this")
        with OutputSet() as outputs:  # the PDF and the Word file appear together, or neither does
            if pdf is not None:  # the last layout's PDF: the one whose numbers settled
                say("writing the PDF")
                outputs.write(pdf, _copy(buffer.getvalue()))
            if docx is not None:
                say("writing the Word file")
                # None: the child failed, or the numbers or the page count moved since it was sent
                data = word.result() if sent == (pages, pagination.pages) else None
                outputs.write(docx, _copy(data) if data is not None
                              else lambda stream: _write_docx(layout, stream, template, style, pack, pagination.pages))
    return pages
