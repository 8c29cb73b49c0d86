"""Search ignores harakat and tatweel and folds letter and digit variants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.normalize import find_matches, fold_char, normalize_for_search

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


def _matches_one_character_at_a_time(text: str, query: str) -> list[tuple[int, int]]:
    """The plain definition: fold each character, remember where each folded one came
    from, and give a match the left-out characters (harakat) that follow its last letter."""
    needle = "".join(fold_char(char) for char in query)
    folded, sources = "", []
    for index, char in enumerate(text):
        folded += fold_char(char)
        sources += [index] * len(fold_char(char))
    matches, position = [], folded.find(needle) if needle else -1
    while position != -1:
        end = position + len(needle)
        end_index = sources[end - 1] + 1
        while end_index < len(text) and not fold_char(text[end_index]):
            end_index += 1
        matches.append((sources[position], end_index))
        position = folded.find(needle, end)
    return matches


SEARCHED_TEXT = st.text(alphabet=st.sampled_from(list("اأإآىيةهکیكلمسن ًٌٍَُِّْـ٠١٢0123 ßSsﬁFiAa.")), max_size=60)


@given(SEARCHED_TEXT, st.text(alphabet=st.sampled_from(list("اأيهكلسن ـَsSfiaA0١ß")), min_size=1, max_size=4))
@settings(max_examples=400, deadline=None)
def test_matches_are_those_of_the_plain_definition(text: str, query: str) -> None:
    """The fast folding (two `str.translate` passes) finds exactly what folding one
    character at a time finds, spans included."""
    assert find_matches(text, query) == _matches_one_character_at_a_time(text, query)


def test_folding_a_text_is_folding_each_character() -> None:
    """The index and in-article find fold with one `str.translate`; it must give what
    folding each character on its own gives."""
    samples = ["الاتفاقيةِ ـ أإآٱ ى ة ٢٠٢٤ ۱۲ ی ک", "Straße ΣΊΣΥΦΟΣ İstanbul", "עִבְרִית", "", "ﻻ \u200f x"]
    assert [normalize_for_search(text) for text in samples] == ["".join(map(fold_char, text)) for text in samples]
