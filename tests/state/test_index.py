"""The article index: a library reopens without reading unchanged files, and stays in step."""

from __future__ import annotations

import os
from pathlib import Path

from reader.article.loader import load_articles
from reader.state.index import index_library
from reader.state.store import SqliteStore
from tests.state.conftest import WriteNews, write_generated_library

LIBRARY_SIZE = 300


def test_a_generated_library_indexes_and_reopens_without_reading_files(
    news_folder: Path, store: SqliteStore
) -> None:
    write_generated_library(news_folder, LIBRARY_SIZE)
    progress: list[tuple[int, int]] = []
    first = index_library([news_folder], store, progress=lambda done, total: progress.append((done, total)))
    assert (first.read, first.reused) == (LIBRARY_SIZE, 0)
    assert progress[0] == (0, LIBRARY_SIZE) and progress[-1] == (LIBRARY_SIZE, LIBRARY_SIZE)
    again = index_library([news_folder], store)
    assert (again.read, again.reused, again.removed) == (0, LIBRARY_SIZE, 0)
    expected = [result.article for result in load_articles([news_folder.absolute()])]
    assert list(again.library.articles) == expected
    assert [article.path for article in again.library.articles] == [article.path for article in expected if article]


def test_a_changed_file_is_read_again_and_searchable_by_its_new_text(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    write_news("a.yaml", "عنوان أول")
    changed = write_news("b.yaml", "خبر قديم", ["نص عن السفينة"])
    index_library([news_folder], store)
    stat = changed.stat()
    write_news("b.yaml", "خبر جديد", ["نص عن الطائرة"])
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    report = index_library([news_folder], store)
    assert (report.read, report.reused) == (1, 1)
    assert [article.title for article in report.library.articles] == ["عنوان أول", "خبر جديد"]
    assert store.search("الطائرة") == [str(changed.resolve())]
    assert store.search("السفينة") == []


def test_a_deleted_file_leaves_the_index(write_news: WriteNews, news_folder: Path, store: SqliteStore) -> None:
    write_news("a.yaml", "يبقى")
    gone = write_news("b.yaml", "يحذف", ["كلمة نادرة"])
    index_library([news_folder], store)
    gone.unlink()
    report = index_library([news_folder], store)
    assert report.removed == 1
    assert [article.title for article in report.library.articles] == ["يبقى"]
    assert store.search("نادرة") == []


def test_files_with_errors_keep_their_messages_when_reopened(news_folder: Path, store: SqliteStore) -> None:
    broken = news_folder / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    first = index_library([news_folder], store)
    again = index_library([news_folder], store)
    assert again.read == 0
    (result,) = again.library.broken
    assert [str(problem) for problem in result.errors] == [str(problem) for problem in first.library.broken[0].errors]
    assert str(result.errors[0]).startswith(f"{broken}:")


def test_without_a_database_every_file_is_read(news_folder: Path) -> None:
    from reader.state.store import NullStore

    write_generated_library(news_folder, 3)
    report = index_library([news_folder], NullStore())
    assert report.read == 3 and len(report.library.articles) == 3
