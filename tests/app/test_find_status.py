"""Find says where it is in a lasting status, marks the current match apart, searches every pane
(title, facts and captions too) and offers the last query again."""

from __future__ import annotations

from reader.article.model import Article
from reader.screens.reading import ReadingScreen
from reader.widgets.find_bar import FindBar
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp


def status(screen: ReadingScreen) -> str:
    return str(screen.query_one(FindBar).border_title)


async def test_the_status_counts_says_no_match_and_wrapping(
    make_app: MakeApp, english: Article, notifications: list[str]
) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"convention", "enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        total = len(screen.matches)
        assert total >= 3 and status(screen) == f"1/{total}"
        await pilot.press("n")
        assert status(screen) == f"2/{total}"
        await pilot.press("N", "N")
        assert status(screen) == f"{total}/{total} · wrapped to the last match"
        await pilot.press("n")
        assert status(screen) == f"1/{total} · wrapped to the first match"
        await pilot.press("escape", "slash", *"zzzz")  # the last query is selected: typing replaces it
        await pilot.pause()
        assert status(screen) == "no match"
        assert not any("match" in message.lower() for message in notifications)  # no toast over the input


async def test_title_facts_and_captions_are_searched(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"hanoi")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert {"header", "body"} <= {match.pane for match in screen.matches}
        await pilot.press("escape", "slash", *"delegates")
        await pilot.pause()
        assert [match.pane for match in screen.matches] == ["images"]
        await pilot.press("escape", "slash", *"60 states")
        await pilot.pause()
        assert [match.pane for match in screen.matches] == ["facts"]


async def test_the_current_match_looks_unlike_the_others(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one("#body", TextPane)
        match = pane.get_component_rich_style("text-pane--match", partial=True)
        current = pane.get_component_rich_style("text-pane--current-match", partial=True)
        assert current.underline and current.bold and not match.underline  # apart even without colour


async def test_slash_offers_the_last_query_again(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"convention", "enter", "escape")
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and not screen.matches
        await pilot.press("slash")
        await pilot.pause()
        find_bar = screen.query_one(FindBar)
        assert find_bar.value == "convention" and find_bar.selected_text == "convention"
        assert screen.matches  # found again at once
        await pilot.press(*"signing")  # typing replaces it
        assert find_bar.value == "signing"


async def test_the_last_query_is_offered_in_the_next_article_too(
    make_app: MakeApp, english: Article, hanoi: Article
) -> None:
    app = make_app(english, hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first article
        await pilot.pause()
        await pilot.press("slash", *"convention", "enter", "escape", "escape")  # back to the library
        await pilot.pause()
        await pilot.press("down", "enter")  # another article, another reading screen
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert screen.query_one(FindBar).value == "convention"
