"""The report model: plain, immutable value objects, independent of any renderer."""

from .chart import ChartSeries, Comparator, TargetLine, TrendChart
from .charted import with_charts
from .fiscal import FinancialYear, ReportingPeriod, quarter_of_month
from .kpi import Frequency, Kpi, KpiData, KpiPeriod, KpiSettings, Observation
from .pack import Pack, ScorecardEntry
from .report import ExceptionPage, Indicator, Report, Section, check_language
from .status import DotConvention, Rag
from .tables import (
    Comparison,
    DataRow,
    DataTable,
    DotBasis,
    DotColumn,
    DotTable,
    Period,
    PeriodKind,
    Target,
    TargetKind,
)
from .text import Block, Cell, ListBlock, Paragraph, RowStyle, Run, SupplementaryTable, TableRow
from .values import (
    MAX_DIGITS,
    MAX_PLACES,
    Direction,
    Judgement,
    Mark,
    Number,
    Pair,
    Polarity,
    Unit,
    Value,
    check_figure,
    headline,
)

__all__ = [
    "MAX_DIGITS", "MAX_PLACES", "Block", "Cell", "Comparison", "DataRow", "DataTable", "Direction",
    "DotBasis", "DotColumn", "DotConvention", "DotTable", "ExceptionPage", "FinancialYear", "Frequency", "Indicator",
    "Judgement", "Kpi", "KpiData", "KpiPeriod", "KpiSettings", "ListBlock", "Mark", "Number",
    "Observation", "Pack", "Pair", "Paragraph", "Period", "PeriodKind", "Polarity", "Rag", "Report",
    "ReportingPeriod", "RowStyle", "Run", "ScorecardEntry", "Section", "SupplementaryTable",
    "TableRow", "Target", "TargetKind", "Unit", "Value", "check_figure", "check_language", "headline",
    "quarter_of_month",
]
__all__ += ["ChartSeries", "Comparator", "TargetLine", "TrendChart", "with_charts"]  # the trend chart
