"""TextPane: a scrollable pane of article blocks, laid out by the RTL text engine.

A Line API widget (like Textual's Log): only the lines on screen are turned into strips,
so a 2 MB article scrolls as smoothly as a short one. The pane lays its blocks out at its
own width; a resize lays them out again (the engine caches per paragraph and width).
Long texts are laid out lazily: the first screens synchronously, the rest in a thread
worker, so the first paint never waits for the whole article. A place further on (End, a
place kept across a resize or restored from last time, a search hit) is laid out at once,
ahead of the layout from the top (`reader.widgets.pane_lines`), which pauses while the
reader scrolls or resizes. The layout threads share nothing with the app: each is handed an
immutable `LayoutBatch` and hands its lines back in a `BatchLaidOut` message.

Search matches are given as logical spans per block and drawn where their letters are
displayed, after shaping and reordering.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.article.document import Block, Role
from reader.article.urls import check_url
from reader.text.layout import DisplayLine, LayoutOptions
from reader.widgets.pane_lines import (
    PaneLine,
    PaneLines,
    blocks_filling,
    estimated_line_count,
    last_blocks_filling,
    layout_blocks,
)

# Below this many characters a pane lays everything out at once.
LAZY_LAYOUT_THRESHOLD = 60_000
LAZY_BATCH_BLOCKS = 200
# After a scroll or a resize the background layout pauses this long: it would otherwise
# hold the interpreter while the app redraws, and every key would wait for it.
GIVE_WAY_SECONDS = 0.25

Span = tuple[int, int]


@dataclass(frozen=True)
class LayoutBatch:
    """Blocks [start, stop) for a layout thread to lay out, for layout `generation`."""

    generation: int
    blocks: tuple[Block, ...]
    start: int
    stop: int
    width: int
    options: LayoutOptions


@dataclass(frozen=True)
class MatchPosition:
    block: int
    span: Span


def _overlap(first: range, second: range) -> bool:
    return first.start < second.stop and second.start < first.stop


class TextPane(ScrollView, can_focus=True):
    """A pane of article text: the body, the key facts, the captions or the source."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "text-pane--title",
        "text-pane--byline",
        "text-pane--heading",
        "text-pane--link",
        "text-pane--figure",
        "text-pane--match",
        "text-pane--current-match",
    }

    DEFAULT_CSS = """
    TextPane {
        height: 1fr;
        padding: 0 1;
        border: round $panel;
        scrollbar-size-vertical: 1;
        & > .text-pane--title { text-style: bold; color: $text-primary; }
        & > .text-pane--byline { color: $text-muted; }
        & > .text-pane--heading { text-style: bold; color: $text-accent; }
        & > .text-pane--link { color: $text-primary; text-style: underline; }
        & > .text-pane--figure { color: $text-muted; }
        & > .text-pane--match { background: $warning 40%; }
        & > .text-pane--current-match { background: $warning; color: $background; text-style: bold underline; }
        &:focus { border: round $primary; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Line down", id="line-down", show=False),
        Binding("k,up", "scroll_up", "Line up", id="line-up", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="page-down", show=False),
        Binding("b,pageup", "page_up", "Page up", id="page-up", show=False),
        Binding("g,home", "scroll_home", "Top", id="top", show=False),
        Binding("G,end", "scroll_end", "End", id="end", show=False),
    ]

    def __init__(
        self,
        blocks: Sequence[Block] = (),
        options: LayoutOptions = LayoutOptions(),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._blocks: tuple[Block, ...] = tuple(blocks)
        self._options = options
        self._laid = PaneLines()
        self._pending_place: tuple[int, int] | None = None
        self._layout_waits_until = 0.0  # monotonic time before which no layout batch starts
        self._base_style = Style()
        self._layout_width = 0
        self._generation = 0
        self._matches: dict[int, list[Span]] = {}
        self._current: MatchPosition | None = None

    # -- content ---------------------------------------------------------------------

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self._blocks

    @property
    def _lines(self) -> list[PaneLine]:
        return self._laid.lines

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def layout_complete(self) -> bool:
        return self._laid.complete(len(self._blocks))

    def set_content(self, blocks: Sequence[Block], options: LayoutOptions | None = None) -> None:
        """Show other blocks, from the top."""
        self._blocks = tuple(blocks)
        self._options = options or self._options
        self._matches, self._current = {}, None
        self._relayout(0)

    def resize_blocks(self, blocks: Sequence[Block]) -> None:
        """The same blocks, some of them taller or shorter (a photo's size is known now): laid
        out again with the same line of the same block at the top, and the find marks kept
        (the text has not changed)."""
        block, offset = self.top_place()
        self._blocks = tuple(blocks)
        self._relayout(min(block, max(0, len(self._blocks) - 1)))
        if offset:
            self.scroll_to_place(block, offset)

    def set_options(self, options: LayoutOptions) -> None:
        """Lay the text out again with other options (bidi mode, harakat), keeping the place."""
        anchor = self._top_block()
        self._options = options
        self._relayout(anchor)

    def displayed_lines(self) -> list[str]:
        """The pane's lines as the terminal receives them (for tests and copying)."""
        return [line.line.text if line.line else "" for line in self._lines]

    # -- layout ----------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def on_resize(self, event: Resize) -> None:
        self._give_way()
        self._follow_width()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._give_way()

    def _give_way(self) -> None:
        """Let the reader's scroll or resize be drawn before the layout worker goes on."""
        self._layout_waits_until = time.monotonic() + GIVE_WAY_SECONDS

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first frame is drawn before the pane hears of its size (Resize comes after):
        # laying out here puts the text in that very frame.
        self._follow_width()
        self._lay_out_what_is_seen()
        self._base_style = self.rich_style  # once per frame, not once per line
        return super().render_lines(crop)

    def _follow_width(self) -> None:
        """Lay the text out again when the pane's width changed, at the same block."""
        if self._content_width() != self._layout_width:
            self._relayout(self._top_block())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        width = max(1, width - self.scrollbar_size_vertical)  # the text's width, as drawn
        if width != self._layout_width:
            self._laid.reset(layout_blocks(self._blocks, 0, len(self._blocks), width, self._options), len(self._blocks))
            self._layout_width = width
        return len(self._lines)

    def _relayout(self, anchor: int) -> None:
        """Lay the text out at the pane's width and show block `anchor` at the top. A long
        text: the first screens and the anchor's now, the rest in a thread worker."""
        self._generation += 1
        if not self.scrollable_content_region.width:  # no size yet: laid out when first drawn
            self._laid.reset([], 0)
            self._layout_width = 0
            self._pending_place = self._pending_place or (anchor, 0)
            return
        width = self._content_width()
        self._layout_width = width
        total_chars = sum(len(block.text) for block in self._blocks)
        if total_chars <= LAZY_LAYOUT_THRESHOLD:
            stop = len(self._blocks)
        else:
            stop = blocks_filling(self._blocks, 0, self._two_screens(width), width)
        self._laid.reset(layout_blocks(self._blocks, 0, stop, width, self._options), stop)
        self._update_virtual_size()
        block, line_offset = self._pending_place or (anchor, 0)
        self._pending_place = None
        self.scroll_to_place(block, line_offset)
        if not self.layout_complete:
            self._request_batch()

    def _two_screens(self, width: int) -> int:
        """The cells of about two screens of text at this width."""
        return max(self.size.height, 24) * 2 * width

    def _lay_out_around(self, block: int) -> None:
        """Make sure the block, a screen before it and two after it are laid out, ahead
        of the layout from the top when that is far from there."""
        laid, blocks, width = self._laid, self._blocks, self._layout_width
        if laid.has(block) or not blocks or not width:
            return
        two_screens = self._two_screens(width)
        start = last_blocks_filling(blocks, two_screens // 2, width, stop=block)
        stop = blocks_filling(blocks, block, two_screens, width)
        if start < laid.laid_out + LAZY_BATCH_BLOCKS:
            self._extend_top_part(stop)
        else:
            gap_before = estimated_line_count(blocks, laid.laid_out, start, width)
            gap_after = estimated_line_count(blocks, stop, len(blocks), width)
            laid.add_window(
                layout_blocks(blocks, start, stop, width, self._options), start, stop, gap_before, gap_after
            )
        self._update_virtual_size()

    def _lay_out_what_is_seen(self) -> None:
        """Placeholder lines on screen (the reader scrolled into a gap before the worker
        got there): lay out the blocks there now, keeping the reader on the same lines."""
        laid, blocks, width, options = self._laid, self._blocks, self._layout_width, self._options
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        seen = range(top, top + height)
        before, at_end = laid.gap_before_window(), laid.gap_at_end()
        if laid.window is not None and _overlap(seen, before):
            window_start = laid.window[0]
            cells = (before.stop - seen.start + height) * width
            start = last_blocks_filling(blocks, cells, width, stop=window_start)
            if start < laid.laid_out + LAZY_BATCH_BLOCKS:  # the rest of the gap: join the window
                shift = self._extend_top_part(window_start)
            else:
                gap = estimated_line_count(blocks, laid.laid_out, start, width)
                shift = laid.extend_window_back(layout_blocks(blocks, start, window_start, width, options), start, gap)
            self._update_virtual_size()
            self.scroll_to(y=top + shift, animate=False, immediate=True, force=True)
        elif _overlap(seen, at_end):
            cells = (seen.stop - at_end.start + height) * width
            if laid.window is None:
                self._extend_top_part(blocks_filling(blocks, laid.laid_out, cells, width))
            else:
                start = laid.window[1]
                stop = blocks_filling(blocks, start, cells, width)
                gap = estimated_line_count(blocks, stop, len(blocks), width)
                laid.extend_window_forward(layout_blocks(blocks, start, stop, width, options), stop, gap)
            self._update_virtual_size()

    def _extend_top_part(self, stop: int) -> int:
        """Lay out at once what the worker would do next, up to block `stop` (the place
        is close to the top part). Returns how far a window after it moved."""
        laid = self._laid
        lines = layout_blocks(self._blocks, laid.laid_out, stop, self._layout_width, self._options)
        return laid.append(lines, stop, len(self._blocks))

    @dataclass
    class BatchLaidOut(Message):
        """A layout thread's lines for its batch (handled by the pane itself)."""

        bubble: ClassVar[bool] = False
        batch: LayoutBatch
        lines: list[PaneLine]

    def _request_batch(self) -> None:
        """Hand the next part of the layout from the top to a thread, unless the reader is
        scrolling or resizing: then ask again once they have paused."""
        if (wait := self._layout_waits_until - time.monotonic()) > 0:
            self.set_timer(wait, partial(self._resume_layout, self._generation))
            return
        start, stop = self._laid.next_batch(LAZY_BATCH_BLOCKS, len(self._blocks))
        if start < stop:
            self._lay_out_batch(
                LayoutBatch(self._generation, self._blocks, start, stop, self._layout_width, self._options)
            )

    def _resume_layout(self, generation: int) -> None:
        if generation == self._generation:  # not laid out again meanwhile (that starts its own)
            self._request_batch()

    @work(thread=True, group="layout")
    def _lay_out_batch(self, batch: LayoutBatch) -> None:
        """In a thread: the batch's lines, handed back by a message (nothing shared is read)."""
        lines = layout_blocks(batch.blocks, batch.start, batch.stop, batch.width, batch.options)
        self.post_message(self.BatchLaidOut(batch, lines))

    def on_text_pane_batch_laid_out(self, message: BatchLaidOut) -> None:
        batch = message.batch
        if batch.generation != self._generation:
            return  # laid out again since: that layout has its own batches
        if batch.start == self._laid.laid_out:  # else this part was needed sooner and done already
            self._append_lines(message.lines, batch.stop)
        self._request_batch()

    def _append_lines(self, lines: list[PaneLine], stop: int) -> None:
        top = self.scroll_y
        beyond_top_part = top >= self._laid.head_length
        shift = self._laid.append(lines, stop, len(self._blocks))
        self._update_virtual_size()
        if shift and beyond_top_part:
            # The gap's height was estimated; keep the reader on the same lines.
            self.scroll_to(y=top + shift, animate=False, immediate=True)

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._layout_width, len(self._lines))
        self.refresh()

    # Reading keys jump at once: an animated scroll could be overtaken by a relayout
    # (a resize, the harakat key) that keeps the old place, and the key would be lost.

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        width = self._layout_width
        self._lay_out_around(last_blocks_filling(self._blocks, self._two_screens(width) // 2, width))
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self.scrollable_content_region.height, animate=False, immediate=True)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - self.scrollable_content_region.height, animate=False, immediate=True)

    # -- positions -------------------------------------------------------------------

    def _top_block(self) -> int:
        return self.top_place()[0]

    def first_line_of_block(self, block: int) -> int:
        """The block's first line (0 when it is not laid out)."""
        return self._lines_of_block(block).start

    def _lines_of_block(self, block: int) -> range:
        """The pane lines holding the block's text (empty when it is not laid out)."""
        lines = self._lines
        start = next((number for number, line in enumerate(lines) if line.block == block and line.line), None)
        if start is None:
            return range(0)
        stop = start + 1
        while stop < len(lines) and lines[stop].block == block and lines[stop].line:
            stop += 1
        return range(start, stop)

    def top_place(self) -> tuple[int, int]:
        """(the block at the top, how many of its lines are scrolled past)."""
        lines, top = self._lines, int(self.scroll_y)
        if not 0 <= top < len(lines):
            return 0, 0
        block = lines[top].block
        if lines[top].line is None:
            return block, 0  # a blank line before the block, or the gap before it
        first = top
        while first > 0 and lines[first - 1].block == block and lines[first - 1].line:
            first -= 1
        return block, top - first

    def scroll_to_place(self, block: int, line_offset: int = 0) -> None:
        """Put line `line_offset` of `block` at the top (kept within the block), at once,
        laying it out first if need be. Before the pane is first laid out, that layout
        starts there: the first paint is already at the place."""
        if not 0 <= block < len(self._blocks):
            return
        if not self._layout_width:
            self._pending_place = (block, line_offset)
            return
        self._lay_out_around(block)
        lines = self._lines_of_block(block)
        if lines:
            # Forced: just laid out, the pane may not have its scrollbar (and so the right
            # to scroll) until the next refresh.
            self.scroll_to(y=min(lines.start + line_offset, lines[-1]), animate=False, immediate=True, force=True)

    def line_of_match(self, match: MatchPosition) -> int:
        for number, pane_line in enumerate(self._lines):
            line = pane_line.line
            if pane_line.block == match.block and line is not None:
                if any(match.span[0] <= source < match.span[1] for source in line.sources):
                    return number
        return self.first_line_of_block(match.block)

    # -- search highlights -------------------------------------------------------------

    def set_matches(self, matches: dict[int, list[Span]], current: MatchPosition | None) -> None:
        self._matches = matches
        self._current = current
        if current is not None:
            self._lay_out_around(current.block)  # a match further on than the layout has got
            self.scroll_to_center_line(self.line_of_match(current))
        self.refresh()

    def scroll_to_center_line(self, line: int) -> None:
        self.scroll_to(y=max(0, line - self.scrollable_content_region.height // 2), animate=False)

    # -- links ---------------------------------------------------------------------

    @dataclass
    class LinkClicked(Message):
        """The reader clicked a link line; the screen decides whether to open it."""

        url: str

    def on_click(self, event: Click) -> None:
        number = int(self.scroll_y) + event.y
        if 0 <= number < len(self._lines):
            block = self._blocks[self._lines[number].block]
            if block.role is Role.LINK:
                self.post_message(self.LinkClicked(block.text))

    # -- rendering -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self._base_style
        number = scroll_y + y
        if number >= len(self._lines):
            return Strip.blank(width, base)
        pane_line = self._lines[number]
        if pane_line.photo_row >= 0:
            return self.photo_line(self._blocks[pane_line.block], pane_line.photo_row, width, base)
        if pane_line.line is None:
            return Strip.blank(width, base)
        assert pane_line.line is not None
        strip = Strip(self._segments(pane_line.block, pane_line.line, width, base))
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def photo_line(self, block: Block, row: int, width: int, base: Style) -> Strip:
        """Row `row` of a PHOTO block's picture; a plain pane has none to draw (see PhotoPane)."""
        return Strip.blank(width, base)

    def _role_style(self, role: Role) -> Style | None:
        component = {
            Role.TITLE: "text-pane--title",
            Role.BYLINE: "text-pane--byline",
            Role.HEADING: "text-pane--heading",
            Role.LINK: "text-pane--link",
            Role.FIGURE: "text-pane--figure",
        }.get(role)
        return self.get_component_rich_style(component, partial=True) if component else None

    def _segments(self, block_index: int, line: DisplayLine, width: int, base: Style) -> list[Segment]:
        block = self._blocks[block_index]
        style = base + role_style if (role_style := self._role_style(block.role)) else base
        if block.role is Role.LINK and check_url(block.text).ok:
            style += Style(link=block.text)  # OSC 8: terminals that support it make it clickable
        padding = max(0, width - line.width)
        segments: list[Segment] = []
        if line.rtl and padding:
            segments.append(Segment(" " * padding, base))
        segments.extend(self._styled_runs(block_index, line, style))
        return segments

    def _styled_runs(self, block_index: int, line: DisplayLine, style: Style) -> list[Segment]:
        spans = self._matches.get(block_index)
        if not spans:
            return [Segment(line.text, style)]
        match_style = style + self.get_component_rich_style("text-pane--match", partial=True)
        current_style = style + self.get_component_rich_style("text-pane--current-match", partial=True)
        current = self._current.span if self._current and self._current.block == block_index else None
        segments: list[Segment] = []
        for char, source in zip(line.text, line.sources):
            char_style = style
            if current and current[0] <= source < current[1]:
                char_style = current_style
            elif any(start <= source < end for start, end in spans):
                char_style = match_style
            if segments and segments[-1].style is char_style:
                segments[-1] = Segment(segments[-1].text + char, char_style)
            else:
                segments.append(Segment(char, char_style))
        return segments
