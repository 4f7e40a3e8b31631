"""The structure tree of a tagged PDF, made as pikepdf objects from the elements drawn.

Each ``tagging.Element`` becomes a structure element (ISO 32000-1 §14.7.2): its type, its
parent, its page, and its kids, which are other elements, marked-content ids on its first
page, or marked-content references (/MCR) for content on another page. Attributes of the
element itself (Alt, ActualText, T, Lang) are its entries; table attributes (Scope, ColSpan,
RowSpan, Summary) go in an attribute object with /O /Table (§14.8.5.7), one indirect object
for each set of them, shared by the elements that have that set (a table's column headers all
have /Scope /Column: about 20 MB less memory at 1,000 pages). The ParentTree
(§14.7.4.4) leads from each page's marked-content ids back to their elements, so a page's
content can be read in structure order, and from each link annotation's /StructParent to its
Link element, whose kids end with an object reference (/OBJR, §14.7.4.3) to each of its
annotations (``links.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .links import Area
from .tagging import Element, Tagger

OWN = frozenset({"Alt", "ActualText", "T", "Lang", "E"})  # entries of the element itself
NAMES = frozenset({"Scope"})  # table attributes whose values are names
_TYPE, _ELEMENT, _MCR, _OBJR = Name.Type, Name.StructElem, Name.MCR, Name.OBJR


def _value(key: str, value: object) -> Any:
    if key in NAMES:
        return Name(f"/{value}")
    if isinstance(value, str):
        return String(value)
    return value


def _attributes(entries: dict[str, Any], attributes: dict[str, Any], pdf: pikepdf.Pdf,
                shared: dict[tuple[tuple[str, Any], ...], pikepdf.Object]) -> None:
    table = []
    for key, value in attributes.items():
        if key in OWN:
            entries[f"/{key}"] = _value(key, value)
        else:
            table.append((key, value))
    if table:  # one attribute object for each set of table attributes, which most cells share
        kinds = tuple(table)
        found = shared.get(kinds)
        if found is None:
            found = shared[kinds] = pdf.make_indirect(
                Dictionary({"/O": Name.Table, **{f"/{name}": _value(name, value) for name, value in table}}))
        entries["/A"] = found


def add_structure(pdf: pikepdf.Pdf, tags: Tagger, areas: Sequence[Area] = ()) -> None:
    """Add the structure tree of ``tags`` to ``pdf``, whose pages were drawn with its MCIDs;
    ``areas`` are the link annotations, made already (``writer.py``).

    Every element's object is made first, empty, so that parents and kids can refer to each
    other; then each is filled in with one update (pikepdf's calls, not the dictionaries, are
    what costs time at fifty thousand elements).
    """
    pages = [page.obj for page in pdf.pages]
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    order = list(tags.document.walk())
    for element in order:
        element.obj = pdf.make_indirect(Dictionary())
    by_page: list[dict[int, pikepdf.Object]] = [{} for _ in pages]
    names: dict[str, pikepdf.Name] = {}
    shared: dict[tuple[tuple[str, Any], ...], pikepdf.Object] = {}
    annotations: dict[int, list[Area]] = {}  # by id of the Link element
    for area in areas:
        if area.link.element is not None:
            annotations.setdefault(id(area.link.element), []).append(area)
    for element in order:
        tag = names.get(element.tag)
        if tag is None:
            tag = names[element.tag] = Name(f"/{element.tag}")
        entries: dict[str, Any] = {"/Type": _ELEMENT, "/S": tag,
                                   "/P": root if element.parent is None else element.parent.obj}
        if element.attributes:
            _attributes(entries, element.attributes, pdf, shared)
        _kids(element, entries, pages, by_page, annotations.get(id(element), ()))
        element.obj.update(entries)
    root.K = tags.document.obj
    nums: list[Any] = []
    for index, found in enumerate(by_page):
        nums += [index, pdf.make_indirect(Array([found[mcid] for mcid in range(len(found))]))]
    key = len(pages)
    for area in areas:  # in the order their keys were given: page by page
        if area.link.element is not None:
            key = int(area.obj.StructParent)
            nums += [key, area.link.element.obj]
            key += 1
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = key
    pdf.Root.StructTreeRoot = root


def _kids(element: Element, entries: dict[str, Any], pages: Sequence[pikepdf.Object],
          by_page: list[dict[int, pikepdf.Object]], areas: Sequence[Area] = ()) -> None:
    """Add an element's /Pg and /K: its child elements and its marked content, in order, then
    a reference to each of ``areas`` (a Link element's annotations)."""
    kids = element.kids
    if len(kids) == 1 and type(kids[0]) is tuple and not areas:  # the usual case: one piece of content
        page, mcid = kids[0]
        entries["/Pg"], entries["/K"] = pages[page], mcid
        by_page[page][mcid] = element.obj
        return
    found: list[Any] = []
    first_page = -1
    for kid in kids:
        if type(kid) is not tuple:
            found.append(kid.obj)  # type: ignore[union-attr]
            continue
        page, mcid = kid
        if first_page < 0:
            first_page = page
            entries["/Pg"] = pages[page]
        found.append(mcid if page == first_page else Dictionary(Type=_MCR, Pg=pages[page], MCID=mcid))
        by_page[page][mcid] = element.obj
    found += [Dictionary(Type=_OBJR, Obj=area.obj, Pg=pages[area.page]) for area in areas]
    if found:  # one kid stands alone, as most readers and checkers expect
        entries["/K"] = found[0] if len(found) == 1 else Array(found)
