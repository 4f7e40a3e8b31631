"""Text for the terminal: what a person reads must not be able to drive the terminal.

Text from workbooks and reports can hold escape sequences (``\\x1b[31m``) and other control
characters; printed raw, they recolour or rewrite the terminal. Every line the command line
prints goes through ``say``.
"""

from __future__ import annotations

import sys


def console(text: str) -> str:
    """Return text safe to print on a terminal: control characters (escape sequences, bells)
    shown as ``\\x1b``-style escapes; line breaks kept."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else ascii(ch)[1:-1] for ch in text)


def say(text: str, *, error: bool = False) -> None:
    """Print a line for a person, escaped for the terminal."""
    print(console(text), file=sys.stderr if error else sys.stdout)


__all__ = ["console", "say"]
