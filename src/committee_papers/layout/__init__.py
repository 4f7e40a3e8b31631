"""Renderer-neutral layout: what each page holds, decided once for Word and PDF."""

from .build import layout_report, page_layout
from .chart import Chart, ChartLine, Dash, Marker, Role, ValueAxis
from .grid import Placed, place
from .nodes import (
    Align,
    DocumentLayout,
    Heading,
    LayoutBlock,
    LayoutCell,
    LayoutRow,
    ListItems,
    PageLayout,
    Pagination,
    ParagraphKind,
    Scope,
    Span,
    SpanRole,
    Table,
    TextBlock,
    gap_after,
)

__all__ = [
    "Align", "DocumentLayout", "Heading", "LayoutBlock", "LayoutCell", "LayoutRow", "ListItems",
    "PageLayout", "Pagination", "ParagraphKind", "Placed", "Scope", "Span", "SpanRole", "Table", "TextBlock",
    "gap_after", "layout_report", "page_layout", "place",
]
__all__ += ["Chart", "ChartLine", "Dash", "Marker", "Role", "ValueAxis"]  # the trend chart
