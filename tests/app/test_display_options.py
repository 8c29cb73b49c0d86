"""Display options are one value every screen follows: `h` pressed anywhere reaches every screen."""

from __future__ import annotations

import re
from pathlib import Path

from reader.article.library import Library
from reader.article.model import Article
from reader.screens.library import LibraryScreen
from reader.screens.reading import ReadingScreen
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp, library_of, library_rows

HARAKAT = re.compile("[\u064b-\u0652]")
VOWELLED = Article(title="وَقَّعَتِ الدُّوَلُ عَلَى الاتِّفَاقِيَّةِ", body=("نَصُّ الخَبَرِ.",), language="ar")


def two_articles(tmp_path: Path) -> Library:
    other = Article(title="خبر آخر", body=("نص.",), language="ar")
    return library_of(VOWELLED, other, folder=tmp_path, names=("a.yaml", "b.yaml"))


async def test_harakat_hidden_on_the_article_stay_hidden_in_the_library(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=two_articles(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and HARAKAT.search("\n".join(library_rows(app)))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("h", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert not HARAKAT.search("\n".join(library_rows(app)))


async def test_harakat_hidden_in_the_library_are_hidden_in_the_article(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=two_articles(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert not HARAKAT.search("\n".join(library_rows(app)))
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        assert body.displayed_lines() and not HARAKAT.search("\n".join(body.displayed_lines()))
