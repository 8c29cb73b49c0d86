"""Bidi_Paired_Bracket data for rule N0 of the Unicode Bidirectional Algorithm.

Owns the table of paired brackets (BidiBrackets.txt) and the canonical
equivalence of U+2329/U+232A with U+3008/U+3009 that BD16 asks matching to
respect.  Python's ``unicodedata`` has no Bidi_Paired_Bracket property, hence
this embedded table.
"""

from __future__ import annotations

from typing import Final

# Generated once from /usr/share/unicode/BidiBrackets.txt (Unicode 15.0.0) with:
#
#     pairs = []
#     for line in open("/usr/share/unicode/BidiBrackets.txt"):
#         line = line.split("#")[0].strip()
#         if line:
#             code, paired, kind = (f.strip() for f in line.split(";"))
#             if kind == "o":
#                 pairs.append(chr(int(code, 16)) + chr(int(paired, 16)))
#     print("".join(pairs))
#
# Each opening bracket (Bidi_Paired_Bracket_Type=Open) is followed by its
# Bidi_Paired_Bracket; the closing brackets are exactly the second members.
BRACKET_PAIRS: Final = (
    "\u0028\u0029\u005b\u005d\u007b\u007d\u0f3a\u0f3b\u0f3c\u0f3d\u169b\u169c\u2045\u2046\u207d\u207e"
    "\u208d\u208e\u2308\u2309\u230a\u230b\u2329\u232a\u2768\u2769\u276a\u276b\u276c\u276d\u276e\u276f"
    "\u2770\u2771\u2772\u2773\u2774\u2775\u27c5\u27c6\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb\u27ec\u27ed"
    "\u27ee\u27ef\u2983\u2984\u2985\u2986\u2987\u2988\u2989\u298a\u298b\u298c\u298d\u2990\u298f\u298e"
    "\u2991\u2992\u2993\u2994\u2995\u2996\u2997\u2998\u29d8\u29d9\u29da\u29db\u29fc\u29fd\u2e22\u2e23"
    "\u2e24\u2e25\u2e26\u2e27\u2e28\u2e29\u2e55\u2e56\u2e57\u2e58\u2e59\u2e5a\u2e5b\u2e5c\u3008\u3009"
    "\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011\u3014\u3015\u3016\u3017\u3018\u3019\u301a\u301b"
    "\ufe59\ufe5a\ufe5b\ufe5c\ufe5d\ufe5e\uff08\uff09\uff3b\uff3d\uff5b\uff5d\uff5f\uff60\uff62\uff63"
)

# BD16: U+2329/U+232A are canonically equivalent to U+3008/U+3009, so a
# bracket matches its partner's canonical equivalent too.
_CANONICAL: Final[dict[str, str]] = {"\u2329": "\u3008", "\u232a": "\u3009"}


def canonical_bracket(ch: str) -> str:
    """Return the canonical decomposition of a bracket used when matching pairs."""
    return _CANONICAL.get(ch, ch)


OPENING_TO_CLOSING: Final[dict[str, str]] = {
    BRACKET_PAIRS[i]: canonical_bracket(BRACKET_PAIRS[i + 1]) for i in range(0, len(BRACKET_PAIRS), 2)
}
"""Opening bracket -> canonical form of the closing bracket that matches it."""

CLOSING_BRACKETS: Final[frozenset[str]] = frozenset(BRACKET_PAIRS[1::2])
