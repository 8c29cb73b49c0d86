"""The library's `r`: the followed feeds are fetched in a worker, the new articles join the
list, and failures are listed with their reasons; `F` filters by feed, `u` marks read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.article.library import Library
from reader.screens.library import LibraryScreen
from reader.state.store import SqliteStore
from reader.web.subscriptions import Subscription, Subscriptions, save_subscriptions
from tests.app.conftest import MakeApp, library_rows
from tests.unit.state.conftest import write_generated_library
from tests.unit.web.builders import news_items, rss
from tests.unit.web.conftest import WebServer, running_server


@pytest.fixture
def server() -> Iterator[WebServer]:
    with running_server() as web:
        yield web


@pytest.fixture
def followed(server: WebServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder following a good feed (3 items) and a gone one."""
    data = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(data))
    good = server.serve("/feed.xml", rss("أخبار", news_items(3, site=server.url(""))))
    save_subscriptions(data, Subscriptions([Subscription("news", good), Subscription("gone", server.url("/gone"))]))
    return data


def shown_titles(app: ReaderApp) -> list[str]:
    assert isinstance(app.screen, LibraryScreen)
    return [entry.listing.title for entry in app.screen.shown]


def title_bar(app: ReaderApp) -> str:
    return str(app.screen.query_one("#library-title").render())


async def test_r_fetches_in_a_worker_and_the_new_articles_are_listed(
    make_app: MakeApp, followed: Path, tmp_path: Path, notifications: list[str]
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    write_generated_library(mine, 2)
    app = make_app(library=Library(()), store=SqliteStore(tmp_path / "s.db"), sources=(mine,))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        assert len(shown_titles(app)) == 2
        await pilot.press("r")
        await app.workers.wait_for_complete()  # the fetch
        await pilot.pause()
        await app.workers.wait_for_complete()  # the index of the fetched articles
        await pilot.pause()
        titles = shown_titles(app)
        assert len(titles) == 5 and {"خبر عاجل رقم 1", "خبر عاجل رقم 2", "خبر عاجل رقم 3"} <= set(titles)
        rows = library_rows(app)
        assert "Feeds that failed" in rows and "gone: failed: the server answered 404 Not Found" in rows
        assert any(line.startswith("news: 3 new") for line in notifications)
        await pilot.press("F")
        assert sorted(shown_titles(app)) == ["خبر عاجل رقم 1", "خبر عاجل رقم 2", "خبر عاجل رقم 3"]
        assert "(3 unread)" in title_bar(app) and "feed news" in title_bar(app)
        await pilot.press("u")
        assert "(2 unread)" in title_bar(app)
        await pilot.press("u")
        assert "(3 unread)" in title_bar(app)
        await pilot.press("F")
        assert len(shown_titles(app)) == 5
