"""``committee-papers pack``: read the workbook, select the exceptions, write the pack."""

from __future__ import annotations

import sys
from pathlib import Path

from .model import Pack
from .progress import ProgressBar
from .style import DEFAULT_STYLE, HouseStyle


def _output_folder(output: Path) -> str | None:
    if output.exists() and not output.is_dir():
        return f"{output} is a file: give a folder to write into"
    return None


def summary(pack: Pack, pages: dict[tuple[int, int], int] | None) -> list[str]:
    """Return the lines that say what was selected and why."""
    chosen = pack.exceptions
    lines = [f"{len(chosen)} of {len(pack.scorecard)} indicators selected as exceptions "
             f"by the {pack.rules or 'given'} rules:"]
    for entry in chosen:
        assert entry.page is not None
        where = f"page {pages[entry.page]}" if pages and entry.page in pages else ""
        lines.append(f"  {entry.id} [{entry.rag.value}] {where}: {entry.description}")
        lines.extend(f"      - {reason}" for reason in entry.reasons)
    return lines


def run_pack(workbook: Path, output: Path, *, rules: str | None, fmt: str, template: Path | None,
             style: HouseStyle = DEFAULT_STYLE, variant: str | None = None) -> int:
    """Make the pack and return the exit code; problems raise CommitteePapersError."""
    from .pack import build_pack
    from .pack.render import render_pack
    from .workbook import read_workbook

    if template is not None and not template.is_file():
        print(f"error: the template {template} does not exist: check the path", file=sys.stderr)
        return 1
    problem = _output_folder(output)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    bar = ProgressBar(total=8)
    try:
        bar.step("reading the workbook")
        data = read_workbook(workbook)
        bar.step("assessing every indicator")
        pack = build_pack(data, rules)
        output.mkdir(parents=True, exist_ok=True)
        stem = workbook.stem if workbook.suffix else workbook.name
        pdf = output / f"{stem}.pdf" if fmt in ("pdf", "both") else None
        docx = output / f"{stem}.docx" if fmt in ("docx", "both") else None
        pages = render_pack(pack, pdf=pdf, docx=docx, template=template, style=style, variant=variant,
                            progress=bar.step)
    finally:
        bar.close()
    for line in summary(pack, dict(pages)):
        print(line)
    for path in (pdf, docx):
        if path is not None:
            print(f"wrote {path}")
    return 0
