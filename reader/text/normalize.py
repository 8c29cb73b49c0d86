"""Arabic-aware search normalisation, shared by in-article find and library search.

A reader searching `اتفاقية` expects to find `الاتفاقيةِ`, and `٢٠٢٤` to find `2024`.
`normalize_for_search` folds both the query and the text the same way:
- harakat, Quranic marks, Hebrew points and tatweel are ignored;
- alef variants أ إ آ ٱ fold to ا, alef maksura ى to ي, teh marbuta ة to ه;
- Persian ی and ک fold to Arabic ي and ك (and Urdu ے ہ to ي ه);
- Arabic-Indic and Persian digits fold to ASCII digits;
- everything else is case-folded (Latin, Greek, Cyrillic).

`normalize_with_sources` also says where each folded character came from, so a match
in the folded text can be highlighted on the original letters.
"""

from __future__ import annotations

from functools import lru_cache

from reader.text.shaping import strip_harakat

TATWEEL = "\u0640"

_LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ے": "ي",
    "ة": "ه", "ہ": "ه", "ۀ": "ه",
    "ک": "ك",
}
_DIGIT_FOLDS = {chr(0x0660 + n): str(n) for n in range(10)} | {chr(0x06F0 + n): str(n) for n in range(10)}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """How one character compares in a search: "" for what search ignores."""
    if char == TATWEEL or not strip_harakat(char):
        return ""
    folded = _LETTER_FOLDS.get(char) or _DIGIT_FOLDS.get(char)
    return folded if folded is not None else char.casefold()


def normalize_for_search(text: str) -> str:
    """The text as search compares it."""
    return "".join(fold_char(char) for char in text)


@lru_cache(maxsize=8192)
def normalize_with_sources(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text and, per folded character, the index in `text` it came from."""
    chars: list[str] = []
    sources: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        chars.append(folded)
        sources.extend([index] * len(folded))
    return "".join(chars), tuple(sources)


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
        start_index = sources[position]
        end_index = sources[end - 1] + 1
        while end_index < len(text) and not fold_char(text[end_index]) and text[end_index] != " ":
            end_index += 1  # the harakat on the last letter belong to the match
        matches.append((start_index, end_index))
        position = haystack.find(needle, end)
    return matches
