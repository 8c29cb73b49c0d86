"""Pages that try to break the import: whatever a page holds, the result is an article that
loads, or a reason; no control character or override reaches the article."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article.loader import parse_article_bytes
from reader.article.model import Article
from reader.article.writer import article_yaml
from reader.web.page import NotAnArticle, extract_article
from tests.unit.web.page_builders import Page

URL = "https://news.example/a"
HIDDEN = ("\x1b", "\u202e", "\u202d", "\x07", "\x9b", "\u2066")

FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='date'>",
        "</div>",
        "<figure><img src='/a.jpg'><figcaption>",
        "</figcaption></figure>",
        "<a href='/x'>",
        "</a>",
        "<h1>",
        "</h1>",
        "<br>",
        "<script type='application/ld+json'>{\"datePublished\": ",
        "</script>",
        "<meta property='article:published_time' content='2026-13-45T99:99'>",
        "<meta property='og:image' content='javascript:alert(1)'>",
        "<meta property='og:title' content='\x1b]0;pwned\x07 title'>",
        "<link rel='canonical' href='file:///etc/passwd'>",
        "&zwnj;",
        "&#x202e;",
        "\u200c",
        "\x1b[2J",
        "\u202e",
        "© 2013",
        "28 آب 2013 14:00 GMT+0400",
        "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة صفاقس يضم مئتي سرير. ",
        "وزارت بهداشت امروز از گشایش بیمارستانی تازه در شیراز خبر داد. ",
        "משרד הבריאות הודיע היום על פתיחת בית חולים חדש בבאר שבע. ",
    ]
)


def assert_loads(article: Article) -> None:
    result = parse_article_bytes(article_yaml(article).encode("utf-8"), Path("page.yaml"))
    assert result.errors == ()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=60))
def test_any_page_gives_an_article_that_loads_or_a_reason(fragments: list[str]) -> None:
    page = "<html><body>" + "".join(fragments) + "</body></html>"
    found = extract_article(page.encode("utf-8"), URL, fetched=datetime(2026, 12, 6, tzinfo=UTC))
    assert isinstance(found, (Article, NotAnArticle))
    if isinstance(found, Article):
        assert_loads(found)


@given(st.binary(max_size=2000))
@settings(max_examples=40, deadline=None)
def test_any_bytes_give_an_article_or_a_reason(data: bytes) -> None:
    found = extract_article(data, URL)
    assert isinstance(found, (Article, NotAnArticle))


def test_controls_and_overrides_in_metadata_and_captions_never_reach_the_article() -> None:
    page = Page(
        title="افتتاح \x1b]0;pwned\x07مستشفى \u202eجديد",
        extra_meta=[
            '<meta property="og:description" content="وصف \x1b[2J المستشفى الجديد في \u202eالجنوب التونسي">',
            '<meta property="og:image" content="https://cdn.example/a.jpg">',
            '<meta property="og:image:alt" content="صورة \u202dالمستشفى">',
        ],
        in_article='<figure><img src="/b.jpg"><figcaption>مدخل \x9b31m المستشفى</figcaption></figure>',
    )
    found = extract_article(page.bytes(), URL)
    assert isinstance(found, Article)
    texts = [found.title, found.summary or "", *found.body, *(image.caption for image in found.images)]
    assert not [text for text in texts if any(hidden in text for hidden in HIDDEN)]
    assert found.title == "افتتاح ]0;pwnedمستشفى جديد"
    assert_loads(found)


def test_a_hostile_canonical_or_image_address_is_not_kept() -> None:
    page = Page(
        head='<link rel="canonical" href="javascript:alert(1)">',
        extra_meta=['<meta property="og:image" content="file:///etc/passwd">'],
    )
    found = extract_article(page.bytes(), URL)
    assert isinstance(found, Article)
    assert found.source is not None and found.source.url == URL
    assert found.images == ()


def test_deeply_nested_markup_is_no_crash() -> None:
    page = Page(in_article="<div>" * 5000 + "نص" + "</div>" * 5000)
    assert isinstance(extract_article(page.bytes(), URL), (Article, NotAnArticle))


def test_json_ld_nested_past_the_stack_is_ignored() -> None:
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    found = extract_article(Page(head=deep).bytes(), URL)
    assert isinstance(found, Article) and found.published is None
