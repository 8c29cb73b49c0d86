"""A pane's lines laid out from the top and, when the reader goes further, ahead: the same page in the end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article.document import Block, Part, Role
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions
from reader.widgets.pane_lines import (
    PaneLine,
    PaneLines,
    estimated_line_count,
    layout_blocks,
)

WIDTH = 30
OPTIONS = LayoutOptions()


def _paragraph(number: int) -> Block:
    words = " ".join(["كلمة"] * (3 + number % 17))  # paragraphs of many lengths
    role = Role.CONTINUATION if number % 5 == 4 else Role.PARAGRAPH
    return Block(f"الفقرة {number}: {words}", Part.BODY, role, Direction.RTL)


BLOCKS = [_paragraph(number) for number in range(120)]
FULL = layout_blocks(BLOCKS, 0, len(BLOCKS), WIDTH, OPTIONS)


LAST_PAGE = FULL[-5:]  # the last lines: where the reader is after End


def _fill_from_top(lines: PaneLines, batch: int, watched: PaneLine) -> list[tuple[int, int]]:
    """Deliver the top layout in batches as the worker does; (shift, how far the watched
    line moved) for each batch delivered while there was a window."""
    moves = []
    while not lines.complete(len(BLOCKS)):
        start, stop = lines.next_batch(batch, len(BLOCKS))
        had_window = lines.window is not None
        before = lines.lines.index(watched)
        shift = lines.append(layout_blocks(BLOCKS, start, stop, WIDTH, OPTIONS), stop, len(BLOCKS))
        if had_window:
            moves.append((shift, lines.lines.index(watched) - before))
    return moves


def _first_line(block: int) -> PaneLine:
    return next(line for line in FULL if line.block == block and line.line is not None)


@pytest.mark.parametrize("gap_error", [-40, 0, 25, 400], ids=["gap-too-small", "exact", "too-big", "far-too-big"])
@pytest.mark.parametrize("window", [(100, 120), (50, 70)], ids=["at-the-end", "in-the-middle"])
def test_the_top_layout_fills_the_gap_before_a_window_and_gives_the_same_page(
    gap_error: int, window: tuple[int, int]
) -> None:
    lines = PaneLines()
    lines.reset(layout_blocks(BLOCKS, 0, 10, WIDTH, OPTIONS), 10)
    start, stop = window
    gap_before = max(0, estimated_line_count(BLOCKS, 10, start, WIDTH) + gap_error)
    gap_after = max(0, estimated_line_count(BLOCKS, stop, len(BLOCKS), WIDTH) + gap_error) if stop < len(BLOCKS) else 0
    lines.add_window(layout_blocks(BLOCKS, start, stop, WIDTH, OPTIONS), start, stop, gap_before, gap_after)
    assert lines.has(start) and lines.has(stop - 1) and not lines.has(stop) and not lines.has(start - 1)
    if stop == len(BLOCKS):
        assert lines.lines[-5:] == LAST_PAGE, "the end is there at once"

    moves = _fill_from_top(lines, 7, _first_line(start))

    assert lines.lines == FULL, "no gap, no repeated line, nothing lost"
    assert moves and all(shift == moved for shift, moved in moves), "the reported shift is how far the window moved"


def test_without_a_tail_lines_are_appended_in_order() -> None:
    lines = PaneLines()
    lines.reset(layout_blocks(BLOCKS, 0, 3, WIDTH, OPTIONS), 3)
    assert _fill_from_top(lines, 50, FULL[0]) == []
    assert lines.complete(len(BLOCKS)) and lines.lines == FULL


def test_the_estimate_is_close_to_the_real_height() -> None:
    real = len(layout_blocks(BLOCKS, 10, 100, WIDTH, OPTIONS))
    assert 0.8 * real <= estimated_line_count(BLOCKS, 10, 100, WIDTH) <= 1.25 * real


@pytest.mark.parametrize("gap_error", [-40, 0, 400], ids=["gap-too-small", "exact", "far-too-big"])
def test_a_window_grown_both_ways_still_gives_the_same_page(gap_error: int) -> None:
    """The reader scrolled out of the window into a gap: the window grows; the page is the same."""
    lines = PaneLines()
    lines.reset(layout_blocks(BLOCKS, 0, 10, WIDTH, OPTIONS), 10)

    def gap(start: int, stop: int) -> int:
        return max(0, estimated_line_count(BLOCKS, start, stop, WIDTH) + gap_error) if start < stop else 0

    lines.add_window(layout_blocks(BLOCKS, 60, 70, WIDTH, OPTIONS), 60, 70, gap(10, 60), gap(70, 120))
    watched = _first_line(60)
    before = lines.lines.index(watched)
    shift = lines.extend_window_back(layout_blocks(BLOCKS, 40, 60, WIDTH, OPTIONS), 40, gap(10, 40))
    assert lines.lines.index(watched) - before == shift and lines.window == (40, 70)
    lines.extend_window_forward(layout_blocks(BLOCKS, 70, 90, WIDTH, OPTIONS), 90, gap(90, 120))
    assert lines.window == (40, 90) and all(lines.has(block) for block in range(40, 90))
    assert lines.gap_before_window() and lines.gap_at_end().stop == len(lines.lines)

    _fill_from_top(lines, 7, watched)

    assert lines.lines == FULL


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_any_order_of_jumps_and_batches_ends_with_the_same_page(data: st.DataObject) -> None:
    """Whatever the reader does (jumps, scrolls past the window either way) while the
    layout from the top goes on, the page ends as if laid out in one go."""
    lines = PaneLines()
    head = data.draw(st.integers(0, 20), label="first blocks")
    lines.reset(layout_blocks(BLOCKS, 0, head, WIDTH, OPTIONS), head)
    for _ in range(data.draw(st.integers(0, 12), label="steps")):
        action = data.draw(st.sampled_from(["batch", "late batch", "jump", "back", "forward"]))
        count = len(BLOCKS)
        window = lines.window
        if action == "batch" and not lines.complete(count):
            start, stop = lines.next_batch(data.draw(st.integers(1, 30)), count)
            lines.append(layout_blocks(BLOCKS, start, stop, WIDTH, OPTIONS), stop, count)
        elif action == "late batch" and not lines.complete(count):  # laid out before a jump ahead of it
            start = lines.laid_out
            stop = min(count, start + data.draw(st.integers(1, 60)))
            lines.append(layout_blocks(BLOCKS, start, stop, WIDTH, OPTIONS), stop, count)
        elif action == "jump" and lines.laid_out + 1 < count:
            start = data.draw(st.integers(lines.laid_out + 1, count - 1))
            stop = data.draw(st.integers(start + 1, count))
            lines.add_window(
                layout_blocks(BLOCKS, start, stop, WIDTH, OPTIONS),
                start,
                stop,
                data.draw(st.integers(0, 300)),
                data.draw(st.integers(0, 300)) if stop < count else 0,
            )
        elif action == "back" and window is not None and window[0] > lines.laid_out + 1:
            start = data.draw(st.integers(lines.laid_out + 1, window[0] - 1))
            lines.extend_window_back(
                layout_blocks(BLOCKS, start, window[0], WIDTH, OPTIONS), start, data.draw(st.integers(0, 300))
            )
        elif action == "forward" and window is not None and window[1] < count:
            stop = data.draw(st.integers(window[1] + 1, count))
            lines.extend_window_forward(
                layout_blocks(BLOCKS, window[1], stop, WIDTH, OPTIONS),
                stop,
                data.draw(st.integers(0, 300)) if stop < count else 0,
            )
    while not lines.complete(len(BLOCKS)):
        start, stop = lines.next_batch(25, len(BLOCKS))
        lines.append(layout_blocks(BLOCKS, start, stop, WIDTH, OPTIONS), stop, len(BLOCKS))
    assert lines.lines == FULL
