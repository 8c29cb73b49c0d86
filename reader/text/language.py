"""Which language and direction a text's letters say: Hebrew, Arabic, Persian, Urdu, else unknown.

Pure and cheap (one pass over the letters); used where no trustworthy declaration exists:
a plain-text report, a web page or a feed whose declared language may lie.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from reader.text.direction import Direction

_PERSIAN_LETTERS = frozenset("پچژگکی")
_URDU_LETTERS = frozenset("ٹڈڑںےھ")
_LETTER_SHARE = 0.005  # how many of the Arabic-script letters must be language-specific


def detect_language(text: str) -> tuple[str | None, Direction]:
    """The language and direction the letters say: Hebrew, Arabic, Persian or Urdu, else unknown."""
    scripts = Counter(_script(character) for character in text if character.isalpha())
    arabic, hebrew, other = scripts["arabic"], scripts["hebrew"], scripts["other"]
    if hebrew > arabic and hebrew >= other:
        return "he", Direction.RTL
    if arabic and arabic >= other:
        return _arabic_script_language(text, arabic), Direction.RTL
    if other:
        return None, Direction.LTR
    return None, Direction.AUTO


def _arabic_script_language(text: str, arabic_letters: int) -> str:
    def share(letters: frozenset[str]) -> float:
        return sum(character in letters for character in text) / arabic_letters

    if share(_URDU_LETTERS) >= _LETTER_SHARE:
        return "ur"
    if share(_PERSIAN_LETTERS) >= _LETTER_SHARE:
        return "fa"
    return "ar"


def _script(character: str) -> str:
    name = unicodedata.name(character, "")
    if name.startswith("ARABIC"):
        return "arabic"
    if name.startswith("HEBREW"):
        return "hebrew"
    return "other"
