"""Search ignores harakat and tatweel and folds letter and digit variants."""

from __future__ import annotations

import pytest

from reader.text.normalize import find_matches, normalize_for_search

FOLDINGS = [
    ("اتفاقية", "الاتفاقيةِ"),
    ("٢٠٢٤", "في 2024"),
    ("۱۴۰۲", "1402"),
    ("اسلام", "إسلام"),
    ("امم", "الأمم"),
    ("القران", "القرآن"),
    ("الاتفاقيه", "الاتفاقية"),
    ("علي", "على"),
    ("كتاب", "کتاب"),
    ("يك", "یک"),
    ("مرحبا", "مرحبـــا"),
    ("hanoi", "HANOI"),
    ("رسميا", "رسمياً"),
]


@pytest.mark.parametrize(("query", "text"), FOLDINGS)
def test_query_finds_its_variant(query: str, text: str) -> None:
    assert find_matches(text, query), f"{query!r} should find {text!r}"


def test_a_match_covers_the_harakat_of_its_last_letter() -> None:
    text = "وقّعت الاتفاقيةِ اليوم"
    start, end = find_matches(text, "اتفاقية")[0]
    assert text[start:end] == "اتفاقيةِ"


def test_different_words_do_not_match() -> None:
    assert find_matches("مكافحة الجرائم", "الجريمة") == []
    assert normalize_for_search("") == ""
    assert find_matches("نص", "") == []


def test_every_match_is_found_in_order() -> None:
    text = "الأمم المتحدة والأمم الأخرى وأمم"
    assert [text[s:e] for s, e in find_matches(text, "امم")] == ["أمم", "أمم", "أمم"]
