"""DataFrames as sheets: each row a spreadsheet row, each value as Python holds it.

pandas is imported by the caller, never here: a DataFrame is read through its own methods.
A numpy float32 is taken at its own shortest form (``86.3``, not 86.30000305175781), and
NaN, NaT and pandas' NA are blanks.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..errors import Problem
from .sheet import Cell, Sheet, is_blank, make_sheet


def plain(value: Any) -> Any:
    """Return a DataFrame value as the Python value it stands for (numpy and pandas types undone)."""
    kind = type(value)
    if kind.__module__ == "numpy":
        if kind.__name__ in ("float32", "float16"):
            return Decimal(str(value)) if value == value and abs(float(value)) != float("inf") else None
        if hasattr(value, "item"):
            value = value.item()
    if kind.__name__ == "Timestamp" and hasattr(value, "to_pydatetime"):
        return value.to_pydatetime() if value == value else None
    if isinstance(value, float) and value != value:
        return None
    if is_blank(value) and not isinstance(value, str):
        return None
    if isinstance(value, dt.datetime | dt.date | str | int | float | Decimal | bool) or value is None:
        return value
    return str(value)


def sheet_from_frame(name: str, frame: Any) -> tuple[Sheet, list[Problem]]:
    """Return a DataFrame as a sheet whose header is row 1; its first row is row 2.

    The DataFrame's own index is ignored; columns named ``Unnamed: n`` (pandas' name for a
    blank heading) are left out.
    """
    header = [None if str(h).startswith("Unnamed:") else h for h in frame.columns]
    # Column by column, each in its own dtype: a float32 column yields numpy float32 values
    # (itertuples would widen them to float64 and show 86.30000305175781).
    columns = [frame.iloc[:, position].to_numpy() for position in range(frame.shape[1])]
    body = [(number, [Cell(plain(value)) for value in row])
            for number, row in enumerate(zip(*columns, strict=True), start=2)]
    return make_sheet(name, header, body)


__all__ = ["plain", "sheet_from_frame"]
