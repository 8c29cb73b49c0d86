"""The photos of a news page: `<figure>` with its `<figcaption>`, and the page's `og:image`.

This module owns which pictures are the article's (figures, and pictures with an element
named for a caption beside them, outside the site's regions; the page's declared lead
image), their address (resolved against the page, http(s) only, `<picture>` sources and
lazy-loading attributes read), and the split of a caption from its credit: an element named
for a credit in the caption or beside it (`<span class="credit">`), a bracketed credit
(`(صورة: مان كوان)`, `(تصوير: …)`, a photo agency such as `(رويترز)`), or a trailing
labelled one (`… عکس: علی رضایی`). A figure with no caption and no `alt` text is left out:
captions are never invented. The lead image's caption is its `og:image:alt`, the caption of
the figure that shows it, else the headline.

A picture inside the article's text keeps its place (`Image.after`): the nearest text
element before it on the page whose text is a paragraph of the extracted body (one the body
holds once) says how many paragraphs come before it; with none before it and the body's
first paragraph after it, it stands at the top. A place that cannot be found so is left
out, as is the lead image's when no figure in the text shows it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from reader.article.model import Image
from reader.article.plaintext import CREDIT_LABELS, caption_line
from reader.article.urls import check_url
from reader.web.page_clean import clean_text
from reader.web.page_meta import meta_content
from reader.web.page_regions import OUTSIDE_ARTICLE

_CREDIT_ELEMENT = (
    ".//*[contains(@class, 'credit') or contains(@class, 'copyright') or contains(@class, 'photographer')"
    " or contains(@class, 'source') or contains(@class, 'author')]"
)
_LABELLED_CREDIT = re.compile(
    rf"(?P<caption>.*?\S)[\s.,،|–—-]+(?P<credit>{CREDIT_LABELS}\s*:\s*\S.*)",
    re.IGNORECASE,
)
_TEXT_ELEMENTS = "*[self::p or self::h2 or self::h3 or self::h4 or self::li or self::blockquote]"
_IMAGE_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "srcset", "data-srcset")


def page_images(tree: HtmlElement, page_url: str, headline: str | None, body: Sequence[str] = ()) -> tuple[Image, ...]:
    """The lead image first, then each captioned figure (or picture with a caption beside it),
    each address once; each placed among the `body` paragraphs where the page shows it."""
    places = TextPlaces(body)
    figures = [
        replace(image, after=places.place_of(figure))
        for figure in tree.xpath(f"//figure[not({OUTSIDE_ARTICLE})]")
        if (image := figure_image(figure, page_url))
    ]
    figures += [
        replace(image, after=places.place_of(caption))
        for caption in tree.xpath(
            f"//*[contains(@class, 'caption')][not(ancestor-or-self::figure)][not({OUTSIDE_ARTICLE})]"
        )
        if (image := captioned_image(caption, page_url))
    ]
    images: list[Image] = []
    lead = lead_image(tree, page_url, headline, figures)
    if lead is not None:
        images.append(lead)
    for image in figures:
        if all(image.url != kept.url for kept in images):
            images.append(image)
    return tuple(images)


class TextPlaces:
    """Where an element of the page stands among the body's paragraphs."""

    def __init__(self, body: Sequence[str]) -> None:
        counts = Counter(body)
        self._numbers = {paragraph: number for number, paragraph in enumerate(body) if counts[paragraph] == 1}

    def place_of(self, element: HtmlElement) -> int | None:
        """How many body paragraphs come before `element`, or None when that is not clear."""
        if not self._numbers:
            return None
        for before in reversed(element.xpath(f"preceding::{_TEXT_ELEMENTS}")):
            number = self._numbers.get(clean_text(before.text_content()))
            if number is not None:
                return number + 1
        for after in element.xpath(f"following::{_TEXT_ELEMENTS}"):
            number = self._numbers.get(clean_text(after.text_content()))
            if number is not None:
                return 0 if number == 0 else None
        return None


def figure_image(figure: HtmlElement, page_url: str) -> Image | None:
    """A `<figure>`'s picture with its caption and credit, or None without a picture or a caption.

    The credit may sit in the caption or beside it (`<figure><img><span class="credit">`)."""
    pictures = figure.xpath(".//img | .//picture/source")
    url = next((found for picture in pictures if (found := image_url(picture, page_url))), None)
    captions = figure.xpath(".//figcaption")
    if captions:
        caption, credit = split_credit(captions[0])
    else:
        caption, credit = clean_text(next((p.get("alt") for p in pictures if p.get("alt")), "")), None
    if credit is None:
        beside = figure.xpath(f"{_CREDIT_ELEMENT}[not(ancestor::figcaption)]")
        credit = (clean_text(beside[0].text_content()) or None) if beside else None
    if url is None or not caption:
        return None
    return Image(caption=caption, credit=credit, url=url)


def captioned_image(caption_element: HtmlElement, page_url: str) -> Image | None:
    """A picture outside `<figure>` with its caption beside it (`<div class="photo"><img><p class="caption">`):
    the first `<img>` of the caption's parent, or of the parent's parent."""
    parent = caption_element.getparent()
    for holder in (parent, parent.getparent() if parent is not None else None):
        pictures = holder.xpath(".//img") if holder is not None else []
        if pictures:
            url = image_url(pictures[0], page_url)
            caption, credit = split_credit(caption_element)
            return Image(caption=caption, credit=credit, url=url) if url and caption else None
    return None


def split_credit(caption_element: HtmlElement) -> tuple[str, str | None]:
    """A caption's text and its credit, as printed (label included)."""
    credit: str | None = None
    text = clean_text(caption_element.text_content())
    for element in caption_element.xpath(_CREDIT_ELEMENT):
        credit = clean_text(element.text_content()) or None
        text = clean_text(text.replace(credit or "", " ", 1))
        break
    if credit is None:
        if (bracketed := caption_line(text, agency_alone=True)) is not None:  # the same rule as `reader import`
            return bracketed.caption, bracketed.credit
        if (labelled := _LABELLED_CREDIT.fullmatch(text)) is not None:
            return labelled["caption"].strip(), labelled["credit"].strip()
    if not text and credit:
        return credit, None
    return text, credit


def lead_image(tree: HtmlElement, page_url: str, headline: str | None, figures: list[Image]) -> Image | None:
    """The page's declared lead image (`og:image`, else `twitter:image`), captioned."""
    declared = meta_content(tree, "og:image") or meta_content(tree, "twitter:image")
    url = web_url(declared, page_url) if declared else None
    if url is None:
        return None
    for figure in figures:
        if figure.url == url:
            return figure
    caption = meta_content(tree, "og:image:alt") or headline
    return Image(caption=caption, url=url) if caption else None


def image_url(picture: HtmlElement, page_url: str) -> str | None:
    """The address of an `<img>`, from `src` or the lazy-loading attributes, resolved; http(s) only."""
    for attribute in _IMAGE_SOURCES:
        value = picture.get(attribute)
        if value and not value.startswith("data:"):
            first = value.split(",")[0].split()[0] if attribute.endswith("srcset") else value
            if (url := web_url(first, page_url)) is not None:
                return url
    return None


def web_url(value: str, page_url: str) -> str | None:
    """`value` resolved against the page's address, when that gives an http(s) address."""
    url = urljoin(page_url, value.strip())
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc and check_url(url).ok else None
