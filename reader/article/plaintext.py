"""Reading a plain-text news report, as copied from a web page, into article parts.

This module owns the line rules of `reader import`: which lines are paragraphs, photo
captions (`… (صورة: مان كوان).`, `… (تصوير: …).`, `… (رويترز).`; the web importer splits
page captions by the same rule), the source line (`المصدر: https://…`), a headline, or
page residue (`تعليق (0)`), and which language and direction the letters say. A caption
keeps its place among the paragraphs (`Image.after`: how many came before it). Pure: text
in, `PlainReport` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from reader.article.model import Image
from reader.article.values import InvalidValue, check_source_url
from reader.text.direction import Direction
from reader.text.language import detect_language

HEADLINE_MAX_WORDS = 15
HEADLINE_FINAL_STOPS = (".", ":", "۔", "؛", "…")

# A caption ends with its credit in brackets, optionally followed by a full stop:
# "المندوبون … جماعية (صورة: مان كوان)." → caption "المندوبون … جماعية", credit "صورة: مان كوان".
# The credit is a labelled one (`صورة:`, `تصوير:`, `photo by:` …); in a web page's caption
# (`agency_alone`), a photo agency alone (`(رويترز)`) too: in a plain-text report that is how
# a paragraph may end ("… كما نقلت (رويترز)."), so it does not make a line a caption there.
# One rule for both importers.
PHOTO_AGENCIES = (
    r"رويترز|فرانس\s+برس|أ\s*ف\s*ب|أ\s*ب|أسوشيتد\s+برس|الأناضول|غيتي|getty(?:\s+images)?|reuters|afp|ap|epa|"
    r"anadolu|ايرنا|ایرنا|ایسنا|تسنیم|فارس|מאגר|פלאש\s*90|flash\s*90"
)
CREDIT_LABELS = r"(?:الصورة|صورة|تصوير|عدسة|عکس|عكس|photo(?:\s+by)?|credit|צילום|تصویر)"
_LABELLED = rf"{CREDIT_LABELS}\s*:\s*[^()]*?\S"
_CAPTION = re.compile(rf"(?P<caption>.*?\S)\s*\((?P<credit>\s*{_LABELLED}\s*)\)\s*[.۔]?", re.IGNORECASE)
_WEB_CAPTION = re.compile(
    rf"(?P<caption>.*?\S)\s*\((?P<credit>\s*(?:{_LABELLED}|(?:{PHOTO_AGENCIES}))\s*)\)\s*[.۔]?", re.IGNORECASE
)
_SOURCE = re.compile(r"(?:المصدر|منبع|source|מקור)\s*:\s*(?P<url>\S+)", re.IGNORECASE)
_COMMENT_COUNTER = re.compile(r"(?:تعليق|تعليقات|comments?|نظر|نظرات|תגובות)\s*\(\s*\d+\s*\)", re.IGNORECASE)


@dataclass(frozen=True)
class PlainReport:
    """What a plain-text report holds, in the order it gave it; each image placed after
    the paragraphs that came before its caption line."""

    headline: str | None
    paragraphs: tuple[str, ...]
    images: tuple[Image, ...]
    source_url: str | None
    language: str | None
    direction: Direction
    warnings: tuple[str, ...] = ()


def read_plain_report(text: str, *, find_headline: bool = True) -> PlainReport:
    """Sort a report's lines into headline, paragraphs, captions and source; drop page residue."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not is_page_residue(line)]
    headline = _headline(lines) if find_headline else None
    if headline is not None:
        lines = lines[1:]
    paragraphs: list[str] = []
    images: list[Image] = []
    source_url: str | None = None
    warnings: list[str] = []
    for line in lines:
        image = caption_line(line)
        url = source_line(line) if source_url is None else None
        if image is not None:
            images.append(replace(image, after=len(paragraphs)))
        elif url is not None:
            source_url = _checked_source(url, warnings)
            if source_url is None:
                paragraphs.append(line)
        else:
            paragraphs.append(line)
    language, direction = detect_language(text)
    return PlainReport(headline, tuple(paragraphs), tuple(images), source_url, language, direction, tuple(warnings))


def is_page_residue(line: str) -> bool:
    """A web page's leftovers, such as a comment counter: `تعليق (0)`, `Comments (3)`."""
    return _COMMENT_COUNTER.fullmatch(line) is not None


def caption_line(line: str, *, agency_alone: bool = False) -> Image | None:
    """The image a caption line describes; its credit is the bracketed text as written.
    `agency_alone`: a photo agency in brackets is a credit too (a web page's caption)."""
    found = (_WEB_CAPTION if agency_alone else _CAPTION).fullmatch(line)
    if found is None:
        return None
    return Image(caption=found["caption"], credit=" ".join(found["credit"].split()))


def source_line(line: str) -> str | None:
    """The address on a source line (`المصدر: URL`, `منبع: URL`, `Source: URL`)."""
    found = _SOURCE.fullmatch(line)
    return found["url"] if found else None


def source_name(url: str) -> str | None:
    """A publication name guessed from nothing but the address: its host, without `www.`."""
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _checked_source(url: str, warnings: list[str]) -> str | None:
    try:
        return check_source_url(url)
    except InvalidValue as problem:
        warnings.append(f"the source line's address is not usable ({problem}); kept it as a paragraph")
        return None


def _headline(lines: list[str]) -> str | None:
    """The first line, when it reads as a headline: short, no final full stop or colon, more follows."""
    if len(lines) < 2:
        return None
    first = lines[0]
    if caption_line(first) or source_line(first) or first.endswith(HEADLINE_FINAL_STOPS):
        return None
    return first if len(first.split()) <= HEADLINE_MAX_WORDS else None
