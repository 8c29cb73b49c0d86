"""Make article strings safe to draw on a terminal.

Every string that comes from an article passes `sanitize_text` before it is laid out.
An article is untrusted input: without this, an ESC in a title could retitle the window,
write the clipboard (OSC 52) or clear the screen, a CR could overprint a line, and a
U+202E override could make `photo‮gpj.exe` read as `photoexe.jpg`.

What it does, character by character:
- C0 controls (ESC, BEL, BS, CR, NUL…) and DEL become their visible Control Pictures
  (`␛`, `␇`, `␈`, `␍`…), so an attempt shows instead of acting. A tab or a newline is a
  space: paragraphs are already split by the loader, and the wrapper breaks lines itself.
- C1 controls (U+0080–U+009F, such as the 8-bit CSI U+009B) become U+FFFD.
- Lone surrogates, which cannot be encoded for the terminal, become U+FFFD.
- The embedding and override controls (U+202A–U+202E) are removed: they can force text
  to be drawn backwards. Isolates (U+2066–U+2069) stay: the bidi algorithm bounds them
  to their paragraph, and they cannot reverse the letters of a word.
- Invisible characters that terminals disagree on the width of (soft hyphen, zero-width
  space, word joiner, BOM, invisible operators) are removed.
- U+2028/U+2029 (line and paragraph separators) become spaces.

What Arabic, Persian and Hebrew need is kept exactly: ZWNJ (U+200C) and ZWJ (U+200D)
for joining, LRM/RLM/ALM for direction, tatweel, and every combining mark.
"""

from __future__ import annotations

import re
from functools import lru_cache

CONTROL_PICTURES_START = 0x2400
DEL_PICTURE = "\u2421"
REPLACEMENT = "\ufffd"

EMBEDDING_AND_OVERRIDE_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e")
UNSTABLE_INVISIBLES = frozenset("\u00ad\u200b\u2060\u2061\u2062\u2063\u2064\ufeff")
SPACE_LIKE = frozenset("\t\n\u2028\u2029")


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x20):
        table[code] = chr(CONTROL_PICTURES_START + code)
    table[0x7F] = DEL_PICTURE
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for char in SPACE_LIKE:
        table[ord(char)] = " "
    for char in EMBEDDING_AND_OVERRIDE_CONTROLS | UNSTABLE_INVISIBLES:
        table[ord(char)] = None
    for code in range(0xD800, 0xE000):
        table[code] = REPLACEMENT
    return table


# Every character `_translation_table` changes (a superset is harmless): text without any is
# returned as it is, without `str.translate` looking each of its characters up.
_MAY_CHANGE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]")


def sanitize_text(text: str) -> str:
    """Return `text` with every character that could act on a terminal made harmless."""
    if _MAY_CHANGE.search(text) is None:
        return text
    return text.translate(_translation_table())
