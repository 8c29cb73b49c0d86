"""Each displayed line equals GNU FriBidi's rendering of the same logical line.

The reader wraps the logical paragraph first and reorders each line after (UAX #9), so
every line it shows can be checked against an independent implementation: FriBidi fed
that one logical line with `--nobreak` (its own `--width` would wrap after reordering).

Known harmless differences, normalised before comparing:
- FriBidi leaves a one-form letter such as hamza (U+0621) unshaped; arabic-reshaper uses
  its isolated presentation form U+FE80. Both draw the same glyph.
- arabic-reshaper forms a lam-alef ligature across a haraka (`لَا` → `ﻻَ`); FriBidi keeps
  lam and alef apart there. Both are legible; the ligature is the better typography.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reader.text.layout import DisplayLine, layout_paragraph
from tests.unit.text.conftest import MIXED_SAMPLES, seed_paragraphs

WIDTHS = (24, 41, 57, 80, 120)

_LAM_ALEF = {
    "\ufef5": "\u0622",
    "\ufef6": "\u0622",
    "\ufef7": "\u0623",
    "\ufef8": "\u0623",
    "\ufef9": "\u0625",
    "\ufefa": "\u0625",
    "\ufefb": "\u0627",
    "\ufefc": "\u0627",
}
_ALEF_FORMS = {"\ufe8d": "\u0627", "\ufe8e": "\u0627"}
_LAM_FORMS = {chr(code): "\u0644" for code in range(0xFEDD, 0xFEE1)}


def normalise_known_differences(visual: str) -> str:
    visual = visual.replace("\ufe80", "\u0621")
    # a lam-alef ligature drawn as its two letters (visual order: alef on the left)
    visual = re.sub("[\ufef5-\ufefc]", lambda m: _LAM_ALEF[m.group()] + "\u0644", visual)
    return "".join(_ALEF_FORMS.get(char) or _LAM_FORMS.get(char) or char for char in visual)


def logical_line(paragraph: str, line: DisplayLine) -> str:
    """The slice of the logical paragraph that a displayed line shows."""
    return paragraph[min(line.sources) : max(line.sources) + 1].strip()


PARAGRAPHS = {f"seed-{number}": text for number, text in enumerate(seed_paragraphs())} | MIXED_SAMPLES


@pytest.mark.parametrize("name", sorted(PARAGRAPHS))
def test_every_line_matches_fribidi(name: str, fribidi: Callable[[list[str], bool], list[str]]) -> None:
    paragraph = PARAGRAPHS[name]
    for width in WIDTHS:
        lines = [line for line in layout_paragraph(paragraph, width) if line.sources]
        rtl = lines[0].rtl
        expected = fribidi([logical_line(paragraph, line) for line in lines], rtl)
        for number, (line, theirs) in enumerate(zip(lines, expected, strict=True)):
            assert normalise_known_differences(line.text) == normalise_known_differences(theirs), (
                f"{name} at width {width}, line {number}:\n ours:    {line.text}\n fribidi: {theirs}"
            )
