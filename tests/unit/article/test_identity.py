"""An article's identity: its source URL however it is spelt, else its text."""

from __future__ import annotations

import pytest

from reader.article.identity import article_identity, normalized_url
from reader.article.model import Article, Source


def article(title: str = "خبر", body: tuple[str, ...] = ("نص.",), url: str | None = None) -> Article:
    return Article(title=title, body=body, source=Source(url=url) if url is not None else None)


@pytest.mark.parametrize(
    "spelling",
    [
        "https://news.example/2025/hanoi",
        "HTTPS://News.Example/2025/hanoi",
        "https://news.example:443/2025/hanoi",
        "https://news.example/2025/hanoi#comments",
        "  https://news.example/2025/hanoi ",
    ],
)
def test_spellings_of_one_address_are_one_article(spelling: str) -> None:
    assert normalized_url(spelling) == "https://news.example/2025/hanoi"


@pytest.mark.parametrize(
    "other",
    [
        "http://news.example/2025/hanoi",
        "https://news.example/2025/Hanoi",
        "https://news.example/2025/hanoi?page=2",
        "https://news.example:8443/2025/hanoi",
    ],
)
def test_other_addresses_are_other_articles(other: str) -> None:
    assert normalized_url(other) != "https://news.example/2025/hanoi"


def test_an_international_host_is_one_host_in_unicode_and_in_punycode() -> None:
    assert normalized_url("https://خبر.example") == normalized_url("https://xn--ngblk.example/")
    assert normalized_url("https://خبر.example") == "https://xn--ngblk.example/"


def test_the_source_url_is_the_identity_whatever_the_text() -> None:
    url = "https://news.example/a"
    assert article_identity(article(url=url)) == article_identity(article("عنوان آخر", ("نص آخر",), url))
    assert article_identity(article(url=url)) == "url:" + url


def test_without_a_url_the_text_is_the_identity() -> None:
    assert article_identity(article()) == article_identity(article())
    assert article_identity(article()).startswith("sha256:")
    assert article_identity(article(body=("نص.", "فقرة"))) != article_identity(article(body=("نص. فقرة",)))
    assert article_identity(article(title="خبر آخر")) != article_identity(article())


def test_a_url_the_reader_refuses_leaves_the_text_as_the_identity() -> None:
    refused = article(url="javascript:alert(1)")
    assert article_identity(refused) == article_identity(article())
