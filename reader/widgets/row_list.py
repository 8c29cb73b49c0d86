"""RowList: a keyboard-driven list of multi-line rows that draws only the rows on screen.

A Line API widget (like `TextPane`): the owner gives each row's height (cheap numbers)
and a function that renders one row into lines of rich `Text`; the list keeps prefix
sums of the heights, and turns into strips only the rows that come into view (cached
until the rows or the width change). 10,000 rows cost 10,000 integers, not 10,000
rendered prompts.

The first `selectable` rows can be highlighted (up/down, page up/down, home/end, a click)
and chosen (Enter, a click): `RowList.Selected`. The highlighted row may render taller
than its given height (the owner shows it in full there, e.g. a long title wrapped);
the rows below it move down by the difference. Rows after the selectable ones (headings,
error messages) are drawn but never highlighted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

# (row, width, highlighted) -> the row's lines
RowRenderer = Callable[[int, int, bool], list[Text]]


def _no_rows(row: int, width: int, highlighted: bool) -> list[Text]:
    return []


class RowList(ScrollView, can_focus=True):
    """Rows of given heights, rendered on demand; a highlight moves over the first `selectable`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--highlight"}

    DEFAULT_CSS = """
    RowList {
        background: $surface;
        & > .row-list--highlight { background: $block-cursor-blurred-background; }
        &:focus > .row-list--highlight { background: $block-cursor-background; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next", id="row-next", show=False),
        Binding("up,k", "cursor_up", "Previous", id="row-previous", show=False),
        Binding("pagedown", "page_down", "Page down", id="row-page-down", show=False),
        Binding("pageup", "page_up", "Page up", id="row-page-up", show=False),
        Binding("home", "first", "First", id="row-first", show=False),
        Binding("end", "last", "Last", id="row-last", show=False),
        Binding("enter", "select", "Open", id="row-select", show=False),
    ]

    @dataclass
    class Selected(Message):
        """The reader chose row `index` (Enter or a click)."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._heights: list[int] = []
        self._tops: list[int] = [0]
        self._selectable = 0
        self._render_row: RowRenderer = _no_rows
        self._highlighted: int | None = None
        self._extra = 0  # how much taller the highlighted row renders than its height
        self._cache: dict[tuple[int, bool], list[Strip]] = {}
        self._texts: dict[tuple[int, bool], list[Text]] = {}
        self._width = 0
        self.drawn_rows: set[int] = set()  # rows rendered since the last `set_rows` (for tests)

    # -- content ----------------------------------------------------------------------

    def set_rows(
        self, heights: Sequence[int], selectable: int, render: RowRenderer, highlighted: int | None = 0
    ) -> None:
        """Show these rows: `heights[i]` lines each, the first `selectable` can be chosen."""
        self._heights = [max(1, height) for height in heights]
        self._tops = [0, *accumulate(self._heights)]
        self._selectable = min(selectable, len(self._heights))
        self._render_row = render
        self._forget()
        self._highlighted = None
        self._set_highlight(highlighted if self._selectable else None, scroll=False)
        if self._highlighted is not None:
            self._scroll_to_highlight()

    @property
    def row_count(self) -> int:
        return len(self._heights)

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        self._set_highlight(index)

    def row_text(self, index: int) -> Text:
        """Row `index` as drawn at the current width, its lines joined by newlines."""
        return Text("\n").join(self._row_texts(index, index == self._highlighted))

    def _forget(self) -> None:
        self._cache.clear()
        self._texts.clear()
        self.drawn_rows.clear()
        self.refresh()

    def refresh_rows(self) -> None:
        """Draw every row again (its marks or styles changed); heights stay."""
        self._forget()
        self._set_highlight(self._highlighted, scroll=False)

    # -- geometry ---------------------------------------------------------------------

    def _content_width(self) -> int:
        return self.scrollable_content_region.width or self.size.width

    def on_resize(self, event: Resize) -> None:
        if self._content_width() != self._width:
            self.refresh_rows()

    def _row_top(self, index: int) -> int:
        top = self._tops[index]
        return top + self._extra if self._highlighted is not None and index > self._highlighted else top

    def _row_height(self, index: int) -> int:
        return self._heights[index] + (self._extra if index == self._highlighted else 0)

    def _row_at(self, y: int) -> tuple[int, int] | None:
        """The row drawn on content line `y`, and the line inside it."""
        cursor = self._highlighted
        if cursor is not None and y >= self._tops[cursor]:
            if y < self._tops[cursor] + self._row_height(cursor):
                return cursor, y - self._tops[cursor]
            y -= self._extra
        row = bisect_right(self._tops, y) - 1
        if not 0 <= row < len(self._heights):
            return None
        return row, y - self._tops[row]

    def _update_virtual_size(self) -> None:
        self._width = self._content_width()
        self.virtual_size = Size(self._width, self._tops[-1] + self._extra)

    # -- the highlight ----------------------------------------------------------------

    def _set_highlight(self, index: int | None, *, scroll: bool = True) -> None:
        if index is not None and self._selectable:
            index = max(0, min(index, self._selectable - 1))
        else:
            index = None
        self._highlighted = index
        self._extra = 0 if index is None else max(0, len(self._row_texts(index, True)) - self._heights[index])
        self._update_virtual_size()
        self.refresh()
        if scroll and index is not None:
            self._scroll_to_highlight()

    def _scroll_to_highlight(self) -> None:
        if self._highlighted is None:
            return
        top = self._row_top(self._highlighted)
        bottom = top + self._row_height(self._highlighted)
        view = self.scrollable_content_region.height or 1
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_y + view:
            self.scroll_to(y=min(top, bottom - view), animate=False, immediate=True)

    def _move(self, delta: int) -> None:
        if self._selectable:
            start = self._highlighted if self._highlighted is not None else (0 if delta > 0 else self._selectable)
            self._set_highlight(start + delta if self._highlighted is not None else start)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def _rows_per_page(self) -> int:
        average = max(1, self._tops[-1] // max(1, len(self._heights)))
        return max(1, (self.scrollable_content_region.height or 1) // average)

    def action_page_down(self) -> None:
        self._move(self._rows_per_page())

    def action_page_up(self) -> None:
        self._move(-self._rows_per_page())

    def action_first(self) -> None:
        self._set_highlight(0)

    def action_last(self) -> None:
        """The last row that can be chosen, and the rows after it (headings, errors) in view."""
        self._set_highlight(self._selectable - 1, scroll=False)
        top = self._row_top(self._highlighted) if self._highlighted is not None else self.max_scroll_y
        self.scroll_to(y=min(top, self.max_scroll_y), animate=False, immediate=True, force=True)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    def on_click(self, event: Click) -> None:
        found = self._row_at(int(self.scroll_y) + event.y)
        if found is not None and found[0] < self._selectable:
            self._set_highlight(found[0])
            self.action_select()

    # -- rendering --------------------------------------------------------------------

    def _row_texts(self, index: int, highlighted: bool) -> list[Text]:
        key = (index, highlighted)
        texts = self._texts.get(key)
        if texts is None:
            texts = self._texts[key] = self._render_row(index, self._content_width(), highlighted)
            self.drawn_rows.add(index)
        return texts

    def _row_strips(self, index: int, highlighted: bool) -> list[Strip]:
        key = (index, highlighted)
        strips = self._cache.get(key)
        if strips is None:
            width = self._content_width()
            base = self.rich_style
            if highlighted:
                base += self.get_component_rich_style("row-list--highlight", partial=True)
            height = self._row_height(index) if highlighted else self._heights[index]
            texts = self._row_texts(index, highlighted)[:height]
            strips = [self._strip(text, width, base) for text in texts]
            strips += [Strip.blank(width, base)] * (height - len(strips))
            self._cache[key] = strips
        return strips

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        segments = list(text.render(self.app.console, end=""))
        return Strip(segments).apply_style(base).crop_extend(0, width, base)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        found = self._row_at(scroll_y + y)
        if found is None:
            return Strip.blank(width, self.rich_style)
        row, line = found
        strip = self._row_strips(row, row == self._highlighted)[line]
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)
