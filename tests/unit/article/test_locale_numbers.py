"""Numbers and dates in the article's own locale: Persian dates in the Solar Hijri calendar with
Persian digits, Arabic separators with Arabic-Indic digits, long reading times in hours."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reader.article.document import Part, article_blocks, in_digit_style
from reader.article.jalali import to_jalali
from reader.article.model import Article, Source
from reader.article.presentation import ARABIC, ENGLISH, PERSIAN, byline, format_reading_time
from reader.article.text_dump import dump_chunks
from reader.terminal.modes import BidiMode
from reader.text.digits import DigitStyle, convert_digits
from reader.text.layout import LayoutOptions


@pytest.mark.parametrize(
    ("gregorian", "jalali"),
    [  # Nowruz of 1403 and 1404, the revolution's day, a leap day
        (date(2024, 3, 20), (1403, 1, 1)),
        (date(2025, 3, 21), (1404, 1, 1)),
        (date(2025, 3, 20), (1403, 12, 30)),
        (date(1979, 2, 11), (1357, 11, 22)),
        (date(2024, 2, 29), (1402, 12, 10)),
    ],
)
def test_solar_hijri_dates(gregorian: date, jalali: tuple[int, int, int]) -> None:
    assert to_jalali(gregorian) == jalali


def test_a_persian_byline_has_a_solar_hijri_date_and_persian_digits() -> None:
    article = Article(title="خبر", body=("متن",), language="fa", published=datetime(2025, 10, 25, 9, 45))
    assert byline(article) == "۳ آبان ۱۴۰۴ ۰۹:۴۵ · زمان مطالعه: ۱ دقیقه"


def test_an_arabic_byline_keeps_its_dates_as_arabic_papers_print_them() -> None:
    article = Article(title="خبر", body=("نص",), language="ar", published=date(2025, 10, 25))
    assert byline(article) == "25 أكتوبر 2025 · وقت القراءة: 1 د"


@pytest.mark.parametrize(
    ("minutes", "labels", "language", "shown"),
    [
        (720, ARABIC, "ar", "وقت القراءة: 12 س"),
        (95, ENGLISH, "en", "1 h 35 min read"),
        (59, ENGLISH, "en", "59 min read"),
        (125, PERSIAN, "fa", "زمان مطالعه: ۲ ساعت و ۵ دقیقه"),
    ],
)
def test_long_reading_times_are_in_hours(minutes: int, labels: object, language: str, shown: str) -> None:
    assert format_reading_time(minutes, labels, language) == shown  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        ("بلغ 4,350 دولارا بزيادة 1.5% اليوم.", "ar", "بلغ ٤٬٣٥٠ دولارا بزيادة ١٫٥٪ اليوم."),
        ("رشد %12.5 در سال 1403، یعنی 2,000 نفر.", "fa", "رشد ٪۱۲٫۵ در سال ۱۴۰۳، یعنی ۲٬۰۰۰ نفر."),
        ("نهاية الجملة 2025. ثم", "ar", "نهاية الجملة ٢٠٢٥. ثم"),  # a full stop after a number stays
    ],
)
def test_arabic_indic_digits_bring_their_separators(written: str, language: str, shown: str) -> None:
    converted = convert_digits(written, DigitStyle.ARABIC_INDIC, language)
    assert converted == shown and len(converted) == len(written)  # one for one: spans stay valid


def test_western_digits_bring_ascii_separators() -> None:
    assert convert_digits("٤٬٣٥٠ و ١٫٥٪", DigitStyle.WESTERN, "ar") == "4,350 و 1.5%"


def test_dump_and_screen_leave_the_source_digits_as_written() -> None:
    article = Article(
        title="عنوان 12", body=("نص 2024",), language="ar", source=Source("https://example.com/24", "قناة 24")
    )
    shown = in_digit_style(article_blocks(article), DigitStyle.ARABIC_INDIC, "ar")
    assert all("24" in block.text for block in shown if block.part is Part.SOURCE)  # name and link
    assert "٢٠٢٤" in next(block.text for block in shown if block.part is Part.BODY)
    dumped = "\n".join(
        line
        for chunk in dump_chunks(article, 60, LayoutOptions(mode=BidiMode.LOGICAL), digits=DigitStyle.ARABIC_INDIC)
        for line in chunk
    )
    assert "قناة 24" in dumped and "https://example.com/24" in dumped and "٢٠٢٤" in dumped
