"""The command line: ``committee-papers render | check | schema | pack | new-workbook``.

Exit codes: 0 success; 1 bad input, a file that cannot be written, or findings under
``--strict``; 2 a usage error (argparse); 70 an internal error (a bug: sysexits' EX_SOFTWARE);
130 interrupted by Ctrl-C; 143 ended by SIGTERM. Whatever the code, no partial output file
is left behind and no earlier output is changed unless the run succeeds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .console import say
from .errors import CommitteePapersError
from .process import Terminated, fewer_collections, signals_unwind, without_numpy

if TYPE_CHECKING:
    import datetime as dt
    from typing import BinaryIO

    from .layout import DocumentLayout
    from .model import Report
    from .output import Writer
    from .style import HouseStyle

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


def _global_options() -> argparse.ArgumentParser:
    """Options accepted before or after the command (``--debug render ...`` or ``render ... --debug``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show a traceback on errors")
    return common


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    common = _global_options()
    parser = argparse.ArgumentParser(
        prog="committee-papers", parents=[common],
        description="Turn performance-indicator data into the Exception Reports appendix "
        "of a committee paper, as Word and PDF.",
        epilog="Exit codes: 0 done; 1 bad input or findings under --strict; 2 usage error; "
        "70 internal error (a bug); 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    render = commands.add_parser("render", parents=[common], help="write each report as .docx and/or .pdf")
    render.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files (YAML or JSON)")
    render.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    render.add_argument("--format", choices=["docx", "pdf", "both"], default="both")
    render.add_argument("--template", type=Path, metavar="PATH", help="a house-style .docx template")
    render.add_argument("--pdf-variant", choices=["pdf/a-2b"], default=None,
                        help="also make the PDF a PDF/A-2b archive copy")
    render.add_argument("--charts", action="store_true",
                        help="give every page with figures a trend chart (a page's 'chart' key still decides)")
    _fallback_option(render)
    check = commands.add_parser("check", parents=[common],
                                help="validate reports or KPI workbooks and list every finding")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE",
                       help="report files (YAML or JSON), .xlsx workbooks or folders of CSV files")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    _fallback_option(check)
    check.add_argument("--mapping", type=Path, metavar="PATH",
                       help="a YAML mapping file: how to read a wide workbook's own headings")
    check.add_argument("--rules", default=None, metavar="PRESET_OR_FILE",
                       help="the rules a workbook's stated RAG status is checked against: havering (default), "
                       "belfast, blackpool, or a YAML rules file")
    commands.add_parser("schema", parents=[common], help="print the JSON Schema of the report format")
    pack = commands.add_parser("pack", parents=[common], help="make the whole appendix pack from a KPI workbook")
    pack.add_argument("workbook", type=Path, metavar="WORKBOOK", help="an .xlsx workbook, or a folder of CSV files")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    pack.add_argument("--rules", default=None, metavar="PRESET_OR_FILE",
                      help="havering (default), belfast, blackpool, or a YAML rules file")
    pack.add_argument("--format", choices=["docx", "pdf", "both"], default="both")
    pack.add_argument("--template", type=Path, metavar="PATH", help="a house-style .docx template")
    pack.add_argument("--strict", action="store_true", help="write nothing if there are warnings")
    pack.add_argument("--no-charts", dest="charts", action="store_false",
                      help="leave out the trend chart of each exception page")
    pack.add_argument("--pdf-variant", choices=["pdf/a-2b"], default=None,
                      help="also make the PDF a PDF/A-2b archive copy")
    _fallback_option(pack)
    pack.add_argument("--mapping", type=Path, metavar="PATH",
                      help="a YAML mapping file: how to read a wide workbook's own headings")
    new = commands.add_parser("new-workbook", parents=[common],
                              help="write an empty KPI workbook to start from, with two example rows")
    new.add_argument("path", type=Path, metavar="PATH", help="the .xlsx file to write")
    new.add_argument("--layout", choices=["wide", "long"], default="wide",
                     help="wide: one row per indicator (default); long: a values sheet of one figure a row")
    new.add_argument("--year", default=None, metavar="YYYY/YY",
                     help="the financial year of its quarter columns, e.g. 2016/17 (default: the current one)")
    return parser


def _fallback_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--fallback-font", action="append", default=[], metavar="FILE[#N]",
                         help="a font for characters the house fonts lack (repeat for more; "
                         "#N picks face N of a .ttc collection), e.g. Debian's fonts-noto-*")


def _with_fallbacks(style: HouseStyle, args: argparse.Namespace) -> HouseStyle:
    """Return ``style`` with the fallback fonts given on the command line."""
    from dataclasses import replace

    from .style import FontSource

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
    return replace(style, fallback_fonts=tuple(sources)) if sources else style


def is_workbook(path: Path) -> bool:
    """Return whether a path names a KPI workbook (.xlsx) or a folder of CSV files."""
    return path.is_dir() or path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".csv")


def _load_all(files: Sequence[Path]) -> list[Report] | None:
    from .loaders import LoadError, load

    reports: list[Report] = []
    failed = False
    for file in files:
        try:
            reports.append(load(file))
        except LoadError as error:
            say(f"error: {error}", error=True)
            failed = True
    return None if failed else reports


def _template_style(template: Path | None) -> HouseStyle:
    """Return the house style with the template's page and font sizes, printing its warnings.

    Raises CommitteePapersError (exit 1) for a template that cannot be used, before anything
    is read or written.
    """
    from .style import DEFAULT_STYLE

    if template is None:
        return DEFAULT_STYLE
    from .limits import check_file
    from .render.docx import template_style

    check_file(template, "template")  # InputError: missing, a pipe or device, too large
    setup = template_style(template, DEFAULT_STYLE)
    for warning in setup.warnings:
        say(f"warning: {warning}", error=True)
    return setup.style


def _docx_writer(layout: DocumentLayout, template: Path | None, style: HouseStyle, date: dt.date | None,
                 pages: Callable[[], int | None]) -> Writer:
    def write(stream: BinaryIO) -> None:
        from .render.docx import render_docx  # imported where it runs: in the child, when there is one

        render_docx(layout, stream, template=template, style=style, date=date, pages=pages)

    return write


def _pdf_writer(file: Path, layout: DocumentLayout, style: HouseStyle, variant: str | None,
                date: dt.date | None, counts: dict[Path, int]) -> Writer:
    def write(stream: BinaryIO) -> None:
        from .render.pdf import render_pdf

        try:  # a running header too long for the page, say: the batch is written whole or not at all
            counts[file] = render_pdf(layout, stream, style=style, variant=variant, date=date).pages
        except CommitteePapersError as error:
            raise CommitteePapersError(f"{file}: {error}; nothing was written") from error

    return write


def _render(args: argparse.Namespace) -> int:
    from .api import check
    from .assess import assess_report
    from .layout import layout_report
    from .output import check_targets
    from .parallel import Later, write_all

    stems = [f.stem for f in args.files]
    repeated = sorted({s for s in stems if stems.count(s) > 1})
    if repeated:
        print(f"error: two input files would write the same output names: {', '.join(repeated)}; "
              "rename one of them", file=sys.stderr)
        return EXIT_PROBLEM
    style = _with_fallbacks(_template_style(args.template), args)
    reports = _load_all(args.files)
    if reports is None:
        print("nothing was written", file=sys.stderr)
        return EXIT_PROBLEM
    gc.freeze()  # the reports stay alive to the end: later collections need not walk them
    if args.charts:
        from .model import with_charts

        reports = [with_charts(report) for report in reports]
    if args.output.exists() and not args.output.is_dir():
        print(f"error: {args.output} is a file: give a folder to write into", file=sys.stderr)
        return EXIT_PROBLEM
    formats = ["docx", "pdf"] if args.format == "both" else [args.format]
    jobs = [(file, report, args.output / f"{file.stem}.{fmt}", fmt)
            for file, report in zip(args.files, reports, strict=True) for fmt in formats]
    inputs = [*args.files, *([args.template] if args.template else [])]
    check_targets([target for *_, target, _ in jobs], inputs)
    if args.template is not None and "docx" in formats:
        from .render.docx import check_template

        check_template(args.template)  # before any folder or file is made
    layouts = {}
    for file, report in zip(args.files, reports, strict=True):
        for finding in check(report, style):
            say(f"{file}: {finding}", error=True)
        try:  # a table too wide for any page: named with its file, before anything is written
            layouts[file] = layout_report(report, assess_report(report), style)  # once, for both formats
        except CommitteePapersError as error:
            raise CommitteePapersError(f"{file}: {error}; nothing was written") from error
    gc.freeze()  # and the layouts (a forked child then shares their memory pages untouched)
    # Every file of the batch appears together, or none does; with both formats, the Word files
    # are written in a second process while this one writes the PDFs (parallel.write_all), and
    # each shows its PDF's page count ("Page 1 of N"), which the Word child is sent once known.
    counts: dict[Path, int] = {}
    later: Later[dict[Path, int]] = Later()

    def count(file: Path) -> Callable[[], int | None]:
        return lambda: (later.value() or {}).get(file)

    write_all([(target, _docx_writer(layouts[file], args.template, style, report.meeting_date, count(file))
                if fmt == "docx" else
                _pdf_writer(file, layouts[file], style, args.pdf_variant, report.meeting_date, counts), fmt == "docx")
               for file, report, target, fmt in jobs], later, lambda: counts)
    for _, report, target, _ in jobs:
        print(f"wrote {target} ({report.page_count} exception page{'' if report.page_count == 1 else 's'})")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .api import check, check_header
    from .assess import Severity
    from .loaders import LoadError
    from .pack import resolve_rules
    from .style import DEFAULT_STYLE

    style = _with_fallbacks(DEFAULT_STYLE, args)
    rules = resolve_rules(args.rules)
    if args.mapping is not None and not any(is_workbook(f) for f in args.files):
        say("error: --mapping is for workbooks (.xlsx): give one", error=True)
        return EXIT_PROBLEM
    worst = EXIT_OK
    reports = _load_all([f for f in args.files if not is_workbook(f)])
    if reports is None:
        worst = EXIT_PROBLEM
        reports = []
    loaded = iter(reports)
    for file in args.files:
        if is_workbook(file):
            from .workbook import read_workbook

            try:
                data = read_workbook(file, mapping=args.mapping)
            except LoadError as error:
                say(f"error: {error}", error=True)
                worst = EXIT_PROBLEM
                continue
            from .pack_command import layout_lines

            for line in layout_lines(file, data.layout):
                say(line)
            findings = check(data, style, rules=rules)
        else:
            report = next(loaded, None)
            if report is None:
                continue
            findings = check(report, style, rules=rules)
            try:  # not a finding: the PDF cannot be made at all, as with a file that cannot be read
                check_header(report, style)
                from .assess import assess_report
                from .layout import layout_report

                layout_report(report, assess_report(report), style)  # a table too wide for any page
            except CommitteePapersError as error:
                say(f"error: {file}: {error}", error=True)
                worst = EXIT_PROBLEM
        for finding in findings:
            say(f"{file}: {finding}")
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        say(f"{file}: {warnings} warning{'s' * (warnings != 1)}")
        if args.strict and warnings:
            worst = EXIT_PROBLEM
    return worst


def _schema(_: argparse.Namespace) -> int:
    from .loaders.schema import report_schema

    print(json.dumps(report_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _pack(args: argparse.Namespace) -> int:
    from .pack_command import run_pack
    from .style import DEFAULT_STYLE

    return run_pack(args.workbook, args.output, rules=args.rules, fmt=args.format, template=args.template,
                    strict=args.strict, mapping=args.mapping, charts=args.charts, variant=args.pdf_variant,
                    style=_with_fallbacks(DEFAULT_STYLE, args))


def _new_workbook(args: argparse.Namespace) -> int:
    from .starter import write_starter

    write_starter(args.path, layout=args.layout, year=args.year)
    say(f"wrote {args.path} ({args.layout} layout): fill it in, then run committee-papers check {args.path}")
    return EXIT_OK


def _write_failure(error: OSError) -> str:
    from .output import advice

    where = f" {error.filename}" if error.filename else ""
    return (f"error: could not write{where}: {error.strerror or error}; {advice(error)} "
            "(nothing was written, and any earlier file of that name is unchanged)")


def _ended(error: BaseException, how: str) -> str:
    if getattr(error, "after_commit", False):
        return f"{how} after every file of this run was written"
    return f"{how}: no file was written or changed"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (see the module's docstring)."""
    try:
        return _main(argv)
    except KeyboardInterrupt as error:
        print(_ended(error, "interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated as ended:
        number = ended.args[0] if ended.args else signal.SIGTERM
        print(_ended(ended, f"ended by signal {int(number)}"), file=sys.stderr)
        return 128 + int(number)


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    debug = getattr(args, "debug", False)
    command = {"render": _render, "check": _check, "schema": _schema, "pack": _pack,
               "new-workbook": _new_workbook}[args.command]
    try:
        with signals_unwind(), fewer_collections(), without_numpy():
            return command(args)
    except BrokenPipeError:  # the reader went away (e.g. piped into head): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's final flush quiet
        return EXIT_OK
    except CommitteePapersError as error:
        if debug:
            raise
        say(f"error: {error}", error=True)
        return EXIT_PROBLEM
    except OSError as error:  # a full disk, a folder we may not write to: the previous file is kept
        if debug:
            raise
        say(_write_failure(error), error=True)
        return EXIT_PROBLEM
    except Exception as error:  # the last line of defence: no traceback unless asked for
        if debug:
            raise
        say(f"internal error: {type(error).__name__}: {error}\n"
            "This is a bug in committee_papers: run again with --debug and report the traceback.", error=True)
        return EXIT_INTERNAL
