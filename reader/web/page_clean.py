"""One rule for every piece of text taken from a page: words separated by single spaces, and
no control or invisible formatting characters but the marks Arabic, Persian and Hebrew need.

trafilatura already drops them from the text it returns; metadata, captions and highlights
read from the page's tree pass here too, so an ESC or a U+202E override in an `og:title` or
a `<figcaption>` never reaches an article file. ZWNJ, ZWJ, LRM, RLM and ALM stay
(`page_marks.KEPT_MARKS`).
"""

from __future__ import annotations

import unicodedata

from reader.web.page_marks import KEPT_MARKS

_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def clean_text(text: str) -> str:
    """`text` with whitespace runs made single spaces, ends stripped, hidden characters removed."""
    kept = "".join(
        character
        for character in text
        if character in KEPT_MARKS or character.isspace() or unicodedata.category(character) not in _DROPPED_CATEGORIES
    )
    return " ".join(kept.split())
