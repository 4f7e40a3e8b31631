"""The report model: plain, immutable value objects, independent of any renderer."""

from .fiscal import FinancialYear, ReportingPeriod, quarter_of_month
from .report import ExceptionPage, Indicator, Report, Section
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
from .values import Direction, Judgement, Mark, Number, Pair, Polarity, Unit, Value, headline

__all__ = [
    "Block", "Cell", "Comparison", "DataRow", "DataTable", "Direction", "DotBasis", "DotColumn",
    "DotTable", "ExceptionPage", "FinancialYear", "Indicator", "Judgement", "ListBlock", "Mark",
    "Number", "Pair", "Paragraph", "Period", "PeriodKind", "Polarity", "Report",
    "ReportingPeriod", "RowStyle", "Run", "Section", "SupplementaryTable", "TableRow", "Target",
    "TargetKind", "Unit", "Value", "headline", "quarter_of_month",
]
