"""Huge strings are shown (cut or wrapped) without freezing the reader."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.article.document import (
    MAX_SHORT_TEXT,
    body_blocks,
    header_blocks,
    paragraph_pieces,
)
from reader.article.model import Article, Source
from reader.screens.reading import ReadingScreen
from reader.text.layout import LayoutOptions
from reader.widgets.pane_lines import layout_blocks
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp

HUGE = Article(
    title="ع" * 1_000_000,
    body=("البداية " + "كلمة " * 400_000 + "النهاية",),
    language="ar",
    source=Source(url="https://example.com/" + "a" * 100_000, name="Big"),
)


def test_a_huge_title_is_cut_with_an_ellipsis() -> None:
    title = header_blocks(HUGE)[0].text
    assert len(title) == MAX_SHORT_TEXT + 1 and title.endswith("…")


def test_a_huge_paragraph_is_cut_into_pieces_at_spaces_and_loses_nothing() -> None:
    paragraph = HUGE.body[0]
    pieces = paragraph_pieces(paragraph)
    assert len(pieces) > 50
    assert " ".join(pieces) == paragraph
    blocks = body_blocks(HUGE)
    assert {block.direction.value for block in blocks} == {"rtl"}


async def test_the_reader_stays_usable_with_huge_strings(make_app: MakeApp, notifications: list[str]) -> None:
    app = make_app(HUGE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        body = app.screen.query_one("#body", TextPane)
        assert body.displayed_lines()[0].endswith("ﺔﻳﺍﺪﺒﻟﺍ")  # البداية, first word, on the right
        await pilot.press("o")
        assert "links over 4,096 are not opened" in notifications[-1]
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert body.layout_complete
        assert body.displayed_lines()[-1].lstrip().startswith("ﺔﻳﺎﻬﻨﻟﺍ")  # النهاية, last word
        await pilot.press("q")


LONG = Article(
    title="مقال طويل",
    body=tuple(f"الفقرة رقم {number}: " + "كلمة " * (20 + number % 40) for number in range(6_000)) + ("النهاية هنا",),
    language="ar",
)


REAL_LAY_OUT_BATCH = TextPane._lay_out_batch
HeldLayouts = list[tuple[TextPane, tuple[object, ...]]]
LAST_LINE = "ﺎﻨﻫ ﺔﻳﺎﻬﻨﻟﺍ"  # النهاية هنا, shaped and reordered


@pytest.fixture
def held_layouts(monkeypatch: pytest.MonkeyPatch) -> HeldLayouts:
    """The panes' background layouts are held back (the batches asked for are recorded, not run)."""
    held: HeldLayouts = []
    monkeypatch.setattr("reader.widgets.text_pane.GIVE_WAY_SECONDS", 0.0)  # batches are asked for at once
    monkeypatch.setattr(TextPane, "_lay_out_batch", lambda pane, *args: held.append((pane, args)))
    return held


async def finish_held_layout(pane: TextPane, held: HeldLayouts, pilot: Pilot[None]) -> None:
    """Let the layout from the top run to its end now, batch after batch."""
    while not pane.layout_complete:
        batches = [args for owner, args in held if owner is pane]
        held.clear()
        assert batches, "the pane asks for the next batch until its layout is complete"
        REAL_LAY_OUT_BATCH(pane, *batches[-1])
        await pane.app.workers.wait_for_complete()
        await pilot.pause()


def bottom_line(pane: TextPane) -> str:
    return pane.displayed_lines()[int(pane.scroll_y) + pane.scrollable_content_region.height - 1].strip()


async def test_end_and_resizes_are_not_kept_waiting_while_a_long_article_is_laid_out(
    make_app: MakeApp, held_layouts: HeldLayouts
) -> None:
    """End shows the last line at once (the last screens are laid out first), a resize
    keeps the reader there, and the layout from the top then fills in behind without
    moving the reader off the end."""
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        assert not body.layout_complete and held_layouts, "the background layout is held back"

        await pilot.press("G")
        await pilot.pause()
        assert bottom_line(body) == LAST_LINE, "the article's last line is on screen"
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not body.layout_complete
        assert bottom_line(body) == LAST_LINE, "a resize keeps the reader at the end"
        place = body.top_place()
        assert place[0] > len(body.blocks) - 20, "the place saved on quitting is the true one"

        await finish_held_layout(body, held_layouts, pilot)
        assert bottom_line(body) == LAST_LINE and body.top_place() == place, "still on the same lines"
        width = body.scrollable_content_region.width
        everything = layout_blocks(body.blocks, 0, len(body.blocks), width, LayoutOptions())
        assert body.displayed_lines() == [line.line.text if line.line else "" for line in everything]


async def test_a_place_deep_in_a_long_article_is_shown_before_the_layout_gets_there(
    make_app: MakeApp, held_layouts: HeldLayouts
) -> None:
    """Reopening an article where it was left (or at a search hit) does not wait for
    the layout from the top."""
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        body.scroll_to_place(3000, 1)
        await pilot.pause()
        assert not body.layout_complete
        assert body.top_place() == (3000, 1)
        width, height = body.scrollable_content_region.width, body.scrollable_content_region.height
        laid = layout_blocks(body.blocks, 0, len(body.blocks), width, LayoutOptions())
        everything = [line.line.text if line.line else "" for line in laid]
        place = next(number for number, line in enumerate(laid) if line.block == 3000 and line.line) + 1
        for page in range(8):  # and on down, faster than the layout from the top
            top = int(body.scroll_y)
            assert body.displayed_lines()[top : top + height] == everything[place : place + height], f"page {page}"
            await pilot.press("pagedown")
            await pilot.pause()
            place += height
        assert not body.layout_complete


async def test_scrolling_up_from_the_end_shows_text_before_the_layout_gets_there(
    make_app: MakeApp, held_layouts: HeldLayouts
) -> None:
    """Page up from the end, faster than the layout from the top: every screen is text,
    the same lines as once everything is laid out."""
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        width, height = body.scrollable_content_region.width, body.scrollable_content_region.height
        everything = [
            line.line.text if line.line else ""
            for line in layout_blocks(body.blocks, 0, len(body.blocks), width, LayoutOptions())
        ]
        await pilot.press("G")
        for page in range(1, 8):
            await pilot.press("pageup")
            await pilot.pause()
            assert not body.layout_complete
            shown = body.displayed_lines()
            top = int(body.scroll_y)
            from_end = len(shown) - top
            assert shown[top : top + height] == everything[len(everything) - from_end :][:height], f"page {page}"
            assert from_end >= (page + 1) * height - 1, "each key went up a page"


async def test_find_shows_a_match_near_the_end_before_the_layout_gets_there(
    make_app: MakeApp, held_layouts: HeldLayouts
) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        body = screen.query_one("#body", TextPane)
        await pilot.press("slash", *"النهاية")
        await pilot.pause()
        assert not body.layout_complete and len(screen.matches) == 1
        line = body.line_of_match(screen.matches[0].position)
        top = int(body.scroll_y)
        assert top <= line < top + body.scrollable_content_region.height, "the match is on screen"
        assert body.displayed_lines()[line].strip() == LAST_LINE
