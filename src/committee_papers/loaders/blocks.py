"""Read commentary and notes: paragraphs, styled runs and lists."""

from __future__ import annotations

import re
from typing import Any

from ..model import (
    Block,
    Cell,
    ColumnAlign,
    ListBlock,
    Number,
    Paragraph,
    RowStyle,
    Run,
    SubHeading,
    SupplementaryTable,
    TableRow,
    Unit,
    check_language,
)
from .context import Context
from .figures import read_value
from .source import join

_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


def read_language(ctx: Context, data: dict[str, Any], path: str) -> str | None:
    """Return the ``lang`` of ``data`` if it has one, checked as a BCP 47 language tag as the
    report's own language is (``model.check_language``: ``cy_GB`` is refused with the right
    spelling, ``cy-GB``)."""
    if "lang" not in data:
        return None
    value = data["lang"]
    if not isinstance(value, str):
        ctx.problem(join(path, "lang"), f"expected a language tag such as cy, en-GB or ur, got {value!r}")
        return None
    try:
        check_language(value)
    except ValueError as error:
        ctx.problem(join(path, "lang"), str(error))
        return None
    return value


def _run(ctx: Context, value: Any, path: str) -> Run | None:
    if isinstance(value, dict):
        data = ctx.mapping(value, path, ["text"], ["bold", "italic", "link", "lang"])
        if data is None or "text" not in data:
            return None
        bold = ctx.flag(data["bold"], join(path, "bold")) if "bold" in data else False
        italic = ctx.flag(data["italic"], join(path, "italic")) if "italic" in data else False
        text = ctx.text(data["text"], join(path, "text"), allow_empty="link" not in data)  # a link shows words
        lang = read_language(ctx, data, path)
        try:
            return Run(text, bold, italic, ctx.optional_text(data, "link", path), lang)
        except ValueError as error:
            ctx.problem(join(path, "link"), str(error))
            return None
    return Run(ctx.text(value, path, allow_empty=True))


def _paragraph(ctx: Context, value: Any, path: str) -> Paragraph | None:
    if isinstance(value, dict) and "runs" in value:  # {runs: [...], lang: cy}
        data = ctx.mapping(value, path, ["runs"], ["lang"])
        if data is None:
            return None
        found = _paragraph(ctx, ctx.sequence(data["runs"], join(path, "runs")), join(path, "runs"))
        return Paragraph(found.runs, read_language(ctx, data, path)) if found is not None else None
    if isinstance(value, list):
        runs = [_run(ctx, item, join(path, i)) for i, item in enumerate(value)]
        return Paragraph(tuple(r for r in runs if r is not None))
    run = _run(ctx, value, path)
    if run is None:
        return None
    return Paragraph((run,), run.lang)  # {text, lang}: the paragraph is in that language


def read_blocks(ctx: Context, value: Any, path: str) -> tuple[Block, ...]:
    """Return blocks from text (paragraphs split at blank lines) or a list of items.

    An item is text (one paragraph), a run ``{text, bold, italic, link, lang}``, a list of runs,
    ``{runs: [...], lang: cy}`` (a paragraph in another language), ``{bullets: [...]}`` /
    ``{numbered: [...]}``, or a sub-heading ``{heading: text, level: 1}`` (level 1 or 2: a
    question or a dated update heading what follows).
    """
    if value is None:
        return ()
    if isinstance(value, str):
        parts = [part.strip("\n") for part in _BLANK_LINE.split(value.strip("\n"))]
        return tuple(Paragraph.plain(part) for part in parts if part.strip())
    blocks: list[Block] = []
    for i, item in enumerate(ctx.sequence(value, path)):
        here = join(path, i)
        if isinstance(item, dict) and ("bullets" in item or "numbered" in item):
            data = ctx.mapping(item, here, [], ["bullets", "numbered"])
            key = "bullets" if "bullets" in item else "numbered"
            if data is None or len(data) != 1:
                ctx.problem(here, "a list is either 'bullets' or 'numbered', not both")
                continue
            entries = ctx.sequence(data[key], join(here, key))
            items = [_paragraph(ctx, e, join(join(here, key), j)) for j, e in enumerate(entries)]
            blocks.append(ListBlock(tuple(p for p in items if p), ordered=key == "numbered"))
            continue
        if isinstance(item, dict) and "heading" in item:
            heading = ctx.mapping(item, here, ["heading"], ["level"])
            if heading is not None:
                level = ctx.integer(heading.get("level", 1), join(here, "level"), 1, 2) or 1
                text = ctx.text(heading["heading"], join(here, "heading"))
                if text.strip():
                    blocks.append(SubHeading(text, level))
            continue
        paragraph = _paragraph(ctx, item, here)
        if paragraph is not None:
            blocks.append(paragraph)
    return tuple(blocks)


def _cell(ctx: Context, value: Any, path: str) -> Cell:
    if value is None:
        return Cell("")
    if isinstance(value, dict):
        data = ctx.mapping(value, path, [], ["text", "colspan", "rowspan", "bold", "lang"]) or {}
        text = ctx.text(data.get("text", ""), join(path, "text"), allow_empty=True)
        span = ctx.integer(data.get("colspan", 1), join(path, "colspan"), 1, 50) or 1
        rows = ctx.integer(data.get("rowspan", 1), join(path, "rowspan"), 1, 500) or 1
        bold = ctx.flag(data["bold"], join(path, "bold")) if "bold" in data else False
        return Cell(text, span, bold, rows, read_language(ctx, data, path))
    return Cell(ctx.text(value, path, allow_empty=True))


def _table_row(ctx: Context, value: Any, path: str) -> TableRow:
    style = RowStyle.NORMAL
    cells = value
    if isinstance(value, dict):
        data = ctx.mapping(value, path, ["cells"], ["style"]) or {}
        cells = data.get("cells", [])
        if "style" in data:
            style = ctx.choice(data["style"], join(path, "style"), RowStyle) or style
        path = join(path, "cells")
    items = ctx.sequence(cells, path)
    return TableRow(tuple(_cell(ctx, c, join(path, i)) for i, c in enumerate(items)), style)


def read_supplementary(ctx: Context, value: Any, path: str) -> SupplementaryTable | None:
    """Return a supplementary table: header rows, rows (plain or styled) and footnotes."""
    data = ctx.mapping(value, path, ["rows"], ["header", "title", "description", "footnotes", "widths",
                                              "align"])
    if data is None:
        return None
    header = [_table_row(ctx, r, join(join(path, "header"), i))
              for i, r in enumerate(ctx.sequence(data.get("header", []), join(path, "header"), allow_empty=True))]
    rows = [_table_row(ctx, r, join(join(path, "rows"), i))
            for i, r in enumerate(ctx.sequence(data.get("rows"), join(path, "rows")))]
    notes_path = join(path, "footnotes")
    footnotes = [ctx.text(n, join(notes_path, i))
                 for i, n in enumerate(ctx.sequence(data.get("footnotes", []), notes_path, allow_empty=True))]
    widths = None
    if "widths" in data:
        items = ctx.sequence(data["widths"], join(path, "widths"))
        found = [read_value(ctx, w, join(join(path, "widths"), i), Unit.NUMBER) for i, w in enumerate(items)]
        if all(isinstance(w, Number) and w.value > 0 for w in found) and found:
            widths = tuple(float(w.value) for w in found if isinstance(w, Number))
        else:
            ctx.problem(join(path, "widths"), "give each column's width as a number more than 0, such as "
                                              "[40, 20, 20, 20]")
    align = None
    if "align" in data:
        align_path = join(path, "align")
        chosen = [ctx.choice(a, join(align_path, i), ColumnAlign, _ALIGN_WORDS)
                  for i, a in enumerate(ctx.sequence(data["align"], align_path))]
        align = tuple(a for a in chosen if a is not None) if all(chosen) else None
    try:
        return SupplementaryTable(
            tuple(header), tuple(rows), tuple(footnotes),
            ctx.optional_text(data, "title", path), ctx.optional_text(data, "description", path),
            widths, align,
        )
    except ValueError as error:
        ctx.problem(path, f"{error}: give every row the same number of columns (count colspans, and the "
                          "cells that rowspans above carry down)")
        return None


_ALIGN_WORDS = {"center": ColumnAlign.CENTRE, "centred": ColumnAlign.CENTRE, "centered": ColumnAlign.CENTRE}
