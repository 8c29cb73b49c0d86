"""The article index: a library reopens without reading unchanged files, and stays in step."""

from __future__ import annotations

import os
from pathlib import Path

from reader.article.loader import load_article, load_articles
from reader.state.index import index_library
from reader.state.store import SqliteStore
from tests.unit.state.conftest import WriteNews, write_generated_library

LIBRARY_SIZE = 300


def test_a_generated_library_indexes_and_reopens_without_reading_files(news_folder: Path, store: SqliteStore) -> None:
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


def test_a_warm_open_lists_from_the_header_columns_and_decodes_a_record_only_when_opened(
    news_folder: Path, store: SqliteStore
) -> None:
    write_generated_library(news_folder, 50)
    first = index_library([news_folder], store)
    again = index_library([news_folder], store)
    assert store.records_decoded == 0
    assert [listing.title for listing in again.library.listings] == [
        listing.title for listing in first.library.listings
    ]
    assert not any(again.library.is_loaded(index) for index in range(again.library.count))
    article = again.library.article(7)
    expected = load_article(news_folder.absolute() / "00007.yaml").article
    assert store.records_decoded == 1 and article == expected and expected is not None
    assert article.path == expected.path
    again.library.article(7)
    assert store.records_decoded == 1  # loaded once


def test_keys_resolve_each_folder_once_and_symlinked_files_to_their_target(tmp_path: Path) -> None:
    from reader.article.library import article_key
    from reader.state.index import locate

    real = tmp_path / "real"
    real.mkdir()
    target = real / "target.yaml"
    target.write_text("title: x\n", encoding="utf-8")
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(real, target_is_directory=True)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    files = [target, linked_folder / "target.yaml", link]
    located = locate(files)
    assert [located[file].key for file in files] == [article_key(file) for file in files] == [str(target.resolve())] * 3
    stamp = located[link].stamp
    assert stamp is not None and stamp.size == target.stat().st_size


def test_the_preview_lists_what_the_index_holds_and_matches_an_unchanged_folder(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    from reader.state.index import preview_library, same_articles

    write_news("a.yaml", "أول")
    write_news("b.yaml", "ثان")
    (news_folder / "bad.yaml").write_text("title: [\n", encoding="utf-8")
    index_library([news_folder], store)
    known = store.indexed_files()
    preview = preview_library([news_folder], store, known)
    assert [listing.title for listing in preview.listings] == ["أول", "ثان"] and len(preview.broken) == 1
    assert same_articles(preview, index_library([news_folder], store, known=known))
    write_news("c.yaml", "ثالث")
    assert not same_articles(preview, index_library([news_folder], store))
    assert preview.article(1).title == "ثان" and store.records_decoded == 1


def test_a_file_refused_for_its_size_is_read_again_when_the_limit_is_higher(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    big = write_news("big.yaml", "خبر طويل", ["نص " * 200])
    size = big.stat().st_size
    small = index_library([news_folder], store, max_size=size - 1)
    assert not small.library.count and "larger than the limit" in str(small.library.broken[0].errors[0])
    larger = index_library([news_folder], store, max_size=size)
    assert larger.library.count == 1 and not larger.library.broken
