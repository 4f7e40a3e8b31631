"""Write a synthetic KPI workbook of N indicators, every one of them an exception.

    python benchmarks/make_workbook.py --indicators 100 -o /tmp/kpis-100.xlsx

Deterministic for a given N: four portfolios, quarterly figures for two past years and three
quarters, each indicator off target and worsening so that the default rules select it.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PORTFOLIOS = ["ADULT SOCIAL CARE", "CHILDREN'S SERVICES", "PUBLIC HEALTH", "RESOURCES"]


def write_workbook(indicators: int, path: Path) -> None:
    """Write the workbook of ``indicators`` exceptions to ``path``."""
    from openpyxl import Workbook

    rng = random.Random(indicators)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "indicators"
    sheet.append(["id", "portfolio", "description", "polarity", "unit", "target"])
    values = book.create_sheet("values")
    values.append(["indicator_id", "period", "value"])
    commentary = book.create_sheet("commentary")
    commentary.append(["indicator_id", "commentary"])
    settings = book.create_sheet("settings")
    for row in [("key", "value"), ("title", f"Synthetic pack of {indicators} exceptions"),
                ("appendix", "App B – Q3 Exception Reports"), ("period", "Q3 2016/17"),
                ("committee", "Executive"), ("organisation", "Example Borough Council")]:
        settings.append(row)
    for n in range(indicators):
        kpi = f"K{n + 1:05d}"
        target = rng.randint(50, 80)
        sheet.append([kpi, PORTFOLIOS[n * len(PORTFOLIOS) // indicators],
                      f"Percentage of cases completed on time, measure {n + 1}", "high", "percent", target])
        start = target - rng.randint(12, 20)
        series = [("2014/15", start + 6), ("2015/16", start + 4), ("Q1 2016/17", start + 2),
                  ("Q2 2016/17", start + 1), ("Q3 2016/17", start)]
        for period, value in series:
            values.append([kpi, period, round(value + rng.random(), 1)])
        words = " ".join(rng.choice(["performance", "remains", "below", "target", "and", "the",
                                     "service", "expects", "improvement", "by", "year", "end"])
                         for _ in range(120))
        commentary.append([kpi, words.capitalize() + "."])
    book.save(path)


def main() -> None:
    """Write the workbook named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, required=True)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    write_workbook(args.indicators, args.output)


if __name__ == "__main__":
    main()
