"""Where a TextPane is scrolled to, as the store's `ScrollPosition` (block + line offset), and back.

The pane knows its places (`top_place`, `scroll_to_place`); this keeps the store's type
out of the widget.
"""

from __future__ import annotations

from reader.state.store import ScrollPosition
from reader.widgets.text_pane import TextPane


def pane_position(pane: TextPane) -> ScrollPosition:
    """The block at the top of the pane and how many lines of it are scrolled past."""
    block, line_offset = pane.top_place()
    return ScrollPosition(block, line_offset)


def scroll_pane_to(pane: TextPane, position: ScrollPosition) -> None:
    """Scroll so that `position` is at the top (the offset kept inside its block)."""
    pane.scroll_to_place(position.block, position.line_offset)
