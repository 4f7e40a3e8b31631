"""Draw a layout table: spans, header shading, alignment, widths, and splitting across pages.

Header rows repeat at the top of each page a table runs onto. A table breaks between rows; a
row taller than a page breaks inside itself, each cell's text flowing on to the next page. A
cell spanning rows on two pages is drawn as a box on each, its text where it fits.
"""

from __future__ import annotations

from ...layout import LayoutCell, SpanRole, Table, place
from .draw import Painter
from .paragraphs import Para, layout_lines
from .styles import Styles
from .tagging import Element, cell_element, table_rows
from .text import EPSILON

RULE = 0.5  # width of the cell borders
MAX_HEADER = 1 / 3  # header rows taller than this part of a page are not repeated
REMEMBERED = 20_000  # laid-out cells kept for reuse, so a huge report's memory stays bounded


def _layout(cell: LayoutCell, width: float, size: float, side: float, styles: Styles) -> Para | None:
    """Return a cell's text laid out at ``size`` (a small cell's in proportion) inside ``side``
    points of padding either side, to share between all cells like it on every page."""
    if not cell.text:
        return None
    house = styles.house
    if cell.small:
        size *= house.small_size / house.table_size
    style = styles.get("cell", size=size, align=cell.align.value)
    lines = layout_lines(cell.spans, styles.fonts, style, width - 2 * side)
    return Para(lines, style, width - 2 * side, memo=[None])


def _key(cell: LayoutCell, width: float, size: float, side: float) -> tuple[object, ...]:
    """Return what a cell's laid-out text depends on, cheaply hashed in the usual case."""
    spans = cell.spans
    if len(spans) == 1 and spans[0].colour is None and spans[0].role is SpanRole.TEXT:
        span = spans[0]
        return span.text, span.bold, span.italic, cell.small, cell.align.value, width, size, side
    return spans, cell.small, cell.align, width, size, side


class Cell:
    """A cell on the grid, its laid-out text and how much of it is drawn."""

    __slots__ = ("cols", "column", "drawn", "element", "fill", "para", "row", "rows", "width", "x")

    def __init__(self, cell: LayoutCell, row: int, column: int, x: float, width: float,
                 size: float, side: float, styles: Styles) -> None:
        self.row, self.column, self.rows, self.cols = row, column, cell.rowspan, cell.colspan
        self.x, self.width, self.fill = x, width, cell.fill
        self.drawn = 0  # lines drawn on earlier pages
        self.element: Element | None = None  # what its text is tagged as, when tagged
        key = _key(cell, width, size, side)
        cells = styles.cells
        if key in cells:
            self.para: Para | None = cells[key]
        else:
            if len(cells) > REMEMBERED:
                cells.clear()
            self.para = cells[key] = _layout(cell, width, size, side, styles)  # shared: never split it

    @property
    def end(self) -> int:
        """Return the last row the cell covers."""
        return self.row + self.rows - 1

    def remaining(self) -> int:
        """Return how many of its lines are still to be drawn."""
        return 0 if self.para is None else len(self.para.lines) - self.drawn


def _tag(table: Table, cells: list[Cell], layout: list[LayoutCell], parent: Element) -> None:
    """Make the table's structure elements under ``parent``: Table, TR, and TH or TD."""
    rows = table_rows(table, parent)
    for cell, source in zip(cells, layout, strict=True):
        cell.element = cell_element(source, cell.cols, cell.rows, rows[cell.row])


class TableBlock:
    """A table that draws itself a page at a time."""

    keep_with_next = False
    space_before = 0.0
    space_after = 0.0  # Word puts no space after a table: the next paragraph's own space follows

    def __init__(self, table: Table, styles: Styles, frame_width: float, frame_height: float,
                 parent: Element | None = None) -> None:
        self.styles, self.frame_height = styles, frame_height
        spacing = styles.house.spacing  # the template's cell margins, as Word draws them
        size = styles.house.table_size if table.size is None else table.size  # as the layout set it
        self.pad_x = spacing.cell_side if table.cell_side is None else table.cell_side
        self.pad_top = spacing.cell_top
        self.paddings = spacing.cell_top + spacing.cell_bottom + spacing.border
        widths = [fraction * frame_width for fraction in table.widths]
        lefts = [sum(widths[:c]) for c in range(len(widths))]
        self.columns = len(widths)
        placed = place(table)
        self.cells = [Cell(p.cell, p.row, p.column, lefts[p.column],
                           sum(widths[p.column:p.column + p.cell.colspan]), size, self.pad_x, styles)
                      for p in placed]
        if parent is not None:
            _tag(table, self.cells, [p.cell for p in placed], parent)
        self.header_drawn = False  # whether the header rows are drawn once: repeats are artifacts
        self.starting: list[list[Cell]] = [[] for _ in table.rows]
        for cell in self.cells:
            self.starting[cell.row].append(cell)
        self.empty_line = styles.get("cell", size=size).leading  # an empty cell is one line high
        self.heights = self._heights(len(table.rows))
        self.header_rows = table.header_rows
        if sum(self.heights[:self.header_rows]) > frame_height * MAX_HEADER:
            self.header_rows = 0  # too tall to repeat: the header rows flow (and split) as rows
        self.spanning = [c for c in self.cells if c.rows > 1 and c.row >= self.header_rows]
        self.next_row = self.header_rows
        self.started: set[int] = set()  # rows split across pages

    def _content(self, cell: Cell) -> float:
        return self.empty_line if cell.para is None else cell.para.height

    def _heights(self, count: int) -> list[float]:
        heights = [self.paddings] * count
        for cell in self.cells:
            if cell.rows == 1:
                heights[cell.row] = max(heights[cell.row], self._content(cell) + self.paddings)
        for cell in self.cells:
            if cell.rows > 1:
                short = self._content(cell) + self.paddings - sum(heights[cell.row:cell.end + 1])
                if short > 0:
                    heights[cell.end] += short
        return heights

    @property
    def height(self) -> float:
        """Return the height of the whole table."""
        return sum(self.heights)

    def _remaining(self, row: int) -> float:
        if row not in self.started:
            return self.heights[row]
        needed = [c.remaining() * c.para.leading for c in self.starting[row] if c.rows == 1 and c.para]
        return max(needed, default=0.0) + self.paddings

    def min_first(self) -> float:
        """Return the least height of a first piece: the header rows and one body row."""
        head = sum(self.heights[:self.header_rows])
        if self.next_row >= len(self.heights):
            return head
        return head + min(self._remaining(self.next_row), self.empty_line * 2 + self.paddings)

    def _partial(self, row: int, room: float, force: bool) -> float | None:
        """Return the height of the part of ``row`` that fits in ``room``, or None."""
        tallest = 0.0
        for cell in self.starting[row]:
            left = cell.remaining()
            if cell.rows > 1 or cell.para is None or not left:
                continue
            fit = min(left, int((room - self.paddings + EPSILON) / cell.para.leading))
            if fit <= 0:
                if not force:
                    return None
                fit = 1
            tallest = max(tallest, fit * cell.para.leading)
        return tallest + self.paddings if tallest else None

    def draw_part(self, painter: Painter, x: float, top: float, available: float,
                  at_top: bool) -> tuple[float, bool]:
        """Draw the rows that fit (after the header rows); return the height and whether done."""
        count, first = len(self.heights), self.next_row
        rows = [(r, self.heights[r]) for r in range(self.header_rows)]
        used = sum(h for _, h in rows)
        row = first
        while row < count and used + self._remaining(row) <= available + EPSILON:
            rows.append((row, self._remaining(row)))
            used += rows[-1][1]
            row += 1
        partial = False
        if row < count:
            too_tall = sum(self.heights[:self.header_rows]) + self._remaining(row) > self.frame_height
            if row == first and not too_tall and not at_top:
                return 0.0, False  # the row starts the next page, under the header rows
            if row == first or too_tall:
                height = self._partial(row, available - used, force=at_top and row == first)
                if height is None and row == first:
                    if not at_top:
                        return 0.0, False
                    height = self._remaining(row)  # nothing can do better: draw it whole
                if height is not None:
                    rows.append((row, height))
                    used += height
                    partial = True
        elif used > available + EPSILON and not at_top and rows:
            return 0.0, False
        self._draw(painter, x, top, rows, partial)
        last = rows[-1][0] if rows else first - 1
        if partial:
            self.started.add(last)
            partial = any(c.remaining() for c in self.starting[last] if c.rows == 1)  # text left over
        self.next_row = last if partial else last + 1
        return used, self.next_row >= count

    def _draw(self, painter: Painter, x: float, top: float, rows: list[tuple[int, float]],
              partial: bool) -> None:
        tops: dict[int, tuple[float, float]] = {}
        y = top
        for row, height in rows:
            tops[row] = (y, height)
            y -= height
        header = self.header_rows
        body = [row for row, _ in rows[header:]]
        cells = [c for r in range(header) for c in self.starting[r]]
        low = high = -1
        if body:
            low, high = body[0], body[-1]
            cells += [c for c in self.spanning if c.row < low <= c.end]
            cells += [c for r in body for c in self.starting[r]]
        bottom_row = rows[-1][0] if rows else -1
        boxes: list[tuple[float, float, float, float]] = []
        fills = []
        texts = []
        for cell in cells:
            if cell.row < header:
                first, last = cell.row, min(cell.end, header - 1)
            else:
                first, last = max(cell.row, low), min(cell.end, high)
            box_top = tops[first][0]
            box_bottom = tops[last][0] - tops[last][1]
            left = x + cell.x
            box = (left, box_bottom, cell.width, box_top - box_bottom)
            boxes.append(box)
            if cell.fill is not None:
                fills.append((box, cell.fill))
            if cell.para is not None:
                final = cell.row < header or (cell.end <= last and not (partial and cell.end == bottom_row))
                texts.append((cell, left, box_top, box_bottom, final))
        if fills:
            painter.artifact()
            for box, fill in fills:
                painter.fill_rect(*box, fill)
            painter.end()
        repeated = self.header_drawn and header > 0
        self.header_drawn = True
        for cell, left, box_top, box_bottom, final in texts:
            self._draw_text(painter, cell, left, box_top, box_bottom, final, repeated)
        if boxes:
            painter.artifact()
            painter.boxes(boxes, RULE, self.styles.house.border_colour)  # each cell's own border
            painter.end()

    def _draw_text(self, painter: Painter, cell: Cell, left: float, box_top: float,
                   box_bottom: float, final: bool, repeated: bool) -> None:
        para = cell.para
        assert para is not None
        header = cell.row < self.header_rows
        start = 0 if header else cell.drawn
        left_over = len(para.lines) - start
        room = box_top - box_bottom - self.paddings
        count = left_over if final else min(left_over, int((room + EPSILON) / para.leading))
        if count <= 0:
            return
        text_top = box_top - self.pad_top
        if count == left_over:  # all the rest fits: centred in the box, as VALIGN MIDDLE
            text_top -= max(0.0, (room - count * para.leading) / 2)
        if (header and repeated) or cell.element is None:  # a repeated header row is an artifact
            painter.artifact()
            para.draw_lines(painter, left + self.pad_x, text_top, start, count)
            painter.end()
        else:
            para.draw_lines(painter, left + self.pad_x, text_top, start, count, cell.element)
        if not header:
            cell.drawn = start + count
