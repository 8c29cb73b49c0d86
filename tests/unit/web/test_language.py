"""Language and direction of web text come from its letters when the declaration disagrees."""

from __future__ import annotations

import pytest

from reader.text.direction import Direction
from reader.web.language import detect_direction, detect_language


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        ("שלום עולם, זה טקסט בעברית", "en-us", "he"),  # Hebrew feeds that say en-us
        ("السلام عليكم ورحمة الله", "ar-EG", "ar-EG"),  # a true, more precise declaration stays
        ("این یک متن فارسی است که می‌خوانید", "ar", "fa"),  # Persian letters beat a CMS default
        ("یہ ایک اردو جملہ ہے جو پڑھا جاتا ہے", "fa", "ur"),
        ("دا یو پښتو متن دی چې لوستل کېږي", "ps", "ps"),  # letters cannot tell Pashto: the declaration stays
        ("ئەمە دەقێکی کوردییە کە دەخوێندرێتەوە", "ckb", "ckb"),
        ("hello world", "en-GB", "en-GB"),
        ("hello world", "ar", None),  # Latin text declared Arabic: the declaration is wrong
        ("hello world", "not a tag!", None),
        ("", None, None),
    ],
)
def test_the_letters_decide_when_the_declaration_lies(text: str, declared: str | None, expected: str | None) -> None:
    assert detect_language(text, declared) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("سلام دنیا", Direction.RTL), ("שלום", Direction.RTL), ("hello", Direction.LTR), ("2025 — 42", Direction.LTR)],
)
def test_direction_from_the_letters(text: str, expected: Direction) -> None:
    assert detect_direction(text) == expected
