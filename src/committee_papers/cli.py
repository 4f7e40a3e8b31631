"""The command line: ``committee-papers render | check | schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CommitteePapersError

if TYPE_CHECKING:
    from .style import HouseStyle

EXIT_OK, EXIT_PROBLEM, EXIT_INTERNAL = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="committee-papers",
        description="Turn performance-indicator data into the Exception Reports appendix "
        "of a committee paper, as Word and PDF.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    render = commands.add_parser("render", help="write each report as .docx and/or .pdf")
    render.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files (YAML or JSON)")
    render.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    render.add_argument("--format", choices=["docx", "pdf", "both"], default="both")
    render.add_argument("--template", type=Path, metavar="PATH", help="a house-style .docx template")
    render.add_argument("--pdf-variant", choices=["pdf/a-2b"], default=None,
                        help="also make the PDF a PDF/A-2b archive copy")
    _fallback_option(render)
    check = commands.add_parser("check", help="validate reports and list every finding")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    _fallback_option(check)
    commands.add_parser("schema", help="print the JSON Schema of the report format")
    pack = commands.add_parser("pack", help="make the whole appendix pack from a KPI workbook")
    pack.add_argument("workbook", type=Path, metavar="WORKBOOK", help="an .xlsx workbook, or a folder of CSV files")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    pack.add_argument("--rules", default=None, metavar="PRESET_OR_FILE",
                      help="havering (default), belfast, blackpool, or a YAML rules file")
    pack.add_argument("--format", choices=["docx", "pdf", "both"], default="both")
    pack.add_argument("--template", type=Path, metavar="PATH", help="a house-style .docx template")
    pack.add_argument("--pdf-variant", choices=["pdf/a-2b"], default=None,
                      help="also make the PDF a PDF/A-2b archive copy")
    _fallback_option(pack)
    return parser


def _fallback_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--fallback-font", action="append", default=[], metavar="FILE[#N]",
                         help="a font for characters the house fonts lack (repeat for more; "
                         "#N picks face N of a .ttc collection), e.g. Debian's fonts-noto-*")


def _style(args: argparse.Namespace) -> HouseStyle:
    """Return the default house style with the fallback fonts given on the command line."""
    from dataclasses import replace

    from .style import DEFAULT_STYLE, FontSource

    sources = []
    for given in args.fallback_font:
        path, _, index = given.rpartition("#") if "#" in given else (given, "", "0")
        if not index.isdigit():
            raise CommitteePapersError(f"--fallback-font {given}: after # give the number of the face "
                                       "in the collection, e.g. NotoSansCJK-Regular.ttc#2")
        if not Path(path).is_file():
            raise CommitteePapersError(f"--fallback-font {given}: there is no such file: check the path "
                                       "(Debian's fonts-noto-core puts its fonts in /usr/share/fonts/truetype/noto)")
        sources.append(FontSource(Path(path), int(index)))
    return replace(DEFAULT_STYLE, fallback_fonts=tuple(sources))


def _load_all(files: Sequence[Path]) -> list[object] | None:
    from .loaders import LoadError, load

    reports: list[object] = []
    failed = False
    for file in files:
        try:
            reports.append(load(file))
        except LoadError as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
    return None if failed else reports


def _render(args: argparse.Namespace) -> int:
    from .api import check
    from .layout import layout_report

    stems = [f.stem for f in args.files]
    repeated = sorted({s for s in stems if stems.count(s) > 1})
    if repeated:
        print(f"error: two input files would write the same output names: {', '.join(repeated)}; "
              "rename one of them", file=sys.stderr)
        return EXIT_PROBLEM
    if args.template is not None and not args.template.is_file():
        print(f"error: the template {args.template} does not exist: check the path", file=sys.stderr)
        return EXIT_PROBLEM
    style = _style(args)
    reports = _load_all(args.files)
    if reports is None:
        print("nothing was written", file=sys.stderr)
        return EXIT_PROBLEM
    if args.output.exists() and not args.output.is_dir():
        print(f"error: {args.output} is a file: give a folder to write into", file=sys.stderr)
        return EXIT_PROBLEM
    formats = ["docx", "pdf"] if args.format == "both" else [args.format]
    if "pdf" in formats:  # refuse before anything is written
        from .cleaning import clean_text
        from .render.pdf.coverage import check_header

        for file, report in zip(args.files, reports, strict=True):
            try:
                check_header(clean_text(report.appendix_label), style)  # type: ignore[attr-defined]
            except CommitteePapersError as error:
                raise CommitteePapersError(f"{file}: {error}; nothing was written") from error
    args.output.mkdir(parents=True, exist_ok=True)
    for file, report in zip(args.files, reports, strict=True):
        for finding in check(report, style):  # type: ignore[arg-type]
            print(f"{file}: {finding}", file=sys.stderr)
        layout = layout_report(report)  # type: ignore[arg-type]  # once, for both formats
        for fmt in formats:
            target = args.output / f"{file.stem}.{fmt}"
            try:
                if fmt == "docx":
                    from .render.docx import render_layout

                    render_layout(layout, target, template=args.template,
                                  date=report.meeting_date)  # type: ignore[attr-defined]
                else:
                    from .render.pdf import render_pdf_with_pages

                    render_pdf_with_pages(layout, target, style=style, variant=args.pdf_variant,
                                          date=report.meeting_date)  # type: ignore[attr-defined]
            except OSError as error:
                error.filename = error.filename or str(target)
                raise
            print(f"wrote {target} ({report.page_count} exception pages)")  # type: ignore[attr-defined]
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .api import check
    from .assess import Severity

    style = _style(args)
    reports = _load_all(args.files)
    if reports is None:
        return EXIT_PROBLEM
    worst = EXIT_OK
    for file, report in zip(args.files, reports, strict=True):
        findings = check(report, style)  # type: ignore[arg-type]
        for finding in findings:
            print(f"{file}: {finding}")
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        print(f"{file}: {errors} errors, {warnings} warnings")
        if errors or (args.strict and warnings):
            worst = EXIT_PROBLEM
    return worst


def _schema(_: argparse.Namespace) -> int:
    from .loaders.schema import report_schema

    print(json.dumps(report_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _pack(args: argparse.Namespace) -> int:
    from .pack_command import run_pack

    return run_pack(args.workbook, args.output, rules=args.rules, fmt=args.format, template=args.template,
                    style=_style(args), variant=args.pdf_variant)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = _parser().parse_args(argv)
    command = {"render": _render, "check": _check, "schema": _schema, "pack": _pack}[args.command]
    try:
        return command(args)
    except BrokenPipeError:  # the reader went away (e.g. piped into head): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's final flush quiet
        return EXIT_OK
    except CommitteePapersError as error:
        if args.debug:
            raise
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as error:  # a full disk, a folder we may not write to: the previous file is kept
        if args.debug:
            raise
        where = f" {error.filename}" if error.filename else ""
        print(f"error: could not write{where}: {error.strerror or error}; free some space or choose "
              "a folder you can write to (any earlier file of that name is unchanged)", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as error:  # the last line of defence: no traceback unless asked for
        if args.debug:
            raise
        print(f"internal error: {type(error).__name__}: {error}\n"
              "This is a bug in committee_papers: run again with --debug and report the "
              "traceback.", file=sys.stderr)
        return EXIT_INTERNAL
