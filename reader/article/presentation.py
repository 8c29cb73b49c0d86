"""What the reader says around an article's own text, in the article's language.

Section headings, the date, the reading time and how a caption shows its credit. An
Arabic article gets Arabic headings and month names, as an Arabic newspaper prints them;
unknown languages fall back to English. All text returned here is sanitized.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from reader.article.model import Article, Image
from reader.text.sanitize import sanitize_text


@dataclass(frozen=True)
class Labels:
    facts: str
    images: str
    source: str
    months: tuple[str, ...]
    reading_time: str  # a format with {minutes}


ENGLISH = Labels(
    facts="Key facts",
    images="Photos",
    source="Source",
    months=(
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    reading_time="{minutes} min read",
)

ARABIC = Labels(
    facts="أبرز النقاط",
    images="الصور",
    source="المصدر",
    months=(
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
    reading_time="وقت القراءة: {minutes} د",
)

PERSIAN = Labels(
    facts="نکات کلیدی",
    images="تصاویر",
    source="منبع",
    months=(
        "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
        "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
    ),
    reading_time="زمان مطالعه: {minutes} دقیقه",
)

HEBREW = Labels(
    facts="עיקרי הדברים",
    images="תמונות",
    source="מקור",
    months=(
        "בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני",
        "ביולי", "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר",
    ),
    reading_time="זמן קריאה: {minutes} דק'",
)

LABELS_BY_LANGUAGE = {"ar": ARABIC, "fa": PERSIAN, "he": HEBREW, "en": ENGLISH}
WORDS_PER_MINUTE = 200


def labels_for(language: str | None) -> Labels:
    """The labels for a BCP 47 language tag (`ar`, `ar-EG`, `fa-IR`…); English otherwise."""
    primary = (language or "en").split("-")[0].lower()
    return LABELS_BY_LANGUAGE.get(primary, ENGLISH)


def format_published(published: date | datetime, labels: Labels) -> str:
    """`25 أكتوبر 2025`, `25 October 2025`; a time of day is added as HH:MM."""
    text = f"{published.day} {labels.months[published.month - 1]} {published.year}"
    if isinstance(published, datetime):
        text += f" {published:%H:%M}"
    return text


def reading_minutes(article: Article) -> int:
    words = sum(paragraph.count(" ") + 1 for paragraph in article.body)  # close enough, and fast
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def byline(article: Article) -> str:
    """The line under the title: date · source · authors · reading time."""
    labels = labels_for(article.language)
    parts: list[str] = []
    if article.published is not None:
        parts.append(format_published(article.published, labels))
    if article.source is not None and article.source.name:
        parts.append(article.source.name)
    if article.authors:
        parts.append("، ".join(article.authors) if labels is ARABIC else ", ".join(article.authors))
    parts.append(labels.reading_time.format(minutes=reading_minutes(article)))
    return sanitize_text(" · ".join(parts))


def caption_with_credit(image: Image) -> str:
    """A caption as printed under a photo: the caption, then its credit in brackets."""
    text = image.caption
    if image.credit:
        text = f"{text} ({image.credit})"
    if image.file:
        text = f"{text} [{image.file}]"
    return sanitize_text(text)
