"""The shape of the code: the model and the assessment know nothing of renderers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "committee_papers"
RENDERER_LIBRARIES = {"docx", "docxtpl", "reportlab", "pikepdf", "pypdf", "fontTools", "uharfbuzz", "bidi"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", ["model", "assess", "layout", "loaders"])
def test_layer_imports_no_renderer_library(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules found in {layer}"
    for path in files:
        used = _imports(path) & RENDERER_LIBRARIES
        assert not used, f"{path.relative_to(PACKAGE)} imports {used}"


def test_model_imports_only_the_standard_library() -> None:
    for path in sorted((PACKAGE / "model").rglob("*.py")):
        assert _imports(path) <= {"__future__", "collections", "dataclasses", "datetime", "decimal",
                                  "enum", "itertools", "re", "types", "typing"}, path.name


def test_package_ships_type_information() -> None:
    assert (PACKAGE / "py.typed").is_file()


def test_no_module_is_huge() -> None:
    for path in PACKAGE.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines < 400, f"{path.relative_to(PACKAGE)} has {lines} lines: split it"


def test_importing_the_package_loads_nothing_heavy() -> None:
    import subprocess
    import sys

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
