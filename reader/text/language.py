"""Which language and direction a text's letters say: Hebrew, Arabic, Persian, Urdu, else unknown.

Pure and cheap (a few passes of C over the text); used where no trustworthy declaration exists:
a plain-text report, a web page or a feed whose declared language may lie.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reader.text.direction import Direction

_PERSIAN_LETTERS = frozenset("پچژگکی")
_URDU_LETTERS = frozenset("ٹڈڑںےھ")
_LETTER_SHARE = 0.005  # how many of the Arabic-script letters must be language-specific


def detect_language(text: str) -> tuple[str | None, Direction]:
    """The language and direction the letters say: Hebrew, Arabic, Persian or Urdu, else unknown."""
    scripts = _scripts()
    arabic, hebrew = len(scripts.arabic.findall(text)), len(scripts.hebrew.findall(text))
    other = sum(map(str.isalpha, text)) - arabic - hebrew
    if hebrew > arabic and hebrew >= other:
        return "he", Direction.RTL
    if arabic and arabic >= other:
        return _arabic_script_language(text, arabic), Direction.RTL
    if other:
        return None, Direction.LTR
    return None, Direction.AUTO


def _arabic_script_language(text: str, arabic_letters: int) -> str:
    def share(letters: frozenset[str]) -> float:
        return sum(map(letters.__contains__, text)) / arabic_letters

    if share(_URDU_LETTERS) >= _LETTER_SHARE:
        return "ur"
    if share(_PERSIAN_LETTERS) >= _LETTER_SHARE:
        return "fa"
    return "ar"


@dataclass(frozen=True)
class _Scripts:
    arabic: re.Pattern[str]
    hebrew: re.Pattern[str]


# Every letter whose Unicode name starts with ARABIC or HEBREW lies in these blocks (a test
# checks it against the whole of Unicode): Arabic, Syriac to Arabic Extended-A, Alphabetic
# Presentation Forms to Arabic Presentation Forms-B, Arabic Extended-C, Arabic Mathematical.
_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFEFF), (0x10EC0, 0x10EFF), (0x1EE00, 0x1EEFF))


@lru_cache(maxsize=1)
def _scripts() -> _Scripts:
    """Character classes of the Arabic and Hebrew letters (one pass of C instead of a
    Unicode name lookup per character: language detection runs once per fetched article)."""
    found: dict[str, list[str]] = {"ARABIC": [], "HEBREW": []}
    for start, stop in _BLOCKS:
        for code in range(start, stop + 1):
            character = chr(code)
            script = unicodedata.name(character, "").split(" ", 1)[0]
            if character.isalpha() and script in found:
                found[script].append(character)

    def pattern(letters: list[str]) -> re.Pattern[str]:
        return re.compile("[" + "".join(re.escape(letter) for letter in letters) + "]")

    return _Scripts(pattern(found["ARABIC"]), pattern(found["HEBREW"]))
