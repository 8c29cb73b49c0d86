"""The state database: what the reader did survives a restart, and a bad database stops nothing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.state.store import (
    NullStore,
    ReadingState,
    ScrollPosition,
    SqliteStore,
    open_store,
    state_dir,
)


def test_read_marks_positions_and_bookmarks_survive_a_restart(
    database: Path, store: SqliteStore, tmp_path: Path
) -> None:
    article = tmp_path / "a.yaml"
    store.mark_read(article)
    store.save_position(article, ScrollPosition(block=7, line_offset=2))
    store.set_bookmark(article, True)
    store.close()
    reopened = SqliteStore(database)
    assert reopened.reading_state(article) == ReadingState(True, True, ScrollPosition(7, 2))
    assert reopened.reading_state(tmp_path / "other.yaml") == ReadingState()
    reopened.close()


def test_state_is_keyed_by_the_resolved_path(store: SqliteStore, tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("x", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    store.set_bookmark(link, True)
    assert store.reading_state(real).bookmarked
    assert store.reading_states() == {str(real.resolve()): ReadingState(False, True, None)}


def test_the_database_uses_wal_and_synchronous_normal(database: Path, store: SqliteStore) -> None:
    with sqlite3.connect(database) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_a_corrupt_database_means_no_persistence_and_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "state.sqlite3").write_bytes(b"this is not a database, just text" * 100)
    opened = open_store(folder)
    assert isinstance(opened.store, NullStore)
    assert opened.message is not None and str(folder / "state.sqlite3") in opened.message
    assert "will not be kept" in opened.message


def test_a_database_that_cannot_be_created_means_no_persistence(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    opened = open_store(blocker)
    assert isinstance(opened.store, NullStore) and opened.message is not None


def test_a_database_path_that_is_a_folder_means_no_persistence(tmp_path: Path) -> None:
    (tmp_path / "state" / "state.sqlite3").mkdir(parents=True)
    opened = open_store(tmp_path / "state")
    assert not opened.store.persistent and opened.message is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_means_no_persistence(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        opened = open_store(folder)
        assert not opened.store.persistent and opened.message is not None
    finally:
        folder.chmod(0o700)


def test_the_null_store_remembers_for_the_session_only(tmp_path: Path) -> None:
    store = NullStore()
    article = tmp_path / "a.yaml"
    store.mark_read(article)
    store.set_bookmark(article, True)
    assert store.reading_state(article) == ReadingState(True, True, None)
    assert store.search("anything") is None  # the caller searches its articles itself
    assert NullStore().reading_state(article) == ReadingState()


def test_the_state_folder_comes_from_the_option_then_the_environment(tmp_path: Path) -> None:
    assert state_dir(tmp_path / "cli", {"READER_STATE_DIR": str(tmp_path / "env")}) == tmp_path / "cli"
    assert state_dir(None, {"READER_STATE_DIR": str(tmp_path / "env")}) == tmp_path / "env"
    assert state_dir(None, {}).name == "rtl-news-reader"
