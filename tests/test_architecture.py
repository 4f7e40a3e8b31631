"""The shape of the code: data flows one way, load → model → assess → layout → render.

``imports_of`` finds every import of a module by parsing it: absolute and relative, at the top
or inside a function, ``import_module``/``__import__`` with a literal name. The rule is
``ALLOWED``: which parts of the package each part may import. Each forbidden direction has a
fixture module in ``tests/architecture_fixtures`` that the check must catch, so the check is
shown to fail when the rule is broken, and to pass on the package itself.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "committee_papers"
FIXTURES = Path(__file__).resolve().parent / "architecture_fixtures"
OURS = "committee_papers"

# What each part of the package may import of the package. A name with a dot ("assess.results")
# allows that module only. The entry points (the package root, api, cli, __main__) may import
# any part; nothing but __main__ imports cli.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "console": set(),
    "limits": {"errors"},
    "output": {"errors"},
    "parallel": {"output"},
    "progress": {"console"},
    "process": set(),
    "formatting": {"model"},
    "style": {"model"},
    "languages": {"style"},
    "assess": {"model", "formatting"},
    "layout": {"model", "assess.results", "style", "languages", "formatting", "errors"},  # errors: a table too wide
    "render": {"layout", "style", "languages", "errors", "limits", "output"},
    "loaders": {"model", "errors", "limits", "formatting"},
    "workbook": {"model", "errors", "limits", "loaders"},
    "starter": {"model", "errors", "output", "workbook"},
    "pack": {"model", "assess", "layout", "render", "loaders", "style", "errors", "output", "parallel"},
    "pack_command": {"model", "assess", "pack", "render", "workbook", "style", "errors", "limits", "output",
                     "console", "progress"},
}
ENTRY_POINTS = {"__init__", "api", "cli", "__main__"}
# Third-party libraries only the renderers may import.
RENDERER_LIBRARIES = {"docx", "docxtpl", "reportlab", "pikepdf", "pypdf", "pptx", "fontTools", "uharfbuzz", "bidi"}
# ...except these, which another part may use too: column widths come from the house style's
# font metrics, and measuring them is the layout's job (issue 15), so both renderers draw the
# same widths; the layout reads advance widths only and draws nothing.
ALSO_ALLOWED = {"fontTools": {"layout"}}
STANDARD_LIBRARY = set(sys.stdlib_module_names)


@dataclass(frozen=True)
class Import:
    """One import: the full module name it reaches and the line it is on."""

    module: str
    line: int


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _resolve(name: str, level: int, package: str) -> str:
    """Return the absolute name of ``from <level dots><name>`` met in ``package``."""
    if level == 0:
        return name
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base)


def imports_of(source: str, module: str, is_package: bool = False) -> list[Import]:
    """Return every module ``source`` (the text of ``module``) imports, resolved to full names.

    A dynamic import whose name is not a literal is returned as ``<dynamic>``, so a rule can
    refuse what it cannot see.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, package)
            if node.module is None:  # from . import output: each name may be a module
                found += [Import(f"{base}.{alias.name}", node.lineno) for alias in node.names]
            else:
                found.append(Import(base, node.lineno))
        elif isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
            if name not in ("import_module", "__import__") or not node.args:
                continue
            target = _literal(node.args[0])
            if target is None:
                found.append(Import("<dynamic>", node.lineno))
                continue
            anchor = next((_literal(k.value) for k in node.keywords if k.arg == "package"), None)
            if anchor is None and len(node.args) > 1:
                anchor = _literal(node.args[1]) or (package if isinstance(node.args[1], ast.Name) else None)
            level = len(target) - len(target.lstrip("."))
            found.append(Import(_resolve(target.lstrip("."), level, anchor or package), node.lineno))
    return found


def part_of(module: str) -> str:
    """Return the part of the package a module belongs to: ``committee_papers.assess.page`` → ``assess``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _permitted(target: str, allowed: set[str]) -> bool:
    rest = target.split(".", 1)[1] if "." in target else ""
    return any(rest == name or rest.startswith(name + ".") for name in allowed)


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Return each import of ``module`` that breaks ``ALLOWED`` or the renderer-library rule."""
    me = part_of(module)
    problems = []
    for found in imports_of(source, module, is_package):
        target, line = found.module, found.line
        if target == "<dynamic>":
            if me not in ENTRY_POINTS:
                problems.append(f"{module}:{line}: an import by a computed name cannot be checked")
            continue
        top = target.split(".")[0]
        if top in RENDERER_LIBRARIES and me != "render" and me not in ALSO_ALLOWED.get(top, set()):
            problems.append(f"{module}:{line}: imports {target}, which only the renderers may")
        if me == "model" and top not in STANDARD_LIBRARY and top != OURS:
            problems.append(f"{module}:{line}: the model imports {target}: it uses the standard library only")
        if top != OURS or (target == OURS and me in ENTRY_POINTS):
            continue
        other = part_of(target)
        if other == me or other == "__version__":
            continue
        if other == "cli" and me != "__main__":
            problems.append(f"{module}:{line}: imports the command line")
        elif me not in ENTRY_POINTS and not _permitted(target, ALLOWED.get(me, set())):
            problems.append(f"{module}:{line}: {me} may not import {target}")
    return problems


def _module_name(path: Path) -> tuple[str, bool]:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def test_every_part_of_the_package_has_a_rule() -> None:
    parts = {part_of(_module_name(p)[0]) for p in PACKAGE.rglob("*.py")}
    assert parts - ENTRY_POINTS <= set(ALLOWED), f"parts without a rule: {parts - ENTRY_POINTS - set(ALLOWED)}"


def test_the_package_keeps_the_dependency_rule() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module, is_package = _module_name(path)
        problems += violations(path.read_text(encoding="utf-8"), module, is_package)
    assert problems == []


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.py"))


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda p: p.stem)
def test_each_forbidden_direction_is_caught(fixture: Path) -> None:
    """A fixture's first line names the module it stands in for; its second what must be caught."""
    first, second, *_ = fixture.read_text(encoding="utf-8").splitlines()
    module = first.removeprefix("# module: ").strip()
    expected = second.removeprefix("# caught: ").strip()
    problems = violations(fixture.read_text(encoding="utf-8"), module)
    assert problems, f"{fixture.name}: the forbidden import was not caught"
    assert any(expected in problem for problem in problems), problems


def test_the_fixtures_cover_each_forbidden_direction() -> None:
    names = {p.stem for p in _fixtures()}
    assert {"model_imports_render_relative", "assess_imports_render_in_a_function", "layout_imports_assess_engine",
            "model_imports_assess_for_typing", "render_imports_model", "loaders_import_layout",
            "workbook_imports_assess", "importlib_by_literal", "importlib_by_computed_name",
            "anything_imports_cli", "assess_imports_a_renderer_library", "model_imports_a_library",
            "from_package_import_submodule", "languages_imports_layout", "model_imports_languages",
            "assess_imports_languages"} <= names


def test_a_permitted_import_is_not_flagged() -> None:
    assert violations("from ..assess.results import PageMarks\n", "committee_papers.layout.tables") == []
    assert violations("from ..model import Report\n", "committee_papers.assess.page") == []
    assert violations("import re\nfrom decimal import Decimal\n", "committee_papers.model.values") == []
    assert violations("from ..languages import localised\n", "committee_papers.layout.build") == []
    assert violations("from ...languages import localised\n", "committee_papers.render.pdf.document") == []
    assert violations("from .style import Labels\n", "committee_papers.languages") == []


def test_package_ships_type_information() -> None:
    assert (PACKAGE / "py.typed").is_file()


def test_no_module_is_huge() -> None:
    for path in PACKAGE.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines < 400, f"{path.relative_to(PACKAGE)} has {lines} lines: split it"


def test_importing_the_package_loads_nothing_heavy() -> None:
    import subprocess

    code = ("import sys, committee_papers; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'yaml', 'babel', 'docx', 'docxtpl', 'reportlab', 'pandas', 'openpyxl', 'pypdf', 'lxml', "
            "'pikepdf', 'fontTools', 'uharfbuzz', 'bidi'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_lazy_names_resolve_and_star_import_works() -> None:
    import committee_papers as cp

    namespace: dict[str, object] = {}
    exec("from committee_papers import *", namespace)
    for name in ("load", "render_pdf", "render_docx", "Report", "Number", "HouseStyle", "build_pack"):
        assert name in namespace and getattr(cp, name) is namespace[name]
    with pytest.raises(AttributeError):
        cp.no_such_name  # noqa: B018


PDF_RENDERER = PACKAGE / "render" / "pdf"


def test_the_pdf_renderer_edits_no_serialised_bytes() -> None:
    """The PDF is made of objects (pikepdf) and content operators, never patched as bytes:
    no module of the renderer holds a bytes literal to search for or write in a file."""
    for path in sorted(PDF_RENDERER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
                pytest.fail(f"{path.name}:{node.lineno}: a bytes literal {node.value[:20]!r}: build "
                            "PDF objects with pikepdf instead of searching or writing bytes")


def test_the_pdf_renderer_uses_no_private_attribute_of_a_library() -> None:
    """A private attribute of reportlab, pikepdf or fontTools may change in any release: only
    the renderer's own objects (self, cls, or a class of the same module) may be reached so."""
    for path in sorted(PDF_RENDERER.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)} | {"self", "cls"}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                base = node.value
                if not (isinstance(base, ast.Name) and base.id in own):
                    pytest.fail(f"{path.name}:{node.lineno}: .{node.attr} is private to another "
                                "library or object: use its public API, or test the use loudly")


def test_the_pdf_renderer_keeps_nothing_between_calls() -> None:
    """No hidden process-wide cache (issue 19): no functools cache on a function of the PDF
    renderer, and no module-level container made empty to be filled at run time (a constant
    table is fine); what a render remembers (faces, widths, laid-out cells) belongs to objects
    made for that render."""
    caches = {"cache", "lru_cache", "cached"}
    empty = {"dict", "list", "set", "OrderedDict", "defaultdict", "WeakValueDictionary", "WeakKeyDictionary"}
    for path in sorted(PDF_RENDERER.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                for decorator in node.decorator_list:
                    target = decorator.func if isinstance(decorator, ast.Call) else decorator
                    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                    if name in caches:
                        pytest.fail(f"{path.name}:{node.lineno}: {node.name} is cached for the whole process: "
                                    "keep what a render remembers in an object that render owns")
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            called = getattr(value.func, "id", "") if isinstance(value, ast.Call) else ""
            made_empty = ((isinstance(value, ast.Dict) and not value.keys)
                          or (isinstance(value, (ast.List, ast.Set)) and not value.elts)
                          or (isinstance(value, ast.Call) and not value.args
                              and (called in empty or called.endswith("Cache"))))
            if made_empty:
                pytest.fail(f"{path.name}:{node.lineno}: a module-level container filled at run time: keep "
                            "it in an object that one render owns")
