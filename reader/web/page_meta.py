"""What a news page says about itself: title, site name, address, summary, authors, language.

This module owns the choice between the page's declarations (`og:*`, `<link rel=canonical>`,
JSON-LD, `<html lang>`) and trafilatura's metadata, and their cleaning: the site name after
a title (`… | LBCI Lebanon`) goes, a site's slogan given as its name or its author goes,
a description that is only punctuation and the site name is no summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from reader.article.urls import check_url
from reader.web.page_clean import clean_text

TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»«]|::)\s+")
SITE_NAME_SEPARATORS = re.compile(r"\s*[|–—]\s*|\s+-\s+")
MIN_SUMMARY_WORDS = 4
MAX_SITE_SUFFIX_WORDS = 6


@dataclass(frozen=True)
class PageMeta:
    """The page's own description of its article, cleaned; None where the page says nothing."""

    title: str | None
    site_name: str | None
    url: str | None
    summary: str | None
    authors: tuple[str, ...]
    declared_language: str | None
    page_type: str | None


def page_meta(
    tree: HtmlElement,
    url: str,
    *,
    title: str | None,
    site_name: str | None,
    description: str | None,
    author: str | None,
) -> PageMeta:
    """The page's metadata from its tree and what trafilatura read (`title`, `site_name`, ...)."""
    address = canonical_url(tree, url)
    host = urlsplit(address or url).hostname or ""
    declared_site = site_name or meta_content(tree, "og:site_name")
    site = clean_site_name(declared_site) or _web_host(address or url)
    headline = clean_title(title or meta_content(tree, "og:title") or _first_text(tree, "//h1"), site, host)
    return PageMeta(
        title=headline,
        site_name=site,
        url=address,
        summary=clean_summary(description or meta_content(tree, "og:description"), headline, site),
        authors=clean_authors(author, declared_site, host),
        declared_language=declared_language(tree),
        page_type=meta_content(tree, "og:type"),
    )


def _web_host(url: str) -> str | None:
    """The host of a web address without `www.`, as `reader import` names a plain-text report's source."""
    parts = urlsplit(url)
    return parts.hostname.removeprefix("www.") if parts.scheme in ("http", "https") and parts.hostname else None


def meta_content(tree: HtmlElement, key: str) -> str | None:
    """The content of the first `<meta property|name=key>`, stripped, or None."""
    lowered = key.lower()
    for element in tree.xpath(
        "//meta[translate(@property, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')=$key"
        " or translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')=$key]",
        key=lowered,
    ):
        content = clean_text(element.get("content") or "")
        if content:
            return content
    return None


def clean_site_name(name: str | None) -> str | None:
    """The site's name without the slogan some sites append (`YJC News | latest news | YJC`)."""
    if not name:
        return None
    first = SITE_NAME_SEPARATORS.split(clean_text(name))[0].strip()
    return first or None


def clean_title(title: str | None, site_name: str | None, host: str) -> str | None:
    """The headline without the site's name before or after it (`Headline | Site`, `Site - Headline`)."""
    if not title:
        return None
    title = clean_text(title)
    while separators := list(TITLE_SEPARATORS.finditer(title)):
        last, first = separators[-1], separators[0]
        if _names_the_site(title[last.end() :], site_name, host):
            title = title[: last.start()]
        elif _names_the_site(title[: first.start()], site_name, host):
            title = title[first.end() :]
        else:
            break
    return title or None


def _names_the_site(part: str, site_name: str | None, host: str) -> bool:
    words = part.split()
    if not words or len(words) > MAX_SITE_SUFFIX_WORDS:
        return False
    letters = _letters(part)
    if not letters:
        return False
    if site_name and (letters in _letters(site_name) or _letters(site_name) in letters):
        return True
    host_letters = _letters(host.removeprefix("www."))
    return len(letters) >= 3 and letters in host_letters


def _letters(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def canonical_url(tree: HtmlElement, url: str) -> str | None:
    """The article's address: `<link rel=canonical>`, else `og:url`, else `url`; http(s) only."""
    candidates: list[str | None] = [str(href) for href in tree.xpath("//link[@rel='canonical']/@href")]
    candidates += [meta_content(tree, "og:url"), url]
    for candidate in candidates:
        if not candidate:
            continue
        absolute = urljoin(url, candidate.strip())
        if urlsplit(absolute).scheme in ("http", "https") and check_url(absolute).ok:
            return absolute
    return None


def clean_summary(description: str | None, title: str | None, site_name: str | None) -> str | None:
    """The page's description when it says something: not only the site name or the title."""
    if not description:
        return None
    text = clean_text(description).strip(" |-–—")
    if len(text.split()) < MIN_SUMMARY_WORDS or _letters(text) in {_letters(title or ""), _letters(site_name or "")}:
        return None
    return text


def clean_authors(author: str | None, site_name: str | None, host: str) -> tuple[str, ...]:
    """People named as authors; the site's own name (and its slogan) is not an author."""
    if not author:
        return ()
    site_letters = _letters(site_name or "")
    host_letters = _letters(host.removeprefix("www."))
    names: list[str] = []
    for name in re.split(r"\s*[;|]\s*", author):
        name = clean_text(name)
        letters = _letters(name)
        if not letters or (site_letters and letters in site_letters) or letters in host_letters:
            continue
        if name not in names:
            names.append(name)
    return tuple(names)


def declared_language(tree: HtmlElement) -> str | None:
    """What the page says its language is: `<html lang>`, `og:locale`, `content-language`, Dublin Core."""
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta_content(tree, "og:locale"),
        _http_equiv(tree, "content-language"),
        meta_content(tree, "dc.language"),
    ):
        if value and value.strip():
            return value.strip().replace("_", "-")
    return None


def _http_equiv(tree: HtmlElement, name: str) -> str | None:
    for element in tree.xpath(
        "//meta[translate(@http-equiv, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')=$name]", name=name
    ):
        content = element.get("content")
        if content:
            return str(content).split(",")[0].strip()
    return None


def _first_text(tree: HtmlElement, xpath: str) -> str | None:
    for element in tree.xpath(xpath):
        text = clean_text(element.text_content())
        if text:
            return text
    return None
