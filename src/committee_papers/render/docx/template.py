"""Find, check and fill in the house-style template.

The template carries what a council changes without touching code: page setup, fonts,
heading and table styles, the DoT mark styles, the running header and the footer. docxtpl
fills in the header's placeholders; the report's text is only ever a placeholder's value,
escaped, never part of the template's source.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from markupsafe import Markup, escape

from ...errors import CommitteePapersError
from . import styles, xml

TEMPLATE_NAME = "house-style.docx"
PLACEHOLDER = "appendix"  # {{ appendix }}: the running header
_FIX = f"or start from templates/{TEMPLATE_NAME}"


class TemplateError(CommitteePapersError):
    """The Word template is missing, unreadable, or lacks a style or placeholder."""


def default_template() -> Path:
    """Return the house-style template: in the installed package, else in the repository."""
    packaged = resources.files("committee_papers") / "templates" / TEMPLATE_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[4] / "templates" / TEMPLATE_NAME


def _written(value: object) -> Markup:
    """Escape a placeholder's value (after any filters) for the XML of the template.

    docxtpl turns ``{_{`` back into ``{{`` in its output, so underscores are written as a
    character reference, which the XML parser reads back as ``_``.
    """
    return Markup(str(escape(value)).replace("_", "&#95;"))


def _open(path: Path) -> DocxTemplate:
    """Return the template, read once: its python-docx Document is ``.docx``."""
    if not path.is_file():
        raise TemplateError(f"the template {path} does not exist: check the path, {_FIX}")
    if not zipfile.is_zipfile(path):
        raise TemplateError(f"the template {path} is not a Word .docx file: save it from Word "
                            f"as 'Word Document (*.docx)', {_FIX}")
    filler = DocxTemplate(str(path))
    try:
        filler.init_docx()
    except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as error:
        raise TemplateError(f"the template {path} is not a Word .docx file ({error}): save it "
                            f"from Word as 'Word Document (*.docx)', {_FIX}") from error
    return filler


def _check_styles(path: Path, document: Any) -> None:
    present = {(style.name, style.type) for style in document.styles}
    wanted = [(name, WD_STYLE_TYPE.PARAGRAPH, "paragraph") for name in styles.PARAGRAPH_STYLES]
    wanted += [(name, WD_STYLE_TYPE.CHARACTER, "character") for name in styles.CHARACTER_STYLES]
    wanted += [(name, WD_STYLE_TYPE.TABLE, "table") for name in styles.TABLE_STYLES]
    missing = [f"{kind} style '{name}'" for name, kind_enum, kind in wanted
               if (name, kind_enum) not in present]
    if missing:
        raise TemplateError(f"the template {path} has no {', no '.join(missing)}: add "
                            f"{'it' if len(missing) == 1 else 'them'} in Word (Home > Styles) "
                            f"{_FIX}")


def _placeholders(filler: DocxTemplate) -> set[str]:
    """Return the names the template's body, headers and footers use, as docxtpl finds them.

    (docxtpl's own ``get_undeclared_template_variables`` reads the file again.)
    """
    sources = [filler.get_xml()]
    for uri in (filler.HEADER_URI, filler.FOOTER_URI):
        sources += [filler.xml_to_string(parse_xml(part.blob))
                    for _, part in filler.get_headers_footers(uri)]
    parsed = jinja2.Environment().parse("".join(filler.patch_xml(xml) for xml in sources))
    return set(jinja2.meta.find_undeclared_variables(parsed))


def _check_placeholders(path: Path, filler: DocxTemplate, context: Mapping[str, object]) -> None:
    try:
        names = _placeholders(filler)
    except jinja2.TemplateError as error:
        raise TemplateError(f"the template {path} has a placeholder Word cannot fill in "
                            f"({error}): fix it in the page header or footer, {_FIX}") from error
    if PLACEHOLDER not in names:
        raise TemplateError(f"the template {path} has no running-header placeholder "
                            f"{{{{ {PLACEHOLDER} }}}}: type it in the page header (Insert > "
                            f"Header), {_FIX}")
    unknown = sorted(names - set(context))
    if unknown:
        known = ", ".join(f"{{{{ {name} }}}}" for name in context)
        raise TemplateError(f"the template {path} uses {', '.join(unknown)}, which the report "
                            f"does not provide: use only {known}, {_FIX}")


def fill_template(template: str | os.PathLike[str] | None, context: Mapping[str, str]) -> Any:
    """Return the template as a python-docx Document: body emptied, placeholders filled in.

    The template's body is replaced by the report; its page setup, header, footer, styles
    and numbering are kept.
    """
    path = Path(template) if template is not None else default_template()
    filler = _open(path)
    _check_styles(path, filler.docx)
    xml.clear_body(filler.docx)
    _check_placeholders(path, filler, context)
    environment = jinja2.Environment(autoescape=True, finalize=_written)
    filler.render(dict(context), jinja_env=environment, autoescape=True)
    return filler.docx
