"""The figures of samples/kpis-wide.xlsx and samples/kpis-unusual.xlsx: 33 made-up indicators in
three portfolios, reported at Q3 2016/17.

Every figure is illustrative (made up and fixed). The stated RAG status of each indicator is
worked out by hand under Havering's published rule, the default: Green when the Q3 2016/17 figure
is on target or within 10% of it; otherwise Amber if it improved on (or maintained) Q3 2015/16,
else Red. The reckoning is in the comment beside each row.
"""

from __future__ import annotations

from dataclasses import dataclass

# The periods of a quarterly row, in the order of FIGURES below; an annual row has its outturns only.
PERIODS = ("2014/15", "Q1 2015/16", "Q2 2015/16", "Q3 2015/16", "Q4 2015/16", "2015/16",
           "Q1 2016/17", "Q2 2016/17", "Q3 2016/17")
ANNUAL = ("2014/15", "2015/16")


@dataclass(frozen=True)
class Row:
    """One indicator: polarity ``high``/``low``; unit as the long form names it; ``shown`` is how its
    figures are formatted (``percent``: a percent format, ``money``: £ with pence, ``count``:
    thousands grouped, ``one``: one decimal place, ``whole``: no decimals); ``figures`` follow
    PERIODS (or ANNUAL), None for a blank."""

    id: str
    description: str
    polarity: str
    unit: str
    shown: str
    target: object  # a figure, or words
    figures: tuple[float | None, ...]
    rag: str  # Red, Amber, Green or Blue: worked out by hand
    commentary: str
    officer: str

    @property
    def by_period(self) -> dict[str, float]:
        """Return the figures by period label, blanks left out."""
        periods = ANNUAL if len(self.figures) == len(ANNUAL) else PERIODS
        return {p: f for p, f in zip(periods, self.figures, strict=True) if f is not None}


ADULTS = "Adult Services"
CHILDREN = "Children's Services"
PLACE = "Place"

SHEETS: dict[str, list[Row]] = {
    ADULTS: [
        Row("AS01", "% of older people still at home 91 days after discharge into reablement", "high", "percent",
            "percent", 85, (82.4, 83.0, 83.6, 84.1, 84.8, 83.9, 84.6, 85.3, 86.0), "Green",  # 86.0 meets 85
            "Reablement outcomes continue to improve.", "Jo Bloggs"),
        Row("AS02", "Permanent admissions of older people to residential care per 100,000", "low", "rate", "one",
            700, (742.5, 730.2, 725.0, 719.4, 718.3, 718.3, 706.2, 695.8, 688.1), "Green",  # 688.1 meets 700
            "Admissions are below target for the second quarter running.", "Jo Bloggs"),
        Row("AS03", "Delayed transfers of care per 100,000 adults (daily average)", "low", "rate", "one",
            9.0, (10.8, 11.2, 11.6, 11.5, 13.0, 11.9, 12.6, 13.4, 14.1), "Red",  # 57% off; 14.1 worse than 11.5
            "Delays rose again this quarter, mostly awaiting nursing home places.\n\nA joint action plan with the "
            "hospital trust was agreed in December.", "Sam Patel"),
        Row("AS04", "% of adults with learning disabilities in paid employment", "high", "percent", "percent",
            7.5, (6.4, 6.6, 6.8, 6.9, 6.9, 6.9, 7.0, 7.1, 7.3), "Green",  # 2.7% off: within 10%
            "Steady progress towards the target.", "Sam Patel"),
        Row("AS05", "% of safeguarding enquiries where the risk was reduced or removed", "high", "percent",
            "percent", 90, (84.0, 85.9, 86.3, 86.1, 87.5, 86.5, 79.2, 77.8, 76.1), "Red",  # 15% off; worse than 86.1
            "Recording of outcomes changed in April; an audit of cases is under way.", "Ann Other"),
        Row("AS06", "% of carers' assessments completed within 28 days", "high", "percent", "percent",
            95, (88.1, 89.5, 90.1, 82.0, 91.0, 90.3, 84.5, 83.2, 85.0), "Amber",  # 10.5% off; better than 82.0
            "Better than the same quarter last year, but still short of the target.", "Ann Other"),
        Row("AS07", "Number of people receiving direct payments", "high", "count", "count",
            1150, (1040, 1060, 1075, 1088, 1098, 1098, 1112, 1126, 1131), "Green",  # 1.7% off
            "Take-up continues to grow.", "Jo Bloggs"),
        Row("AS08", "Average days from referral to the start of a package of care", "low", "days", "whole",
            28, (31, 30, 30, 29, 29, 29, 27, 28, 29), "Green",  # 3.6% off
            "Within tolerance of the target.", "Sam Patel"),
        Row("AS09", "% of social care users satisfied with their care and support (annual survey)", "high",
            "percent", "percent", 65, (63.4, 64.1), "Green",  # 2015/16: 64.1, 1.4% off
            "The 2016/17 survey results are due in June.", "Ann Other"),
        Row("AS10", "% of new clients receiving a service within 4 weeks of assessment", "high", "percent",
            "percent", "At least 90%", (85.0, 84.0, 82.0, 80.0, 81.0, 81.8, 79.5, 78.9, 78.0), "Red",
            # 13% off the 90%; worse than 80.0
            "Recruitment to two vacant posts will add capacity from February.", "Sam Patel"),
        Row("AS11", "Average weekly cost of a residential placement", "low", "money", "money",
            550, (570.25, 575.00, 580.40, 598.10, 601.00, 588.60, 603.20, 607.90, 612.40), "Red",
            # 11.3% off; worse than 598.10
            "Fees rose with the national living wage.", "Jo Bloggs"),
    ],
    CHILDREN: [
        Row("CS01", "Number of referrals to children's social care", "low", "count", "count",
            2291, (2774, 2601, 2580, 2850, 2549, 2549, 2813, 3031, 3039), "Red",  # 33% off; worse than 2,850
            "Referrals remain high; the front door review reports in March.", "Lee Jones"),
        Row("CS02", "Rate of referrals to children's social care per 10,000 children", "low", "rate", "one",
            795.4, (955.6, 905.0, 898.2, 990.1, 884.8, 884.8, 980.7, 1056.6, 1059.4), "Red",  # 33% off; worse
            "See CS01.", "Lee Jones"),
        Row("CS03", "Number of children looked after", "low", "count", "count",
            443, (454, 458, 466, 480, 469, 469, 487, 504, 501), "Red",  # 13% off; 501 worse than 480
            "Numbers fell slightly this quarter for the first time this year.", "Lee Jones"),
        Row("CS04", "% of children who became subject to a child protection plan for a second time", "low",
            "percent", "one", "Decrease to 14%", (18.2, 19.4, 18.8, 20.5, 19.1, 19.1, 21.6, 16.1, 19.1), "Amber",
            # 36% off the 14%; better than 20.5
            "Each repeat plan is reviewed by the service manager.", "Priya Shah"),
        Row("CS05", "% of single assessments completed within 45 working days", "high", "percent", "one",
            85, (79.5, 80.2, 81.4, 82.0, 82.1, 82.1, 86.4, 87.9, 88.3), "Green",  # meets 85
            "Above target all year.", "Priya Shah"),
        Row("CS06", "% of care leavers aged 19-21 in education, employment or training", "high", "percent",
            "one", 50, (44.1, 46.5, 47.2, 46.0, 47.0, 47.0, 45.2, 43.8, 42.5), "Red",  # 15% off; worse than 46.0
            "An apprenticeship scheme with local employers starts in April.", "Priya Shah"),
        Row("CS07", "Number of in-house foster carer households", "high", "count", "count",
            150, (128, 130, 132, 135, 137, 137, 138, 140, 141), "Green",  # 6% off
            "Three households are in assessment.", "Lee Jones"),
        Row("CS08", "% of children in care with three or more placements in the year", "low", "percent", "one",
            10, (11.0, 10.8, 10.5, 10.4, 10.2, 10.2, 10.0, 9.9, 9.8), "Green",  # meets 10
            "Placement stability is improving.", "Lee Jones"),
        Row("CS09", "Achievement of 5 or more A*-C grades at GCSE including English and Maths", "high",
            "percent", "one", 55, (44.0, 41.5), "Red",  # 2015/16 41.5: 25% off; worse than 44.0 a year before
            "Results fell in two of the borough's secondary schools.", "Priya Shah"),
        Row("CS10", "% of children attending a Good or Outstanding school", "high", "percent", "one",
            "Increase on previous year", (68.3, 62.8), "Green",  # 62.8 is 8.1% below 68.3: within 10%
            "Two schools were inspected after the year end.", "Priya Shah"),
        Row("CS11", "Average days between a child entering care and moving in with its adoptive family", "low",
            "days", "whole", 426, (498, 490, 482, 470, 465, 465, 460, 455, 452), "Green",  # 6.1% off
            "The regional adoption agency has shortened matching.", "Lee Jones"),
    ],
    PLACE: [
        Row("PL01", "% of household waste sent for reuse, recycling or composting", "high", "percent", "percent",
            45, (36.0, 38.0, 39.2, 37.5, 34.8, 37.4, 40.1, 41.0, 39.0), "Amber",  # 13% off; better than 37.5
            "Garden waste tonnage falls in the autumn.", "Chris Green"),
        Row("PL02", "Residual household waste per household (kg)", "low", "number", "whole",
            140, (610, 148, 150, 153, 149, 600, 147, 149, 151), "Green",  # 7.9% off
            "Within tolerance.", "Chris Green"),
        Row("PL03", "Missed bin collections per 100,000 collections", "low", "number", "whole",
            80, (85, 82, 84, 90, 88, 86, 88, 92, 95), "Red",  # 19% off; worse than 90
            "New rounds started in October; the crews are settling in.", "Chris Green"),
        Row("PL04", "% of major planning applications decided within 13 weeks", "high", "percent", "percent",
            70, (75.0, 80.0, 82.5, 85.0, 83.3, 82.7, 86.0, 87.5, 88.2), "Green",  # meets 70
            "Well above target.", "Mo Ahmed"),
        Row("PL05", "% of minor planning applications decided within 8 weeks", "high", "percent", "percent",
            75, (70.2, 68.0, 66.5, 63.0, 64.1, 65.4, 64.0, 63.5, 63.0), "Amber",  # 16% off; maintains 63.0
            "Two planning officers joined in January.", "Mo Ahmed"),
        Row("PL06", "Number of fly-tipping incidents reported", "low", "number", "count",
            1200, (5120, 1290, 1320, 1350, 1420, 5380, 1380, 1395, 1410), "Red",  # 17.5% off; worse than 1,350
            "Enforcement patrols were doubled in hot spots from January.", "Mo Ahmed"),
        Row("PL07", "Average days to repair a street light", "low", "number", "one",
            5, (6.1, 5.8, 5.5, 5.2, 5.0, 5.4, 4.9, 4.8, 4.6), "Green",  # meets 5
            "The new contractor is meeting its timescales.", "Chris Green"),
        Row("PL08", "% of council tax collected", "high", "percent", "percent",
            97.5, (96.9, 96.5, 96.8, 97.0, 97.2, 97.2, 96.9, 97.0, 97.1), "Green",  # 0.4% off
            "On course for the year.", "Mo Ahmed"),
        Row("PL09", "Cost of a bin collection per household", "low", "money", "money",
            1.20, (1.35, 1.33, 1.32, 1.30, 1.29, 1.32, 1.28, 1.30, 1.31), "Green",  # 9.2% off: within 10%
            "Fuel prices rose this quarter.", "Chris Green"),
        Row("PL10", "Number of empty homes brought back into use", "high", "number", "whole",
            40, (120, 28, 31, 30, 33, 122, 26, 24, 22), "Red",  # 45% off; worse than 30
            "The empty homes officer post was vacant from October to December.", "Mo Ahmed"),
        Row("PL11", "% of streets with unacceptable levels of litter (new indicator)", "low", "percent",
            "percent", "Baseline", (None, None, None, None, None, None, 8.0, 7.5, 7.2), "Blue",  # baseline year
            "The first year of the new survey sets the baseline.", "Chris Green"),
    ],
}

SETTINGS = (
    ("title", "Quarter 3 2016/17 Performance Exception Reports"),
    ("appendix", "Appendix 2 – Q3 2016/17 Exception Reports"),
    ("period", "Q3 2016/17"),
    ("committee", "Cabinet"),
    ("meeting_date", "2017-03-20"),
    ("organisation", "Anytown Borough Council"),
)
NOTES = (
    "Notes on this workbook",
    "Figures are made up for the committee_papers sample.",
    "Each directorate keeps its own sheet; the performance team checks them before the committee.",
)

__all__ = ["ADULTS", "ANNUAL", "CHILDREN", "NOTES", "PERIODS", "PLACE", "SETTINGS", "SHEETS", "Row"]
