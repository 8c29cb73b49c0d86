"""Bidi_Class lookup for the bidi algorithm, as one-letter class codes.

Owns the mapping of characters to Bidi_Class values.  Every class is encoded
as a single letter so that a line becomes a *class string* (via
``str.translate`` with a cached table, i.e. at C speed) on which the rules of
UAX #9 can run as regular expressions.

Paired brackets (which are ON) get codes of their own, so that rule N0 can
find them in the class string without looking at the characters again.

Classes come from ``unicodedata.bidirectional``.  For code points that
Python's Unicode database does not assign (it returns ``''``) the defaults of
DerivedBidiClass.txt apply: noncharacters and default-ignorable code points are
BN, unassigned code points in right-to-left blocks are R or AL, those in the
Currency Symbols block are ET, and everything else is L.
"""

from __future__ import annotations

import functools
import operator
import unicodedata
from itertools import compress, repeat
from typing import Final

from reader.text.bidi_brackets import CLOSING_BRACKETS, OPENING_TO_CLOSING
from reader.text.lazy_table import LazyTable

# One-letter codes, one per Bidi_Class value.
L: Final = "L"  # Left_To_Right
R: Final = "R"  # Right_To_Left
AL: Final = "A"  # Arabic_Letter
EN: Final = "E"  # European_Number
ES: Final = "P"  # European_Separator ("Plus")
ET: Final = "T"  # European_Terminator
AN: Final = "N"  # Arabic_Number
CS: Final = "C"  # Common_Separator
NSM: Final = "M"  # Nonspacing_Mark
BN: Final = "B"  # Boundary_Neutral
B: Final = "K"  # Paragraph_Separator ("blocK")
S: Final = "G"  # Segment_Separator
WS: Final = "W"  # White_Space
ON: Final = "O"  # Other_Neutral
OPENING_BRACKET: Final = "("  # ON with Bidi_Paired_Bracket_Type=Open
CLOSING_BRACKET: Final = ")"  # ON with Bidi_Paired_Bracket_Type=Close
LRE: Final = "a"
RLE: Final = "b"
LRO: Final = "c"
RLO: Final = "d"
PDF: Final = "p"
LRI: Final = "i"
RLI: Final = "j"
FSI: Final = "k"
PDI: Final = "q"

_CODE_BY_NAME: Final[dict[str, str]] = {
    "L": L, "R": R, "AL": AL, "EN": EN, "ES": ES, "ET": ET, "AN": AN,
    "CS": CS, "NSM": NSM, "BN": BN, "B": B, "S": S, "WS": WS, "ON": ON,
    "LRE": LRE, "RLE": RLE, "LRO": LRO, "RLO": RLO, "PDF": PDF,
    "LRI": LRI, "RLI": RLI, "FSI": FSI, "PDI": PDI,
}  # fmt: skip

# Groups of codes, as strings usable inside regex character classes.
ISOLATE_INITIATORS: Final = LRI + RLI + FSI
ISOLATE_CONTROLS: Final = ISOLATE_INITIATORS + PDI
EMBEDDING_CONTROLS: Final = LRE + RLE + LRO + RLO + PDF
REMOVED_BY_X9: Final = EMBEDDING_CONTROLS + BN
EXPLICIT_CONTROLS: Final = EMBEDDING_CONTROLS + ISOLATE_CONTROLS
BRACKETS: Final = OPENING_BRACKET + CLOSING_BRACKET
NEUTRALS: Final = B + S + WS + ON + BRACKETS + ISOLATE_CONTROLS
"""The NI classes of rules N1/N2 (after W6 no ES/ET/CS remain)."""

# DerivedBidiClass.txt @missing lines (Unicode 15.0) for unassigned code points.
_DEFAULT_RANGES: Final[tuple[tuple[int, int, str], ...]] = (
    (0x0590, 0x05FF, R), (0x0600, 0x07BF, AL), (0x07C0, 0x085F, R),
    (0x0860, 0x08FF, AL), (0x20A0, 0x20CF, ET), (0xFB1D, 0xFB4F, R),
    (0xFB50, 0xFDCF, AL), (0xFDF0, 0xFDFF, AL), (0xFE70, 0xFEFF, AL),
    (0x10800, 0x10CFF, R), (0x10D00, 0x10D3F, AL), (0x10D40, 0x10EBF, R),
    (0x10EC0, 0x10EFF, AL), (0x10F00, 0x10F2F, R), (0x10F30, 0x10F6F, AL),
    (0x10F70, 0x10FFF, R), (0x1E800, 0x1EC6F, R), (0x1EC70, 0x1ECBF, AL),
    (0x1ECC0, 0x1ECFF, R), (0x1ED00, 0x1ED4F, AL), (0x1ED50, 0x1EDFF, R),
    (0x1EE00, 0x1EEFF, AL), (0x1EF00, 0x1EFFF, R),
)  # fmt: skip

# Unassigned Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt).
_UNASSIGNED_IGNORABLE_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x2065, 0x2065), (0xFFF0, 0xFFF8), (0xE0000, 0xE0000),
    (0xE0002, 0xE001F), (0xE0080, 0xE00FF), (0xE01F0, 0xE0FFF),
)  # fmt: skip


def _is_noncharacter(code_point: int) -> bool:
    return 0xFDD0 <= code_point <= 0xFDEF or (code_point & 0xFFFE) == 0xFFFE


def _default_class(code_point: int) -> str:
    """Bidi class of a code point unassigned in Python's Unicode database."""
    if _is_noncharacter(code_point):
        return BN
    for first, last in _UNASSIGNED_IGNORABLE_RANGES:
        if first <= code_point <= last:
            return BN
    for first, last, code in _DEFAULT_RANGES:
        if first <= code_point <= last:
            return code
    return L


def class_of_code_point(code_point: int) -> str:
    """One-letter bidi class code of a code point (brackets get their own codes)."""
    char = chr(code_point)
    name = unicodedata.bidirectional(char)
    if not name:
        return _default_class(code_point)
    code = _CODE_BY_NAME[name]
    if code == ON and char in OPENING_TO_CLOSING:
        return OPENING_BRACKET
    if code == ON and char in CLOSING_BRACKETS:
        return CLOSING_BRACKET
    return code


_LAZY_TABLE: Final = LazyTable(lambda char: class_of_code_point(ord(char)))


@functools.cache
def _bmp_table() -> str:
    """Class codes of all BMP code points, built on first use (~11 ms).

    A ``str`` indexed by code point is the fastest ``str.translate`` table. It is built
    in bulk (one `unicodedata` call per code point, then the few special cases patched)
    because this runs at every start: `class_of_code_point` per code point is slower.
    """
    names = list(map(unicodedata.bidirectional, map(chr, range(0x10000))))
    codes: list[str] = list(map(_CODE_BY_NAME.get, names, repeat(L)))
    for code_point in compress(range(0x10000), map(operator.not_, names)):  # the unassigned ones
        codes[code_point] = _default_class(code_point)
    for brackets, code in ((OPENING_TO_CLOSING, OPENING_BRACKET), (CLOSING_BRACKETS, CLOSING_BRACKET)):
        for char in brackets:
            if ord(char) < 0x10000 and codes[ord(char)] == ON:
                codes[ord(char)] = code
    return "".join(codes)


def classify(text: str) -> str:
    """Return the class string of ``text``: one class code per character."""
    classes = text.translate(_bmp_table())
    if classes.isascii():
        return classes
    # Characters beyond the BMP are left untranslated by the BMP table, which
    # makes the result non-ASCII (all codes are ASCII): use the full table.
    return text.translate(_LAZY_TABLE)
