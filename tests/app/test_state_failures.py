"""A locked or failing state database never freezes the screen, and the reader is told what was not saved."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from reader.article.library import Library
from reader.article.model import Article
from reader.state.store import NullStore, SqliteStore
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp, library_of

DEADLINE_SECONDS = 15.0


class StuckStore(NullStore):
    """A database whose bookmark write waits until the test lets it go, then fails."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        self.release.wait(DEADLINE_SECONDS)
        return "state.sqlite3: database is locked"


def one_article(tmp_path: Path, english: Article) -> Library:
    return library_of(replace(english, path=tmp_path / "a.yaml"), folder=tmp_path, names=("a.yaml",))


async def wait_for_message(notifications: list[str], part: str) -> str:
    """The first notification containing `part`, polling until a deadline."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        found = [message for message in notifications if part in message]
        if found:
            return found[0]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no notification with {part!r} in {notifications}")


@pytest.fixture
def locked_database(tmp_path: Path) -> Iterator[SqliteStore]:
    """A state database another connection holds the write lock of."""
    store = SqliteStore(tmp_path / "state.sqlite3")
    other = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield store
    other.execute("ROLLBACK")
    other.close()
    store.close()


async def test_a_waiting_write_leaves_the_screen_working(
    make_app: MakeApp, tmp_path: Path, english: Article, notifications: list[str]
) -> None:
    stuck = StuckStore()
    app = make_app(library=one_article(tmp_path, english), store=stuck)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m", "j", "j")
        await pilot.pause()
        assert int(app.screen.query_one("#body", TextPane).scroll_y) == 2  # the keys after m were not held up
        assert not any("not saved" in message for message in notifications)
        stuck.release.set()
        message = await wait_for_message(notifications, "not saved")
        assert message.startswith("The bookmark was not saved") and "database is locked" in message


async def test_a_locked_database_says_what_was_not_saved(
    make_app: MakeApp, tmp_path: Path, english: Article, locked_database: SqliteStore, notifications: list[str]
) -> None:
    app = make_app(library=one_article(tmp_path, english), store=locked_database)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        message = await wait_for_message(notifications, "The bookmark was not saved")
        assert "database is locked" in message
        assert app.store.reading_state(tmp_path / "a.yaml").bookmarked  # kept for the session
