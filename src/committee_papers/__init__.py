"""committee_papers: the Exception Reports appendix of a committee paper, as Word and PDF.

    >>> import committee_papers as cp
    >>> report = cp.load("samples/blackpool-q2-2015-16.yaml")
    >>> cp.render_pdf(report, "out/appendix.pdf")
    >>> cp.render_docx(report, "out/appendix.docx")

Every name is loaded on first use, so ``import committee_papers`` (and the command line's
``--help``) stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see; at run time names load on first use
    from .api import (
        build_pack as build_pack,
        check as check,
        from_dataframes as from_dataframes,
        read_workbook as read_workbook,
        render_docx as render_docx,
        render_pdf as render_pdf,
        template_style as template_style,
    )
    from .assess import (
        Assessment as Assessment,
        Finding as Finding,
        Pack as Pack,
        ScorecardEntry as ScorecardEntry,
        Severity as Severity,
        assess_change as assess_change,
    )
    from .loaders import LoadError as LoadError, Problem as Problem, load as load
    from .model import *  # noqa: F403
    from .style import (
        DEFAULT_STYLE as DEFAULT_STYLE,
        Colour as Colour,
        FontFiles as FontFiles,
        FontSource as FontSource,
        HouseStyle as HouseStyle,
        Labels as Labels,
        MarkStyle as MarkStyle,
        PageSetup as PageSetup,
        RagStyle as RagStyle,
    )

__version__ = "0.1.0"

_HOMES = {
    ".api": ["build_pack", "check", "from_dataframes", "read_workbook", "render_docx", "render_pdf",
             "template_style"],
    ".assess": ["Assessment", "Finding", "Pack", "ScorecardEntry", "Severity", "assess_change"],
    ".loaders": ["LoadError", "Problem", "load"],
    ".style": ["DEFAULT_STYLE", "Colour", "FontFiles", "FontSource", "HouseStyle", "Labels", "MarkStyle",
               "PageSetup", "RagStyle"],
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def _model_names() -> list[str]:
    return list(import_module(".model", __name__).__all__)


def __getattr__(name: str) -> Any:
    if name == "__all__":
        return [*_HOME, *_model_names()]
    module = _HOME.get(name)
    if module is None:
        if name.startswith("__") or name not in _model_names():
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        module = ".model"
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, *_model_names()})
