"""The index keeps each article's summary with its header, for the library rows."""

from __future__ import annotations

from pathlib import Path

from reader.state.index import index_library, preview_library
from reader.state.store import SqliteStore


def test_a_library_reopened_from_the_index_has_its_summaries(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.yaml").write_text("title: خبر\nsummary: ملخص الخبر\nbody: [نص]\n", encoding="utf-8")
    store = SqliteStore(tmp_path / "state.sqlite3")
    try:
        index_library([folder], store)
        preview = preview_library((folder,), store, store.indexed_files(), 5_000_000)
        assert [listing.summary for listing in preview.listings] == ["ملخص الخبر"]
    finally:
        store.close()
