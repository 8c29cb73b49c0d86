"""The app's deferred writes: what the screen reads back after writes that fail, succeed or race."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.article.library import article_key
from reader.state.deferred import DeferredStore
from reader.state.store import NullStore, ReadingState, ScrollPosition

LOCKED = "state.sqlite3: database is locked"
WAIT_SECONDS = 15.0


class FlakyStore(NullStore):
    """A database whose next `failures` writes fail (another reader holds the lock)."""

    def __init__(self) -> None:
        super().__init__()
        self.failures = 0

    def _fails(self) -> bool:
        self.failures -= 1
        return self.failures >= 0

    def mark_read(self, path: Path, read: bool = True) -> str | None:
        return LOCKED if self._fails() else super().mark_read(path, read)

    def save_position(self, path: Path, position: ScrollPosition) -> str | None:
        return LOCKED if self._fails() else super().save_position(path, position)

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        return LOCKED if self._fails() else super().set_bookmark(path, bookmarked)


@pytest.fixture
def reports() -> list[str]:
    return []


@pytest.fixture
def flaky() -> FlakyStore:
    return FlakyStore()


@pytest.fixture
def deferred(flaky: FlakyStore, reports: list[str]) -> Iterator[DeferredStore]:
    store = DeferredStore(flaky, reports.append)
    yield store
    store.finish()


def test_a_bookmark_removed_after_a_failed_bookmark_is_removed(
    deferred: DeferredStore, flaky: FlakyStore, reports: list[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.yaml"
    flaky.failures = 1
    deferred.set_bookmark(article, True)
    deferred.set_bookmark(article, False)
    assert deferred.finish()
    assert [report.split(" (")[0] for report in reports] == ["The bookmark was not saved"]
    assert deferred.reading_state(article) == ReadingState()
    assert deferred.reading_states().get(article_key(article), ReadingState()) == ReadingState()


def test_the_place_saved_after_a_failed_one_is_the_place_read_back(
    deferred: DeferredStore, flaky: FlakyStore, tmp_path: Path
) -> None:
    article = tmp_path / "a.yaml"
    flaky.failures = 1
    deferred.save_position(article, ScrollPosition(3, 1))
    deferred.save_position(article, ScrollPosition(9, 0))
    assert deferred.finish()
    assert deferred.reading_state(article) == ReadingState(position=ScrollPosition(9, 0))


def test_a_write_after_finish_is_refused_and_said(deferred: DeferredStore, reports: list[str], tmp_path: Path) -> None:
    article = tmp_path / "a.yaml"
    assert deferred.finish()
    problem = deferred.mark_read(article)
    assert problem is not None and problem.startswith("The read mark was not saved")
    assert reports == [problem]
    assert deferred.reading_state(article) == ReadingState()  # nothing pretends it was kept


class CommitDuringRead(NullStore):
    """A database whose bookmark write commits (and is cleared) while the states are being read."""

    def __init__(self) -> None:
        super().__init__()
        self.commit = threading.Event()
        self.while_reading: Callable[[], object] = lambda: None

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        self.commit.wait(WAIT_SECONDS)
        return super().set_bookmark(path, bookmarked)

    def reading_state(self, path: Path) -> ReadingState:
        before = super().reading_state(path)
        self.while_reading()
        return before

    def reading_states(self) -> dict[str, ReadingState]:
        before = super().reading_states()
        self.while_reading()
        return before


@pytest.mark.parametrize("read_all", [True, False], ids=["every state", "one state"])
def test_a_write_committing_while_the_states_are_read_is_seen(tmp_path: Path, read_all: bool) -> None:
    article = tmp_path / "a.yaml"
    racing = CommitDuringRead()
    deferred = DeferredStore(racing, lambda problem: None)

    def commit_now() -> None:
        racing.commit.set()
        assert deferred.finish()  # the write is in the database and its pending value cleared

    racing.while_reading = commit_now
    deferred.set_bookmark(article, True)
    if read_all:
        state = deferred.reading_states().get(article_key(article), ReadingState())
    else:
        state = deferred.reading_state(article)
    assert state == ReadingState(bookmarked=True)
