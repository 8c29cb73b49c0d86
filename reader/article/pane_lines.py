"""The lines a pane shows: an article's blocks laid out, from the top and, on demand, from the end.

A long text is laid out in pieces (the reading pane does the first screens at once and
the rest in a thread). `PaneLines` keeps what is laid out so far in display order. When
the reader jumps to the end before the layout from the top has got there, the last
blocks are laid out at once and put after a gap of blank lines as tall as the blocks in
between are expected to be; the layout from the top then fills the gap as it goes, and
says by how much the lines after it moved, so a pane looking at the end can stay on
the same lines. Pure: no Textual, testable on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.article.document import Block, needs_gap_before
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph


@dataclass(frozen=True)
class PaneLine:
    """One line of a pane: a line of block `block`, or a blank line (between blocks, or a
    line of the gap not laid out yet)."""

    block: int
    line: DisplayLine | None


def layout_blocks(
    blocks: Sequence[Block], start: int, stop: int, width: int, options: LayoutOptions
) -> list[PaneLine]:
    """Lay out blocks[start:stop] at `width`, with the blank lines that separate them."""
    lines: list[PaneLine] = []
    for index in range(start, min(stop, len(blocks))):
        block = blocks[index]
        if index and needs_gap_before(block):
            lines.append(PaneLine(index, None))
        lines.extend(
            PaneLine(index, line) for line in layout_paragraph(block.text, width, block.direction, options)
        )
    return lines


def estimated_line_count(blocks: Sequence[Block], start: int, stop: int, width: int) -> int:
    """About how many lines blocks[start:stop] take at `width` (a little more than their
    characters fill: lines break at spaces)."""
    count = 0
    for index in range(start, min(stop, len(blocks))):
        block = blocks[index]
        count += -(-len(block.text) * 11 // (10 * max(1, width))) or 1
        if index and needs_gap_before(block):
            count += 1
    return count


def blocks_filling(blocks: Sequence[Block], cells: int, width: int, *, from_end: bool = False) -> int:
    """How many blocks, from the start (or the end), fill about `cells` cells at `width`."""
    filled = 0
    order = range(len(blocks) - 1, -1, -1) if from_end else range(len(blocks))
    for count, index in enumerate(order, start=1):
        filled += len(blocks[index].text) + width
        if filled >= cells:
            return count
    return len(blocks)


class PaneLines:
    """The laid-out lines: the top part (blocks [0, laid_out)), then, once a tail is
    added, a gap of placeholder lines and the last blocks [tail_from, end)."""

    def __init__(self) -> None:
        self.lines: list[PaneLine] = []
        self.laid_out = 0  # blocks laid out from the top
        self.tail_from: int | None = None  # the first block of the tail, when there is one
        self._head_length = 0  # lines of the top part
        self._gap = 0  # placeholder lines between the top part and the tail

    def reset(self, lines: list[PaneLine], laid_out: int) -> None:
        """Start again from these lines of the first `laid_out` blocks."""
        self.lines = lines
        self.laid_out = laid_out
        self.tail_from = None
        self._head_length = len(lines)
        self._gap = 0

    @property
    def head_length(self) -> int:
        """Lines before the gap: those that never move when the gap fills."""
        return self._head_length

    def add_tail(self, tail: list[PaneLine], tail_from: int, gap: int) -> None:
        """The last blocks (from `tail_from`), after `gap` placeholder lines."""
        placeholder = PaneLine(self.laid_out, None)
        self.lines[self._head_length :] = [placeholder] * gap + tail
        self.tail_from = tail_from
        self._gap = gap

    def append(self, lines: list[PaneLine], laid_out: int, block_count: int) -> int:
        """The next lines from the top, up to block `laid_out`. Returns how many lines the
        tail moved down (negative: up) as they took the gap's place."""
        if self.tail_from is None:
            self.lines.extend(lines)
            self._head_length += len(lines)
            self.laid_out = min(laid_out, block_count)
            return 0
        lines = [line for line in lines if line.block < self.tail_from]
        taken = min(len(lines), self._gap)
        start = self._head_length
        self.lines[start : start + taken] = lines
        self._head_length += len(lines)
        self._gap -= taken
        shift = len(lines) - taken
        self.laid_out = min(laid_out, self.tail_from)
        if self.laid_out >= self.tail_from:
            del self.lines[self._head_length : self._head_length + self._gap]
            shift -= self._gap
            self._gap = 0
            self.tail_from = None
            self.laid_out = block_count
        return shift

    def complete(self, block_count: int) -> bool:
        return self.laid_out >= block_count
