"""Unicode Bidirectional Algorithm (UAX #9) for one display line.

Owns the public API: ``reorder_line`` (levels after L1 plus the visual order
of logical indices after L2), ``first_strong_level`` (P2/P3),
``mirror_char`` (Bidi_Mirroring_Glyph for the caller's L4) and
``is_bidi_control``.  Rules L3 and L4 are left to the caller, which has the
levels to apply them.

Lines without explicit embedding/override/isolate controls (nearly all text)
take a fast path: they form one isolating run sequence at the paragraph level
with sos = eos = the paragraph direction, resolved by regular expressions over
the class string (``bidi_implicit``).  Other lines take the general path
(``bidi_explicit``) and then resolve each isolating run sequence the same way.
See docs/bidi.md for conformance figures.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from bidi.mirror import MIRRORED

from reader.text.bidi_classes import (
    BN,
    EXPLICIT_CONTROLS,
    ISOLATE_CONTROLS,
    REMOVED_BY_X9,
    WS,
    B,
    L,
    R,
    S,
    classify,
)
from reader.text.bidi_explicit import (
    first_strong_in_classes,
    isolating_run_sequences,
    resolve_explicit_levels,
)
from reader.text.bidi_implicit import resolve_sequence_levels

_BIDI_CONTROLS: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_EXPLICIT_RE: Final = re.compile(f"[{EXPLICIT_CONTROLS}]")
_RESETTABLE: Final = WS + ISOLATE_CONTROLS + REMOVED_BY_X9
_L1_RESET_RE: Final = re.compile(f"[{_RESETTABLE}]*[{S}{B}]|[{_RESETTABLE}]+\\Z")
"""L1: separators, and whitespace/isolate controls before them or at line end."""
MIRRORED_CHARS: Final = frozenset(MIRRORED)
"""The characters that have a Bidi_Mirroring_Glyph (see `mirror_char`)."""


@functools.cache
def _runs_at_least(level: int) -> re.Pattern[str]:
    """L2: runs of a level string at `level` or higher (compiled on first use, not at import)."""
    return re.compile(f"[\\x{level:02x}-\\x7f]+")


@dataclass(frozen=True)
class BidiLine:
    """The bidi layout of one line.

    ``levels`` holds the resolved embedding level of each logical character
    after rule L1; characters removed by X9 (embedding/override controls, PDF,
    BN) get the level of the preceding character, or the paragraph level at
    the start.  ``order`` lists the logical indices in visual order, left to
    right, after L2; characters removed by X9 are not in it.
    """

    levels: tuple[int, ...]
    order: tuple[int, ...]


def first_strong_level(text: str) -> int | None:
    """P2/P3: 0 for L, 1 for R/AL, None without a strong character.

    Characters between an isolate initiator and its matching PDI are skipped.
    """
    return first_strong_in_classes(classify(text))


def mirror_char(ch: str) -> str:
    """Bidi_Mirroring_Glyph of ``ch``, or ``ch`` itself when it has none."""
    mirrored: str = MIRRORED.get(ch, ch)
    return mirrored


def is_bidi_control(ch: str) -> bool:
    """True for ALM, LRM, RLM, the embedding/override controls and the isolates."""
    return ch in _BIDI_CONTROLS


def reorder_line(text: str, base_level: int) -> BidiLine:
    """Run UAX #9 on one line with paragraph level ``base_level`` (0 or 1)."""
    if base_level not in (0, 1):
        raise ValueError(f"base_level must be 0 or 1, not {base_level!r}")
    if not text:
        return BidiLine((), ())
    classes = classify(text)
    has_explicit_controls = _EXPLICIT_RE.search(classes) is not None
    highest_possible = base_level + 2
    if has_explicit_controls:
        levels, highest_possible = _explicit_levels(text, classes, base_level)
    elif BN in classes:
        levels = _implicit_levels_skipping_bn(text, classes, base_level)
    else:
        direction = R if base_level else L
        levels = resolve_sequence_levels(classes, text, base_level, direction, direction)
    levels = _reset_separators_and_trailing_whitespace(classes, levels, base_level)
    if has_explicit_controls or BN in classes:
        return _layout_without_removed(classes, levels, base_level, highest_possible)
    order = _visual_order(levels, list(range(len(text))), highest_possible)
    return BidiLine(tuple(levels.encode("latin-1")), order)


def _implicit_levels_skipping_bn(text: str, classes: str, base_level: int) -> str:
    """The fast path for a line with BN characters (e.g. ZWNJ), which X9 removes.

    The rest of the line is one isolating run sequence at ``base_level``.
    Returns a level string in which the BN characters have placeholder levels.
    """
    direction = R if base_level else L
    kept = [index for index, code in enumerate(classes) if code != BN]
    kept_levels = resolve_sequence_levels(
        classes.replace(BN, ""), "".join(text[index] for index in kept), base_level, direction, direction
    )
    levels = [chr(base_level)] * len(text)
    for index, level in zip(kept, kept_levels):
        levels[index] = level
    return "".join(levels)


def _explicit_levels(text: str, classes: str, base_level: int) -> tuple[str, int]:
    """General path: X1–X10, then the implicit rules per isolating run sequence.

    Returns the level string and an upper bound of the levels in it.
    """
    explicit_levels, types = resolve_explicit_levels(classes, base_level)
    levels = [chr(level) for level in explicit_levels]
    for sequence in isolating_run_sequences(classes, explicit_levels, base_level):
        resolved = resolve_sequence_levels(
            "".join(types[index] for index in sequence.indices),
            "".join(text[index] for index in sequence.indices),
            sequence.level,
            sequence.sos,
            sequence.eos,
        )
        for index, level in zip(sequence.indices, resolved):
            levels[index] = level
    return "".join(levels), max(explicit_levels) + 2


def _reset_separators_and_trailing_whitespace(classes: str, levels: str, base_level: int) -> str:
    """L1, on the original classes: reset separators and trailing whitespace."""
    if not (classes[-1] in _RESETTABLE or S in classes or B in classes):
        return levels
    paragraph = chr(base_level)
    for match in _L1_RESET_RE.finditer(classes):
        start, end = match.span()
        levels = levels[:start] + paragraph * (end - start) + levels[end:]
    return levels


def _layout_without_removed(classes: str, levels: str, base_level: int, highest_possible: int) -> BidiLine:
    """Give X9-removed characters the preceding level and leave them out of the order."""
    full_levels = list(levels.encode("latin-1"))
    kept: list[int] = []
    previous = base_level
    for index, code in enumerate(classes):
        if code in REMOVED_BY_X9:
            full_levels[index] = previous
        else:
            kept.append(index)
            previous = full_levels[index]
    kept_levels = "".join(levels[index] for index in kept)
    return BidiLine(tuple(full_levels), _visual_order(kept_levels, kept, highest_possible))


def _level_range(levels: str, highest_possible: int) -> tuple[int, int]:
    """Lowest and highest level in a non-empty level string (C-speed ``in`` tests)."""
    highest = highest_possible
    while chr(highest) not in levels:
        highest -= 1
    lowest = 0
    while chr(lowest) not in levels:
        lowest += 1
    return lowest, highest


def _visual_order(levels: str, indices: list[int], highest_possible: int) -> tuple[int, ...]:
    """L2: reverse runs at each level from the highest down to the lowest odd one.

    ``indices`` are the logical indices of the characters in ``levels``.
    """
    if not levels:
        return ()
    lowest, highest = _level_range(levels, highest_possible)
    for level in range(highest, (lowest | 1) - 1, -1):
        if level == lowest:  # an odd lowest level: the whole line is one run
            indices.reverse()
            break
        for run in _runs_at_least(level).finditer(levels):
            start, end = run.span()
            indices[start:end] = indices[start:end][::-1]
    return tuple(indices)
