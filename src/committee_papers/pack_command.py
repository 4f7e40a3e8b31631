"""``committee-papers pack``: read the workbook, select the exceptions, write the pack."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from .assess import Pack
from .progress import ProgressBar
from .style import DEFAULT_STYLE, HouseStyle


def _output_folder(output: Path) -> str | None:
    if output.exists() and not output.is_dir():
        return f"{output} is a file: give a folder to write into"
    return None


def layout_lines(source: Path, layout: str) -> list[str]:
    """Return how a workbook was read, a line each, as ``check`` and ``pack`` print it."""
    return [f"{source}: {line.strip()}" for line in layout.splitlines() if line.strip()]


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
             strict: bool = False, mapping: Path | None = None, charts: bool = True,
             style: HouseStyle = DEFAULT_STYLE, variant: str | None = None) -> int:
    """Make the pack and return the exit code; problems raise CommitteePapersError.

    The workbook's findings (what ``check`` says of it) are printed first, on stderr; with
    ``strict`` a warning stops the run before anything is written. ``mapping`` is a mapping
    file for a wide workbook's own headings. ``charts`` gives each exception page its trend
    chart. ``style`` is the house style (the template's page and sizes are read over it);
    ``variant="pdf/a-2b"`` makes the PDF an archive copy too.
    """
    from .assess import check
    from .console import say
    from .limits import check_file
    from .output import check_targets
    from .pack import build_pack, resolve_rules
    from .pack.render import render_pack
    from .workbook import read_workbook

    if template is not None:
        from .render.docx import template_style

        check_file(template, "template")  # InputError: missing, a pipe or device, too large
        if fmt in ("docx", "both"):
            from .render.docx import check_template

            check_template(template)  # before anything is read or written
        for warning in template_style(template, style).warnings:  # errors: exit 1 now
            say(f"warning: {warning}", error=True)
    problem = _output_folder(output)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    stem = workbook.stem if workbook.suffix else workbook.name
    pdf = output / f"{stem}.pdf" if fmt in ("pdf", "both") else None
    docx = output / f"{stem}.docx" if fmt in ("docx", "both") else None
    inputs = [workbook, *([template] if template else []), *([Path(rules)] if rules else []),
              *([mapping] if mapping else [])]
    check_targets([p for p in (pdf, docx) if p is not None], inputs)
    bar = ProgressBar(total=8)
    try:
        chosen = resolve_rules(rules)
        bar.step("reading the workbook")
        data = read_workbook(workbook, mapping=mapping)
        findings = check(data, rules=chosen)
        bar.close()
        for line in layout_lines(workbook, data.layout):
            say(line, error=True)
        for finding in findings:
            say(f"{workbook}: {finding}", error=True)
        if strict and findings:
            say(f"{len(findings)} warning{'s' * (len(findings) != 1)} and --strict: nothing was written",
                error=True)
            return 1
        bar.step("assessing every indicator")
        pack = build_pack(data, chosen, charts=charts)
        gc.freeze()  # the pack stays alive to the end: later collections need not walk it (cli unfreezes)
        pages = render_pack(pack, pdf=pdf, docx=docx, template=template, style=style, variant=variant,
                            progress=bar.step)
    finally:
        bar.close()
    for line in summary(pack, dict(pages)):
        say(line)
    for path in (pdf, docx):
        if path is not None:
            say(f"wrote {path}")
    return 0
