"""An article's identity: what says two files hold the same article, wherever they lie.

The state database keeps read marks, places and bookmarks per identity (the way newsboat
keeps them per item GUID), so they follow a file that is moved or renamed:

- an article with a `source.url` is that URL, normalised (`url:https://example.com/a`):
  scheme and host in lower case, an international host in punycode, the default port
  and the `#fragment` dropped, an empty path written `/`; the rest (path, query, `http`
  against `https`) is kept as written, since a site may serve different articles there;
- an article without one is a hash of its title and body (`sha256:…`): the same text
  is the same article, whatever its file is called.

Two different articles given one `source.url` (a feed whose items all link to its home
page) are one article to the reader's state: they share one read mark.

A URL the reader would refuse to open (`reader.article.urls.check_url`: the loader reports
it) gives no URL identity: the article is known by its text instead.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from urllib.parse import urlsplit, urlunsplit

from reader.article.model import Article
from reader.article.urls import check_url

URL_PREFIX = "url:"
CONTENT_PREFIX = "sha256:"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def article_identity(article: Article) -> str:
    """The article's source URL (normalised) when it has a usable one, else its text's hash."""
    if article.source is not None:
        url = normalized_url(article.source.url)
        if url is not None:
            return URL_PREFIX + url
    return content_identity(article.title, article.body)


def content_identity(title: str, body: Sequence[str]) -> str:
    """A hash of the title and the paragraphs (each kept apart, so no join can collide)."""
    text = json.dumps([title, list(body)], ensure_ascii=False, separators=(",", ":"))
    return CONTENT_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalized_url(url: str) -> str | None:
    """`url` written one way for every spelling of the same address; None when it is refused."""
    verdict = check_url(url.strip())
    if not verdict.ok:
        return None
    parts = urlsplit(verdict.url)
    scheme = parts.scheme.lower()
    host = (verdict.ascii_host or parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if ":" in host:  # an IPv6 address keeps its brackets
        netloc = f"[{host}]" + netloc[len(host) :]
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
