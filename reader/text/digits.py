"""Digit style at display time: digits as written, Western (0-9) or Arabic-Indic.

The article keeps its digits as written; the reader may show them another way. The
change is one character for one character, so spans and search matches stay valid.
Arabic-Indic digits are Arabic's (U+0660-0669) for most languages and the extended
forms (U+06F0-06F9) for Persian and Urdu, which draw 4, 5 and 6 differently. Only
Arabic-script articles get Arabic-Indic digits: an English or Hebrew text keeps 0-9.
Numbers take their separators along: Arabic-Indic digits get the Arabic thousands
separator, decimal separator and percent sign (`٤٬٣٥٠`, `١٫٥٪`), Western digits the ASCII
ones (`4,350`, `1.5%`); a separator counts only between digits (a percent sign beside one).
"""

from __future__ import annotations

import enum
import re

ARABIC_INDIC_ZERO = 0x0660
EXTENDED_ARABIC_INDIC_ZERO = 0x06F0
EXTENDED_DIGIT_LANGUAGES = frozenset({"fa", "ur", "ps", "sd", "ks"})
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "sd", "ug", "ckb", "ks", "ku"})


class DigitStyle(enum.Enum):
    AS_WRITTEN = "as-written"
    WESTERN = "western"
    ARABIC_INDIC = "arabic-indic"


def _base_language(language: str | None) -> str:
    return (language or "").split("-")[0].lower()


def _table(zero: int | None) -> dict[int, int]:
    """Every digit of every style mapped to the digit of `zero`'s style (ASCII when None)."""
    target = ord("0") if zero is None else zero
    table: dict[int, int] = {}
    for source_zero in (ord("0"), ARABIC_INDIC_ZERO, EXTENDED_ARABIC_INDIC_ZERO):
        for value in range(10):
            table[source_zero + value] = target + value
    return table


_TO_WESTERN = _table(None)
_TO_ARABIC_INDIC = _table(ARABIC_INDIC_ZERO)
_TO_EXTENDED = _table(EXTENDED_ARABIC_INDIC_ZERO)


ARABIC_THOUSANDS = "\u066c"  # ٬
ARABIC_DECIMAL = "\u066b"  # ٫
ARABIC_PERCENT = "\u066a"  # ٪
_ANY_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_SEPARATOR_BETWEEN_DIGITS = re.compile(f"(?<=[{_ANY_DIGIT}])[,.{ARABIC_THOUSANDS}{ARABIC_DECIMAL}](?=[{_ANY_DIGIT}])")
_PERCENT_BESIDE_DIGIT = re.compile(f"(?<=[{_ANY_DIGIT}])[%{ARABIC_PERCENT}]|[%{ARABIC_PERCENT}](?=[{_ANY_DIGIT}])")
_TO_ARABIC_SEPARATORS = {",": ARABIC_THOUSANDS, ".": ARABIC_DECIMAL, "%": ARABIC_PERCENT}
_TO_ASCII_SEPARATORS = {ARABIC_THOUSANDS: ",", ARABIC_DECIMAL: ".", ARABIC_PERCENT: "%"}


def _separators(text: str, table: dict[str, str]) -> str:
    """The number separators of `text` swapped by `table` (one character for one)."""
    if not any(char in text for char in table):
        return text

    def swap(match: re.Match[str]) -> str:
        return table.get(match.group(), match.group())

    return _PERCENT_BESIDE_DIGIT.sub(swap, _SEPARATOR_BETWEEN_DIGITS.sub(swap, text))


def convert_digits(text: str, style: DigitStyle, language: str | None = None) -> str:
    """`text` with its digits (and their separators) shown in `style`, for an article in `language`."""
    if style is DigitStyle.AS_WRITTEN:
        return text
    if style is DigitStyle.WESTERN:
        return _separators(text.translate(_TO_WESTERN), _TO_ASCII_SEPARATORS)
    base = _base_language(language)
    if base not in ARABIC_SCRIPT_LANGUAGES:
        return text
    converted = text.translate(_TO_EXTENDED if base in EXTENDED_DIGIT_LANGUAGES else _TO_ARABIC_INDIC)
    return _separators(converted, _TO_ARABIC_SEPARATORS)
