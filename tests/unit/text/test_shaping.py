"""Shaping never fails on what an article may contain, and keeps track of every letter."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.shaping import shape_word

WORD = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0620, max_codepoint=0x064A),
        st.sampled_from("\u200d\u200c\u064b\u0651\u0670\u0640لاأإآ文aپچژگکی"),
    ),
    min_size=1,
    max_size=12,
)


def test_a_word_starting_with_zwj_is_shaped() -> None:
    shaped = shape_word("\u200d文لا")
    assert shaped.text == "文\ufefb"  # the joiner is gone, lam-alef is one ligature


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("ب\u200dلا", "\ufe91\ufefc"),  # beh initial, joined through the ZWJ to lam-alef final
        ("a\u200dلآ", "a\ufef6"),  # a ZWJ asks for the joining form even after a Latin letter
        ("ل\u200dا", "\ufedf\ufe8e"),  # a ZWJ between lam and alef: joined, no ligature
    ],
)
def test_a_zwj_before_lam_alef_joins_without_moving_the_ligature(word: str, shaped: str) -> None:
    """arabic-reshaper raised IndexError here (the ligature was looked up in the text
    with the ZWJ, in a result without it): an article with such a word crashed the reader."""
    assert shape_word(word).text == shaped


@settings(max_examples=400, deadline=None)
@example("a\u200dلآ")
@given(WORD)
def test_any_word_is_shaped_and_every_output_character_has_a_source(word: str) -> None:
    shaped = shape_word(word)
    assert len(shaped.text) == len(shaped.sources)
    assert all(0 <= source < len(word) for source in shaped.sources)
    assert list(shaped.sources) == sorted(shaped.sources)
    assert "\u200d" not in shaped.text and "\u200c" not in shaped.text
