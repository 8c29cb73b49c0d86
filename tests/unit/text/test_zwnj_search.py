"""Search ignores ZWNJ: Persian readers type `سانتیمتر` for `سانتی‌متر`, in the article and the library."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.state.index import index_library
from reader.state.search import search_articles
from reader.state.store import SqliteStore
from reader.text.normalize import find_matches

WITH_ZWNJ = "قد او ۱۸۰ سانتی\u200cمتر است"


@pytest.mark.parametrize(("query", "text"), [("سانتیمتر", WITH_ZWNJ), ("سانتی\u200cمتر", "قد او ۱۸۰ سانتیمتر است")])
def test_find_ignores_zwnj_on_either_side(query: str, text: str) -> None:
    matches = find_matches(text, query)
    assert len(matches) == 1
    start, end = matches[0]
    assert text[start:end].replace("\u200c", "") == "سانتیمتر"


@pytest.mark.parametrize("full_text", [True, False], ids=["fts5-trigram", "scan"])
def test_library_search_ignores_zwnj(tmp_path: Path, full_text: bool) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    article = folder / "fa.yaml"
    data = {"title": "خبر", "language": "fa", "body": [WITH_ZWNJ]}
    article.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "state").mkdir()
    store = SqliteStore(tmp_path / "state" / "state.sqlite3", full_text=full_text)
    try:
        report = index_library([folder], store)
        assert store.search("سانتیمتر") == [str(article.resolve())]
        assert [index for index, _ in search_articles(report.library.articles, "سانتیمتر")] == [0]
    finally:
        store.close()
