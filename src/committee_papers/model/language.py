"""Language tags: the report's language and a passage's (``lang``) are BCP 47 tags."""

from __future__ import annotations

import re

# A BCP 47 language tag (RFC 5646 §2.1): language, optional script, region and variants.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                           r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*")


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:30] + "...")


def check_language(tag: str) -> None:
    """Raise ValueError unless ``tag`` is a BCP 47 language tag such as ``en-GB`` or ``cy``.

    PDF ``/Lang`` (ISO 32000-1 §14.9.2), Word's ``w:lang`` and ``dc:language`` all take
    BCP 47 tags; the locale form ``cy_GB`` is not one, and is refused with the right spelling.
    """
    if _LANGUAGE_TAG.fullmatch(tag):
        return
    if tag.strip() != tag and _LANGUAGE_TAG.fullmatch(tag.strip()):
        raise ValueError(f"the language {_quoted(tag)} has spaces around it: write {tag.strip()!r}")
    if _LANGUAGE_TAG.fullmatch(tag.strip().replace("_", "-")):
        raise ValueError(f"{_quoted(tag)} is a locale, not a language tag: write "
                         f"{_quoted(tag.strip().replace('_', '-'))}")
    raise ValueError(f"{_quoted(tag)} is not a language tag: write one such as 'en-GB' or 'cy-GB' (BCP 47)")
