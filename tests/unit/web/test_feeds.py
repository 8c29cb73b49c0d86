"""Parsing feeds into items and articles: formats, text, dates, links, attacks, the samples."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.article.writer import article_yaml
from reader.text.direction import Direction
from reader.web.feeds import FeedError, discover_feeds, html_paragraphs, item_article, parse_feed
from tests.unit.web.builders import Item, atom, news_items, rss

URL = "https://news.example/feed.xml"
NOW = datetime(2026, 12, 6, 21, 0, tzinfo=UTC)


def test_rss_items_become_articles_that_load() -> None:
    feed = parse_feed(rss("أخبار", news_items(3)), URL)
    assert (feed.title, len(feed.items)) == ("أخبار", 3)
    article = item_article(feed.items[0], feed, NOW)
    assert article.title == "خبر عاجل رقم 3"
    assert article.body == ("الفقرة الأولى من خبر عاجل 3.", "والفقرة الثانية.")
    assert (article.language, article.direction) == ("ar", Direction.RTL)
    assert article.source is not None and (article.source.url, article.source.name) == (
        "https://news.example/news/3",
        "أخبار",
    )
    assert article.fetched == NOW
    assert "خبر عاجل رقم 3" in article_yaml(article)


def test_atom_and_json_feed_are_read() -> None:
    atom_feed = parse_feed(atom("Atom", [Item("عنوان", "/a/1", "<b>نص</b> المقال")]), URL)
    assert [(item.title, item.link, item.summary) for item in atom_feed.items] == [
        ("عنوان", "https://news.example/a/1", ("نص المقال",))
    ]
    json_feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JSON",
            "items": [{"id": "1", "url": "https://news.example/j/1", "title": "שלום", "content_html": "<p>טקסט</p>"}],
        }
    ).encode()
    item = parse_feed(json_feed, URL, content_type="application/feed+json").items[0]
    assert (item.title, item.link) == ("שלום", "https://news.example/j/1")


def test_html_in_summaries_becomes_plain_paragraphs() -> None:
    html = '<p>أولى <a href="x">رابط</a>&amp; نص</p><script>alert(1)</script><style>p{}</style>ثانية<br>ثالثة'
    assert html_paragraphs(html) == ["أولى رابط& نص", "ثانية", "ثالثة"]


def test_dates_keep_their_offset_and_an_undated_item_has_no_date() -> None:
    feed = parse_feed(
        rss("t", [Item("a", "https://news.example/a"), Item("b", "https://news.example/b", date=None)]), URL
    )
    dated, undated = feed.items
    assert dated.published == datetime(2026, 12, 6, 10, 0, tzinfo=timezone(timedelta(hours=3, minutes=30)))
    assert undated.published is None
    article = item_article(undated, feed, NOW)
    assert article.published is None and article.fetched == NOW


def test_a_link_that_is_not_http_is_dropped_with_a_reason() -> None:
    items = [Item("bad", "javascript:alert(1)", "نص", guid="g1"), Item("file", "file:///etc/passwd", "نص")]
    feed = parse_feed(rss("t", items), URL)
    assert [(item.title, item.link) for item in feed.items] == [("bad", None)]
    assert feed.notes[0].startswith("item 1 (bad): link dropped, not http(s): javascript:alert(1)")
    assert "no id and no http(s) link" in feed.notes[-1]
    assert item_article(feed.items[0], feed, NOW).source is None


def test_the_key_is_the_guid_else_the_link() -> None:
    feed = parse_feed(
        rss("t", [Item("a", "https://news.example/a", guid="urn:1"), Item("b", "https://news.example/b")]), URL
    )
    assert [item.key for item in feed.items] == ["urn:1", "https://news.example/b"]


def test_a_huge_feed_keeps_only_the_newest() -> None:
    feed = parse_feed(rss("big", news_items(10_000)), URL, max_items=50)
    assert len(feed.items) == 50 and feed.total_items == 10_000
    assert feed.items[0].title == "خبر عاجل رقم 10000" and feed.items[-1].title == "خبر عاجل رقم 9951"
    assert "kept the newest 50 of 10000 items" in feed.notes


def test_the_letters_decide_when_the_declared_language_lies() -> None:
    feed = parse_feed(
        rss("חדשות", [Item("כותרת החדשות", "https://news.example/h", "טקסט בעברית")], language="en-us"), URL
    )
    article = item_article(feed.items[0], feed, NOW)
    assert (article.language, article.direction) == ("he", Direction.RTL)


def test_images_come_from_media_elements() -> None:
    extra = (
        '<media:thumbnail url="https://img.example/t.jpg"/>'
        '<media:content url="https://img.example/big.jpg" medium="image">'
        "<media:credit>AFP</media:credit></media:content>"
        '<enclosure url="https://img.example/e.png" type="image/png" length="1"/>'
    )
    item = parse_feed(rss("t", [Item("صورة", "https://news.example/p", "نص", extra=extra)]), URL).items[0]
    assert [image.url for image in item.images] == [
        "https://img.example/big.jpg",
        "https://img.example/t.jpg",
        "https://img.example/e.png",
    ]
    assert item.images[0].credit == "AFP"


def test_bytes_that_are_not_a_feed_are_refused() -> None:
    with pytest.raises(FeedError, match="no feed found"):
        parse_feed(b"<html><body><p>hello</p></body></html>", URL)


def test_billion_laughs_are_never_expanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 if n > 1 else "")) * 10}">' for n in range(1, 10)
    ).replace("&lol0;", "&lol;")
    head = f"<!DOCTYPE rss [{entities}]>\n"
    feed = parse_feed(
        rss("t", [Item("laugh &lol9;", "https://news.example/l", "&lol9;")], head=head).replace(
            b"&amp;lol9;", b"&lol9;"
        ),
        URL,
    )
    article = item_article(feed.items[0], feed, NOW)
    assert "lollol" not in article_yaml(article)


def test_an_external_entity_never_reads_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-7f3a9c")
    head = f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n'
    body = rss("t &x;", [Item("title &x;", "https://news.example/x", "text &x;")], head=head).replace(
        b"&amp;x;", b"&x;"
    )
    feed = parse_feed(body, URL)
    article = item_article(feed.items[0], feed, NOW)
    assert "SECRET" not in article_yaml(article) and "SECRET" not in feed.title


def test_discovery_finds_feeds_linked_by_a_page() -> None:
    page = (
        b'<html><head><link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">'
        b'<link rel="alternate" type="application/atom+xml" href="https://news.example/atom">'
        b'<link rel="alternate" type="application/rss+xml" href="javascript:evil()">'
        b'<link rel="stylesheet" href="/s.css"></head><body></body></html>'
    )
    assert [(link.url, link.title) for link in discover_feeds(page, "https://news.example/section/")] == [
        ("https://news.example/rss.xml", "RSS"),
        ("https://news.example/atom", None),
    ]


def test_the_urdu_sample_gives_26_urdu_articles_with_photos(samples: Path) -> None:
    feed = parse_feed((samples / "feeds" / "ur_bbc-urdu_2018-10_rss20.xml").read_bytes(), "https://www.bbc.com/urdu")
    assert len(feed.items) == 26
    articles = [item_article(item, feed, NOW) for item in feed.items]
    assert {(article.language, article.direction) for article in articles} == {("ur", Direction.RTL)}
    assert all(article.images and article.images[0].url for article in articles)
    assert all(article_yaml(article) for article in articles)


def test_the_windows_1255_hebrew_sample_is_decoded(samples: Path) -> None:
    feed = parse_feed(
        (samples / "feeds" / "he_sharks-co-il_2006-01_rss20_cp1255.xml").read_bytes(), "http://sharks.co.il/"
    )
    article = item_article(feed.items[0], feed, NOW)
    assert article.direction is Direction.RTL and article.language is not None and article.language.startswith("he")
    assert "דקאר" in article.title
    assert not any("<" in paragraph for paragraph in article.body)


def test_a_charset_that_lies_gives_way_to_the_bytes() -> None:
    body = rss("أخبار", news_items(1), encoding="windows-1256")  # the XML says windows-1256
    feed = parse_feed(body, URL, content_type="application/rss+xml; charset=utf-8")  # the server says UTF-8
    assert (feed.title, feed.items[0].title) == ("أخبار", "خبر عاجل رقم 1")


def test_relative_links_and_guids_resolve_against_xml_base_and_the_feed_address() -> None:
    atom_feed = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">'
        b"<title>t</title>"
        b'<entry><title>one</title><id>1</id><link href="posts/1"/><summary>a</summary></entry>'
        b'<entry xml:base="https://other.example/x/"><title>two</title><id>2</id><link href="2"/>'
        b"<summary>b</summary></entry></feed>"
    )
    items = parse_feed(atom_feed, URL).items
    assert sorted((item.key, item.link) for item in items) == [
        ("https://news.example/blog/1", "https://news.example/blog/posts/1"),
        ("https://other.example/x/2", "https://other.example/x/2"),
    ]
    rss_items = parse_feed(rss("t", [Item("one", "/n/1", "a", guid="/g/1"), Item("two", "/n/2", "b", guid="g2")]), URL)
    assert sorted(item.key for item in rss_items.items) == ["https://news.example/g/1", "https://news.example/g2"]
