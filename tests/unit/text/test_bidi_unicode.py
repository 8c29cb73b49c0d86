"""Conformance of reader.text.bidi with Unicode's own bidi test files.

BidiCharacterTest.txt (character-based, includes bracket pairs) and
BidiTest.txt (class-based; each class is mapped to a representative
character) come from the Debian package unicode-data.  Both must match on at
least 99% of the cases; see docs/bidi.md for the current figures (100% on
both with Unicode 15.0 test data).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.text.bidi import first_strong_level, reorder_line
from reader.text.bidi_classes import BN, EXPLICIT_CONTROLS, classify

UNICODE_DIR = Path("/usr/share/unicode")
CHARACTER_TEST = UNICODE_DIR / "BidiCharacterTest.txt"
CLASS_TEST = UNICODE_DIR / "BidiTest.txt"
REQUIRED_PASS_RATE = 0.99

AUTO = 2
"""Paragraph direction "auto" (P2/P3, defaulting to LTR) in both files."""

REPRESENTATIVE_CHARACTERS = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "ES": "+", "ET": "$",
    "AN": "\u0660", "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029",
    "S": "\t", "WS": " ", "ON": "!", "LRE": "\u202a", "RLE": "\u202b",
    "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e", "LRI": "\u2066",
    "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
}  # fmt: skip
"""One character per Bidi_Class for BidiTest.txt (ON avoids paired brackets)."""


@dataclass(frozen=True)
class BidiCase:
    """One expected result: levels use None for characters removed by X9."""

    text: str
    direction: int  # 0 LTR, 1 RTL, 2 auto
    paragraph_level: int | None  # None when the file does not give it
    levels: tuple[int | None, ...]
    order: tuple[int, ...]
    source: str


def _parse_levels(field: str) -> tuple[int | None, ...]:
    return tuple(None if level == "x" else int(level) for level in field.split())


def _parse_order(field: str) -> tuple[int, ...]:
    return tuple(int(index) for index in field.split())


def _character_cases(path: Path) -> Iterator[BidiCase]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code_points, direction, paragraph_level, levels, order = line.split(";")
        yield BidiCase(
            text="".join(chr(int(code_point, 16)) for code_point in code_points.split()),
            direction=int(direction),
            paragraph_level=int(paragraph_level),
            levels=_parse_levels(levels),
            order=_parse_order(order),
            source=line,
        )


def _class_cases(path: Path) -> Iterator[BidiCase]:
    levels: tuple[int | None, ...] = ()
    order: tuple[int, ...] = ()
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.split("#")[0].strip()
        if line.startswith("@Levels:"):
            levels = _parse_levels(line.removeprefix("@Levels:"))
        elif line.startswith("@Reorder:"):
            order = _parse_order(line.removeprefix("@Reorder:"))
        elif line and not line.startswith("@"):
            classes, bitset = line.split(";")
            text = "".join(REPRESENTATIVE_CHARACTERS[name] for name in classes.split())
            for bit, direction in ((1, AUTO), (2, 0), (4, 1)):
                if int(bitset, 16) & bit:
                    yield BidiCase(text, direction, None, levels, order, line)


_recent_reorder_line = functools.lru_cache(maxsize=4)(reorder_line)
"""BidiTest.txt runs each line as auto, LTR and RTL; auto repeats one of them."""


def _checked(path: Path, parse: Callable[[Path], Iterator[BidiCase]]) -> list[CheckedCase]:
    if not path.exists():
        pytest.skip(f"{path} is missing (install the Debian package unicode-data)")
    return [CheckedCase(case, _failure_category(case)) for case in parse(path)]


def _failure_category(case: BidiCase) -> str | None:
    """None when ``reorder_line`` reproduces the case, else what went wrong."""
    base_level = case.direction
    if case.direction == AUTO:
        base_level = first_strong_level(case.text) or 0
    if case.paragraph_level is not None and base_level != case.paragraph_level:
        return f"direction {case.direction}: paragraph level"
    result = _recent_reorder_line(case.text, base_level)
    got_levels = tuple(None if want is None else got for got, want in zip(result.levels, case.levels))
    if got_levels != case.levels:
        return f"direction {case.direction}: levels"
    if result.order != case.order:
        return f"direction {case.direction}: order"
    return None


@dataclass(frozen=True)
class CheckedCase:
    case: BidiCase
    failure: str | None


@pytest.fixture(scope="module")
def character_results() -> list[CheckedCase]:
    return _checked(CHARACTER_TEST, _character_cases)


@pytest.fixture(scope="module")
def class_results() -> list[CheckedCase]:
    return _checked(CLASS_TEST, _class_cases)


def _assert_conformance(results: list[CheckedCase], name: str) -> None:
    failures = Counter(result.failure for result in results if result.failure is not None)
    examples = {result.failure: result.case.source for result in results if result.failure is not None}
    pass_rate = 1 - sum(failures.values()) / len(results)
    report = "; ".join(f"{category}: {count} (e.g. {examples[category]})" for category, count in failures.items())
    assert pass_rate >= REQUIRED_PASS_RATE, f"{name}: {pass_rate:.4%} of {len(results)} cases pass; failing: {report}"


def _is_fast_path(text: str) -> bool:
    """Whether ``reorder_line`` takes its fast path (no explicit controls, no BN)."""
    classes = classify(text)
    return BN not in classes and not any(code in classes for code in EXPLICIT_CONTROLS)


def test_character_test_file(character_results: list[CheckedCase]) -> None:
    assert len(character_results) > 90_000
    _assert_conformance(character_results, CHARACTER_TEST.name)


def test_character_test_file_exercises_the_fast_path(character_results: list[CheckedCase]) -> None:
    fast = [result for result in character_results if _is_fast_path(result.case.text)]
    assert len(fast) > len(character_results) // 2
    _assert_conformance(fast, f"{CHARACTER_TEST.name} (fast path only)")


def test_class_test_file(class_results: list[CheckedCase]) -> None:
    assert len(class_results) > 700_000
    _assert_conformance(class_results, CLASS_TEST.name)


def test_class_test_file_exercises_the_fast_path(class_results: list[CheckedCase]) -> None:
    fast = [result for result in class_results if _is_fast_path(result.case.text)]
    assert len(fast) > 50_000
    _assert_conformance(fast, f"{CLASS_TEST.name} (fast path only)")
