"""What the `rows` (Konsole) and `runs` (kitty) modes send, as measured on those terminals.

The expected strings are written by hand from docs/terminals.md's measurements: Konsole
reorders each whole row in a left-to-right paragraph and does not mirror; kitty reverses
(and mirrors) every cell of a space-separated chunk whose first character of a script is
right-to-left, digits and Latin letters included, and draws marks on their letters only
when every cell of the chunk holds as many characters.
"""

from __future__ import annotations

import unicodedata

import pytest

from reader.terminal.modes import BidiMode
from reader.text.bidi import mirror_char
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.text.shaping import shape_word

ROWS = LayoutOptions(mode=BidiMode.ROWS)
RUNS = LayoutOptions(mode=BidiMode.RUNS)
LOGICAL = LayoutOptions(mode=BidiMode.LOGICAL)
LRM, RLE, LRE, PDF = "\u200e", "\u202b", "\u202a", "\u202c"


def test_a_konsole_line_is_its_own_rtl_embedding_between_marks() -> None:
    line = layout_paragraph("صباح يوم", 40, Direction.RTL, ROWS)[0]
    assert line.text == LRM + RLE + shape_word("صباح").text + " " + shape_word("يوم").text + PDF + LRM
    assert line.width == 8  # the marks take no cell
    assert len(line.sources) == len(line.text)


def test_an_english_line_for_konsole_is_an_ltr_embedding() -> None:
    assert layout_paragraph("Hanoi", 40, Direction.LTR, ROWS)[0].text == LRM + LRE + "Hanoi" + PDF + LRM


def test_brackets_reach_konsole_already_mirrored_and_lam_alef_as_one_character() -> None:
    text = layout_paragraph("(لاتفاقية)", 40, Direction.RTL, ROWS)[0].text
    inner = text.removeprefix(LRM + RLE).removesuffix(PDF + LRM)
    assert inner[0] == ")" and inner[-1] == "("  # Konsole draws them as sent, facing the word
    assert "\ufefb" in inner  # ﻻ: one character, one cell, no blank after it
    assert "\u0644\u0627" not in inner


def test_brackets_around_latin_inside_arabic_for_konsole_are_not_mirrored() -> None:
    text = layout_paragraph("قال (UN) اليوم", 40, Direction.RTL, ROWS)[0].text
    assert "(UN)" not in text and ")UN(" in text  # at the RTL level: mirrored
    ltr = layout_paragraph("the (UN) day", 40, Direction.LTR, ROWS)[0].text
    assert "(UN)" in ltr


def test_kitty_gets_the_arabic_comma_inside_the_run_it_reverses() -> None:
    # kitty reverses "أكتوبر،" as one run: sent in logical order, the comma after the word.
    text = layout_paragraph("25 أكتوبر، أقيم", 40, Direction.RTL, RUNS)[0].text
    word = shape_word("أكتوبر").text
    assert word + "،" in text
    assert "،" + word not in text


CGJ = "\u034f"


def kitty_cells(chunk: str) -> list[str]:
    """A chunk cut into cells as kitty stores them: a character and the marks after it."""
    cells: list[str] = []
    for char in chunk:
        if cells and unicodedata.category(char) == "Mn":
            cells[-1] += char
        else:
            cells.append(char)
    return cells


def test_kitty_gets_a_tanween_on_the_last_letter_with_every_other_cell_filled() -> None:
    # kitty deals the glyphs of the chunk it reverses out to the cells by count: without the
    # CGJs it drew the tanween alone in the first cell and reh and seen in the last one.
    line = layout_paragraph("رسمياً", 40, Direction.RTL, RUNS)[0]
    assert line.text == "\ufead" + CGJ + "\ufeb3" + CGJ + "\ufee4" + CGJ + "\ufef4" + CGJ + "\ufe8e\u064b"
    assert line.width == 5
    assert line.sources == (0, 0, 1, 1, 2, 2, 3, 3, 4, 5)  # a CGJ is styled as the letter before it
    hidden_harakat = LayoutOptions(mode=BidiMode.RUNS, harakat=False)
    for others in (LayoutOptions(mode=BidiMode.VISUAL), LOGICAL, ROWS, hidden_harakat):  # nothing else changes
        assert CGJ not in layout_paragraph("رسمياً", 40, Direction.RTL, others)[0].text


def test_kitty_gets_a_haraka_on_the_first_letter_with_every_other_cell_filled() -> None:
    line = layout_paragraph("بَيت", 40, Direction.RTL, RUNS)[0]
    assert line.text == "\ufe91\u064e\ufef4" + CGJ + "\ufe96" + CGJ


def test_a_letter_with_shadda_and_a_haraka_makes_every_cell_of_its_chunk_three_long() -> None:
    text = layout_paragraph("«مُحَمَّدٌ» كتب", 40, Direction.RTL, RUNS)[0].text
    plain, vowelled = text.split(" ")  # left to right
    assert [len(cell) for cell in kitty_cells(vowelled)] == [3] * 6  # « and » too: kitty reverses them
    assert CGJ not in plain  # a chunk without marks is sent as before
    assert vowelled.replace(CGJ, "") == "«" + shape_word("مُحَمَّدٌ").text + "»"


def test_a_mark_before_a_chunks_first_letter_is_left_to_the_cell_before_it() -> None:
    chunk = layout_paragraph("x \u064eبَت", 40, Direction.LTR, RUNS)[0].text.split(" ")[-1]
    assert chunk == "\u064e\ufe91\u064e\ufe96" + CGJ  # kitty puts that fatha in the space's cell


def test_kitty_gets_a_year_glued_to_an_arabic_letter_reversed_with_it() -> None:
    # kitty reversed the whole chunk "(م2019" it was sent and drew "9102": now it gets it reversed.
    line = layout_paragraph("(عام 2019م)", 40, Direction.RTL, RUNS)[0]
    assert line.text == "9102\ufee1) (\ufecb\ufe8e\ufee1"
    assert line.sources == (8, 7, 6, 5, 9, 10, 4, 0, 1, 2, 3)  # a search for "2019" lights its digits


def test_kitty_gets_arabic_indic_digits_reversed_even_alone() -> None:
    # They are of the Arabic script: kitty reverses a chunk of them alone.
    line = layout_paragraph("العدد ٢٠١٩", 40, Direction.RTL, RUNS)[0]
    assert line.text.split(" ")[0] == "٩١٠٢"
    assert line.sources[:4] == (9, 8, 7, 6)


def test_kitty_gets_a_latin_word_after_the_arabic_article_reversed_with_it() -> None:
    assert layout_paragraph("الـiPhone", 40, Direction.RTL, RUNS)[0].text == "\ufe8d\ufedf\u0640enohPi"


def test_digits_glued_to_a_vowelled_word_are_padded_like_its_letters() -> None:
    line = layout_paragraph("12مَرَّةً", 40, Direction.RTL, RUNS)[0]
    assert line.text == "2" + CGJ * 2 + "1" + CGJ * 2 + "\ufee3\u064e" + CGJ + "\ufeae\u064e\u0651\ufe93\u064b" + CGJ
    assert line.sources == (1, 1, 1, 0, 0, 0, 2, 3, 3, 4, 5, 6, 7, 8, 8)


def test_a_chunk_kitty_cannot_draw_right_starts_at_its_latin_word() -> None:
    # "iPhoneات": whichever way it is sent, kitty takes its direction from the first letter and
    # draws it wrong; from "iPhone" on, it is left alone: both parts read right, swapped.
    line = layout_paragraph("iPhoneات", 40, Direction.RTL, RUNS)[0]
    assert line.text == "iPhone\ufe95\ufe8d"
    assert line.sources == (0, 1, 2, 3, 4, 5, 7, 6)


ARABIC_SCRIPT_NON_LETTERS = frozenset("٠١٢٣٤٥٦٧٨٩٪٫٬٭۔۰۱۲۳۴۵۶۷۸۹")


def _rtl_script(char: str) -> bool | None:
    """Whether `char`'s script is right-to-left; None for the characters of no script (digits,
    punctuation, marks, ؛ ؟ and the tatweel), which kitty's shaper passes over."""
    if char in ARABIC_SCRIPT_NON_LETTERS:
        return True
    if char in "؛؟ـ":
        return None
    return {"R": True, "AL": True, "L": False}.get(unicodedata.bidirectional(char))


def kitty_draws(sent: str) -> str:
    """What kitty 0.26 shows for `sent`, as measured: each space-separated chunk whose first
    character of a script is right-to-left has its cells reversed and its brackets mirrored."""
    shown = []
    for chunk in sent.split(" "):
        scripts = [script for script in map(_rtl_script, chunk) if script is not None]
        if scripts and scripts[0]:
            chunk = "".join(mirror_char(char) for cell in reversed(kitty_cells(chunk)) for char in cell)
        shown.append(chunk.replace(CGJ, ""))
    return " ".join(shown)


@pytest.mark.parametrize(
    "text",
    [
        "كتب كتاباً جميلاً (عام 2019م) للطلاب.",
        "ارتفع بنسبة 25% أو 25٪ إلى ١٠٠ألف دولار.",
        "بلغت الحرارة -3 درجات و(2024) عاماً.",
        "في 2025/10/25م أعلنت الـiPhone الجديد.",
        "العدد ٢٠١٩ و٢٠١٩م و(٢٠١٩) و2019، هل؟2019",
        "مُحَمَّدٌ كَتَبَ 12مَرَّةً (3أَيَّامٍ).",
    ],
)
def test_kitty_shows_news_numbers_as_visual_mode_draws_them(text: str) -> None:
    sent = layout_paragraph(text, 60, Direction.RTL, RUNS)[0].text
    assert kitty_draws(sent) == layout_paragraph(text, 60, Direction.RTL)[0].text
