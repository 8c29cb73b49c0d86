"""OPML 2.0, the list of feeds that every feed reader imports and exports.

Reading: every `<outline>` with an `xmlUrl` is a feed, however deeply nested; the titles of
the outlines around it become its category (`News/Arabic`). The XML is parsed by defusedxml,
which refuses entity declarations and external references, so an OPML file cannot expand
into gigabytes or pull in a local file. Writing: one outline per feed, inside an outline per
category, titles in any script (UTF-8).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from reader.web.http import is_web_url

NAME_ATTRIBUTE = "{urn:rtl-news-reader}name"


class OpmlError(Exception):
    """A file that is not OPML; `str(error)` is one line for users."""


@dataclass(frozen=True)
class OpmlFeed:
    """One feed of an OPML list: its address, title and category (`None` at the top)."""

    url: str
    title: str | None = None
    category: str | None = None
    name: str | None = None
    """The reader's name for the feed (`reader:name`, in the bundled list)."""


@dataclass(frozen=True)
class OpmlList:
    """The feeds of a file, and a note for each outline left out (an address not http(s))."""

    title: str | None
    feeds: tuple[OpmlFeed, ...]
    notes: tuple[str, ...] = ()


def read_opml(data: bytes) -> OpmlList:
    """The feeds in an OPML file's bytes."""
    try:
        root = SafeElementTree.fromstring(data)
    except DefusedXmlException as error:
        raise OpmlError(f"refused: the file declares XML entities or a DTD ({type(error).__name__})") from error
    except ElementTree.ParseError as error:
        raise OpmlError(f"not valid XML: {error}") from error
    if root.tag != "opml":
        raise OpmlError(f"not OPML: the root element is <{root.tag}>, not <opml>")
    body = root.find("body")
    if body is None:
        raise OpmlError("not OPML: no <body>")
    notes: list[str] = []
    feeds = list(_feeds(body, (), notes))
    title = root.findtext("head/title")
    return OpmlList(title.strip() if title and title.strip() else None, tuple(_once(feeds)), tuple(notes))


def _feeds(parent: ElementTree.Element, path: tuple[str, ...], notes: list[str]) -> Iterator[OpmlFeed]:
    for outline in parent.findall("outline"):
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            if is_web_url(url):
                yield OpmlFeed(url, title, "/".join(path) or None, outline.get(NAME_ATTRIBUTE))
            else:
                notes.append(f"left out {title or url}: not an http(s) address: {url[:80]}")
        yield from _feeds(outline, (*path, title) if title and not url else path, notes)


def _once(feeds: Iterable[OpmlFeed]) -> list[OpmlFeed]:
    found: dict[str, OpmlFeed] = {}
    for feed in feeds:
        found.setdefault(feed.url, feed)
    return list(found.values())


def write_opml(feeds: Iterable[OpmlFeed], *, title: str = "reader: followed feeds", now: datetime | None = None) -> str:
    """OPML 2.0 text for `feeds`, grouped by category (nested on `/`)."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    body = ElementTree.SubElement(root, "body")
    folders: dict[tuple[str, ...], ElementTree.Element] = {(): body}
    for feed in feeds:
        parent = _folder(folders, tuple(part for part in (feed.category or "").split("/") if part))
        name = feed.title or feed.url
        ElementTree.SubElement(parent, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def _folder(folders: dict[tuple[str, ...], ElementTree.Element], path: tuple[str, ...]) -> ElementTree.Element:
    if path not in folders:
        parent = _folder(folders, path[:-1])
        folders[path] = ElementTree.SubElement(parent, "outline", text=path[-1], title=path[-1])
    return folders[path]
