"""Text as the layout's nodes hold it: storable in Word and PDF, made so once, as a node is made.

Every text a document shows passes through a node of the layout (a span, a heading, a table's
description, a chart's labels, the document's properties), so cleaning there, in the nodes'
constructors, is the one place: no call site can forget it. The model keeps the text as it was
typed, so ``check`` reports what was pasted (``control-characters``) with its place.
"""

from __future__ import annotations

from ..model.cleaning import clean_text


def clean_fields(node: object, *names: str) -> None:
    """Replace the named text fields of a frozen node with ``clean_text`` of them, in place.

    A field may be a string, None, or a tuple of strings. Line-break controls become line
    breaks; characters XML and PDF text cannot hold are left out (the model's rule).
    """
    for name in names:
        value = getattr(node, name)
        if isinstance(value, str):
            cleaned: object = clean_text(value)
        elif isinstance(value, tuple) and value and all(isinstance(item, str) for item in value):
            cleaned = tuple(clean_text(item) for item in value)
        else:
            continue
        if cleaned != value:
            object.__setattr__(node, name, cleaned)
