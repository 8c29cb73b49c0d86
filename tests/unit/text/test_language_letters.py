"""The letter classes of `reader.text.language` hold exactly the letters Unicode names
Arabic or Hebrew, across the whole of Unicode (they are built from a few blocks only)."""

from __future__ import annotations

import sys
import unicodedata

from reader.text.direction import Direction
from reader.text.language import _scripts, detect_language


def test_the_letter_classes_are_every_arabic_and_hebrew_letter() -> None:
    scripts = _scripts()
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        name = unicodedata.name(character, "") if character.isalpha() else ""
        assert bool(scripts.arabic.fullmatch(character)) == name.startswith("ARABIC"), hex(code)
        assert bool(scripts.hebrew.fullmatch(character)) == name.startswith("HEBREW"), hex(code)


def test_languages_from_their_letters() -> None:
    assert detect_language("خبر عاجل من العاصمة") == ("ar", Direction.RTL)
    assert detect_language("این یک خبر فارسی است که می‌گوید") == ("fa", Direction.RTL)
    assert detect_language("پاکستان کے وزیر دفاع نے کہا ہے") == ("ur", Direction.RTL)
    assert detect_language("חדשות היום") == ("he", Direction.RTL)
    assert detect_language("News of the day") == (None, Direction.LTR)
    assert detect_language("2026 — 12") == (None, Direction.AUTO)
