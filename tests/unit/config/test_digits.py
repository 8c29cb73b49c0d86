"""Digit styles at display time: one character for one, only where they belong."""

from __future__ import annotations

from reader.text.digits import DigitStyle, convert_digits


def test_as_written_changes_nothing() -> None:
    assert convert_digits("عام ٢٠٢٤ و2025", DigitStyle.AS_WRITTEN, "ar") == "عام ٢٠٢٤ و2025"


def test_western_turns_arabic_and_persian_digits_into_ascii() -> None:
    assert convert_digits("٢٠٢٤ و۱۴۰۳", DigitStyle.WESTERN, "ar") == "2024 و1403"


def test_arabic_indic_uses_arabic_digits_for_arabic() -> None:
    assert convert_digits("في 25 أكتوبر 2025", DigitStyle.ARABIC_INDIC, "ar") == "في ٢٥ أكتوبر ٢٠٢٥"


def test_arabic_indic_uses_the_extended_digits_for_persian_and_urdu() -> None:
    assert convert_digits("سال 1403", DigitStyle.ARABIC_INDIC, "fa") == "سال ۱۴۰۳"
    assert convert_digits("٤٥", DigitStyle.ARABIC_INDIC, "ur-PK") == "۴۵"


def test_arabic_indic_leaves_latin_and_hebrew_articles_alone() -> None:
    assert convert_digits("On 25 October", DigitStyle.ARABIC_INDIC, "en") == "On 25 October"
    assert convert_digits("ב-25 באוקטובר", DigitStyle.ARABIC_INDIC, "he") == "ב-25 באוקטובר"


def test_the_text_keeps_its_length_so_spans_stay_valid() -> None:
    text = "٢٠٢٤ and 1999"
    assert len(convert_digits(text, DigitStyle.WESTERN)) == len(text)
