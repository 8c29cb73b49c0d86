"""Keeping the invisible marks of right-to-left text through trafilatura.

trafilatura keeps only `str.isprintable()` characters, so it deletes U+200C ZERO WIDTH
NON-JOINER (every Persian `می‌کند` becomes `میکند`), U+200D ZERO WIDTH JOINER and the bidi
marks LRM, RLM and ALM. Private-use characters are not printable either, so they would be
deleted too: each mark is instead replaced by a printable symbol from a block no news page
uses (Tai Xuan Jing Symbols, U+1D300…), which NFC leaves alone, and put back afterwards.
Marks written as character references (`&zwnj;`, `&#8204;`, `&#x200C;`) are replaced too,
since the parser would only turn them into the mark after this step.

This module owns that round trip: `MarkGuard.protect` before extraction, `restore` after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KEPT_MARKS = (
    "\u200c",  # ZERO WIDTH NON-JOINER: Persian, Urdu, Kurdish word forms
    "\u200d",  # ZERO WIDTH JOINER
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u061c",  # ARABIC LETTER MARK
)

_ENTITY_NAMES = {"zwnj": "\u200c", "zwj": "\u200d", "lrm": "\u200e", "rlm": "\u200f"}
_CHARACTER_REFERENCE = re.compile(
    r"&(?:(?P<name>zwnj|zwj|lrm|rlm);"
    r"|#0*(?P<decimal>8204|8205|8206|8207|1564)(?!\d);?"
    r"|#[xX]0*(?P<hex>200[cCdDeEfF]|61[cC])(?![0-9a-fA-F]);?)"
)

# Candidate stand-ins, each a printable symbol (category So) that Unicode normalization keeps.
_PLACEHOLDER_BLOCKS = (0x1D306, 0x1D320, 0x1D340)


@dataclass(frozen=True)
class MarkGuard:
    """One page's mapping between the kept marks and their printable stand-ins."""

    placeholders: tuple[str, ...]

    @classmethod
    def for_text(cls, text: str) -> MarkGuard:
        """Stand-ins that do not occur in `text`, so restoring cannot touch the page's own letters."""
        for start in _PLACEHOLDER_BLOCKS:
            candidates = tuple(chr(start + offset) for offset in range(len(KEPT_MARKS)))
            if not any(candidate in text for candidate in candidates):
                return cls(candidates)
        raise ValueError("the page uses every placeholder symbol")  # pragma: no cover - no real page does

    def protect(self, text: str) -> str:
        """`text` with each kept mark, literal or written as a reference, replaced by its stand-in."""
        text = _CHARACTER_REFERENCE.sub(self._reference_placeholder, text)
        for mark, placeholder in zip(KEPT_MARKS, self.placeholders):
            text = text.replace(mark, placeholder)  # five passes in C: far quicker than str.translate on a page
        return text

    def restore(self, text: str) -> str:
        """`text` with each stand-in turned back into its mark."""
        return text.translate({ord(placeholder): mark for mark, placeholder in zip(KEPT_MARKS, self.placeholders)})

    def _reference_placeholder(self, match: re.Match[str]) -> str:
        if match["name"]:
            mark = _ENTITY_NAMES[match["name"]]
        else:
            mark = chr(int(match["decimal"])) if match["decimal"] else chr(int(match["hex"], 16))
        return self.placeholders[KEPT_MARKS.index(mark)]
