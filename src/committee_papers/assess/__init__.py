"""Pure assessment: direction of travel, judgement, status and findings, computed once.

Its results (``results``) are plain values that layout places; nothing here knows a renderer.
"""

from .check import Finding, Severity, check
from .dot import assess_change
from .page import assess_page, assess_report, comparison_dot, row_dot
from .results import Assessment, Pack, PageMarks, RagStatus, ReportMarks, RowDot, ScorecardEntry, TableMarks

__all__ = [
    "Assessment", "Finding", "Pack", "PageMarks", "RagStatus", "ReportMarks", "RowDot", "ScorecardEntry",
    "Severity", "TableMarks",
    "assess_change", "assess_page", "assess_report", "check", "comparison_dot", "row_dot",
]
