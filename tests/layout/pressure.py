"""Pages under width pressure, shared by the layout, snapshot and LibreOffice tests."""

from __future__ import annotations

from typing import Any

import committee_papers as cp

MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
PAST = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
A4 = (595, 842)  # points, upright


def page_of(past: list[str], periods: list[str], rows: list[dict[str, Any]], title: str = "Referrals",
            target: str | None = None) -> dict[str, Any]:
    page: dict[str, Any] = {"indicators": [{"description": title, "polarity": "low", "unit": "count"}],
                            "columns": {"past": past, "year": "2024/25", "periods": periods}, "rows": rows}
    if target is not None:
        page["target"] = {"text": target}
    return page


def report_of(*pages: dict[str, Any]) -> cp.Report:
    return cp.load({"appendix": "App", "period": "Q3 2024/25", "sections": [{"portfolio": "P", "pages": list(pages)}]})
