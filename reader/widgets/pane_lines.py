"""The lines a pane shows: an article's blocks laid out from the top and, on demand, further on.

A long text is laid out in pieces (the reading pane does the first screens at once and
the rest in a thread). `PaneLines` keeps what is laid out so far in display order. When
the reader goes further than that (End, a place kept across a resize, a place restored
from last time), the blocks there are laid out at once and put after a gap of blank
lines as tall as the blocks in between are expected to be; the layout from the top then
fills the gap as it goes, and says by how much the lines after it moved, so the pane
can keep the reader on the same lines. Pure: no Textual, testable on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.article.document import Block, Role, needs_gap_before
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph


@dataclass(frozen=True)
class PaneLine:
    """One line of a pane: a line of block `block`, or a blank line (between blocks, or a
    line of the gap not laid out yet), or row `photo_row` of a PHOTO block's picture."""

    block: int
    line: DisplayLine | None
    photo_row: int = -1


def layout_blocks(blocks: Sequence[Block], start: int, stop: int, width: int, options: LayoutOptions) -> list[PaneLine]:
    """Lay out blocks[start:stop] at `width`, with the blank lines that separate them."""
    lines: list[PaneLine] = []
    for index in range(start, min(stop, len(blocks))):
        block = blocks[index]
        if index and needs_gap_before(block):
            lines.append(PaneLine(index, None))
        if block.role is Role.PHOTO:
            lines.extend(PaneLine(index, None, row) for row in range(max(1, block.rows)))
            continue
        lines.extend(PaneLine(index, line) for line in layout_paragraph(block.text, width, block.direction, options))
    return lines


def estimated_line_count(blocks: Sequence[Block], start: int, stop: int, width: int) -> int:
    """About how many lines blocks[start:stop] take at `width` (a little more than their
    characters fill: lines break at spaces)."""
    count = 0
    for index in range(start, min(stop, len(blocks))):
        block = blocks[index]
        count += block.rows if block.role is Role.PHOTO else -(-len(block.text) * 11 // (10 * max(1, width))) or 1
        if index and needs_gap_before(block):
            count += 1
    return count


def blocks_filling(blocks: Sequence[Block], start: int, cells: int, width: int) -> int:
    """Where the blocks from `start` that fill about `cells` cells at `width` stop."""
    filled = 0
    for index in range(start, len(blocks)):
        filled += len(blocks[index].text) + width
        if filled >= cells:
            return index + 1
    return len(blocks)


def last_blocks_filling(blocks: Sequence[Block], cells: int, width: int, stop: int | None = None) -> int:
    """Where the blocks before `stop` (default: the end) that fill about `cells` cells at
    `width` start."""
    filled = 0
    for index in range(len(blocks) - 1 if stop is None else stop - 1, -1, -1):
        filled += len(blocks[index].text) + width
        if filled >= cells:
            return index
    return 0


class PaneLines:
    """The laid-out lines: the top part (blocks before `laid_out`), and, when the reader
    went further than that, a window of blocks laid out ahead, with a gap of placeholder
    lines before it and another after it, each as tall as its blocks are expected to be.

    The layout from the top (`next_batch`, `append`) fills the first gap; when it
    reaches the window, the window joins the top part and the next batch is the one
    after it."""

    def __init__(self) -> None:
        self.lines: list[PaneLine] = []
        self.laid_out = 0  # the top part holds blocks [0, laid_out)
        self.window: tuple[int, int] | None = None  # blocks [start, stop) laid out ahead
        self._head_length = 0  # lines of the top part
        self._gap = 0  # placeholder lines right after the top part
        self._window_length = 0
        self._gap_after = 0  # placeholder lines after the window

    def reset(self, lines: list[PaneLine], laid_out: int) -> None:
        """Start again from these lines of the first `laid_out` blocks."""
        self.lines = lines
        self.laid_out = laid_out
        self.window = None
        self._head_length = len(lines)
        self._gap = self._window_length = self._gap_after = 0

    @property
    def head_length(self) -> int:
        """Lines of the top part: they never move when a gap fills."""
        return self._head_length

    def has(self, block: int) -> bool:
        """Whether the block's lines are laid out."""
        return block < self.laid_out or (self.window is not None and self.window[0] <= block < self.window[1])

    def complete(self, block_count: int) -> bool:
        return self.laid_out >= block_count

    def add_window(self, lines: list[PaneLine], start: int, stop: int, gap_before: int, gap_after: int) -> None:
        """Blocks [start, stop) laid out ahead of the top part (replacing any window there
        was), with the gaps' estimated heights."""
        before, after = PaneLine(self.laid_out, None), PaneLine(stop, None)
        self.lines[self._head_length :] = [before] * gap_before + lines + [after] * gap_after
        self.window = (start, stop)
        self._gap, self._window_length, self._gap_after = gap_before, len(lines), gap_after

    def gap_before_window(self) -> range:
        """The placeholder lines between the top part and the window."""
        return range(self._head_length, self._head_length + self._gap) if self.window else range(0)

    def gap_at_end(self) -> range:
        """The placeholder lines after the window (or after the top part, without one)."""
        start = self._head_length + self._gap + self._window_length if self.window else self._head_length
        length = self._gap_after if self.window else self._gap
        return range(start, start + length)

    def extend_window_back(self, lines: list[PaneLine], start: int, gap_before: int) -> int:
        """The blocks from `start` up to the window, laid out and joined to it (the reader
        scrolled up into the gap). Returns how far the window's lines moved."""
        assert self.window is not None and start < self.window[0]
        old_gap = self._gap
        self.lines[self._head_length : self._head_length + old_gap] = [
            PaneLine(self.laid_out, None)
        ] * gap_before + lines
        self.window = (start, self.window[1])
        self._gap, self._window_length = gap_before, self._window_length + len(lines)
        return gap_before + len(lines) - old_gap

    def extend_window_forward(self, lines: list[PaneLine], stop: int, gap_after: int) -> None:
        """The blocks from the window's end up to `stop`, laid out and joined to it (the
        reader scrolled down into the gap after it)."""
        assert self.window is not None and stop > self.window[1]
        end = self._head_length + self._gap + self._window_length
        self.lines[end:] = lines + [PaneLine(stop, None)] * gap_after
        self.window = (self.window[0], stop)
        self._window_length += len(lines)
        self._gap_after = gap_after

    def next_batch(self, size: int, block_count: int) -> tuple[int, int]:
        """The blocks the layout from the top does next (empty when it is done)."""
        limit = self.window[0] if self.window is not None else block_count
        return self.laid_out, min(self.laid_out + size, limit)

    def append(self, lines: list[PaneLine], stop: int, block_count: int) -> int:
        """The lines of blocks [laid_out, stop), laid out from the top. Returns how far
        the window's lines moved down (negative: up) as the gap before it filled."""
        window = self.window
        if window is not None:
            lines = [line for line in lines if line.block < window[0]]
            stop = min(stop, window[0])
        taken = min(len(lines), self._gap)
        self.lines[self._head_length : self._head_length + taken] = lines
        self._head_length += len(lines)
        self._gap -= taken
        self.laid_out = stop
        shift = len(lines) - taken
        if window is not None and stop >= window[0]:
            # The top part reached the window: the rest of the gap goes, the window joins.
            del self.lines[self._head_length : self._head_length + self._gap]
            shift -= self._gap
            self._head_length += self._window_length
            self.laid_out, self.window = window[1], None
            self._gap, self._window_length, self._gap_after = self._gap_after, 0, 0
        if self.laid_out >= block_count and self._gap:
            del self.lines[self._head_length :]
            self._gap = 0
        return shift if window is not None else 0
