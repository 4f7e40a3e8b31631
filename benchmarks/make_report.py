"""Write a realistic synthetic report of N exception pages in the project's input format.

    python benchmarks/make_report.py --pages 100 -o /tmp/report-100.yaml

The seeds' layouts come in rotation: three indicators sharing a quarterly table with a rule
target, a single quarterly row against a figure, monthly No. and Rate rows with a Direction of
Travel table and notes, an outturn with a per-school table, a count-with-rate row, and a new
indicator with EoY, Baseline and a quartile. Each page has 2-3 commentary paragraphs of about
120 words. The same N always gives the same file.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

TEXT = (
    "performance remains below target this quarter although the service has put in place a "
    "recovery plan with partners and expects improvement by year end the figures should be read "
    "with caution because numbers are small and a change of a few cases moves the percentage "
    "considerably managers review every case weekly and report progress to the portfolio holder "
    "additional resources have been agreed and recruitment is under way"
)
WORDS = TEXT.split()
PORTFOLIOS = ["ADULT SOCIAL CARE", "CHILDREN'S SERVICES", "PUBLIC HEALTH", "RESOURCES"]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sept"]


def _commentary(rng: random.Random) -> list[str]:
    paragraphs = []
    for _ in range(rng.randint(2, 3)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(100, 140))]
        paragraphs.append(" ".join(words).capitalize() + ".")
    return paragraphs


def _pct(rng: random.Random, low: float = 5, high: float = 95) -> float:
    return round(rng.uniform(low, high), rng.choice([0, 1, 1, 2]))


def _shared_quarterly(rng: random.Random, n: int) -> dict[str, Any]:
    names = ["Opiates", "Non-opiates", "Alcohol"]
    return {
        "title": f"Treatment completions, group {n}",
        "indicators": [{"description": f"% of {name.lower()} clients completing treatment ({n})",
                        "polarity": "high", "unit": "percent"} for name in names],
        "columns": {"past": ["2013/14", "2014/15"], "year": "2015/16", "periods": QUARTERS},
        "target": "Increase on previous year",
        "dot": {"basis": "target", "header": "DoT Against Target"},
        "rows": [{"label": name, "values": {"2013/14": _pct(rng), "2014/15": _pct(rng),
                                            "Q1": _pct(rng), "Q2": _pct(rng)}} for name in names],
        "commentary": _commentary(rng),
    }


def _single_quarterly(rng: random.Random, n: int) -> dict[str, Any]:
    return {
        "indicators": [{"description": f"The proportion of service users with a completed review ({n})",
                        "polarity": "high", "unit": "percent"}],
        "columns": {"past": ["2013/14", "2014/15"], "year": "2015/16", "periods": QUARTERS},
        "target": f"{rng.randint(50, 90)}%",
        "dot": {"basis": "past", "header": "DoT Against Past Performance"},
        "rows": [{"values": {"2013/14": _pct(rng), "2014/15": _pct(rng), "Q1": _pct(rng), "Q2": _pct(rng)}}],
        "commentary": _commentary(rng),
    }


def _monthly(rng: random.Random, n: int) -> dict[str, Any]:
    count = {p: rng.randint(400, 520) for p in ["2013/14", "2014/15", *MONTHS]}
    rate = {p: round(v / 2.9, 1) for p, v in count.items()}
    return {
        "indicators": [{"description": f"No. of children looked after / rate per 10,000 population ({n})",
                        "polarity": "low"}],
        "columns": {"past": ["2013/14", "2014/15"], "year": "2015/16", "periods": MONTHS},
        "rows": [{"label": "No.", "unit": "count", "values": count, "target": 420},
                 {"label": "Rate", "unit": "rate", "values": rate, "target": 144.7}],
        "direction_of_travel": [
            {"label": "Current vs. Year End (14/15)", "reference": {"period": "2014/15"}},
            {"label": "Current vs. Target (15/16)", "reference": "target"},
            {"label": "Current vs. England (13/14)", "stated": "↑ ✗"},
            {"label": "Current vs. Stat Neighbour (13/14)", "reference": rng.randint(380, 480)},
        ],
        "notes": "From Dec 2012 population figures revised from 26,227 to 28,853 based on Jan 2011 Census.",
        "commentary": _commentary(rng),
    }


def _schools(rng: random.Random, n: int) -> dict[str, Any]:
    schools = [f"School {chr(65 + i)} Academy" for i in range(8)]
    return {
        "indicators": [{"description": f"Achievement of 5 or more A* - C grades at GCSE including "
                                       f"English and Maths ({n})", "polarity": "high", "unit": "percent"}],
        "columns": {"past": ["2013/14", "2014/15"], "year": "2015/16", "periods": ["Outturn"]},
        "target": "55%",
        "dot": {"basis": "target", "header": "DoT Against Target"},
        "rows": [{"values": {"2013/14": _pct(rng), "2014/15": _pct(rng), "Outturn": _pct(rng)}}],
        "supplementary": [{
            "description": "Results by school",
            "header": [["School", "2014", "2015"], ["", "% 5+ A* -C*", "% 5+ A* -C*"]],
            "rows": [[s, f"{rng.randint(25, 60)}%", f"{rng.randint(25, 60)}%"] for s in schools]
            + [{"cells": ["", "*Perf Tab", "*RoL"], "style": "footnote"},
               {"cells": ["National Average", "56%", "56%"], "style": "summary"}],
        }],
        "commentary": _commentary(rng),
    }


def _count_rate(rng: random.Random, n: int) -> dict[str, Any]:
    values = {}
    for period in ["2014/2015", "2015/2016", "Q1", "Q2", "Q3"]:
        count = rng.randint(2000, 3200)
        values[period] = f"{count:,} ({count / 2.87:.1f})"
    return {
        "indicators": [{"description": f"Number of referrals / Rate of referrals per 10,000 children ({n})",
                        "polarity": "low", "unit": "count"}],
        "columns": {"past": ["2014/2015", "2015/2016"], "year": "2016/2017", "periods": QUARTERS},
        "rows": [{"label": "No. (Rate)", "values": values, "target": "2,291 (795.4)"}],
        "direction_of_travel": [
            {"label": "Current vs. Q2 (16/17)", "reference": {"period": "Q2"}},
            {"label": "Current vs. EoY (15/16)", "reference": {"period": "2015/2016"}},
            {"label": "Current vs. England (15/16)", "stated": "↑ ✗"},
            {"label": "Current vs. Stat Neighbour (15/16)", "stated": "↔"},
        ],
        "commentary": _commentary(rng),
    }


def _baseline(rng: random.Random, n: int) -> dict[str, Any]:
    return {
        "indicators": [{"description": f"Percentage of long-term service users with an annual review ({n})",
                        "polarity": "high", "unit": "percent"}],
        "columns": {"past": ["2015/2016"], "year": "2016/2017", "periods": [*QUARTERS, "EoY"]},
        "target": "Baseline",
        "rows": [{"values": {"2015/2016": _pct(rng), "Q1": _pct(rng), "Q2": _pct(rng), "Q3": _pct(rng)}}],
        "direction_of_travel": [
            {"label": "Blackpool 15/16 vs. North West 14/15", "stated": "↓ ✗"},
            {"label": "Projected Q2 vs. Blackpool 15/16", "stated": "↑ ✓"},
            {"label": "Current North West Quartile", "text": "Upper Middle"},
        ],
        "commentary": _commentary(rng),
    }


LAYOUTS = [_shared_quarterly, _single_quarterly, _schools, _monthly, _count_rate, _baseline]


def make_report(pages: int) -> dict[str, Any]:
    """Return a report mapping of ``pages`` exception pages, the same for the same number."""
    if pages < 1:
        raise ValueError("a report needs at least one page")
    rng = random.Random(pages)
    per_section = -(-pages // len(PORTFOLIOS))
    sections = []
    for s, portfolio in enumerate(PORTFOLIOS):
        count = min(per_section, pages - s * per_section)
        if count <= 0:
            break
        numbers = range(s * per_section, s * per_section + count)
        sections.append({"portfolio": portfolio,
                         "pages": [LAYOUTS[n % len(LAYOUTS)](rng, n + 1) for n in numbers]})
    return {
        "appendix": f"App B – Synthetic Exception Reports ({pages} pages)",
        "title": f"Synthetic performance exception reports, {pages} pages",
        "period": "Q2 2015/16",
        "organisation": "Example Borough Council",
        "sections": sections,
    }


def main() -> None:
    """Write the report named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    text = yaml.safe_dump(make_report(args.pages), allow_unicode=True, sort_keys=False, width=100)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
