"""The article text of a news page, by trafilatura, as paragraphs a reader wants.

This module owns the call to trafilatura (comments, tables and images left out) and the
paragraphs made of its output: one per paragraph, heading, list item or line break,
whitespace joined, the invisible marks put back (see `page_marks`), site furniture dropped
(see `page_boilerplate`), the headline repeated at the top dropped, and a byline standing
first (`حوار: آسيا العتروس`) taken out for the authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element

from reader.web.page_boilerplate import is_boilerplate
from reader.web.page_clean import clean_text
from reader.web.page_marks import MarkGuard

BLOCK_TAGS = frozenset({"p", "head", "item", "quote", "cell"})


@dataclass(frozen=True)
class ExtractedText:
    """What trafilatura found: the text blocks (paragraphs, headings, list items; marks restored)
    and the metadata it read."""

    blocks: tuple[str, ...]
    title: str | None
    site_name: str | None
    description: str | None
    author: str | None


def extract_text(page: str, url: str | None, guard: MarkGuard) -> ExtractedText:
    """Run trafilatura on the page's text, its marks protected by `guard`."""
    import trafilatura

    document = trafilatura.bare_extraction(
        guard.protect(page),
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False},
    )
    if document is None or isinstance(document, dict):
        return ExtractedText((), None, None, None, None)
    body = document.body
    blocks = tuple(_blocks(body, guard)) if body is not None else ()
    return ExtractedText(
        blocks=blocks,
        title=_restored(document.title, guard),
        site_name=_restored(document.sitename, guard),
        description=_restored(document.description, guard),
        author=_restored(document.author, guard),
    )


def _blocks(body: _Element, guard: MarkGuard) -> list[str]:
    """Each paragraph, heading, list item and quote; a line break (`<lb/>`) separates paragraphs too."""
    for line_break in body.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    blocks: list[str] = []
    for element in body.iter(*BLOCK_TAGS):
        if any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors()):
            continue  # a list item inside a quote is read with the quote
        lines = (clean_text(line) for line in guard.restore("".join(element.itertext())).split("\n"))
        blocks.extend(line for line in lines if line)
    return blocks


def article_paragraphs(blocks: tuple[str, ...], headline: str | None) -> tuple[str, ...]:
    """The article's paragraphs: site furniture and a repeated headline left out, each once in a row."""
    paragraphs: list[str] = []
    for block in blocks:
        if is_boilerplate(block) or (headline and not paragraphs and _same_text(block, headline)):
            continue
        if paragraphs and paragraphs[-1] == block:
            continue
        paragraphs.append(block)
    return tuple(paragraphs)


def _same_text(one: str, other: str) -> bool:
    def letters(text: str) -> str:
        return "".join(character for character in text.casefold() if character.isalnum())

    return letters(one) == letters(other)


def _restored(value: str | None, guard: MarkGuard) -> str | None:
    return (clean_text(guard.restore(value)) or None) if value else None


_BYLINE = re.compile(
    r"(?:(?:حوار|كتب|كتبت|إعداد|اعداد|نویسنده|گفت‌وگو)\s*[:：]|بقلم\s*[:：]?|by|מאת)\s*(?P<name>[^\d:،,.]{2,60}?)\s*",
    re.IGNORECASE,
)
BYLINE_MAX_WORDS = 7


def split_byline(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """The paragraphs without a byline standing first (`حوار: آسيا العتروس`, `By Jane Doe`), and that line."""
    if len(paragraphs) > 1 and byline_name(paragraphs[0]) is not None:
        return paragraphs[1:], paragraphs[0]
    return paragraphs, None


def byline_name(line: str) -> str | None:
    """The name a byline line gives, or None when the line is no byline."""
    if len(line.split()) > BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.fullmatch(line)
    return match["name"] if match else None
