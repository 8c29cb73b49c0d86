"""Display options are one value every screen follows: `h` pressed anywhere reaches every screen."""

from __future__ import annotations

import re
from pathlib import Path

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.model import Article, LoadResult
from reader.screens.library import LibraryScreen
from reader.screens.reading import ReadingScreen
from reader.text.layout import LayoutOptions
from reader.widgets.row_list import RowList
from reader.widgets.text_pane import TextPane

HARAKAT = re.compile("[\u064b-\u0652]")
VOWELLED = Article(title="وَقَّعَتِ الدُّوَلُ عَلَى الاتِّفَاقِيَّةِ", body=("نَصُّ الخَبَرِ.",), language="ar")


def two_articles(tmp_path: Path) -> Library:
    other = Article(title="خبر آخر", body=("نص.",), language="ar")
    pairs = (("a.yaml", VOWELLED), ("b.yaml", other))
    return Library.from_results(LoadResult(tmp_path / name, article) for name, article in pairs)


def library_rows(app: ReaderApp) -> str:
    row_list = app.screen.query_one("#articles", RowList)
    return "\n".join(row_list.row_text(index).plain for index in range(row_list.row_count))


async def test_harakat_hidden_on_the_article_stay_hidden_in_the_library(tmp_path: Path) -> None:
    app = ReaderApp(two_articles(tmp_path), LayoutOptions())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and HARAKAT.search(library_rows(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("h", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert not HARAKAT.search(library_rows(app))


async def test_harakat_hidden_in_the_library_are_hidden_in_the_article(tmp_path: Path) -> None:
    app = ReaderApp(two_articles(tmp_path), LayoutOptions())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert not HARAKAT.search(library_rows(app))
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        assert body.displayed_lines() and not HARAKAT.search("\n".join(body.displayed_lines()))
