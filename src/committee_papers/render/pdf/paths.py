"""Vector paths as PDF path construction operators (ISO 32000-1 §8.5.2), for charts.

A ``Path`` collects subpaths (``m`` to begin one, ``l`` for a straight segment, ``c`` for a
cubic Bézier curve, ``h`` to close it); its ``code`` is painted by the operator that follows
it (``S`` to stroke, ``f`` to fill, ``B`` for both). Coordinates are written to a hundredth of
a point, as all other content of the page is.
"""

from __future__ import annotations


def _point(x: float, y: float) -> str:
    return f"{x:.2f} {y:.2f}"


class Path:
    """A path being built: its operators, in order."""

    __slots__ = ("_code",)

    def __init__(self) -> None:
        self._code: list[str] = []

    def move_to(self, x: float, y: float) -> None:
        """Begin a new subpath at (x, y)."""
        self._code.append(f"{_point(x, y)} m")

    def line_to(self, x: float, y: float) -> None:
        """Add a straight segment to (x, y)."""
        self._code.append(f"{_point(x, y)} l")

    def curve_to(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        """Add a cubic Bézier curve to (x3, y3), with (x1, y1) and (x2, y2) its control points."""
        self._code.append(f"{_point(x1, y1)} {_point(x2, y2)} {_point(x3, y3)} c")

    def close(self) -> None:
        """Close the current subpath with a straight segment back to its start."""
        self._code.append("h")

    def code(self) -> str:
        """Return the path's operators, to be followed by a painting operator."""
        return " ".join(self._code)
