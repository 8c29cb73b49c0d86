"""Focused tests of reader.text.bidi on readable Arabic, Persian and Hebrew lines."""

from __future__ import annotations

import pytest

from reader.text.bidi import (
    BidiLine,
    first_strong_level,
    is_bidi_control,
    mirror_char,
    reorder_line,
)

RLE, PDF, LRO, RLO = "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ZWNJ = "\u200c"


def visual(text: str, line: BidiLine) -> str:
    """The characters of ``text`` in display order, left to right."""
    return "".join(text[index] for index in line.order)


def levels_of(text: str, line: BidiLine, part: str) -> set[int]:
    """The set of levels of the characters of ``part`` (first occurrence) in ``text``."""
    start = text.index(part)
    return set(line.levels[start : start + len(part)])


def test_un_resolution_number_and_date_stay_left_to_right_in_arabic() -> None:
    text = "القرار: A/RES/79/243 (2024-12-24)"
    line = reorder_line(text, 1)
    assert levels_of(text, line, "القرار: ") == {1}
    assert levels_of(text, line, "A/RES/79/243 (2024-12-24)") == {2}
    assert visual(text, line) == "A/RES/79/243 (2024-12-24) :" + "القرار"[::-1]


def test_arabic_photo_credit_in_brackets_stays_right_to_left() -> None:
    text = "الرئيس لونغ كوانغ (صورة: مان كوان)."
    line = reorder_line(text, 1)
    assert set(line.levels) == {1}
    assert line.order == tuple(reversed(range(len(text))))
    # The caller mirrors the brackets at odd levels (L4), so "(" shows as ")".
    assert visual(text, line)[0:2] == ".)"
    assert mirror_char(")") == "("


def test_arabic_photo_credit_in_a_left_to_right_paragraph() -> None:
    text = "Photo (صورة: مان كوان) here"
    line = reorder_line(text, 0)
    # N0: the brackets hold only R; the context before them is L, so they take
    # the embedding direction (L) and the Arabic stays an RTL island.
    assert line.levels[text.index("(")] == 0
    assert line.levels[text.index(")")] == 0
    assert levels_of(text, line, "صورة: مان كوان") == {1}
    assert visual(text, line) == "Photo (" + "صورة: مان كوان"[::-1] + ") here"


def test_hebrew_with_digits() -> None:
    text = "שלום 123 עולם"
    line = reorder_line(text, 1)
    assert levels_of(text, line, "123") == {2}
    assert levels_of(text, line, "שלום ") == {1}
    assert visual(text, line) == "םלוע 123 םולש"


def test_arabic_digits_after_arabic_letters_are_arabic_numbers() -> None:
    text = "عام ٢٠٢٤ و 2025"
    line = reorder_line(text, 1)
    # W2 turns the European digits after an Arabic letter into AN: level 2 too.
    assert levels_of(text, line, "٢٠٢٤") == {2}
    assert levels_of(text, line, "2025") == {2}
    assert visual(text, line) == "2025 و ٢٠٢٤ ماع"


def test_left_to_right_paragraph_with_an_arabic_phrase() -> None:
    text = "The greeting مرحبا بكم means welcome."
    line = reorder_line(text, 0)
    assert levels_of(text, line, "مرحبا بكم") == {1}
    assert levels_of(text, line, "The greeting ") == {0}
    assert levels_of(text, line, " means welcome.") == {0}
    assert visual(text, line) == "The greeting " + "مرحبا بكم"[::-1] + " means welcome."


def test_persian_zero_width_non_joiner_is_removed_from_the_order() -> None:
    text = f"می{ZWNJ}خواهم 3 کتاب"
    line = reorder_line(text, 1)
    zwnj = text.index(ZWNJ)
    assert zwnj not in line.order
    assert sorted(line.order) == [index for index in range(len(text)) if index != zwnj]
    assert line.levels[zwnj] == line.levels[zwnj - 1] == 1
    assert levels_of(text, line, "3") == {2}


def test_isolate_keeps_its_content_from_affecting_the_surroundings() -> None:
    text = f"Files {RLI}שלום 12{PDI} ok"
    line = reorder_line(text, 0)
    assert line.levels[text.index(RLI)] == 0
    assert line.levels[text.index(PDI)] == 0
    assert levels_of(text, line, "שלום ") == {1}
    assert levels_of(text, line, "12") == {2}
    assert visual(text, line) == f"Files {RLI}12 םולש{PDI} ok"


def test_first_strong_isolate_takes_the_direction_of_its_content() -> None:
    text = f"x {FSI}مرحبا{PDI} y"
    line = reorder_line(text, 0)
    assert levels_of(text, line, "مرحبا") == {1}


def test_right_to_left_override_inside_a_left_to_right_line() -> None:
    text = f"abc{RLO}def{PDF} ghi"
    line = reorder_line(text, 0)
    assert levels_of(text, line, "def") == {1}
    assert visual(text, line) == "abcfed ghi"
    # X9 removes the controls: not in the order, level of the preceding character.
    assert text.index(RLO) not in line.order and text.index(PDF) not in line.order
    assert line.levels[text.index(RLO)] == 0
    assert line.levels[text.index(PDF)] == 1


def test_left_to_right_override_inside_a_right_to_left_line() -> None:
    text = f"أ {LRO}ب ج{PDF} د"
    line = reorder_line(text, 1)
    assert levels_of(text, line, "ب ج") == {2}
    assert visual(text, line) == "د ب ج أ"


def test_embedding_overflow_beyond_depth_125_is_ignored() -> None:
    text = RLE * 70 + "a" + PDF * 70
    line = reorder_line(text, 0)
    # 62 RLE pairs fit (levels 1, 3, ..., 125); the remaining ones overflow.
    assert line.levels[text.index("a")] == 126


def test_trailing_whitespace_returns_to_the_paragraph_level() -> None:
    text = "abc \t def  "
    line = reorder_line(text, 1)
    assert levels_of(text, line, "abc") == {2}
    assert line.levels[3:5] == (1, 1)  # whitespace before a tab, the tab
    assert line.levels[5] == 2  # the space after the tab stays between L and L
    assert line.levels[-2:] == (1, 1)
    assert visual(text, line) == "   def\t abc"


def test_empty_line() -> None:
    assert reorder_line("", 1) == BidiLine((), ())


def test_base_level_must_be_zero_or_one() -> None:
    with pytest.raises(ValueError, match="base_level"):
        reorder_line("abc", 2)


def test_characters_beyond_the_basic_multilingual_plane() -> None:
    text = "\U00010900\U00010901 \U0001d400"  # Phoenician letters (R), a math letter (L)
    line = reorder_line(text, 0)
    assert line.levels == (1, 1, 0, 0)
    assert line.order == (1, 0, 2, 3)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("abc مرحبا", 0),
        ("مرحبا abc", 1),
        ("שלום", 1),
        ("123 + 4", None),
        ("", None),
        (f"{RLI}שלום{PDI} abc", 0),
        (f"{PDI}مرحبا", 1),
        (f"{LRI}abc", None),
    ],
)
def test_first_strong_level(text: str, level: int | None) -> None:
    assert first_strong_level(text) == level


def test_is_bidi_control() -> None:
    controls = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    assert all(is_bidi_control(ch) for ch in controls)
    assert not any(is_bidi_control(ch) for ch in "a ب\u200c\u200d(")


def test_mirror_char() -> None:
    assert mirror_char("(") == ")"
    assert mirror_char("«") == "»"
    assert mirror_char("<") == ">"
    assert mirror_char("a") == "a"


def test_the_fast_class_table_agrees_with_the_per_character_lookup() -> None:
    """The table built in bulk at start-up gives every BMP code point its class."""
    from reader.text import bidi_classes

    every_bmp_character = "".join(map(chr, range(0x10000)))
    expected = "".join(map(bidi_classes.class_of_code_point, range(0x10000)))
    assert bidi_classes.classify(every_bmp_character) == expected
