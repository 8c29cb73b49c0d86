"""Arabic-aware search normalisation, shared by in-article find and library search.

A reader searching `اتفاقية` expects to find `الاتفاقيةِ`, and `٢٠٢٤` to find `2024`.
`normalize_for_search` folds both the query and the text the same way:
- harakat, Quranic marks, Hebrew points and tatweel are ignored, and so is ZWNJ
  (U+200C): Persian writers put it inside words (`سانتی‌متر`), and often type without it;
- alef variants أ إ آ ٱ fold to ا, alef maksura ى to ي, teh marbuta ة to ه;
- Persian ی and ک fold to Arabic ي and ك (and Urdu ے ہ to ي ه);
- Arabic-Indic and Persian digits fold to ASCII digits;
- everything else is case-folded (Latin, Greek, Cyrillic).

`normalize_with_sources` also says where each folded character came from, so a match
in the folded text can be highlighted on the original letters.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, compress, repeat

from reader.text.lazy_table import LazyTable
from reader.text.shaping import strip_harakat

TATWEEL = "\u0640"
ZWNJ = "\u200c"
IGNORED = frozenset({TATWEEL, ZWNJ})

_LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ے": "ي",
    "ة": "ه",
    "ہ": "ه",
    "ۀ": "ه",
    "ک": "ك",
}
_DIGIT_FOLDS = {chr(0x0660 + n): str(n) for n in range(10)} | {chr(0x06F0 + n): str(n) for n in range(10)}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """How one character compares in a search: "" for what search ignores."""
    if char in IGNORED or not strip_harakat(char):
        return ""
    folded = _LETTER_FOLDS.get(char) or _DIGIT_FOLDS.get(char)
    return folded if folded is not None else char.casefold()


_FOLDS = LazyTable(fold_char)
# The length of each character's fold, as a character: "\x00" for what search ignores.
_FOLD_LENGTHS = LazyTable(lambda char: chr(len(fold_char(char))))


def normalize_for_search(text: str) -> str:
    """The text as search compares it."""
    return text.translate(_FOLDS)


@lru_cache(maxsize=8192)
def normalize_with_sources(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text and, per folded character, the index in `text` it came from.

    Two ``str.translate`` passes and C-level iteration: a 2 MB article is folded in a
    fifth of a second, not a Python step per character."""
    lengths = text.translate(_FOLD_LENGTHS).encode("latin-1")
    if max(lengths, default=1) <= 1:  # each character kept once or left out
        sources = tuple(compress(range(len(text)), lengths))
    else:
        sources = tuple(chain.from_iterable(map(repeat, range(len(text)), lengths)))
    return text.translate(_FOLDS), sources


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of `query` in `text`, as (start, end) indices into `text`.

    The span covers the original characters, harakat inside the word included.
    """
    needle = normalize_for_search(query)
    if not needle:
        return []
    haystack, sources = normalize_with_sources(text)
    matches: list[tuple[int, int]] = []
    position = haystack.find(needle)
    while position != -1:
        end = position + len(needle)
        matches.append((sources[position], _match_end(text, sources, end)))
        position = haystack.find(needle, end)
    return matches


def _match_end(text: str, sources: tuple[int, ...], end: int) -> int:
    """Where a match ending before folded character `end` ends in `text`: the harakat on
    its last letter (left out of the folded text) belong to it."""
    if end == len(sources):
        return len(text)  # only left-out characters follow
    last = sources[end - 1]
    if sources[end] > last:
        return sources[end]  # everything between was left out
    end_index = last + 1  # the match ends inside one character's fold (``ß`` → ``ss``)
    while end_index < len(text) and not fold_char(text[end_index]):
        end_index += 1
    return end_index
