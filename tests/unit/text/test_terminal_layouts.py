"""What the `rows` (Konsole) and `runs` (kitty) modes send, as measured on those terminals.

The expected strings are written by hand from docs/terminals.md's measurements: Konsole
reorders each whole row in a left-to-right paragraph and does not mirror; kitty reverses
Arabic punctuation together with the run of letters it touches.
"""

from __future__ import annotations

from reader.terminal.modes import BidiMode
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.text.shaping import shape_word

ROWS = LayoutOptions(mode=BidiMode.ROWS)
RUNS = LayoutOptions(mode=BidiMode.RUNS)
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
