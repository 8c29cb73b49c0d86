"""Find in the article: matches are highlighted where their letters are drawn."""

from __future__ import annotations

from reader.article.model import Article
from reader.screens.reading import ReadingScreen
from reader.widgets.find_bar import FindBar
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp


def highlighted_text(pane: TextPane, line_number: int) -> str:
    """The characters of a screen line drawn with the current-match style."""
    strip = pane.render_line(line_number - int(pane.scroll_y))
    current = pane.get_component_rich_style("text-pane--current-match", partial=True)
    return "".join(segment.text for segment in strip if segment.style and segment.style.bgcolor == current.bgcolor)


async def test_find_highlights_a_match_ignoring_harakat(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert isinstance(app.focused, FindBar)
        await pilot.press(*"رسميا")  # the text has رسمياً with tanween
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        body = screen.query_one("#body", TextPane)
        first = screen.matches[0]
        line = body.line_of_match(first.position)
        shown = highlighted_text(body, line)
        assert shown == "ﺎًﻴﻤﺳﺭ", shown  # the whole word, tanween included, as drawn
        assert screen.query_one(FindBar).border_title == f"1/{len(screen.matches)}"


async def test_n_and_shift_n_move_between_matches(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"الأمم", "enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        total = len(screen.matches)
        assert total > 5
        assert isinstance(app.focused, TextPane)  # Enter gave the keys back to the text
        await pilot.press("escape")  # closes the find bar and clears
        assert not screen.matches
        await pilot.press("slash", *"فيتنام", "enter")
        await pilot.press("n", "n")
        assert screen.current_match == 2
        await pilot.press("N")
        assert screen.current_match == 1
        body = screen.query_one("#body", TextPane)
        line = body.line_of_match(screen.matches[1].position)
        assert body.scroll_y <= line < body.scroll_y + body.scrollable_content_region.height


async def test_escape_clears_matches_before_leaving(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"هانوي", "enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.matches
        await pilot.press("escape")
        assert not screen.matches
        assert app.screen is screen
        await pilot.press("escape")
        assert app.screen is not screen


async def test_a_photo_sized_later_keeps_the_line_read_and_the_marks(make_app: MakeApp, hanoi: Article) -> None:
    """A photo's size arrives after the text (a worker): the pane is laid out again with the same
    line at the top, and the current match stays marked."""
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"رسميا", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        body = screen.query_one("#body", TextPane)
        line = body.line_of_match(screen.matches[0].position)
        for top in range(line, 0, -1):  # the top of the pane inside a paragraph, the match in view
            body.scroll_to(y=top, animate=False, immediate=True)
            if body.top_place()[1] > 0:
                break
        await pilot.pause()
        place = body.top_place()
        assert place[1] > 0
        body.resize_blocks(body.blocks)  # what a photo pane does when a picture's size is known
        await pilot.pause()
        assert body.top_place() == place
        assert highlighted_text(body, body.line_of_match(screen.matches[0].position)) == "ﺎًﻴﻤﺳﺭ"
