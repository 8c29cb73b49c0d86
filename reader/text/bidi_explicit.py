"""Rules P2–P3 and X1–X10 of UAX #9: explicit levels and isolating run sequences.

Owns the general path of the algorithm, used for lines that contain explicit
embedding, override or isolate controls: a straightforward per-character
implementation of the directional status stack (X1–X8), the removal of
controls (X9) and the split into isolating run sequences with their sos/eos
(X10, BD13).  The implicit rules then run per sequence (``bidi_implicit``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from reader.text.bidi_classes import (
    AL,
    FSI,
    ISOLATE_CONTROLS,
    ISOLATE_INITIATORS,
    LRE,
    LRI,
    LRO,
    PDF,
    PDI,
    REMOVED_BY_X9,
    RLE,
    RLI,
    RLO,
    B,
    L,
    R,
)

MAX_DEPTH: Final = 125
"""BD2: the deepest explicit embedding level."""

_STRONG_RE: Final = re.compile(f"[{L}{R}{AL}]")
_ISOLATE_CONTROL_RE: Final = re.compile(f"[{ISOLATE_CONTROLS}]")


def first_strong_in_classes(classes: str, start: int = 0, *, inside_isolate: bool = False) -> int | None:
    """P2/P3 on ``classes[start:]``: 0 for L, 1 for R/AL, None if no strong type.

    Characters between an isolate initiator and its matching PDI are skipped,
    and a paragraph separator ends the search.  With ``inside_isolate`` (the
    content of an FSI, X5c) a PDI that matches nothing seen here ends the
    search too, as it closes that isolate; otherwise such a PDI is ignored.
    """
    if _ISOLATE_CONTROL_RE.search(classes, start) is None:
        match = _STRONG_RE.search(classes, start)
        if match is None or B in classes[start : match.start()]:
            return None
        return 0 if match.group() == L else 1
    return _first_strong_skipping_isolates(classes, start, inside_isolate)


def _first_strong_skipping_isolates(classes: str, start: int, inside_isolate: bool) -> int | None:
    depth = 0
    for code in classes[start:]:
        if code in ISOLATE_INITIATORS:
            depth += 1
        elif code == PDI:
            if depth == 0 and inside_isolate:
                return None
            depth = max(depth - 1, 0)
        elif code == B:
            return None
        elif depth == 0 and code in (L, R, AL):
            return 0 if code == L else 1
    return None


def matching_pdis(classes: str) -> dict[int, int]:
    """BD9: index of each isolate initiator -> index of its matching PDI."""
    open_initiators: list[int] = []
    matches: dict[int, int] = {}
    for index, code in enumerate(classes):
        if code in ISOLATE_INITIATORS:
            open_initiators.append(index)
        elif code == PDI and open_initiators:
            matches[open_initiators.pop()] = index
        elif code == B:
            open_initiators.clear()
    return matches


@dataclass
class _Status:
    """One entry of the directional status stack."""

    level: int
    override: str  # "", L or R
    isolate: bool


class _ExplicitResolver:
    """X1–X8: walks a line once, assigning explicit levels and overrides."""

    def __init__(self, classes: str, paragraph_level: int) -> None:
        self.classes = classes
        self.paragraph_level = paragraph_level
        self.levels = [paragraph_level] * len(classes)
        self.types = list(classes)
        self.stack = [_Status(paragraph_level, "", False)]
        self.overflow_isolates = 0
        self.overflow_embeddings = 0
        self.valid_isolates = 0

    def run(self) -> tuple[list[int], str]:
        for index, code in enumerate(self.classes):
            if code in (RLE, LRE, RLO, LRO):
                self._push_embedding(code)
            elif code in ISOLATE_INITIATORS:
                self._isolate_initiator(index, code)
            elif code == PDI:
                self._pop_isolate()
                self._assign_current(index)
            elif code == PDF:
                self._pop_embedding()
            elif code == B:
                self._end_paragraph()
            if code not in ISOLATE_INITIATORS and code not in (PDI, B):
                self._assign_current(index)
        return self.levels, "".join(self.types)

    def _next_level(self, rtl: bool) -> int:
        level = self.stack[-1].level
        return level + 1 + (level % 2 if rtl else 1 - level % 2)

    def _can_push(self, level: int) -> bool:
        return level <= MAX_DEPTH and self.overflow_isolates == 0 and self.overflow_embeddings == 0

    def _assign_current(self, index: int) -> None:
        """X6 (and the level part of X5a–c/X6a): level and override of a character."""
        top = self.stack[-1]
        self.levels[index] = top.level
        if top.override and self.classes[index] not in REMOVED_BY_X9:
            self.types[index] = top.override

    def _push_embedding(self, code: str) -> None:
        """X2–X5."""
        level = self._next_level(rtl=code in (RLE, RLO))
        if self._can_push(level):
            override = {RLO: R, LRO: L}.get(code, "")
            self.stack.append(_Status(level, override, False))
        elif self.overflow_isolates == 0:
            self.overflow_embeddings += 1

    def _isolate_initiator(self, index: int, code: str) -> None:
        """X5a–X5c."""
        self._assign_current(index)
        if code == FSI:
            code = RLI if first_strong_in_classes(self.classes, index + 1, inside_isolate=True) == 1 else LRI
        level = self._next_level(rtl=code == RLI)
        if self._can_push(level):
            self.valid_isolates += 1
            self.stack.append(_Status(level, "", True))
        else:
            self.overflow_isolates += 1

    def _pop_isolate(self) -> None:
        """X6a, stack part."""
        if self.overflow_isolates > 0:
            self.overflow_isolates -= 1
        elif self.valid_isolates > 0:
            self.overflow_embeddings = 0
            while not self.stack[-1].isolate:
                self.stack.pop()
            self.stack.pop()
            self.valid_isolates -= 1

    def _pop_embedding(self) -> None:
        """X7."""
        if self.overflow_isolates > 0:
            return
        if self.overflow_embeddings > 0:
            self.overflow_embeddings -= 1
        elif not self.stack[-1].isolate and len(self.stack) >= 2:
            self.stack.pop()

    def _end_paragraph(self) -> None:
        """X8: a paragraph separator ends every embedding, override and isolate."""
        del self.stack[1:]
        self.overflow_isolates = self.overflow_embeddings = self.valid_isolates = 0


def resolve_explicit_levels(classes: str, paragraph_level: int) -> tuple[list[int], str]:
    """X1–X8: explicit level per character and the class string after overrides."""
    return _ExplicitResolver(classes, paragraph_level).run()


@dataclass(frozen=True)
class IsolatingRunSequence:
    """BD13: indices (into the line) of one isolating run sequence, and its sos/eos."""

    indices: tuple[int, ...]
    level: int
    sos: str
    eos: str


def _level_runs(kept: list[int], levels: list[int]) -> list[list[int]]:
    """BD7: maximal runs of kept characters with the same level."""
    runs: list[list[int]] = []
    for index in kept:
        if runs and levels[runs[-1][-1]] == levels[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _chain_level_runs(runs: list[list[int]], classes: str) -> list[list[int]]:
    """BD13: join level runs connected by an isolate initiator and its matching PDI."""
    matches = matching_pdis(classes)
    run_starting_at = {run[0]: number for number, run in enumerate(runs)}
    consumed: set[int] = set()
    sequences: list[list[int]] = []
    for number, run in enumerate(runs):
        if number in consumed:
            continue
        sequence = list(run)
        while classes[sequence[-1]] in ISOLATE_INITIATORS and sequence[-1] in matches:
            following = run_starting_at.get(matches[sequence[-1]])
            if following is None:
                break
            consumed.add(following)
            sequence.extend(runs[following])
        sequences.append(sequence)
    return sequences


def _direction(level: int) -> str:
    return R if level % 2 else L


def isolating_run_sequences(classes: str, levels: list[int], paragraph_level: int) -> list[IsolatingRunSequence]:
    """X9–X10: the isolating run sequences of a line, with sos and eos."""
    kept = [index for index, code in enumerate(classes) if code not in REMOVED_BY_X9]
    position_in_kept = {index: position for position, index in enumerate(kept)}
    sequences = []
    for indices in _chain_level_runs(_level_runs(kept, levels), classes):
        level = levels[indices[0]]
        first, last = position_in_kept[indices[0]], position_in_kept[indices[-1]]
        before = levels[kept[first - 1]] if first > 0 else paragraph_level
        if classes[indices[-1]] in ISOLATE_INITIATORS or last + 1 == len(kept):
            after = paragraph_level
        else:
            after = levels[kept[last + 1]]
        sos, eos = _direction(max(level, before)), _direction(max(level, after))
        sequences.append(IsolatingRunSequence(tuple(indices), level, sos, eos))
    return sequences
