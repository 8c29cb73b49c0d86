"""The layout a reader sees: wrapping, alignment, mirroring, marks, modes, harakat."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.terminal.modes import BidiMode
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.text.shaping import shape_word
from tests.unit.text.conftest import MIXED_SAMPLES, seed_paragraphs

LOGICAL = LayoutOptions(mode=BidiMode.LOGICAL)

ARABIC_WORDS = st.sampled_from(
    [
        "في",
        "صباح",
        "يوم",
        "رسمياً",
        "الأمم",
        "المتحدة",
        "لاتفاقية",
        "(صورة:",
        "مان",
        "كوان).",
        "2024",
        "A/RES/79/243",
        "«هانوي»",
        "می‌خواهم",
        "گفتگو",
        "שלום",
        "Hanoi,",
        "https://example.com/a/b/c/d/e/f",
    ]
)
PARAGRAPHS = st.lists(ARABIC_WORDS, min_size=1, max_size=40).map(" ".join)


def test_lines_of_an_rtl_paragraph_come_in_reading_order() -> None:
    """Wrapping happens before reordering: the first words are on the first line."""
    lines = layout_paragraph("في صباح يوم 25 أكتوبر أقيم حفل التوقيع", 16)
    first_word = shape_word("في").text[::-1]
    assert lines[0].text.endswith(first_word), lines[0].text
    assert all(line.rtl for line in lines)


def test_rtl_lines_are_right_aligned_and_ltr_lines_left_aligned() -> None:
    rtl = layout_paragraph("مرحبا", 20)[0]
    ltr = layout_paragraph("Hello", 20)[0]
    assert rtl.aligned(20) == " " * 15 + rtl.text
    assert ltr.aligned(20) == "Hello" + " " * 15


def test_brackets_are_mirrored_inside_arabic() -> None:
    """`(صورة)` must be drawn with the brackets facing the word, as in a browser."""
    line = layout_paragraph("(صورة)", 20)[0]
    assert line.text[0] == "(" and line.text[-1] == ")"
    assert layout_paragraph("«هانوي» [أ] <ب>", 30)[0].text.startswith("<")


def test_harakat_follow_their_letter() -> None:
    """Rule L3: the tanween of رسمياً is drawn on the alef, after it in the cell order."""
    text = layout_paragraph("رسمياً", 20)[0].text
    assert text.startswith("\ufe8e\u064b")  # final alef, then fathatan


def test_numbers_latin_and_urls_keep_their_order_inside_arabic() -> None:
    text = layout_paragraph(MIXED_SAMPLES["mixed"], 200)[0].text
    assert "A/RES/79/243 (2024-12-24)" in text
    url_text = layout_paragraph(MIXED_SAMPLES["url"], 200)[0].text
    assert "https://dantri.com.vn/thoi-su/khai-mac-20251025094537779.htm" in url_text


def test_hide_harakat_removes_diacritics_only() -> None:
    shown = layout_paragraph("رسمياً", 20, options=LayoutOptions(harakat=False))[0].text
    assert "\u064b" not in shown
    assert shown == layout_paragraph("رسميا", 20)[0].text


def test_zwnj_keeps_persian_letters_apart_and_is_not_drawn() -> None:
    text = layout_paragraph("می‌خواهم", 20)[0].text
    assert "\u200c" not in text
    assert "\ufbfd" in text  # yeh in its final form: the ZWNJ ended the joining


def test_lam_alef_forms_one_cell_and_allah_is_not_a_ligature() -> None:
    assert "\ufefb" in layout_paragraph("لا", 10)[0].text
    allah = layout_paragraph("الله", 10)[0]
    assert "\ufdf2" not in allah.text and allah.width == 4


def test_logical_mode_keeps_text_unshaped_in_logical_order() -> None:
    text = "في صباح يوم 25 أكتوبر"
    assert layout_paragraph(text, 80, options=LOGICAL)[0].text == text


def test_explicit_direction_overrides_the_first_strong_character() -> None:
    assert layout_paragraph("Hanoi مدينة", 40, Direction.RTL)[0].rtl
    assert not layout_paragraph("مدينة Hanoi", 40, Direction.LTR)[0].rtl
    assert layout_paragraph("123 مدينة", 40)[0].rtl  # digits are weak: the Arabic decides


def test_runs_mode_keeps_each_rtl_word_in_logical_letter_order() -> None:
    """For kitty, which reverses each run of RTL letters itself."""
    runs = layout_paragraph("صباح يوم", 20, options=LayoutOptions(mode=BidiMode.RUNS))[0].text
    visual = layout_paragraph("صباح يوم", 20)[0].text
    assert runs.split(" ") == [word[::-1] for word in visual.split(" ")]


def test_a_word_longer_than_the_width_is_broken() -> None:
    url = "https://example.com/" + "a" * 100
    lines = layout_paragraph(url, 30)
    assert all(line.width <= 30 for line in lines)
    assert "".join(line.text for line in lines) == url


@pytest.mark.parametrize("paragraph", seed_paragraphs() or ["في صباح يوم 25 أكتوبر"])
def test_seed_paragraphs_fit_an_80x24_terminal(paragraph: str) -> None:
    for line in layout_paragraph(paragraph, 76):
        assert cell_len(line.text) <= 76


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=1, max_value=120))
def test_no_line_is_wider_than_the_width(paragraph: str, width: int) -> None:
    for line in layout_paragraph(paragraph, width):
        assert cell_len(line.text) <= width
        assert line.width == cell_len(line.text)


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=20, max_value=120))
def test_logical_mode_round_trips_the_text(paragraph: str, width: int) -> None:
    lines = layout_paragraph(paragraph, width, options=LOGICAL)
    joined = lines[0].text
    for line in lines[1:]:
        broken_at_space = paragraph[line.sources[0] - 1] == " "
        joined += (" " if broken_at_space else "") + line.text
    assert joined == paragraph


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=20, max_value=120))
def test_every_word_appears_once_in_reading_order(paragraph: str, width: int) -> None:
    """Every word is displayed exactly once, lines in reading order, with all its letters."""
    lines = layout_paragraph(paragraph, width)
    word_of = word_index_by_position(paragraph)
    shown_words: list[int] = []
    for line in lines:
        for word in sorted({word_of[source] for source in line.sources if word_of[source] >= 0}):
            if not shown_words or shown_words[-1] != word:
                shown_words.append(word)
    assert shown_words == list(range(len(paragraph.split(" "))))
    shown_letters = sorted(letters("".join(line.text for line in lines)))
    assert shown_letters == sorted(letters(paragraph))


def word_index_by_position(paragraph: str) -> list[int]:
    """For each character, the index of the word it belongs to (-1 for a space)."""
    indices: list[int] = []
    word = 0
    for char in paragraph:
        if char == " ":
            indices.append(-1)
            word += 1
        else:
            indices.append(word)
    return indices


_MIRRORS = str.maketrans("()[]<>«»", "(([[<<««")


def letters(text: str) -> str:
    """The letters as a reader identifies them: shaping, mirroring and joiners set aside."""
    folded = unicodedata.normalize("NFKC", text).translate(_MIRRORS)
    return folded.replace(" ", "").replace("\u200c", "")


def test_runs_mode_hands_kitty_each_arabic_chunk_in_logical_order() -> None:
    """kitty reverses each space-separated chunk of Arabic, brackets and punctuation touching
    it included, and mirrors those brackets itself (measured, docs/terminals.md)."""
    text = "«اتفاقية هانوي» (2024)."
    runs = layout_paragraph(text, 40, options=LayoutOptions(mode=BidiMode.RUNS))[0].text
    visual = layout_paragraph(text, 40)[0].text
    assert "«" + shape_word("اتفاقية").text in runs.split(" ")
    assert shape_word("هانوي").text + "»" in runs.split(" ")
    assert "(2024)." not in runs  # the chunk without Arabic letters stays as visual mode draws it
    assert [chunk for chunk in runs.split(" ") if "2024" in chunk] == [
        chunk for chunk in visual.split(" ") if "2024" in chunk
    ]
