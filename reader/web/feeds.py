"""Feeds: finding one from a site's page, parsing any format, and turning items into articles.

feedparser reads RSS 0.9x/1.0/2.0, Atom and JSON Feed, their dates, encodings and relative
links; a feed it reads as mojibake (a server's wrong `charset=`) is decoded as a page is
(`reader.web.encoding`) and given to it again in UTF-8. It is only ever given bytes (it
never fetches anything itself), and what it returns is untrusted: item HTML becomes plain
text here (lxml, never a hand parser), a link that is not http(s) is dropped with a
reason, and XML entity declarations are never expanded (the DOCTYPE's internal subset is
removed before parsing, so neither a billion laughs nor an external entity such as
`file:///etc/passwd` can reach an article).
"""

from __future__ import annotations

import email.utils
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import feedparser.mixin
import lxml.html
from lxml import etree

from reader.article.model import Article, Image, Source
from reader.web.encoding import decode_html, looks_misread, python_encoding
from reader.web.http import is_web_url
from reader.web.language import detect_direction, detect_language

_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)["'][^"']*["']""")

DEFAULT_MAX_ITEMS = 200
"""How many items of one feed are kept: the newest, when a feed holds more."""

LANGUAGE_SAMPLE = 400
"""Characters of an item (title first) that decide its language and direction."""

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"}
)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_DOCTYPE_EXTERNAL = re.compile(rb"<!DOCTYPE[^\[>]*(?:SYSTEM|PUBLIC)[^\[>]*>", re.IGNORECASE)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "figure",
        "figcaption",
        "pre",
        "hr",
    }
)
_DROPPED = ("script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "form")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _memoize_base_resolution() -> None:
    """feedparser resolves the document's base address against itself at every start tag
    (`make_safe_absolute_uri(base, base)`, with no `xml:base` in sight): a pure function of
    two strings that took a quarter of its time on a feed of 30 items. Memoized, the same
    answers come from a dictionary."""
    resolve = getattr(feedparser.mixin, "make_safe_absolute_uri", None)
    if callable(resolve) and not hasattr(resolve, "cache_info"):
        feedparser.mixin.make_safe_absolute_uri = functools.lru_cache(maxsize=256)(resolve)


_memoize_base_resolution()


class FeedError(Exception):
    """Bytes that hold no feed; `str(error)` is one line for users."""


@dataclass(frozen=True)
class FeedItem:
    """One item, as plain text: `key` (GUID, else link) identifies it across refetches."""

    key: str
    title: str
    link: str | None
    summary: tuple[str, ...]
    content: tuple[str, ...]
    published: datetime | None
    authors: tuple[str, ...]
    images: tuple[Image, ...]
    language: str | None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its items newest first (at most the number asked for), and a note for
    each item left out (no title and no text, a link that is not http(s)...)."""

    title: str
    link: str | None
    language: str | None
    items: tuple[FeedItem, ...]
    total_items: int
    keys: frozenset[str]  # every item's key, those past the number asked for included
    notes: tuple[str, ...] = field(default=())


def harmless_xml(body: bytes) -> bytes:
    """`body` without a DOCTYPE that declares entities or points at an external DTD."""
    head, rest = body[:65536], body[65536:]
    head = _DOCTYPE_SUBSET.sub(b"", head)
    head = _DOCTYPE_EXTERNAL.sub(b"", head)
    return head + rest


def parse_feed(body: bytes, url: str, *, content_type: str | None = None, max_items: int = DEFAULT_MAX_ITEMS) -> Feed:
    """The feed in `body` (fetched from `url`, which resolves relative links).

    Raises `FeedError` when `body` is not a feed (an HTML page, an empty answer...)."""
    json_feed = _json_feed(body)
    if json_feed is not None:
        info, entries = json_feed
    else:
        parsed = _feedparser_parse(body, url, content_type)
        if _misread(parsed, body):
            parsed = _feedparser_parse(readable_xml(body, content_type), url, "application/xml")
        if not parsed.get("version") and not parsed.entries:
            raise FeedError("no feed found (not RSS, Atom or JSON Feed)")
        info, entries = parsed.get("feed", {}), parsed.entries
    language = _text(info.get("language")) or None
    items, notes = _items(_newest_first(entries), url, language, max_items)
    if len(entries) > max_items:
        notes.append(f"kept the newest {max_items} of {len(entries)} items")
    title = _plain(info.get("title", "")) or url
    link = info.get("link") if is_web_url(str(info.get("link", ""))) else None
    keys = frozenset(key for entry in entries if (key := _entry_key(entry, url)) is not None)
    return Feed(title, link, language, tuple(items), len(entries), keys, tuple(notes))


def _feedparser_parse(body: bytes, url: str, content_type: str | None) -> Any:
    headers = {"content-location": url, **({"content-type": content_type} if content_type else {})}
    # No HTML is kept (`html_paragraphs` keeps text only), so feedparser's sanitizer and
    # link rewriting inside HTML would be work for nothing.
    return feedparser.parse(
        harmless_xml(body), response_headers=headers, resolve_relative_uris=False, sanitize_html=False
    )


def _misread(parsed: Any, body: bytes) -> bool:
    """Whether feedparser read the feed in an encoding that makes mojibake of it (a
    server's `charset=iso-8859-1` on a windows-1256 feed)."""
    encoding = python_encoding(str(parsed.get("encoding") or ""))
    return encoding not in (None, "utf-8") and looks_misread(body.decode(encoding, errors="replace"))


def readable_xml(body: bytes, content_type: str | None) -> bytes:
    """The feed in UTF-8 and declared so, decoded as a page is (`reader.web.encoding`:
    the header, the XML declaration, then the detector, passing over any that misreads it)."""
    text = decode_html(body, content_type).text
    return _XML_ENCODING.sub(r'\g<1>"utf-8"', text, count=1).encode("utf-8")


def _json_feed(body: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A JSON Feed (jsonfeed.org 1.0/1.1) in feedparser's shape; None when `body` is not one
    (feedparser 6.0 does not read JSON Feed)."""
    if body.lstrip()[:1] != b"{":
        return None
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        return None
    info = {
        "title": document.get("title", ""),
        "link": document.get("home_page_url"),
        "language": document.get("language"),
    }
    items = document.get("items")
    entries = [_json_entry(item) for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return info, entries


def _json_entry(item: dict[str, Any]) -> dict[str, Any]:
    published = _with_offset(str(item.get("date_published") or item.get("date_modified") or ""))
    html = str(item.get("content_html") or "")
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    return {
        "id": str(item.get("id") or ""),
        "link": str(item.get("url") or ""),
        "title": str(item.get("title") or ""),
        "summary": str(item.get("summary") or ("" if html else item.get("content_text") or "")),
        "content": [{"type": "text/html", "value": html}] if html else [],
        "published": published.isoformat() if published else "",
        "published_parsed": published.utctimetuple() if published else None,
        "authors": [author for author in authors if isinstance(author, dict)],
        "media_content": [{"url": str(item["image"])}] if item.get("image") else [],
        "language": item.get("language"),
    }


def _newest_first(entries: Sequence[Any]) -> list[tuple[int, Any]]:
    """(position in the feed, entry): dated entries newest first, then undated ones in feed
    order. Sorting the raw entries lets a 10,000-item feed convert only the items it keeps."""

    def key(numbered: tuple[int, Any]) -> tuple[int, float]:
        published = _published(numbered[1])
        return (0, -published.timestamp()) if published is not None else (1, 0.0)

    return sorted(enumerate(entries, start=1), key=key)


def _items(
    entries: Iterable[tuple[int, Any]], url: str, language: str | None, limit: int
) -> tuple[list[FeedItem], list[str]]:
    items: list[FeedItem] = []
    notes: list[str] = []
    seen: set[str] = set()
    for index, entry in entries:
        item = _item(entry, url, language, notes, index)
        if item is not None and item.key not in seen:
            seen.add(item.key)
            items.append(item)
            if len(items) == limit:
                break
    return items, notes


def _item(entry: Any, url: str, language: str | None, notes: list[str], index: int) -> FeedItem | None:
    title = _plain(entry.get("title", ""))
    raw_link = str(entry.get("link") or "").strip()
    link = urljoin(url, raw_link) if raw_link else None
    if link is not None and not is_web_url(link):
        notes.append(f"item {index} ({title or 'untitled'}): link dropped, not http(s): {raw_link[:80]}")
        link = None
    summary = tuple(html_paragraphs(entry.get("summary", "")))
    content = tuple(html_paragraphs(_content_html(entry)))
    if content == summary:
        content = ()
    key = _entry_key(entry, url)
    if key is None:
        notes.append(f"item {index} ({title or 'untitled'}): left out, it has no id and no http(s) link")
        return None
    if not title and not summary and not content:
        notes.append(f"item {index}: left out, it has no title and no text")
        return None
    return FeedItem(
        key=key,
        title=title or (summary or content)[0][:120],
        link=link,
        summary=summary,
        content=content,
        published=_published(entry),
        authors=_authors(entry),
        images=_images(entry, url),
        language=_text(entry.get("language")) or language,
    )


def _entry_key(entry: Any, url: str) -> str | None:
    """What tells an item from the others: its id (GUID), else its http(s) link."""
    raw_link = str(entry.get("link") or "").strip()
    link = urljoin(url, raw_link) if raw_link else None
    return str(entry.get("id") or "").strip() or (link if link is not None and is_web_url(link) else None)


def _content_html(entry: Any) -> str:
    """The item's full content (`content:encoded`, Atom `content`), HTML first."""
    contents = entry.get("content") or []
    html = [part.get("value", "") for part in contents if "html" in str(part.get("type", ""))]
    return str(max(html or [part.get("value", "") for part in contents] or [""], key=len))


def _published(entry: Any) -> datetime | None:
    """The item's date with the offset it was written with (RFC 822 or ISO 8601), else as
    feedparser read it (in UTC: it knows many more formats); None when the item has none."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if not parsed:
            continue
        written = _with_offset(str(entry.get(key, "")))
        if written is not None:
            return written
        try:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except (TypeError, ValueError):
            continue
    return None


def _with_offset(text: str) -> datetime | None:
    text = text.strip()
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            return None
    return value if value.tzinfo is not None else None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [_plain(author.get("name", "")) for author in entry.get("authors", []) if isinstance(author, dict)]
    if not any(names) and entry.get("author"):
        names = [_plain(entry.get("author", ""))]
    return tuple(dict.fromkeys(name for name in names if name))


def _images(entry: Any, url: str) -> tuple[Image, ...]:
    """The item's photos (`media:content`, `media:thumbnail`, image enclosures), each once."""
    caption = _plain(entry.get("media_description", "")) or _plain(entry.get("title", ""))
    credits = [
        _plain(credit.get("content", "")) for credit in entry.get("media_credit", []) if isinstance(credit, dict)
    ]
    credit = next((text for text in credits if text), None)
    found: dict[str, Image] = {}
    for address in _image_addresses(entry):
        absolute = urljoin(url, address.strip())
        if is_web_url(absolute) and absolute not in found:
            found[absolute] = Image(caption=caption or "photo", credit=credit, url=absolute)
    return tuple(found.values())


def _image_addresses(entry: Any) -> list[str]:
    addresses = [
        str(media.get("url", ""))
        for media in entry.get("media_content", [])
        if str(media.get("medium", "image")) == "image" and not str(media.get("type", "image/")).startswith("video")
    ]
    addresses += [str(thumb.get("url", "")) for thumb in entry.get("media_thumbnail", [])]
    addresses += [
        str(link.get("href", ""))
        for link in entry.get("links", [])
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/")
    ]
    return [address for address in addresses if address]


def html_paragraphs(html: str) -> list[str]:
    """The paragraphs of an HTML fragment as plain text: markup, scripts and styles gone,
    entities decoded, one paragraph per block element or line break."""
    if not html or not html.strip():
        return []
    if "<" not in html and "&" not in html:
        return _paragraphs(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(html)
    for element in root.iter(*_DROPPED):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> list[str]:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _plain(value: object) -> str:
    """A title or name as one line of plain text."""
    return " ".join(html_paragraphs(str(value or "")))


def _text(value: object) -> str:
    return str(value or "").strip()


def item_article(item: FeedItem, feed: Feed, fetched: datetime, *, body: Sequence[str] | None = None) -> Article:
    """The article for one item: its full content when the feed has it, else its summary
    (or `body`, the text of the item's page). Language and direction come from the text."""
    paragraphs = tuple(body) if body else (item.content or item.summary or (item.title,))
    summary = " ".join(item.summary) if item.summary and paragraphs != item.summary else None
    sample = " ".join((item.title, *paragraphs[:2]))[:LANGUAGE_SAMPLE]
    return Article(
        title=item.title,
        body=paragraphs,
        summary=summary,
        language=detect_language(sample, item.language),
        direction=detect_direction(sample),
        published=item.published,
        fetched=fetched.replace(microsecond=0),
        authors=item.authors,
        source=Source(url=item.link, name=feed.title) if item.link else None,
        images=item.images,
    )


@dataclass(frozen=True)
class FeedLink:
    """A feed that a page links with `<link rel="alternate">`."""

    url: str
    title: str | None
    type: str


def discover_feeds(html: bytes, url: str) -> list[FeedLink]:
    """The feeds a site's page links in its head, in page order, each once."""
    try:
        document = lxml.html.document_fromstring(html, base_url=url)
    except (etree.ParserError, ValueError):
        return []
    base = next((str(href) for href in document.xpath("//base/@href")), url)
    found: dict[str, FeedLink] = {}
    for link in document.xpath("//link[@href]"):
        rel = str(link.get("rel", "")).lower().split()
        kind = str(link.get("type", "")).lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            address = urljoin(urljoin(url, base), str(link.get("href")).strip())
            if is_web_url(address) and address not in found:
                found[address] = FeedLink(address, _text(link.get("title")) or None, kind)
    return list(found.values())


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    """Whether an answer is a web page rather than a feed."""
    if content_type and "html" in content_type.lower():
        return True
    start = body[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))
