"""The report model: plain, immutable value objects, independent of any renderer."""

from .chart import ChartSeries, Comparator, TargetLine, TrendChart
from .charted import with_charts
from .cleaning import clean_text, unclean_characters
from .columns import Period, PeriodKind
from .figures import NotAFigure, WrittenFigure, parse_figure
from .kpi import Kpi, KpiData, KpiSettings, Observation, Stated
from .language import check_language
from .notice import Notice
from .page import (
    ExceptionPage,
    Indicator,
    IndicatorTable,
    MarksKey,
    PageBlock,
    StatusBlock,
    TextKind,
    TextSection,
)
from .periods import (
    MONTH_NAMES,
    MONTHS,
    FinancialYear,
    FiscalPeriod,
    Frequency,
    PeriodWithoutYear,
    ReportingPeriod,
    parse_period,
    quarter_of_month,
)
from .report import Report, Section
from .status import DotConvention, Rag
from .tables import (
    STATED_TOKENS,
    Comparison,
    DataRow,
    DataTable,
    DotBasis,
    DotColumn,
    DotTable,
    FigureNote,
    StatedCell,
    Target,
    TargetKind,
)
from .targets import TargetComparison
from .text import (
    Block,
    Cell,
    ColumnAlign,
    ListBlock,
    Paragraph,
    RowStyle,
    Run,
    SubHeading,
    SupplementaryTable,
    TableRow,
    as_blocks,
)
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
    "MAX_DIGITS", "MAX_PLACES", "MONTHS", "MONTH_NAMES", "Block", "Cell", "Comparison", "DataRow",
    "DataTable", "Direction", "DotBasis", "DotColumn", "DotConvention", "DotTable", "ExceptionPage",
    "FinancialYear", "FiscalPeriod", "Frequency", "Indicator", "Judgement", "Kpi", "KpiData",
    "KpiSettings", "ListBlock", "Mark", "NotAFigure", "Notice", "Number", "Observation", "Pair",
    "Paragraph", "Period", "PeriodKind", "PeriodWithoutYear", "Polarity", "Rag", "Report", "ReportingPeriod",
    "RowStyle", "Run", "Section", "Stated", "SupplementaryTable", "TableRow", "Target",
    "TargetComparison", "TargetKind", "Unit", "Value", "WrittenFigure", "as_blocks", "check_figure", "check_language",
    "clean_text", "headline", "parse_figure", "parse_period", "quarter_of_month", "unclean_characters",
]
__all__ += ["ChartSeries", "Comparator", "TargetLine", "TrendChart", "with_charts"]  # the trend chart
__all__ += ["IndicatorTable", "MarksKey", "PageBlock", "StatusBlock", "SubHeading", "TextKind",
            "TextSection"]  # a page's blocks
__all__ += ["ColumnAlign"]  # a supplementary table's columns
__all__ += ["STATED_TOKENS", "FigureNote", "StatedCell"]  # words in figure cells
