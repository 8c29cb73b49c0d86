"""A pane's lines laid out from the top and, after End, from the end: the same page in the end."""

from __future__ import annotations

import pytest

from reader.article.document import Block, Part, Role
from reader.article.model import Direction
from reader.article.pane_lines import PaneLines, estimated_line_count, layout_blocks
from reader.text.layout import LayoutOptions

WIDTH = 30
OPTIONS = LayoutOptions()


def _paragraph(number: int) -> Block:
    words = " ".join(["كلمة"] * (3 + number % 17))  # paragraphs of many lengths
    role = Role.CONTINUATION if number % 5 == 4 else Role.PARAGRAPH
    return Block(f"الفقرة {number}: {words}", Part.BODY, role, Direction.RTL)


BLOCKS = [_paragraph(number) for number in range(120)]
FULL = layout_blocks(BLOCKS, 0, len(BLOCKS), WIDTH, OPTIONS)


LAST_PAGE = FULL[-5:]  # the last lines: where the reader is after End


def _fill_from_top(lines: PaneLines, start: int, batch: int) -> list[tuple[int, int]]:
    """Deliver the top layout in batches as the worker does; (shift, how far the last page
    moved) for each batch delivered while there was a tail."""
    moves = []
    for batch_start in range(start, len(BLOCKS), batch):
        stop = batch_start + batch if lines.tail_from is None else min(batch_start + batch, lines.tail_from)
        had_tail = lines.tail_from is not None
        before = lines.lines.index(LAST_PAGE[0])
        shift = lines.append(layout_blocks(BLOCKS, batch_start, stop, WIDTH, OPTIONS), stop, len(BLOCKS))
        if had_tail:
            moves.append((shift, lines.lines.index(LAST_PAGE[0]) - before))
        if lines.complete(len(BLOCKS)):
            break
    return moves


@pytest.mark.parametrize("gap_error", [-40, 0, 25, 400], ids=["gap-too-small", "exact", "too-big", "far-too-big"])
def test_after_end_the_top_layout_fills_the_gap_and_gives_the_same_page(gap_error: int) -> None:
    lines = PaneLines()
    lines.reset(layout_blocks(BLOCKS, 0, 10, WIDTH, OPTIONS), 10)
    tail_from = 100
    gap = max(0, estimated_line_count(BLOCKS, 10, tail_from, WIDTH) + gap_error)
    lines.add_tail(layout_blocks(BLOCKS, tail_from, len(BLOCKS), WIDTH, OPTIONS), tail_from, gap)
    assert lines.lines[-5:] == LAST_PAGE, "the end is there at once"

    moves = _fill_from_top(lines, 10, 7)

    assert lines.complete(len(BLOCKS))
    assert lines.lines == FULL, "no gap, no repeated line, nothing lost"
    assert all(shift == moved for shift, moved in moves), "the reported shift is how far the end moved"


def test_without_a_tail_lines_are_appended_in_order() -> None:
    lines = PaneLines()
    lines.reset(layout_blocks(BLOCKS, 0, 3, WIDTH, OPTIONS), 3)
    for batch_start in range(3, len(BLOCKS), 50):
        assert not lines.complete(len(BLOCKS))
        assert lines.append(layout_blocks(BLOCKS, batch_start, batch_start + 50, WIDTH, OPTIONS), batch_start + 50, len(BLOCKS)) == 0
    assert lines.complete(len(BLOCKS))
    assert lines.lines == FULL


def test_the_estimate_is_close_to_the_real_height() -> None:
    real = len(layout_blocks(BLOCKS, 10, 100, WIDTH, OPTIONS))
    assert 0.8 * real <= estimated_line_count(BLOCKS, 10, 100, WIDTH) <= 1.25 * real
