"""Where a TextPane is scrolled to, as a `ScrollPosition` (block + line offset), and back.

Only the pane's public API is used: `first_line_of_block` and `scroll_to`. The top block
is found by bisection, since blocks start on increasing lines.
"""

from __future__ import annotations

from reader.state.store import ScrollPosition
from reader.widgets.text_pane import TextPane


def pane_position(pane: TextPane) -> ScrollPosition:
    """The block at the top of the pane and how many lines of it are scrolled past."""
    top = int(pane.scroll_y)
    low, high = 0, len(pane.blocks) - 1
    while low < high:  # the last block whose first line is at or above the top
        middle = (low + high + 1) // 2
        first = pane.first_line_of_block(middle)
        if 0 < first <= top:
            low = middle
        else:
            high = middle - 1
    if not pane.blocks:
        return ScrollPosition()
    return ScrollPosition(low, max(0, top - pane.first_line_of_block(low)))


def scroll_pane_to(pane: TextPane, position: ScrollPosition) -> None:
    """Scroll so that `position` is at the top (the offset kept inside its block)."""
    if not 0 <= position.block < len(pane.blocks):
        return
    first = pane.first_line_of_block(position.block)
    next_first = pane.first_line_of_block(position.block + 1) if position.block + 1 < len(pane.blocks) else pane.line_count
    last_of_block = max(first, (next_first or pane.line_count) - 1)
    pane.scroll_to(y=min(first + position.line_offset, last_of_block), animate=False)
