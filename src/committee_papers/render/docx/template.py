"""Find, check and fill in the house-style template.

The template carries what a council changes without touching code: page setup, fonts,
heading and table styles, the DoT mark styles, the running header and the footer. docxtpl
fills in the header's placeholders; the report's text is only ever a placeholder's value,
escaped, never part of the template's source.

A template may come from anyone, so it is data, never code. Before anything is rendered,
every part docxtpl would render (headers, footers, footnotes, the core properties) is read
with Jinja's own lexer, and anything but a documented placeholder written ``{{ name }}`` is
refused with the part and the expression named: no statement, filter, attribute, call,
loop or include can reach the renderer. Rendering then runs in Jinja's immutable sandbox
as a second wall. The package itself is checked first (``committee_papers.limits``): a
regular file, no zip bomb, no DTD in any XML part.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from ...errors import CommitteePapersError
from ...limits import InputError, Limits, check_package, resolve
from .properties import Properties
from .stylenames import TemplateStyles

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


FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_ESCAPES = ("{_{", "}_}", "{_%", "%_}")  # docxtpl's escapes: turned back into Jinja after rendering


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template; the document properties are filled in by ``properties`` instead, and
    each footnotes part is rendered once."""

    def render_properties(self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None) -> None:
        """Leave the properties alone: ``Properties.fill`` fills them, checked and escaped once."""

    def render_footnotes(self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None) -> None:
        """Render each footnotes part once (docxtpl renders it once per section, and its second
        pass would run what the first pass unescaped)."""
        for part in self.docx.part.package.iter_parts():
            if part.content_type == FOOTNOTES:
                source = self.patch_xml(self.xml_to_string(parse_xml(part.blob)))
                part._blob = self.render_xml_part(source, part, context, jinja_env).encode("utf-8")


def open_template(path: Path, limits: Limits | None = None) -> DocxTemplate:
    """Return the template, read once: its python-docx Document is ``.docx``."""
    if not path.exists():
        raise TemplateError(f"the template {path} does not exist: check the path, {_FIX}")
    if path.is_file() and not zipfile.is_zipfile(path):
        raise TemplateError(f"the template {path} is not a Word .docx file: save it from Word "
                            f"as 'Word Document (*.docx)', {_FIX}")
    try:
        check_package(path, "template", limits)
    except InputError as error:
        raise TemplateError(f"the template {path}: {error.reason}, {_FIX}") from None
    filler = _Template(str(path))
    try:
        filler.init_docx()
    except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile, PackageNotFoundError) as error:
        raise TemplateError(f"the template {path} is not a Word .docx file ({error}): save it "
                            f"from Word as 'Word Document (*.docx)', {_FIX}") from error
    _refuse_outside_links(path, filler.docx)
    return filler


def _refuse_outside_links(path: Path, document: Any) -> None:
    """Refuse a template that points outside itself (an attached .dotm on a web server, a linked
    picture): every copy of the appendix would make Word fetch it. Hyperlinks are kept."""
    for part in document.part.package.iter_parts():
        for rel in part.rels.values():
            if rel.is_external and rel.reltype != HYPERLINK:
                kind = rel.reltype.rsplit("/", 1)[-1]
                raise TemplateError(f"the template {path} links its part {str(part.partname).lstrip('/')} to "
                                    f"the outside file {rel.target_ref[:80]!r} ({kind}): remove the link in "
                                    f"Word (for an attached template: Developer > Document Template), {_FIX}")


def check_styles(path: Path, document: Any) -> None:
    """Raise TemplateError naming every style the renderer needs that the template lacks.

    Styles are found as Word finds them (``stylenames``), so a template saved by LibreOffice
    is read like one saved by Word.
    """
    missing = TemplateStyles.read(document).missing
    if not missing:
        return
    one = len(missing) == 1
    named = ", no ".join(f"{kind} style '{name}'" for kind, name in missing)
    how = (f"add {'it' if one else 'them'} by name in Word (Home > Styles > Create a Style; "
           f"Manage Styles > Import/Export copies styles from templates/{TEMPLATE_NAME}) or "
           f"in LibreOffice (Styles > New Style)")
    if any(kind == "table" for kind, _ in missing):
        how += ("; a table style can only be made in Word, and is lost when a template goes "
                "through LibreOffice's own format (.odt)")
    raise TemplateError(f"the template {path} has no {named}: {how}, {_FIX}")


def _parts(filler: DocxTemplate) -> Iterable[tuple[str, str]]:
    """Yield (part name, XML text) of every part docxtpl renders, before docxtpl patches it."""
    yield "word/document.xml", filler.get_xml()
    for uri in (filler.HEADER_URI, filler.FOOTER_URI):
        for _, part in filler.get_headers_footers(uri):
            yield str(part.partname).lstrip("/"), filler.xml_to_string(parse_xml(part.blob))
    for part in filler.docx.part.package.iter_parts():
        if part.content_type == FOOTNOTES:
            yield str(part.partname).lstrip("/"), filler.xml_to_string(parse_xml(part.blob))


def _sources(filler: DocxTemplate, properties: Properties, path: Path,
             limits: Limits) -> Iterable[tuple[str, str, bool]]:
    """Yield (part, Jinja source, whether placeholders may stand there) for every part filled
    in: the parts docxtpl renders, as docxtpl patches them, and every document property.

    The braces of each part are counted first: docxtpl's patching backtracks on many of them,
    and a template needs only a few placeholders.
    """
    for name, text in _parts(filler):
        braces = text.count("{")
        if braces > 4 * limits.placeholders:
            raise TemplateError(f"the template {path} has {braces:,} braces in {name}, far more than its "
                                f"placeholders need: a template holds at most {limits.placeholders} "
                                f"placeholders a part; {limits.hint('placeholders')}")
        yield name, filler.patch_xml(text), True
    yield from properties.sources()


def _shown(tokens: list[tuple[int, str, str]]) -> str:
    text = "".join(value for _, _, value in tokens)
    return text if len(text) <= 80 else text[:77] + "..."


def placeholders_in(source: str, part: str, path: Path, allowed: Iterable[str]) -> set[str]:
    """Return the placeholders a part uses; raise TemplateError for any other Jinja syntax.

    Only ``{{ name }}`` with a documented name may appear: the whole expression is one name.
    The source is read with Jinja's lexer, so what is checked is exactly what Jinja would run.
    """
    allowed = set(allowed)
    known = ", ".join(f"{{{{ {name} }}}}" for name in sorted(allowed))
    rule = (f"a template may hold only the placeholders {known}, each written alone between "
            "{{ and }}" if allowed else "that property is a date or a number, and takes no "
            "placeholder")

    def refuse(what: str) -> TemplateError:
        return TemplateError(f"the template {path} has {what} in {part}: {rule}; remove or "
                             f"retype it in Word, {_FIX}")

    try:
        tokens = list(jinja2.Environment().lex(source))
    except jinja2.TemplateSyntaxError as error:
        raise refuse(f"text Jinja cannot read ({error.message}, line {error.lineno})") from None
    found: set[str] = set()
    current: list[tuple[int, str, str]] | None = None
    for token in tokens:
        kind = token[1]
        if current is None:
            if kind == "variable_begin":
                current = [token]
            elif kind != "data":
                raise refuse(f"the template code {token[2][:80]!r} (line {token[0]})")
            elif any(escape in token[2] for escape in _ESCAPES):
                found_escape = next(escape for escape in _ESCAPES if escape in token[2])
                raise refuse(f"docxtpl's escaped template code {found_escape!r} (line {token[0]})")
            continue
        current.append(token)
        if kind != "variable_end":
            continue
        words = [(k, v) for _, k, v in current[1:-1] if k != "whitespace"]
        if len(words) != 1 or words[0][0] != "name" or words[0][1] not in allowed:
            raise refuse(f"the expression {_shown(current)!r} (line {current[0][0]})")
        found.add(words[0][1])
        current = None
    if current is not None:
        raise refuse(f"an unfinished placeholder {_shown(current)!r} (line {current[0][0]})")
    return found


def _check_placeholders(path: Path, filler: DocxTemplate, properties: Properties,
                        context: Mapping[str, object], limits: Limits) -> None:
    names: set[str] = set()
    for part, source, takes_text in _sources(filler, properties, path, limits):
        names |= placeholders_in(source, part, path, context if takes_text else ())
    if PLACEHOLDER not in names:
        raise TemplateError(f"the template {path} has no running-header placeholder "
                            f"{{{{ {PLACEHOLDER} }}}}: type it in the page header (Insert > "
                            f"Header), {_FIX}")


PLACEHOLDERS = ("appendix", "title", "subject", "author")


def check_template(template: str | os.PathLike[str], *, limits: Limits | None = None) -> None:
    """Check a template as ``fill_template`` would, filling in nothing: raise TemplateError if it
    is not a safe, usable house-style template. For a command line to refuse a bad template
    before it writes anything."""
    fill_template(template, dict.fromkeys(PLACEHOLDERS, ""), limits=limits)


def fill_template(template: str | os.PathLike[str] | None, context: Mapping[str, str], *,
                  limits: Limits | None = None) -> Any:
    """Return the template as a python-docx Document: body emptied, placeholders filled in.

    The template's body is replaced by the report; its page setup, header, footer, styles
    and numbering are kept. Raise TemplateError when the template is not a safe, usable
    .docx: hostile package, missing style, or anything but ``{{ name }}`` placeholders
    naming keys of ``context``.
    """
    limits = resolve(limits)
    path = Path(template) if template is not None else default_template()
    filler = open_template(path, limits)
    check_styles(path, filler.docx)
    filler.docx.element.body.clear_content()  # all but the final section properties (page setup)
    properties = Properties(filler.docx)
    _check_placeholders(path, filler, properties, context, limits)
    environment = ImmutableSandboxedEnvironment(autoescape=True, finalize=_written,
                                                undefined=jinja2.StrictUndefined)
    filler.render(dict(context), jinja_env=environment, autoescape=True)
    properties.fill(context)
    return filler.docx
