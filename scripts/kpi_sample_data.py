"""The figures of samples/kpis.xlsx: 44 indicators in four portfolios, reported at Q3 2016/17.

Indicators marked REAL carry the figures Blackpool Council published in the two exception
report appendices in /work/shared/seeds (Q2 2015/16 and Q3 2016/17); their commentary is the
published text where it fits the period. Every other figure is illustrative: made up, fixed,
and chosen so that the default rules find a realistic mix of on-target, slightly-off and
far-off indicators.
"""

from __future__ import annotations

# (id, description, polarity, unit, target, target_kind, tolerance, england, stat_neighbours,
#  comparator_period, frequency, {period: value})
# Quarterly indicators give 2014/15 and 2015/16 outturns and Q1-Q3 2016/17 in that order; a few give
# Q3 2015/16 too, the same quarter last year that Havering's published Amber rule compares with.
Q = ("2014/15", "2015/16", "Q1 2016/17", "Q2 2016/17", "Q3 2016/17")
A = ("2013/14", "2014/15", "2015/16")
MONTHS = ("2016-04", "2016-05", "2016-06", "2016-07", "2016-08", "2016-09", "2016-10", "2016-11", "2016-12")

Row = tuple[str, str, str, str, object, str | None, float | None, float | None, float | None, str | None,
            str | None, dict[str, float]]


def q(*figures: float | None, periods: tuple[str, ...] = Q) -> dict[str, float]:
    """Return figures keyed by period, leaving out the blanks."""
    return {p: f for p, f in zip(periods, figures, strict=True) if f is not None}


ADULTS = "ADULT SOCIAL CARE"
CHILDREN = "CHILDREN'S SERVICES"
HEALTH = "PUBLIC HEALTH"
RESOURCES = "RESOURCES"

INDICATORS: dict[str, list[Row]] = {
    ADULTS: [
        ("ASC01", "Percentage of long-term service users with an annual review (new indicator)", "high", "percent",
         None, "baseline", None, None, None, None, "quarterly", q(None, 54, 22.7, 38, 61.6)),  # REAL
        ("ASC02", "Permanent admissions of older people (65+) to residential and nursing care per 100,000",
         "low", "rate", 700, None, None, 628.2, 702.5, "2015/16", None, q(742.5, 718.3, 706.2, 695.8, 688.1)),
        ("ASC03", "% of older people still at home 91 days after discharge into reablement", "high", "percent",
         85, None, None, 82.7, 81.9, "2015/16", None, q(82.4, 83.9, 84.6, 85.3, 86.0)),
        ("ASC04", "Delayed transfers of care from hospital per 100,000 adults (daily average)", "low", "rate",
         9.0, None, None, 12.1, 10.4, "2015/16", None, q(10.8, 11.9, 12.6, 13.4, 14.1)),
        ("ASC05", "% of adults with learning disabilities in paid employment", "high", "percent",
         7.5, None, None, 5.8, 6.2, "2015/16", None, q(6.4, 6.9, 7.0, 7.1, 7.3)),
        ("ASC06", "% of adults with learning disabilities living in their own home or with their family",
         "high", "percent", 80, None, None, None, None, None, None, q(78.2, 79.5, 80.1, 80.4, 80.9)),
        ("ASC07", "% of safeguarding enquiries where the risk was reduced or removed", "high", "percent",
         90, None, None, None, None, None, None, q(84.0, 86.5, 79.2, 77.8, 76.1)),
        ("ASC08", "% of carers' assessments completed within 28 days", "high", "percent",
         95, None, None, None, None, None, None, {**q(88.1, 90.3, 84.5, 83.2, 85.0), "Q3 2015/16": 82.0}),
        ("ASC09", "Number of people receiving direct payments", "high", "count",
         1150, None, None, None, None, None, None, q(1040, 1098, 1112, 1126, 1131)),
        ("ASC10", "% of social care users satisfied with their care and support (annual survey)", "high",
         "percent", 65, None, None, 64.4, 63.8, "2015/16", "annual", q(62.9, 63.4, 64.1, periods=A)),
        ("ASC11", "Average days from referral to the start of a package of care", "low", "days",
         28, None, None, None, None, None, None, q(31, 29, 27, 28, 29)),
    ],
    CHILDREN: [
        ("CS01", "Number of referrals to children's social care", "low", "count",
         2291, None, None, None, None, None, None, q(2774, 2549, 2813, 3031, 3039)),  # REAL
        ("CS02", "Rate of referrals to children's social care per 10,000 children", "low", "rate",
         795.4, None, None, None, None, None, None, q(955.6, 884.8, 980.7, 1056.6, 1059.4)),  # REAL
        ("CS03", "Number of children looked after", "low", "count",
         443, None, None, None, None, None, None, q(454, 469, 487, 504, 501)),  # REAL
        ("CS04", "Rate of children looked after per 10,000 population", "low", "rate",
         153.8, None, None, None, None, None, None, q(156.4, 162.8, 169.8, 175.7, 174.7)),  # REAL
        ("CS05", "% of children who became subject to a child protection plan for a second or subsequent time",
         "low", "percent", None, "decrease", None, 15.8, 12.6, "2013/14", None,
         q(18.2, 19.1, 21.6, 16.1, 19.1)),  # REAL
        ("CS06", "% of children attending a primary or secondary school judged by Ofsted to be Good or "
         "Outstanding", "high", "percent", 75, None, None, None, None, None, "annual",
         q(73.2, 68.3, 62.8, periods=A)),  # REAL
        ("CS07", "Achievement of 5 or more A* - C grades at GCSE or equivalent including English and Maths",
         "high", "percent", 55, None, None, 56, None, "2015", "annual", q(46.2, 44, 41.5, periods=A)),  # REAL
        ("CS08", "% of single assessments completed within 45 working days", "high", "percent",
         85, None, None, 83.4, 80.9, "2015/16", None, q(79.5, 82.1, 86.4, 87.9, 88.3)),
        ("CS09", "% of care leavers aged 19-21 in education, employment or training", "high", "percent",
         50, None, None, 49, 47, "2015/16", None, q(44.1, 47.0, 45.2, 43.8, 42.5)),
        ("CS10", "Number of in-house foster carer households", "high", "count",
         150, None, None, None, None, None, None, q(138, 141, 143, 146, 148)),
        ("CS11", "% of children placed for adoption within 12 months of the decision", "high", "percent",
         60, None, None, None, None, None, None, q(55.0, 58.3, 61.0, 62.5, 63.1)),
    ],
    HEALTH: [
        ("PH01", "% of opiate drug users successfully completing treatment who do not re-present to treatment "
         "within 6 months", "high", "percent", None, "increase", None, 6.7, None, "2015/16", "quarterly",
         q(9.38, 5.75, periods=A[:2]) | q(5.7, 6.4, 6.6, 6.2, 5.9, 5.6,
                                          periods=("Q1 2015/16", "Q2 2015/16", *Q[1:]))),  # REAL to Q2 2015/16
        ("PH02", "% of non-opiate drug users successfully completing treatment who do not re-present to "
         "treatment within 6 months", "high", "percent", None, "increase", None, 37.3, None, "2015/16",
         "quarterly", q(43.43, 51.22, periods=A[:2]) | q(51.2, 46.9, 45.8, 44.9, 46.3, 47.5,
                                                         periods=("Q1 2015/16", "Q2 2015/16", *Q[1:]))),  # REAL to Q2
        ("PH03", "% of successful completions for alcohol treatment", "high", "percent", None, "increase", None,
         38.4, None, "2015/16", "quarterly",
         q(54.6, 44.5, periods=A[:2]) | q(44.6, 41, 40.2, 36.8, 37.9, 38.5,
                                          periods=("Q1 2015/16", "Q2 2015/16", *Q[1:]))),  # REAL to Q2 2015/16
        ("PH04", "% of people offered an NHS Health Check who received one", "high", "percent",
         50, None, None, 48.9, None, "2015/16", None, q(45.3, 48.2, 49.1, 50.4, 51.0)),
        ("PH05", "Smokers who have successfully quit at 4 weeks per 100,000 smokers", "high", "rate",
         2900, None, None, 2829, None, "2015/16", None, q(3102, 2954, 2712, 2685, 2701)),
        ("PH06", "% of mothers smoking at the time of delivery", "low", "percent",
         20, None, None, 10.6, 15.9, "2015/16", None, q(26.1, 25.2, 24.8, 25.3, 25.9)),
        ("PH07", "% of children in Reception (aged 4-5) with excess weight", "low", "percent",
         22, None, None, 22.1, 23.4, "2015/16", "annual", q(24.4, 23.9, 22.6, periods=A)),
        ("PH08", "Chlamydia detection rate per 100,000 people aged 15-24", "high", "rate",
         2300, None, None, 1887, None, "2015/16", None, q(2410, 2266, 2198, 2244, 2291)),
        ("PH09", "% of new birth visits completed within 14 days", "high", "percent",
         95, None, None, 87.6, None, "2015/16", None, q(93.8, 94.6, 95.2, 95.8, 96.1)),
        ("PH10", "Number of adults in structured alcohol treatment", "high", "count",
         850, None, None, None, None, None, None, q(912, 861, 802, 788, 779)),
        ("PH11", "% of adults who are physically active (150 minutes a week)", "high", "percent",
         60, None, None, None, None, None, "annual", {}),
    ],
    RESOURCES: [
        ("RES01", "Council tax collected against the in-year collection profile (%)", "high", "percent",
         100, None, 0.005, None, None, None, None, q(99.6, 100.2, 99.7, 99.9, 100.1)),
        ("RES02", "Business rates collected against the in-year collection profile (%)", "high", "percent",
         100, None, 0.005, None, None, None, None, q(100.3, 99.8, 100.5, 100.2, 100.4)),
        ("RES03", "Average working days lost to sickness absence per full-time employee (rolling 12 months)",
         "low", "days", 8.5, None, None, None, None, None, None, q(9.4, 9.1, 9.3, 9.6, 10.2)),
        ("RES04", "Average days to process a new Housing Benefit claim", "low", "days",
         20, None, None, 22, 21, "2015/16", "monthly",
         q(22.1, 21.4, periods=("2014/15", "2015/16"))
         | q(19.8, 20.5, 21.2, 20.9, 21.8, 22.6, 23.4, 24.1, 24.9, periods=MONTHS)),
        ("RES05", "% of undisputed invoices paid within 30 days", "high", "percent",
         95, None, None, None, None, None, None, q(93.1, 94.4, 95.6, 96.0, 95.8)),
        ("RES06", "% of Freedom of Information requests answered within 20 working days", "high", "percent",
         90, None, None, None, None, None, None, q(86.0, 88.9, 82.4, 79.3, 84.7)),
        ("RES07", "% of calls to the contact centre answered", "high", "percent",
         90, None, None, None, None, None, None, q(88.2, 91.0, 84.3, 80.6, 83.9)),
        ("RES08", "Forecast net revenue budget overspend (£000)", "low", "money",
         0, None, None, None, None, None, None, {**q(1250, 840, 1900, 2350, 2100), "Q3 2015/16": 2600}),
        ("RES09", "% of staff with an annual appraisal completed", "high", "percent",
         95, None, None, None, None, None, "annual", q(84.0, 88.0, 91.5, periods=A)),
        ("RES10", "Number of Freedom of Information requests received", "none", "count",
         None, None, None, None, None, None, None, q(1184, 1262, 341, 322, 356)),
        ("RES11", "% of council buildings with a current fire risk assessment", "high", "percent",
         100, None, None, None, None, None, None, q(96, 98, 99, 100, 100)),
    ],
}

VALUE_NOTES = {("RES04", "2016-12"): "provisional", ("ASC10", "2015/16"): "survey of 2015/16, published 2016"}

SEE_ABOVE = "** See commentary above re: children's social care whole system review**"  # REAL

# indicator id -> (commentary, notes); paragraphs are separated by a blank line.
COMMENTARY: dict[str, tuple[str, str | None]] = {
    "ASC01": (  # REAL (Q3 2016/17)
        "This new, local indicator was introduced at the end of 2015/2016 to replace the local indicator which "
        "reported on the number of clients in receipt of any service at any point in the year who received a "
        "completed review. This new indicator refers only to those clients who were in receipt of long-term "
        "services at the start and end of the reporting period, ensuring that we are reporting on those who "
        "genuinely require a review at some point in the reporting year.\n\n"
        "Quarter 3 sees a significant increase in the proportion of clients with a completed review. There are a "
        "total of 535 clients who have been on the books since 1 April 2016 who have not yet received a completed "
        "review, although some of these are not due to receive their annual review until the final quarter of the "
        "year.", "The figure is cumulative: it rises through the year."),
    "ASC04": ("Delays attributable to both health and social care have risen since the summer, mainly while "
              "people wait for a home care package. A joint action plan with the hospital trust starts in "
              "January.\n\nTwo new home care providers began taking packages in December.", None),
    "ASC07": ("The fall reflects a change in how outcomes are recorded rather than a change in practice: "
              "enquiries closed with the risk remaining but accepted by the person are now counted separately. "
              "An audit of a sample of closed enquiries is under way.", None),
    "ASC11": ("Waiting times rose slightly in Q3 because of the shortage of home care capacity described under "
              "delayed transfers of care.", None),
    "CS01": (  # REAL (Q3 2016/17), without the new director's name
        "The Corporate Delivery Unit are now four weeks into a mapping exercise with Children's Services and are "
        "working with staff and managers at all levels to understand how support is coordinated, how services "
        "are managing resources effectively to match demand and how systems and processes support or challenge "
        "practitioners to do the right thing for children and families in Blackpool.\n\n"
        "The mapping exercise will be used to support the interim Director of Children's Services and the new "
        "Director of Children's Services coming into post in April, to work with the service as a whole to "
        "determine where attention needs to be focussed to deliver practical, process and cultural change to "
        "deliver real measurable improvements in performance and outcomes for children.", None),
    "CS02": (SEE_ABOVE, None),
    "CS03": (SEE_ABOVE, None),
    "CS04": (SEE_ABOVE, "From Dec 2012 population figures revised from 26,227 to 28,853 based on Jan 2011 "
             "Census. This resulted in a further increase in rate."),  # REAL
    "CS05": (SEE_ABOVE, None),
    "CS06": (  # REAL (Q2 2015/16)
        "School Improvement has reviewed the process of school categorisation which determines the level of "
        "challenge and support in relation to each school's Ofsted category and key priorities. This will allow "
        "a clear programme of direct and brokered support which will target schools' priorities.\n\n"
        "Furthermore, opportunities for both peer support and school to school support have begun which will "
        "encourage schools to raise expectations and aim for Outstanding at their next inspection.", None),
    "CS07": (  # REAL (Q2 2015/16)
        "Secondary attainment is being addressed through the Challenge Board. Schools have been required to "
        "submit targets for 2016 for each measure which are being monitored at termly data drops.\n\n"
        "In addition, School Improvement holds termly Focus Meetings with each Secondary Academy to review "
        "progress towards targets.", "England figure: National Average, Perf Tab (Jan 2015)."),
    "CS09": ("Fewer care leavers are in education or training since two college courses closed in September. "
             "Personal advisers are working with each young person not in education, employment or training "
             "on an individual plan.", None),
    "PH01": ("Completions have fallen each quarter this year as the treatment system keeps clients in the wider "
             "recovery offer for longer after their clinical intervention. The provider is reviewing exits "
             "with the commissioner monthly.", None),
    "PH06": ("Smoking at delivery remains well above England. The stop smoking service is piloting a midwife-"
             "led referral at the booking appointment, with carbon monoxide screening for every mother.", None),
    "PH10": ("Numbers in alcohol treatment continue to fall. Public Health is concerned at the low numbers "
             "accessing treatment and the provider has been placed on a remedial action plan.", None),
    "RES03": ("Sickness absence has risen for three quarters, driven by long-term absence for stress and "
              "musculoskeletal conditions. Occupational health referrals are now made at 10 days.", None),
    "RES04": ("Processing times have lengthened since July because of vacancies in the benefits team and the "
              "move to the new system. Agency staff started in December.\n\nThe December figure is provisional.",
              None),
    "RES08": ("The forecast overspend is mainly in children's placements. Spending controls agreed by the "
              "Executive in November have reduced it since Q2.", None),
}

SETTINGS = (
    ("title", "Q3 2016/17 Performance Exception Reports"),
    ("appendix", "Appendix 5(b) - Exception Reports (Quarter 3 2016/2017)"),
    ("period", "Q3 2016/17"),
    ("committee", "Executive"),
    ("meeting_date", "2017-03-20"),
    ("organisation", "Example Borough Council"),
)
