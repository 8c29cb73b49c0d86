"""What the reader says around an article's own text, in the article's language.

Section headings, the date, the reading time and how a caption shows its credit. An
Arabic article gets Arabic headings and month names, as an Arabic newspaper prints them;
a Persian one gets the Solar Hijri date (`۳ آبان ۱۴۰۴`) and Persian digits, as Persian
newspapers print them; unknown languages fall back to English. A reading time of an hour
or more is given in hours and minutes. All text returned here is sanitized.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from reader.article.jalali import to_jalali
from reader.article.model import Article, Image
from reader.text.digits import DigitStyle, convert_digits
from reader.text.sanitize import sanitize_text


@dataclass(frozen=True)
class Labels:
    facts: str
    images: str
    source: str
    months: tuple[str, ...]
    reading_time: str  # a format with {minutes}
    reading_hours: str  # a format with {hours} and {minutes}, for an hour or more
    reading_whole_hours: str  # a format with {hours}
    calendar: str = "gregorian"  # or "jalali": the months are the Solar Hijri ones
    digits: DigitStyle = DigitStyle.AS_WRITTEN  # the digits its newspapers print dates and times in


ENGLISH = Labels(
    facts="Key facts",
    images="Photos",
    source="Source",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    reading_time="{minutes} min read",
    reading_hours="{hours} h {minutes} min read",
    reading_whole_hours="{hours} h read",
)

ARABIC = Labels(
    facts="أبرز النقاط",
    images="الصور",
    source="المصدر",
    months=(
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    reading_time="وقت القراءة: {minutes} د",
    reading_hours="وقت القراءة: {hours} س {minutes} د",
    reading_whole_hours="وقت القراءة: {hours} س",
)

PERSIAN = Labels(
    facts="نکات کلیدی",
    images="تصاویر",
    source="منبع",
    months=(
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    ),
    reading_time="زمان مطالعه: {minutes} دقیقه",
    reading_hours="زمان مطالعه: {hours} ساعت و {minutes} دقیقه",
    reading_whole_hours="زمان مطالعه: {hours} ساعت",
    calendar="jalali",
    digits=DigitStyle.ARABIC_INDIC,
)

HEBREW = Labels(
    facts="עיקרי הדברים",
    images="תמונות",
    source="מקור",
    months=(
        "בינואר",
        "בפברואר",
        "במרץ",
        "באפריל",
        "במאי",
        "ביוני",
        "ביולי",
        "באוגוסט",
        "בספטמבר",
        "באוקטובר",
        "בנובמבר",
        "בדצמבר",
    ),
    reading_time="זמן קריאה: {minutes} דק'",
    reading_hours="זמן קריאה: {hours} שע' {minutes} דק'",
    reading_whole_hours="זמן קריאה: {hours} שע'",
)

LABELS_BY_LANGUAGE = {"ar": ARABIC, "fa": PERSIAN, "he": HEBREW, "en": ENGLISH}
WORDS_PER_MINUTE = 200


def labels_for(language: str | None) -> Labels:
    """The labels for a BCP 47 language tag (`ar`, `ar-EG`, `fa-IR`…); English otherwise."""
    primary = (language or "en").split("-")[0].lower()
    return LABELS_BY_LANGUAGE.get(primary, ENGLISH)


def format_published(published: date | datetime, labels: Labels, language: str | None = None) -> str:
    """`25 أكتوبر 2025`, `25 October 2025`, `۳ آبان ۱۴۰۴`; a time of day is added as HH:MM."""
    day = published.date() if isinstance(published, datetime) else published
    year, month, day_of_month = to_jalali(day) if labels.calendar == "jalali" else (day.year, day.month, day.day)
    text = f"{day_of_month} {labels.months[month - 1]} {year}"
    if isinstance(published, datetime):
        text += f" {published:%H:%M}"
    return convert_digits(text, labels.digits, language)


def format_reading_time(minutes: int, labels: Labels, language: str | None = None) -> str:
    """`12 min read`; from an hour on, `12 h 5 min read` (never `720 min`)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        text = labels.reading_time.format(minutes=minutes)
    elif not rest:
        text = labels.reading_whole_hours.format(hours=hours)
    else:
        text = labels.reading_hours.format(hours=hours, minutes=rest)
    return convert_digits(text, labels.digits, language)


def reading_minutes(article: Article) -> int:
    words = sum(paragraph.count(" ") + 1 for paragraph in article.body)  # close enough, and fast
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def byline(article: Article) -> str:
    """The line under the title: date · source · authors · reading time."""
    labels = labels_for(article.language)
    parts: list[str] = []
    if article.published is not None:
        parts.append(format_published(article.published, labels, article.language))
    if article.source is not None and article.source.name:
        parts.append(article.source.name)
    if article.authors:
        parts.append("، ".join(article.authors) if labels is ARABIC else ", ".join(article.authors))
    parts.append(format_reading_time(reading_minutes(article), labels, article.language))
    return sanitize_text(" · ".join(parts))


def caption_with_credit(image: Image, *, with_file: bool = True) -> str:
    """A caption as printed under a photo: the caption, then its credit in brackets (then
    the photo's file, unless the photo itself is shown above it)."""
    text = image.caption
    if image.credit:
        text = f"{text} ({image.credit})"
    if image.file and with_file:
        text = f"{text} [{image.file}]"
    return sanitize_text(text)
