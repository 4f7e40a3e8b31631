"""Pure assessment: direction of travel, judgement and findings. Results are enums."""

from .check import Finding, Severity, check
from .dot import Assessment, assess_change
from .page import comparison_dot, row_dot

__all__ = [
    "Assessment", "Finding", "Severity", "assess_change", "check", "comparison_dot", "row_dot",
]
