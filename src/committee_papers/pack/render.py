"""Render the pack in both formats, with the scorecard's page numbers made right."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable, Sequence
from typing import BinaryIO

from ..assess import Pack
from ..errors import CommitteePapersError
from ..layout import DocumentLayout, Pagination
from ..layout.pack import PageNumbers, layout_pack
from ..output import OutputSet, Target
from ..style import DEFAULT_STYLE, HouseStyle

MAX_PASSES = 4
Progress = Callable[[str], None]


def _write_pdf(layout: DocumentLayout, stream: BinaryIO, style: HouseStyle, variant: str | None,
               date: dt.date | None, tagged: bool) -> Pagination:
    """Write the PDF and return the page each page layout starts on, and the page count."""
    from ..render.pdf import render_pdf

    return render_pdf(layout, stream, style=style, tagged=tagged, variant=variant if tagged else None, date=date)


def _write_docx(layout: DocumentLayout, target: Target, template: str | os.PathLike[str] | None,
                style: HouseStyle, pack: Pack, pages: int) -> None:
    from ..render.docx import render_docx

    render_docx(layout, target, template=template, style=style, date=pack.report.meeting_date, pages=pages)


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

    The PDF is laid out until the scorecard's page numbers stop changing (a longer number can
    push a page on), each pass through the PDF renderer's one entry (the first untagged: it
    only finds the page numbers); the Word file shows the same numbers, from the same layout. With a
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
    pages: PageNumbers | None = None
    for attempt in range(MAX_PASSES):
        say(f"laying out pages (pass {attempt + 1})")
        layout = layout_pack(pack, style, pages)
        buffer = io.BytesIO()
        # The first pass only finds where the pages start, which tagging does not move: it is
        # written untagged, at half the cost; a later pass is the file, if its numbers settle.
        tagged = pdf is not None and attempt > 0
        pagination = _write_pdf(layout, buffer, style, variant, pack.report.meeting_date, tagged)
        found = page_numbers(pack, layout, pagination.starts)
        if found == pages:
            break
        pages = found
    else:
        raise CommitteePapersError("the scorecard's page numbers did not settle: please report this")
    with OutputSet() as outputs:  # the PDF and the Word file appear together, or neither does
        if pdf is not None:  # the last layout's PDF: the one whose numbers settled
            say("writing the PDF")
            data = buffer.getvalue()

            def copy(stream: BinaryIO) -> None:
                stream.write(data)

            outputs.write(pdf, copy)
        if docx is not None:
            say("writing the Word file")
            outputs.write(docx, lambda stream: _write_docx(layout, stream, template, style, pack, pagination.pages))
    return pages
