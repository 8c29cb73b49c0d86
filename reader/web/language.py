"""The language and direction of text from the web, where declarations often lie.

Feeds and pages declare a language (`<language>en-us</language>` on a Hebrew feed, `lang="en"`
on a Persian page). The letters decide: a declaration is kept only when its script agrees
with theirs (`ar-EG` on Arabic text stays `ar-EG`; `en-us` on Hebrew text becomes `he`).
"""

from __future__ import annotations

import functools

from reader.text.direction import Direction
from reader.text.language import detect_language as _letters_language

# An item's language and its direction are asked of the same sample, one after the other.
letters_language = functools.lru_cache(maxsize=8)(_letters_language)

_SCRIPT_OF_LANGUAGE = {
    "ar": "arabic",
    "fa": "arabic",
    "ur": "arabic",
    "ps": "arabic",
    "ku": "arabic",
    "ckb": "arabic",
    "sd": "arabic",
    "ug": "arabic",
    "he": "hebrew",
    "iw": "hebrew",
    "yi": "hebrew",
}
_SCRIPT_OF_DETECTED = {"ar": "arabic", "fa": "arabic", "ur": "arabic", "he": "hebrew"}


def detect_language(text: str, declared: str | None) -> str | None:
    """The article's language tag: the declared one when the letters agree with its script,
    else what the letters say (None when they say nothing and nothing usable was declared)."""
    tag = _clean_tag(declared)
    detected, _ = letters_language(text)
    if detected is None:
        # Latin or other letters (or none): keep a declaration that does not claim an RTL script.
        return tag if tag is not None and _declared_script(tag) is None else None
    if tag is not None and _declared_script(tag) == _SCRIPT_OF_DETECTED[detected]:
        primary = tag.split("-")[0].lower()
        # Within one script the letters tell Persian and Urdu from Arabic better than a CMS
        # default; a language they cannot tell (Pashto, Kurdish, Sindhi…) keeps its declaration.
        if primary == detected or detected == "ar" or primary not in _SCRIPT_OF_DETECTED:
            return tag
        return detected
    return detected


def detect_direction(text: str) -> Direction:
    """RTL when the letters are mostly Arabic-script or Hebrew, LTR for other letters."""
    _, direction = letters_language(text)
    return Direction.LTR if direction is Direction.AUTO else direction


def _clean_tag(declared: str | None) -> str | None:
    """A BCP 47-looking tag (`en-US`, `ar`), or None for empty or malformed declarations."""
    if declared is None:
        return None
    tag = declared.strip().replace("_", "-")
    parts = tag.split("-")
    if not tag or not all(part.isascii() and part.isalnum() and 1 <= len(part) <= 8 for part in parts):
        return None
    return tag


def _declared_script(tag: str) -> str | None:
    return _SCRIPT_OF_LANGUAGE.get(tag.split("-")[0].lower())
