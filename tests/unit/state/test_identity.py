"""Reading state follows the article, not the file: moves, renames, copies, edits, old databases."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.config import Config
from reader.opening import LaunchPlan, library_identities, plan_launch
from reader.state.index import index_library
from reader.state.store import ReadingState, ScrollPosition, SqliteStore, open_store
from tests.unit.state.conftest import WriteNews, news_yaml

SOURCE = {"url": "https://news.example/2025/hanoi", "name": "Example"}
READ_AND_BOOKMARKED = ReadingState(True, True, ScrollPosition(7, 2))


def read_and_bookmark(store: SqliteStore, path: Path) -> None:
    store.mark_read(path)
    store.save_position(path, ScrollPosition(7, 2))
    store.set_bookmark(path, True)


def listed_states(store: SqliteStore, folder: Path) -> dict[str, ReadingState]:
    """What the library screen shows: each listed article's state, by file name."""
    library = index_library([folder], store).library
    states = store.reading_states()
    return {Path(listing.key).name: states.get(listing.key, ReadingState()) for listing in library.listings}


@pytest.mark.parametrize("fields", [{"source": SOURCE}, {}], ids=["with a source URL", "without one"])
def test_a_moved_file_keeps_its_read_mark_bookmark_and_place(
    write_news: WriteNews, news_folder: Path, store: SqliteStore, fields: dict[str, object]
) -> None:
    article = write_news("a.yaml", "خبر", ["نص الخبر."], **fields)
    index_library([news_folder], store)
    read_and_bookmark(store, article)
    moved = news_folder / "archive" / "renamed.yaml"
    moved.parent.mkdir()
    article.rename(moved)
    assert listed_states(store, news_folder) == {"renamed.yaml": READ_AND_BOOKMARKED}
    assert store.reading_state(moved) == READ_AND_BOOKMARKED


def test_a_renamed_folder_keeps_the_state_of_every_article(news_folder: Path, store: SqliteStore) -> None:
    library = news_folder / "library"
    (library / "2025").mkdir(parents=True)
    for number in range(3):
        (library / "2025" / f"{number}.yaml").write_text(news_yaml(f"خبر {number}", [f"نص {number}"]), "utf-8")
    index_library([library], store)
    store.mark_read(library / "2025" / "1.yaml")
    store.set_bookmark(library / "2025" / "2.yaml", True)
    (library / "2025").rename(library / "old news")
    report = index_library([library], store)
    assert (report.read, report.removed) == (3, 3)
    states = store.reading_states()
    assert [states.get(listing.key, ReadingState()) for listing in report.library.listings] == [
        ReadingState(),
        ReadingState(read=True),
        ReadingState(bookmarked=True),
    ]


def test_two_copies_of_an_article_share_one_read_mark(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    original = write_news("a.yaml", "خبر", source=SOURCE)
    shutil.copy(original, news_folder / "copy.yaml")
    write_news("other.yaml", "خبر آخر")
    index_library([news_folder], store)
    store.mark_read(news_folder / "copy.yaml")
    assert listed_states(store, news_folder) == {
        "a.yaml": ReadingState(read=True),
        "copy.yaml": ReadingState(read=True),
        "other.yaml": ReadingState(),
    }


def test_the_same_url_written_another_way_is_the_same_article(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    first = write_news("a.yaml", "خبر", source={"url": "https://News.Example:443/2025/hanoi#top"})
    index_library([news_folder], store)
    store.set_bookmark(first, True)
    first.unlink()
    write_news("b.yaml", "خبر بعنوان جديد", ["نص آخر"], source=SOURCE)
    assert listed_states(store, news_folder) == {"b.yaml": ReadingState(bookmarked=True)}


def test_an_edited_article_without_a_url_keeps_its_state_at_its_path(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    article = write_news("a.yaml", "خبر", ["نص أول."])
    index_library([news_folder], store)
    read_and_bookmark(store, article)
    stat = article.stat()
    write_news("a.yaml", "خبر", ["نص أول.", "فقرة أضيفت."])
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert listed_states(store, news_folder) == {"a.yaml": READ_AND_BOOKMARKED}
    article.rename(news_folder / "b.yaml")  # and its new text is what it is known by now
    assert listed_states(store, news_folder) == {"b.yaml": READ_AND_BOOKMARKED}


def test_an_edited_copy_keeps_the_state_and_the_other_copy_too(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    original = write_news("a.yaml", "خبر", ["نص."])
    shutil.copy(original, news_folder / "b.yaml")
    index_library([news_folder], store)
    store.mark_read(original)
    write_news("b.yaml", "خبر", ["نص.", "فقرة جديدة."])
    states = listed_states(store, news_folder)
    store.mark_read(original, False)
    assert states == {"a.yaml": ReadingState(read=True), "b.yaml": ReadingState(read=True)}
    assert listed_states(store, news_folder) == {"a.yaml": ReadingState(), "b.yaml": ReadingState(read=True)}


def test_a_file_opened_on_its_own_after_a_move_finds_its_state(
    write_news: WriteNews, news_folder: Path, store: SqliteStore, tmp_path: Path
) -> None:
    article = write_news("a.yaml", "خبر")
    index_library([news_folder], store)
    read_and_bookmark(store, article)
    moved = tmp_path / "elsewhere.yaml"
    article.rename(moved)
    plan = plan_launch(moved, Config(), tmp_path, None)  # `reader elsewhere.yaml`
    assert isinstance(plan, LaunchPlan)
    assert store.reading_state(moved) == ReadingState()
    assert store.identify(library_identities(plan.library)) is None
    assert store.reading_state(moved) == READ_AND_BOOKMARKED


def test_a_state_saved_before_the_file_was_identified_joins_its_article(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    article = write_news("a.yaml", "خبر", source=SOURCE)
    store.mark_read(article)  # opened on its own, before any library was indexed
    index_library([news_folder], store)
    moved = news_folder / "b.yaml"
    article.rename(moved)
    assert listed_states(store, news_folder) == {"b.yaml": ReadingState(read=True)}


def test_identifying_a_file_again_at_its_place_writes_nothing(
    write_news: WriteNews, news_folder: Path, store: SqliteStore, database: Path
) -> None:
    article = write_news("a.yaml", "خبر", source=SOURCE)
    index_library([news_folder], store)
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another reader holds the write lock
    assert store.identify({str(article.resolve()): "url:" + SOURCE["url"]}) is None
    failed = store.identify({str(article.resolve()): "url:https://news.example/other"})
    other.execute("ROLLBACK")
    other.close()
    assert failed is not None and "locked" in failed


# -- a database from before identities ------------------------------------------------------

V4_READING = """
CREATE TABLE reading (path TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,
    bookmarked INTEGER NOT NULL DEFAULT 0, block INTEGER, line_offset INTEGER, updated_ns INTEGER NOT NULL);
CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, ok INTEGER NOT NULL, title TEXT, language TEXT, direction TEXT, published TEXT,
    source_name TEXT, tags TEXT, summary TEXT, problems TEXT);
CREATE TABLE records (id INTEGER PRIMARY KEY, record TEXT NOT NULL);
"""


def old_database(database: Path, rows: dict[Path, tuple[int, int, int | None, int | None]]) -> None:
    """A schema-4 database whose reading rows are keyed by path, with an empty index."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as db:
        db.executescript(V4_READING)
        for path, (read, bookmarked, block, line_offset) in rows.items():
            db.execute(
                "INSERT INTO reading VALUES (?, ?, ?, ?, ?, 1)",
                (str(path.resolve()), read, bookmarked, block, line_offset),
            )
        db.execute("PRAGMA user_version=4")
    db.close()


def test_an_old_database_keeps_its_states_and_they_follow_moves_from_then_on(
    write_news: WriteNews, news_folder: Path, database: Path
) -> None:
    article = write_news("a.yaml", "خبر", source=SOURCE)
    other = write_news("b.yaml", "خبر آخر")
    old_database(database, {article: (1, 1, 7, 2), other: (1, 0, None, None)})
    store = open_store(database.parent).store
    assert isinstance(store, SqliteStore)
    assert store.reading_state(article) == READ_AND_BOOKMARKED  # before any indexing
    index_library([news_folder], store)
    article.rename(news_folder / "moved.yaml")
    other.rename(news_folder / "other moved.yaml")
    assert listed_states(store, news_folder) == {
        "moved.yaml": READ_AND_BOOKMARKED,
        "other moved.yaml": ReadingState(read=True),
    }
    store.close()


def v2_record(path: Path, title: str, body: list[str], source: dict[str, str] | None) -> str:
    """A record as schemas 3 and 4 wrote it (record version 2: images without their place)."""
    article = {
        "title": title,
        "body": body,
        "summary": None,
        "language": "ar",
        "direction": "rtl",
        "published": ["date", "2025-01-01"],
        "fetched": None,
        "authors": [],
        "source": [source["url"], source["name"]] if source else None,
        "images": [["caption", None, None, "https://news.example/photo.jpg"]],
        "facts": [],
        "tags": [],
        "path": str(path),
    }
    return json.dumps({"v": 2, "path": str(path), "article": article, "problems": []}, ensure_ascii=False)


@pytest.mark.parametrize("source", [SOURCE, None], ids=["with a source URL", "without one"])
def test_an_old_database_identifies_files_moved_before_the_upgrade_from_its_index(
    write_news: WriteNews, news_folder: Path, database: Path, source: dict[str, str] | None
) -> None:
    fields = {"source": source} if source else {}
    article = write_news("a.yaml", "خبر", ["نص الخبر."], **fields)
    old_database(database, {article: (1, 1, 7, 2)})
    with sqlite3.connect(database) as db:  # the old index held the file's record
        db.execute("INSERT INTO files (id, path, size, mtime_ns, ok) VALUES (1, ?, 1, 1, 1)", (str(article.resolve()),))
        record = v2_record(article.resolve(), "خبر", ["نص الخبر."], source)
        db.execute("INSERT INTO records VALUES (1, ?)", (record,))
    db.close()
    article.rename(news_folder / "moved.yaml")
    store = SqliteStore(database)
    assert listed_states(store, news_folder) == {"moved.yaml": READ_AND_BOOKMARKED}
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == 5
    store.close()
