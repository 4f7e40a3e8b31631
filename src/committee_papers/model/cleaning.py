"""Make text safe for XML-based outputs without changing what a reader sees."""

from __future__ import annotations

import re

# Vertical tab and form feed come from Excel cells with line breaks: keep them as breaks.
_BREAKS = re.compile("[\x0b\x0c\u2028\u2029]|\r\n?")
# Other C0 controls, non-characters and lone surrogates cannot be stored in XML or PDF text.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Return text with line-break controls as newlines and unstorable characters removed."""
    if text.isprintable():  # no control, separator or non-character: the usual case, and fast
        return text
    return _DROP.sub("", _BREAKS.sub("\n", text))


def unclean_characters(text: str) -> list[str]:
    """Return the characters that clean_text would change, as code points like U+000B."""
    found = _BREAKS.findall(text) + _DROP.findall(text)
    return sorted({f"U+{ord(ch[0]):04X}" for ch in found})
