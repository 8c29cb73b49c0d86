"""Library search: every folding of `normalize_for_search`, through the index and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.article.model import Article
from reader.state.index import index_library
from reader.state.search import make_snippet, search_articles
from reader.state.store import SqliteStore
from tests.conftest import BUNDLED_ARTICLE
from tests.unit.state.conftest import WriteNews

# (query, text in the article): one pair per folding listed in reader/text/normalize.py.
FOLDINGS = {
    "definite article and harakat": ("اتفاقية", "وقعت الدول على الاتفاقيةِ أمس"),
    "harakat in the query": ("الاتِّفاقيّة", "وقعت الدول على الاتفاقية أمس"),
    "quranic marks": ("الرحمن", "بسم الله الرحمٰن"),
    "hebrew points": ("שלום", "אמרו שָׁלוֹם לכולם"),
    "tatweel": ("اتفاقية", "وقعت على الاتفـــاقية"),
    "alef with hamza above": ("امم", "الأمم المتحدة"),
    "alef with hamza below": ("اطار", "في إطار التعاون"),
    "alef with madda": ("اليات", "آليات الدعم"),
    "alef wasla": ("الله", "بسم ٱلله"),
    "alef maksura": ("مستوي", "رفيع المستوى"),
    "teh marbuta": ("اتفاقيه", "وقعت الاتفاقية"),
    "persian yeh and keheh in the text": ("كتاب ايران", "این کتاب ایران است"),
    "persian yeh and keheh in the query": ("کتاب", "هذا الكتاب"),
    "urdu yeh barree and heh goal": ("هي", "یہ کتاب ہے"),
    "arabic-indic digits in the query": ("٢٠٢٤", "في ديسمبر 2024"),
    "persian digits in the query": ("۲۰۲۴", "في ديسمبر 2024"),
    "ascii digits in the query": ("2024", "في ديسمبر ٢٠٢٤"),
    "latin case": ("HANOI", "the Hanoi convention"),
    "cyrillic case": ("МОСКВА", "Москва и Ханой"),
    "short needle": ("في", "اجتماع في هانوي"),
    "prefix query": ("اتفاق*", "وقعت الاتفاقيات"),
}


@pytest.fixture(params=[True, False], ids=["fts5-trigram", "scan"])
def search_store(request: pytest.FixtureRequest, database: Path) -> SqliteStore:
    database.parent.mkdir(parents=True)
    opened = SqliteStore(database, full_text=request.param)
    request.addfinalizer(opened.close)
    return opened


@pytest.mark.parametrize(("query", "text"), FOLDINGS.values(), ids=FOLDINGS.keys())
def test_every_folding_is_found_by_library_search(
    write_news: WriteNews, news_folder: Path, search_store: SqliteStore, query: str, text: str
) -> None:
    found = write_news("found.yaml", "خبر", [text])
    write_news("other.yaml", "خبر آخر", ["لا شيء هنا يطابق"])
    report = index_library([news_folder], search_store)
    assert search_store.search(query) == [str(found.resolve())]
    hits = search_articles(report.library.articles, query)  # the same without a database
    assert [report.library.articles[index].path for index, _ in hits] == [found]


def test_the_snippet_keeps_the_text_as_written_and_marks_the_match() -> None:
    hanoi = load_article(BUNDLED_ARTICLE).article
    assert hanoi is not None
    snippet = make_snippet(hanoi, "اتفاقية هانوي")
    assert snippet is not None and snippet.block == 0
    start, end = snippet.spans[0]
    assert snippet.text[start:end] == "اتفاقية هانوي"


def test_a_match_deep_in_a_paragraph_gives_a_cut_snippet() -> None:
    paragraph = "كلمة " * 60 + "الهدفُ " + "كلمة " * 60
    snippet = make_snippet(Article(title="عنوان", body=("مقدمة", paragraph)), "هدف")
    assert snippet is not None and snippet.block == 1
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) < len(paragraph) // 2
    start, end = snippet.spans[0]
    assert snippet.text[start:end] == "هدفُ"  # the harakat on the last letter belong to the match


def test_title_matches_rank_before_body_matches(write_news: WriteNews, news_folder: Path, store: SqliteStore) -> None:
    in_body = write_news("body.yaml", "خبر عادي", ["ذكرت الاتفاقية مرة"])
    in_title = write_news("title.yaml", "الاتفاقية الجديدة", ["نص آخر"])
    index_library([news_folder], store)
    assert store.search("اتفاقية") == [str(in_title.resolve()), str(in_body.resolve())]


def test_queries_with_fts_syntax_are_taken_literally(
    write_news: WriteNews, news_folder: Path, store: SqliteStore
) -> None:
    quoted = write_news("q.yaml", "خبر", ['قال "نعم" للاتفاق AND OR NOT'])
    index_library([news_folder], store)
    assert store.search('"نعم"') == [str(quoted.resolve())]
    assert store.search("AND OR") == [str(quoted.resolve())]
    assert store.search("   ") == []
