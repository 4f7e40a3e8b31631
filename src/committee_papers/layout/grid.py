"""Place spanning cells on the full grid of a table, as HTML does."""

from __future__ import annotations

from dataclasses import dataclass

from .nodes import LayoutCell, Table


@dataclass(frozen=True, slots=True)
class Placed:
    """A cell and the grid position of its top-left corner."""

    cell: LayoutCell
    row: int
    column: int


def place(table: Table) -> list[Placed]:
    """Return every cell with its grid position; raise ValueError if the spans do not fit."""
    width = len(table.widths)
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            if c + cell.colspan > width or r + cell.rowspan > len(table.rows):
                raise ValueError(f"{table.kind} table: a cell in row {r} runs past the table")
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            placed.append(Placed(cell, r, c))
            c += cell.colspan
    missing = [(r, c) for r in range(len(table.rows)) for c in range(width) if (r, c) not in taken]
    if missing:
        raise ValueError(f"{table.kind} table: grid positions without a cell: {missing[:5]}")
    return placed
