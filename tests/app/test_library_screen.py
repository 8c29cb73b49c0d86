"""The library screen: order, marks, sorting, filters, search, and the state it keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.article.library import Library, SortOrder
from reader.article.model import Article, LoadResult
from reader.config import load_config
from reader.screens.library import LibraryScreen
from reader.screens.library_rows import BOOKMARK_MARK, UNREAD_MARK
from reader.screens.reading import ReadingScreen
from reader.state.store import NullStore, SqliteStore, Store
from reader.text.direction import Direction
from reader.text.layout import layout_paragraph
from reader.widgets.row_list import RowList
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp, library_of, library_rows
from tests.unit.state.conftest import news_yaml, write_generated_library


def titles(app: ReaderApp) -> list[str]:
    assert isinstance(app.screen, LibraryScreen)
    return [entry.listing.title for entry in app.screen.shown]


@pytest.fixture
def three(hanoi: Article, english: Article, tmp_path: Path) -> Library:
    """Three articles with files, dates, languages and tags of their own."""
    old = replace(
        english, title="An older English report", published=date(2024, 1, 5), tags=("tech",), path=tmp_path / "old.yaml"
    )
    new = replace(english, published=date(2025, 11, 1), tags=("world",), path=tmp_path / "new.yaml")
    arabic = replace(hanoi, path=tmp_path / "hanoi.yaml")
    return Library.from_results(LoadResult(article.path or tmp_path, article) for article in (old, arabic, new))


@pytest.fixture
def state(tmp_path: Path) -> Store:
    store = SqliteStore(tmp_path / "state.sqlite3")
    return store


async def search_for(pilot: Pilot[None], query: str) -> None:
    """Type a library search and wait for its worker's hits to be listed."""
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_articles_are_listed_newest_first_with_shaped_titles_and_unread_marks(
    make_app: MakeApp, three: Library, state: Store
) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert titles(app) == [three.articles[2].title, three.articles[1].title, three.articles[0].title]
        arabic_row = library_rows(app)[1]
        shaped = layout_paragraph(three.articles[1].title, 200)[0].text.strip()
        assert shaped.split()[-1] in arabic_row  # drawn shaped and reordered, not in logical order
        english_rows = [row for number, row in enumerate(library_rows(app)) if number != 1]
        assert all(row.startswith(UNREAD_MARK) for row in english_rows)
        assert arabic_row.split("\n")[0].endswith(UNREAD_MARK)  # on the side an Arabic title starts
        meta = layout_paragraph("25 أكتوبر 2025 · Dân trí · ar", 200, Direction.RTL)[0].text
        assert meta in arabic_row  # the date as the reading screen prints it


async def test_s_cycles_the_order_through_title_and_source(make_app: MakeApp, three: Library, state: Store) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        assert titles(app)[0] == "An older English report"
        assert "sorted by title" in str(app.screen.query_one("#library-title").render())
        await pilot.press("s")
        assert titles(app)[-1] == three.articles[1].title or titles(app)[0] == three.articles[1].title


async def test_l_filters_by_language_and_f_by_tag(make_app: MakeApp, three: Library, state: Store) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")  # the first language: ar
        assert titles(app) == [three.articles[1].title]
        await pilot.press("l", "l")  # en, then all again
        assert len(titles(app)) == 3
        await pilot.press("f", *"tech", "enter")
        assert titles(app) == ["An older English report"]
        await pilot.press("f", "ctrl+u", "enter")
        assert len(titles(app)) == 3


async def test_search_shows_a_highlighted_snippet_and_opens_at_the_match(
    make_app: MakeApp, three: Library, state: Store
) -> None:
    for result in three.results:
        assert result.article is not None and result.article.path is not None
        result.article.path.write_text(news_yaml(result.article.title, result.article.body), encoding="utf-8")
    app = make_app(library=three, store=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "اتفاقيه هانوي")  # teh marbuta folded, harakat ignored
        assert titles(app) == [three.articles[1].title]
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        snippet = screen.shown[0].snippet
        assert snippet is not None and snippet.block == 0
        row = screen.query_one("#articles", RowList).row_text(0)
        match_style = screen.get_component_rich_style("library-screen--match", partial=True)
        highlighted = "".join(row.plain[span.start : span.end] for span in row.spans if span.style == match_style)
        assert highlighted == layout_paragraph("اتفاقية هانوي", 80)[0].text  # the match, shaped and reordered
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == three.articles[1].title


async def test_search_opens_the_article_at_the_paragraph_of_the_match(
    make_app: MakeApp, english: Article, state: Store, tmp_path: Path
) -> None:
    long_report = replace(english, path=tmp_path / "long.yaml")
    other = replace(english, title="Something else", body=("Nothing here.",), path=tmp_path / "other.yaml")
    app = make_app(library=library_of(long_report, other), store=NullStore())
    async with app.run_test(size=(120, 30)) as pilot:
        await search_for(pilot, "Paragraph 10 ")
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        body = screen.query_one("#body", TextPane)
        assert int(body.scroll_y) == body.first_line_of_block(9)


async def test_opening_marks_read_and_m_bookmarks(make_app: MakeApp, three: Library, state: Store) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # the newest
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("m", "escape")
        await pilot.pause()
        first = library_rows(app)[0]
        assert not first.startswith(UNREAD_MARK) and first[1] == BOOKMARK_MARK
        await pilot.press("b")
        assert titles(app) == [three.articles[2].title]


async def test_the_reading_position_is_restored(make_app: MakeApp, three: Library, state: Store) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        body = app.screen.query_one("#body", TextPane)
        left_at = int(body.scroll_y)
        assert left_at > 0
        await pilot.press("escape", "enter")
        await pilot.pause()
        await pilot.pause()
        assert int(app.screen.query_one("#body", TextPane).scroll_y) == left_at


async def test_quitting_saves_the_place(make_app: MakeApp, three: Library, state: Store) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.press("q")
    path = three.articles[2].path
    assert path is not None
    position = state.reading_state(path).position
    assert position is not None and (position.block, position.line_offset) != (0, 0)


async def test_harakat_choice_is_saved_in_the_config_file(
    make_app: MakeApp, three: Library, state: Store, tmp_path: Path
) -> None:
    app = make_app(library=three, store=state, config_dir=tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("h")
    assert load_config(tmp_path).config.harakat is False


async def test_folders_are_indexed_in_a_worker_then_reopened_from_the_index(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_generated_library(folder, 40)
    (folder / "bad\x1b]0;owned\x07.yaml").write_text("title: [\n", encoding="utf-8")
    store = SqliteStore(tmp_path / "state.sqlite3")
    app = make_app(library=Library(()), store=store, sources=(folder,))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(titles(app)) == 40 and len(app.library.articles) == 40
        shown = library_rows(app)
        assert "Files with errors" in shown
        assert "\x1b" not in shown[-1] and "␛]0;owned␇" in shown[-1]
        await search_for(pilot, "الاتفاقيه")  # searched through the FTS index
        assert len(titles(app)) == 40
    assert store.indexed_stamps() and len(store.indexed_stamps()) == 41


async def test_without_a_database_search_still_works(make_app: MakeApp, three: Library) -> None:
    app = make_app(library=three, store=NullStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "HANOI")
        assert three.articles[2].title in titles(app)
        assert "not saved" in str(app.screen.query_one("#library-title").render())


async def test_startup_messages_are_notified(make_app: MakeApp, three: Library, notifications: list[str]) -> None:
    app = make_app(
        library=three, store=NullStore(), startup_messages=("state.sqlite3: cannot open the reader's database",)
    )
    async with app.run_test() as pilot:
        await pilot.pause()
    assert "state.sqlite3: cannot open the reader's database" in notifications


async def test_a_warm_open_draws_only_visible_rows_and_decodes_no_record(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_generated_library(folder, 300)
    store = SqliteStore(tmp_path / "state.sqlite3")
    for _ in range(2):  # cold, then warm
        app = make_app(library=Library(()), store=store, sources=(folder,))
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            row_list = app.screen.query_one("#articles", RowList)
            assert row_list.row_count == 300 and 0 < len(row_list.drawn_rows) < 40
    assert store.records_decoded == 0
    app = make_app(library=Library(()), store=store, sources=(folder,))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        newest = titles(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and app.screen.article.title == newest
    assert store.records_decoded == 1


async def test_a_search_that_finds_nothing_says_so(make_app: MakeApp, three: Library, state: Store) -> None:
    app = make_app(library=three, store=state)
    async with app.run_test(size=(160, 40)) as pilot:
        await search_for(pilot, "zzzz")
        assert titles(app) == []
        header = str(app.screen.query_one("#library-title").render())
        assert "Library: 0 of 3 articles matching" in header and "zzzz" in header and "nothing found" in header
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert len(titles(app)) == 3
        assert "nothing found" not in str(app.screen.query_one("#library-title").render())


async def test_the_order_is_saved_reversible_and_where_the_next_start_begins(
    make_app: MakeApp, three: Library, state: Store, tmp_path: Path
) -> None:
    app = make_app(library=three, store=state, config_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")  # by title
        by_title = titles(app)
        await pilot.press("S")
        assert titles(app) == by_title[::-1]
    config = load_config(tmp_path).config
    assert (config.sort, config.sort_reversed) == (SortOrder.TITLE, True)  # what `reader config` shows
    again = make_app(
        library=three, store=state, config_dir=tmp_path, sort=config.sort, sort_reversed=config.sort_reversed
    )
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert titles(again) == by_title[::-1]


async def test_r_reloads_the_folders_and_lists_a_file_added_meanwhile(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_generated_library(folder, 3)
    app = make_app(library=Library(()), store=NullStore(), sources=(folder,))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(titles(app)) == 3
        (folder / "late.yaml").write_text(news_yaml("خبر متأخر", ["وصل بعد فتح المكتبة."]), encoding="utf-8")
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(titles(app)) == 4 and "خبر متأخر" in titles(app)
