"""A news page, as bytes from the web or a file, becomes a typed `Article`, or is said not to be one.

This module owns the whole of that step and its verdicts: the bytes are decoded
(`encoding`), the invisible marks protected (`page_marks`), the text extracted by
trafilatura (`page_text`), the metadata, date, images and highlights read from the page
itself (`page_meta`, `page_dates`, `page_images`, `page_facts`, outside the site's regions of
`page_regions`); the language and direction come from the text when the declaration
disagrees (`language`). Control characters go before anything reads the page, and
paragraphs that are nothing but a link go from the body. A page whose text is mostly links
(a front page, a forum listing), a page made by forum software, or one with no text (a
video page) is a `NotAnArticle` with a reason a user can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml.etree import ParserError
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from reader.article.model import Article, Source
from reader.web.encoding import decode_html
from reader.web.language import detect_direction, detect_language
from reader.web.page_clean import clean_text
from reader.web.page_dates import published_date
from reader.web.page_facts import page_facts
from reader.web.page_images import page_images
from reader.web.page_marks import MarkGuard
from reader.web.page_meta import PageMeta, page_meta
from reader.web.page_regions import OUTSIDE_ARTICLE
from reader.web.page_text import article_paragraphs, byline_name, extract_text, split_byline

MIN_ARTICLE_CHARS = 200  # less than two sentences of text is no article
LINK_WALL_SHARE = 0.5  # more of the text in links than not
LINK_WALL_MIN_LINKS = 8
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORUM_SOFTWARE = re.compile(r"vbulletin|phpbb|xenforo|discourse|mybb|invision|smf\b|vanilla forums", re.IGNORECASE)
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "vimeo.com", "dailymotion.com", "aparat.com")


@dataclass(frozen=True)
class NotAnArticle:
    """A page that is no article: `reason` says what it is (`a list of 48 links, not an article`)."""

    reason: str


def extract_article(
    html: bytes, url: str, *, content_type: str | None = None, fetched: datetime | None = None
) -> Article | NotAnArticle:
    """The article that the page at `url` holds, or why it holds none.

    `content_type` is the HTTP `Content-Type` (its charset is believed first); `fetched`
    is when the page was taken (kept as the article's `fetched`, and the latest date a
    publication date may have)."""
    text = without_controls(decode_html(html, content_type).text)
    tree = parse_html(text)
    if tree is None:
        return NotAnArticle("the page is empty")
    extracted = extract_text(text, url, MarkGuard.for_text(text))
    meta = page_meta(
        tree,
        url,
        title=extracted.title,
        site_name=extracted.site_name,
        description=extracted.description,
        author=extracted.author,
    )
    paragraphs, byline = split_byline(article_paragraphs(extracted.blocks, meta.title))
    verdict = not_an_article(paragraphs, tree, meta)
    if verdict is not None:
        return verdict
    if not meta.title:
        return NotAnArticle("the page has no title")
    return _article(tree, url, meta, without_link_lines(paragraphs, tree), byline, fetched)


def _article(
    tree: HtmlElement,
    url: str,
    meta: PageMeta,
    paragraphs: tuple[str, ...],
    byline: str | None,
    fetched: datetime | None,
) -> Article:
    assert meta.title is not None
    facts = page_facts(tree)
    body = tuple(paragraph for paragraph in paragraphs if paragraph not in facts) or paragraphs
    text = "\n".join(body)
    authors, summary = _with_byline(meta, byline)
    return Article(
        title=meta.title,
        body=body,
        summary=summary,
        language=detect_language(text, meta.declared_language),
        direction=detect_direction(text),
        published=published_date(tree, fetched or datetime.now(UTC)),
        fetched=fetched,
        authors=authors,
        source=Source(url=meta.url, name=meta.site_name) if meta.url else None,
        images=page_images(tree, url, meta.title, body),
        facts=facts,
    )


def without_controls(text: str) -> str:
    """The page without C0 and C1 control characters (a tab, a newline and a CR stay): they are
    nothing a page shows, they can act on a terminal, and trafilatura gives up on a tree holding them."""
    return _CONTROLS.sub("", text)


def _with_byline(meta: PageMeta, byline: str | None) -> tuple[tuple[str, ...], str | None]:
    """The authors (the metadata's, else the byline's name) and the summary without the byline it may begin with."""
    name = byline_name(byline) if byline else None
    authors = meta.authors or ((name,) if name else ())
    summary = meta.summary
    if byline and summary and summary.startswith(byline):
        summary = summary[len(byline) :].strip() or None
    return authors, summary


def parse_html(text: str) -> HtmlElement | None:
    """The page's tree (lxml, as browsers parse), or None for a page with nothing in it."""
    if not text.strip():
        return None
    try:
        return document_fromstring(text.encode("utf-8"), parser=HTMLParser(encoding="utf-8"))
    except ParserError:
        return None


def not_an_article(paragraphs: tuple[str, ...], tree: HtmlElement, meta: PageMeta) -> NotAnArticle | None:
    """Why the page is not an article (a forum, mostly links, a video, no text), or None when it is one."""
    if _is_forum(tree):
        return NotAnArticle("a forum page, not an article")
    links, share = link_share(paragraphs, tree)
    if links >= LINK_WALL_MIN_LINKS and share > LINK_WALL_SHARE:
        return NotAnArticle(f"a list of {links} links, not an article")
    text_chars = sum(len(paragraph) for paragraph in paragraphs)
    if text_chars >= MIN_ARTICLE_CHARS:
        return None
    if _is_video_page(tree, meta):
        return NotAnArticle("a video page with no text")
    page_links, page_share = page_link_share(tree)
    if page_links >= LINK_WALL_MIN_LINKS and page_share > LINK_WALL_SHARE:
        return NotAnArticle(f"a list of {page_links} links, not an article")
    if text_chars == 0:
        return NotAnArticle("no article text on the page")
    return NotAnArticle(f"too little text for an article ({text_chars} characters)")


def link_share(paragraphs: tuple[str, ...], tree: HtmlElement) -> tuple[int, float]:
    """How many of the page's links the extracted text holds, and the share of its letters they make."""
    text = "\n".join(paragraphs)
    if not text:
        return 0, 0.0
    anchors = {" ".join(anchor.text_content().split()) for anchor in tree.xpath("//body//a[@href]")}
    found = [anchor for anchor in anchors if len(anchor) > 1 and anchor in text]
    covered = sum(len(anchor) * text.count(anchor) for anchor in found)
    return len(found), min(covered / len(text), 1.0)


def page_link_share(tree: HtmlElement) -> tuple[int, float]:
    """How many links the whole page has, and the share of its visible letters that are theirs."""
    anchors = tree.xpath("//body//a[@href]")
    words = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    total = sum(len("".join(str(word).split())) for word in words)
    in_links = sum(len("".join(anchor.text_content().split())) for anchor in anchors)
    return len(anchors), (min(in_links / total, 1.0) if total else 0.0)


def without_link_lines(paragraphs: tuple[str, ...], tree: HtmlElement) -> tuple[str, ...]:
    """The paragraphs without those that are nothing but a link of the article's: "related"
    lists, next-article pointers. The site's menus are not looked at: an article's heading
    "الاقتصاد" stays when the navigation has a link "الاقتصاد"."""
    links = {clean_text(anchor.text_content()) for anchor in tree.xpath(f"//body//a[@href][not({OUTSIDE_ARTICLE})]")}
    kept = tuple(paragraph for paragraph in paragraphs if paragraph not in links)
    return kept or paragraphs


def _is_forum(tree: HtmlElement) -> bool:
    """A page made by forum software (`<meta name="generator" content="vBulletin 4">`, phpBB, XenForo…)."""
    generators = tree.xpath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")
    return any(FORUM_SOFTWARE.search(str(generator)) for generator in generators)


def _is_video_page(tree: HtmlElement, meta: PageMeta) -> bool:
    if meta.page_type and meta.page_type.lower().startswith("video"):
        return True
    if tree.xpath("//video"):
        return True
    frames = tree.xpath("//iframe/@src")
    return any(host in str(source) for source in frames for host in VIDEO_HOSTS)
