"""The reading screen: panes, keys, layout for RTL and LTR, narrow terminals."""

from __future__ import annotations

import gc

import pytest
from rich.cells import cell_len
from textual.widgets import Static

from reader import startup_gc
from reader.article.document import body_blocks
from reader.article.model import Article
from reader.config import DEFAULT_MEASURE
from reader.screens.help import HelpScreen
from reader.screens.library import LibraryScreen
from reader.screens.reading import ReadingScreen
from reader.text.digits import DigitStyle
from reader.text.layout import layout_paragraph
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp


async def test_a_single_article_opens_straight_on_the_reading_screen(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        body = app.screen.query_one("#body", TextPane)
        width = body.scrollable_content_region.width
        first_block = body_blocks(hanoi)[0]
        expected = [line.text for line in layout_paragraph(first_block.text, width, first_block.direction)]
        assert body.displayed_lines()[: len(expected)] == expected


@pytest.mark.parametrize(("fixture", "side_on_the_left"), [("hanoi", True), ("english", False)])
async def test_the_side_column_is_on_the_left_for_rtl_articles_and_on_the_right_for_ltr(
    make_app: MakeApp, request: pytest.FixtureRequest, fixture: str, side_on_the_left: bool
) -> None:
    """Arabic newspapers put the story on the right and the side column on the left."""
    app = make_app(request.getfixturevalue(fixture))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body, side = app.screen.query_one("#body"), app.screen.query_one("#side")
        assert (side.region.x < body.region.x) is side_on_the_left


async def test_narrow_terminals_put_facts_captions_and_source_after_the_text(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        assert not app.screen.query_one("#side").display
        assert body.region.width >= 76
        await pilot.press("end")
        await pilot.pause()
        assert hanoi.source is not None
        assert "".join(body.displayed_lines()[-3:]).endswith(hanoi.source.url)
        roles = [block.role.value for block in body.blocks]
        assert roles.count("caption") == 3 and roles.count("fact") == len(hanoi.facts)


async def test_resizing_keeps_the_reading_place(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        body.scroll_to_place(6)
        await pilot.pause()
        paragraph = body.blocks[6].text  # narrow, the key facts come first: the same paragraph, another block
        for size in [(90, 30), (80, 24), (130, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            top = body.displayed_lines()[int(body.scroll_y)]
            first_line = layout_paragraph(paragraph, body.scrollable_content_region.width)[0].text
            assert top == first_line, size


async def test_widening_the_terminal_brings_the_side_column_back(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        body, side = app.screen.query_one("#body", TextPane), app.screen.query_one("#side")
        assert side.display and side.region.x < body.region.x
        # the article's text and the photos placed in it; the facts, captions and source are beside it again
        assert {block.role.value for block in body.blocks} == {"paragraph", "figure"}


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["j", "j", "j"], 3),
        (["down", "down", "k"], 1),
        (["G", "g"], 0),
        (["end", "home"], 0),
    ],
)
async def test_line_keys_scroll_the_body(make_app: MakeApp, hanoi: Article, keys: list[str], expected: int) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.query_one("#body", TextPane).scroll_y == expected


async def test_page_and_end_keys(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        await pilot.press("space")
        await pilot.pause()
        page = body.scroll_y
        assert page >= body.scrollable_content_region.height - 2
        await pilot.press("b")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        last_paragraph = body_blocks(hanoi)[-1].text
        last_line = layout_paragraph(last_paragraph, body.scrollable_content_region.width)[-1].text
        assert body.displayed_lines()[-1] == last_line


async def test_tab_moves_focus_between_panes(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        order = []
        for _ in range(4):
            assert app.focused is not None
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == ["body", "facts", "images", "source"]
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "source"


async def test_next_and_previous_article(
    make_app: MakeApp, hanoi: Article, english: Article, notifications: list[str]
) -> None:
    app = make_app(hanoi, english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.article is hanoi
        await pilot.press("right_square_bracket")
        assert screen.article is english
        await pilot.press("right_square_bracket")
        assert screen.article is english  # the last one: a message, no change
        assert notifications[-1] == "This is the last article."
        await pilot.press("left_square_bracket")
        assert screen.article is hanoi
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_harakat_can_be_hidden_and_shown(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        assert "\u064b" in "".join(body.displayed_lines())
        await pilot.press("h")
        assert "\u064b" not in "".join(body.displayed_lines())
        await pilot.press("h")
        assert "\u064b" in "".join(body.displayed_lines())


async def test_help_lists_the_active_keys(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        shown = " ".join(str(static.render()) for static in help_screen.query(Static))
        assert "Bidi: visual (tests)" in shown  # the mode in effect
        descriptions = {description for _, description in help_screen.rows}
        assert {"Open source", "Find", "Next article", "Line down", "Quit", "Harakat"} <= descriptions
        assert ("j ↓", "Line down") in help_screen.rows or any(
            description == "Line down" and "j" in keys for keys, description in help_screen.rows
        )
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_command_palette_offers_the_same_actions(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Open source", "Copy link", "Find", "Next article", "Harakat"} <= titles


async def test_quit(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code == 0


async def test_back_from_the_article_the_app_opened_with_shows_the_library(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and app.screen.article == hanoi


async def test_a_250_column_terminal_keeps_lines_within_the_body(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(250, 60)) as pilot:
        await pilot.pause()
        body, side = app.screen.query_one("#body", TextPane), app.screen.query_one("#side")
        assert side.region.right <= body.region.x
        width = body.scrollable_content_region.width
        assert width == DEFAULT_MEASURE  # a readable line, not 200 cells
        assert all(cell_len(line) <= width for line in body.displayed_lines())


async def test_the_configured_digit_style_applies_to_the_article(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi, digits=DigitStyle.ARABIC_INDIC)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = "".join(app.screen.query_one("#body", TextPane).displayed_lines())
        assert "٢٥" in body and "25" not in body  # في صباح يوم 25 أكتوبر
        source = "".join(app.screen.query_one("#source", TextPane).displayed_lines())
        assert "20251025094537779" in source  # the link is shown exactly as it is opened


async def test_the_garbage_collector_paused_for_start_up_runs_again_once_the_article_is_shown(
    make_app: MakeApp, hanoi: Article
) -> None:
    """Start-up pauses the collector (it only slows the first paint); a long reading
    session must have it back, or cyclic garbage would pile up."""
    startup_gc.pause()
    try:
        app = make_app(hanoi)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        startup_gc.resume()
        gc.enable()
        gc.unfreeze()
