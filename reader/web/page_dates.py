"""When a news page says its article was published, with the offset it gives.

This module owns the order of evidence: the article's structured data (JSON-LD
`datePublished`), then the page's metadata (`article:published_time`, `itemprop=
"datePublished"`, RDFa `dc:date`, Dublin Core and the common `pubdate` names), then a
`<time datetime>` inside the `<article>`, then a printed dateline in an element named for a
date (`class="story-timestamp"`: `الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)`),
those after the headline first. Values may be ISO 8601, printed with month names, or
Jalali (`۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹`, see `jalali`).

It never reads a date from running text, footers, navigation or asides, so a copyright
line (`© 2013 Cable News Network`) or an archive list cannot become the publication date,
and a "today is" widget above the headline counts only when the page gives no other date;
a page that states none gets None.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from lxml.html import HtmlElement

from reader.web.jalali import parse_jalali
from reader.web.page_regions import OUTSIDE_ARTICLE

EARLIEST_YEAR = 1990

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "Report",
    }
)

# (attribute, value) pairs of <meta> and other elements that hold the publication time, best first.
_META_KEYS = (
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("property", "og:published_time"),
    ("itemprop", "datePublished"),
    ("property", "dc:date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.issued"),
    ("name", "dcterms.created"),
    ("name", "dc.date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "publication_date"),
    ("name", "article:published_time"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
    ("name", "date"),
)

_DATELINE_CLASS = re.compile(r"date|time|tmstmp|stamp|publish|dateline", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|&copy;|copyright|all rights reserved|حقوق|کلیه حقوق|כל הזכויות", re.IGNORECASE)
_DATELINE_MAX_CHARS = 160

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("جنوری", "يناير", "كانون الثاني", "جانفي", "ژانویه", "ינואר", "january", "jan"),
    2: ("فروری", "فبراير", "شباط", "فيفري", "فوریه", "פברואר", "february", "feb"),
    3: ("مارچ", "مارس", "آذار", "اذار", "מרץ", "march", "mar"),
    4: ("اپریل", "أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل", "آوریل", "אפריל", "april", "apr"),
    5: ("مئی", "مايو", "أيار", "ايار", "ماي", "مه", "מאי", "may"),
    6: ("جون", "يونيو", "يونيه", "حزيران", "جوان", "ژوئن", "יוני", "june", "jun"),
    7: ("جولائی", "يوليو", "يوليه", "تموز", "جويلية", "ژوئیه", "יולי", "july", "jul"),
    8: ("اگست", "أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "אוגוסט", "august", "aug"),
    9: ("ستمبر", "سبتمبر", "أيلول", "ايلول", "سپتامبر", "ספטמבר", "september", "sept", "sep"),
    10: ("اکتوبر", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "اکتبر", "אוקטובר", "october", "oct"),
    11: ("نومبر", "نوفمبر", "تشرين الثاني", "نوامبر", "נובמבר", "november", "nov"),
    12: ("دسمبر", "ديسمبر", "كانون الأول", "كانون الاول", "دسامبر", "דצמבר", "december", "dec"),
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
# "28 آب/اغسطس 2013", "28 באוגוסט 2013", "28 Aug. 2013", "August 28, 2013"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:-|ב-?)?\s*(?P<month>{_MONTH})\.?(?:\s*/\s*(?:{_MONTH}))?\s*[,،]?\s*(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?!\d)")
_OFFSET = re.compile(r"(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?", re.IGNORECASE)


def published_date(tree: HtmlElement, latest: datetime) -> date | datetime | None:
    """The page's publication date or time (with its offset when the page gives one), or None.

    Dates before 1990 or more than a day after `latest` (the fetch time) are not believed."""
    for text in _candidates(tree):
        value = parse_date_value(text) or parse_dateline(text) or parse_jalali(text)
        if value is not None and _plausible(value, latest):
            return value
    return None


def _candidates(tree: HtmlElement) -> Iterator[str]:
    yield from _json_ld_dates(tree)
    for attribute, key in _META_KEYS:
        for element in tree.xpath(
            f"//*[translate(@{attribute}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')='{key.lower()}']"
        ):
            value = element.get("content") or element.get("datetime")
            if value:
                yield value
    for element in tree.xpath("//article//time[@datetime] | //time[@pubdate][@datetime]"):
        yield element.get("datetime", "")
    yield from _datelines(tree)


def _json_ld_dates(tree: HtmlElement) -> Iterator[str]:
    other: list[str] = []
    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            data = json.loads(script.text_content())
        except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
            continue
        for item in _json_objects(data):
            value = item.get("datePublished")
            if not isinstance(value, str):
                continue
            types = item.get("@type")
            type_names = set(types) if isinstance(types, list) else {types}
            if type_names & ARTICLE_TYPES:
                yield value
            else:
                other.append(value)
    yield from other


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a JSON-LD document, `@graph` members included, outer ones first
    (walked with a queue, so no nesting is too deep)."""
    waiting = deque([data])
    while waiting:
        value = waiting.popleft()
        if isinstance(value, dict):
            yield value
            waiting.extend(value.values())
        elif isinstance(value, list):
            waiting.extend(value)


def _datelines(tree: HtmlElement) -> Iterator[str]:
    """Short texts of elements named for a date: those after the headline first (a "today is"
    widget in the page's header comes before it), none in navigation, asides or footers."""
    after_headline = tree.xpath("(//body//h1)[1]/following::*[@class or @id]")
    seen = set(after_headline)
    elements = after_headline + [e for e in tree.xpath("//body//*[@class or @id]") if e not in seen]
    for element in elements:
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not _DATELINE_CLASS.search(names) or element.xpath(OUTSIDE_ARTICLE):
            continue
        text = " ".join(element.text_content().split())
        if text and len(text) <= _DATELINE_MAX_CHARS and not _COPYRIGHT.search(text):
            yield text


def parse_date_value(text: str) -> date | datetime | None:
    """An ISO 8601 date or date-time (`2026-01-08T11:42:50Z`, `2019-02-08 00:00:00+01:00`), else None."""
    value = text.strip().translate(_DIGITS)
    if not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    offset = moment.utcoffset()
    return None if offset is not None and offset.total_seconds() % 60 else moment


def parse_dateline(text: str) -> date | datetime | None:
    """The date a printed dateline gives, with its time and `GMT+0400` offset when it has them."""
    text = text.translate(_DIGITS)
    match = _DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text)
    if match is None:
        return None
    try:
        day = date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None
    rest = text[match.end() :]
    clock = _TIME.search(rest)
    if clock is None:
        return day
    offset = _OFFSET.search(rest)
    zone = _zone(offset) if offset else None
    return datetime(day.year, day.month, day.day, int(clock["hour"]), int(clock["minute"]), tzinfo=zone)


def _zone(match: re.Match[str]) -> timezone | None:
    minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=minutes if match["sign"] == "+" else -minutes))


def _plausible(value: date | datetime, latest: datetime) -> bool:
    if value.year < EARLIEST_YEAR:
        return False
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment <= latest + timedelta(days=1)
    return value <= (latest + timedelta(days=1)).date()
