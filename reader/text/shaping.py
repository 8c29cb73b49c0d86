"""Arabic-script shaping for terminals: joined letter forms, one word at a time.

A terminal draws one glyph per cell and knows nothing of Arabic joining, so the reader
replaces each letter by its contextual presentation form (isolated, initial, medial,
final) before the text is reordered. arabic-reshaper does the joining; it is configured
here for terminals:

- harakat are kept (its default deletes them: `رسمياً` would lose its tanween);
- lam-alef ligatures are formed (a terminal has a glyph for them, one cell wide);
- word and sentence ligatures are off (the ALLAH ligature is one cell for a glyph drawn
  three or four cells wide);
- ZWJ and ZWNJ are honoured for joining, then left out of the output;
- tatweel is kept; Persian and Urdu letters (پ چ ژ گ ک ی ے ہ) are shaped.

Arabic text repeats words heavily, so shaped words are cached. Each shaped word keeps,
for every output character, the index of the logical character it came from: styles
(a search match, a link) stay on their letters through shaping and reordering.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from arabic_reshaper import ArabicReshaper

ZWJ = "\u200d"
ZWNJ = "\u200c"
TATWEEL = "\u0640"
LAM = "\u0644"
LAM_ALEF_LIGATURES = frozenset(chr(code) for code in range(0xFEF5, 0xFEFD))

_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Diacritics that "hide harakat" removes: Arabic harakat, Quranic marks and Hebrew points.
_HIDEABLE_MARK = re.compile(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff]"
)


class _SettledConfiguration:
    """arabic-reshaper's configuration, read once.

    `ArabicReshaper.reshape` asks its configparser section for half a dozen booleans on
    every call, which costs more than shaping a word; these are the same answers from a
    dict. Only the two methods the reshaper calls (`get`, `getboolean`) are offered.
    """

    def __init__(self, section: Mapping[str, str]) -> None:
        self._text = dict(section)
        self._booleans = {key: value.strip().lower() in ("1", "yes", "true", "on") for key, value in self._text.items()}

    def get(self, key: str) -> str | None:
        return self._text.get(key.lower())  # configparser keys are case-insensitive

    def getboolean(self, key: str) -> bool:
        return self._booleans[key.lower()]


def _terminal_reshaper() -> ArabicReshaper:
    reshaper = ArabicReshaper(
        configuration={
            "delete_harakat": False,
            "shift_harakat_position": False,
            "delete_tatweel": False,
            "support_zwj": True,
            "support_ligatures": True,
            "ARABIC LIGATURE ALLAH": False,
        }
    )
    reshaper.configuration = _SettledConfiguration(reshaper.configuration)
    return reshaper


_RESHAPER = _terminal_reshaper()


@dataclass(frozen=True)
class ShapedWord:
    """A word as the terminal must receive it, in logical order.

    `sources[i]` is the index, within the logical word, of the character that
    `text[i]` was made from (a lam-alef ligature points at its lam).
    """

    text: str
    sources: tuple[int, ...]


def is_mark(char: str) -> bool:
    """True for a combining mark, which a terminal draws on the previous cell."""
    return unicodedata.category(char) in ("Mn", "Me")


def strip_harakat(text: str) -> str:
    """Remove Arabic harakat and Hebrew points: the reader's "hide harakat" setting."""
    return _HIDEABLE_MARK.sub("", text)


def has_arabic_letters(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


@lru_cache(maxsize=65536)
def shape_word(word: str) -> ShapedWord:
    """Shape one word (no spaces) for the terminal, keeping where each character came from."""
    if not has_arabic_letters(word):
        return _without_joiners(word, word, tuple(range(len(word))))
    # arabic-reshaper drops each ZWJ, then looks for lam-alef in the text that still has
    # it: the ligature lands on the wrong letters, or it raises IndexError (`ب‍لا`). A
    # tatweel joins the same way on both sides and stays in place: shape with tatweels
    # where the ZWJs were, then leave out what they became.
    joined = word.replace(ZWJ, TATWEEL)
    shaped = _RESHAPER.reshape(joined)
    return _without_joiners(word, shaped, _align(joined, shaped))


def _align(word: str, shaped: str) -> tuple[int, ...]:
    """Map each character of `shaped` back to the logical character it was made from.

    `word` has no ZWJ (see `shape_word`), so arabic-reshaper changes its length in one way
    only: it merges a lam with the alef that follows it (harakat between them move after
    the ligature).
    """
    sources: list[int] = []
    merged_alefs: set[int] = set()
    last = len(word) - 1
    index = 0
    for char in shaped:
        while index <= last and index in merged_alefs:
            index += 1
        if char in LAM_ALEF_LIGATURES and index <= last and word[index] == LAM:
            merged_alefs.add(_next_base(word, index + 1))
        sources.append(min(index, last))
        index += 1
    return tuple(sources)


def _next_base(word: str, start: int) -> int:
    index = start
    while index < len(word) and is_mark(word[index]):
        index += 1
    return index


def _without_joiners(word: str, shaped: str, sources: tuple[int, ...]) -> ShapedWord:
    """Leave out what ZWJ and ZWNJ became: they have done their work on joining and draw
    nothing."""
    if ZWJ not in word and ZWNJ not in word:
        return ShapedWord(shaped, sources)
    kept = [(char, source) for char, source in zip(shaped, sources) if word[source] not in (ZWJ, ZWNJ)]
    return ShapedWord("".join(char for char, _ in kept), tuple(source for _, source in kept))
