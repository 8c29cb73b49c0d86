"""Lay out one paragraph for a terminal: wrap the logical text, then reorder each line.

This is the order UAX #9 prescribes: line breaking happens on the logical text, and
rules L1–L4 apply to each line afterwards. Doing it the other way round (reorder the
paragraph, then wrap) shows an RTL paragraph's lines in reverse order.

Modes:
- `visual`: shaped and reordered, for terminals that do no bidi themselves.
- `logical`: unshaped, logical order, for terminals that do bidi and shaping themselves,
  for screen readers and pipes.
- `runs`: like visual, but the letters of each right-to-left run are left in logical
  order, for terminals (kitty) that reverse each run of RTL letters themselves.

Every displayed character remembers the logical index it came from (`DisplayLine.sources`),
so styles such as a search match stay on their letters wherever they are drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from reader.article.model import Direction
from reader.terminal.modes import BidiMode
from reader.text.bidi import first_strong_level, is_bidi_control, mirror_char, reorder_line
from reader.text.shaping import ShapedWord, is_mark, shape_word, strip_harakat


@dataclass(frozen=True)
class LayoutOptions:
    mode: BidiMode = BidiMode.VISUAL
    harakat: bool = True


@dataclass(frozen=True)
class DisplayLine:
    """One terminal line of a paragraph, left to right as the terminal must receive it."""

    text: str
    sources: tuple[int, ...]  # per character of `text`: its index in the logical paragraph
    width: int  # in cells
    rtl: bool  # the paragraph's direction: RTL lines are right-aligned

    def aligned(self, width: int) -> str:
        """The line padded to `width` cells: on the left for RTL, on the right for LTR."""
        padding = " " * max(0, width - self.width)
        return padding + self.text if self.rtl else self.text + padding


# Break opportunities: spaces, but not the no-break ones (U+00A0, U+2007, U+202F).
_BREAKING_SPACE = re.compile("[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+")


def paragraph_is_rtl(text: str, direction: Direction) -> bool:
    """The paragraph's base direction: the given one, or its first strong character's."""
    if direction is Direction.AUTO:
        return first_strong_level(text) == 1
    return direction is Direction.RTL


@lru_cache(maxsize=4096)
def layout_paragraph(
    text: str,
    width: int,
    direction: Direction = Direction.AUTO,
    options: LayoutOptions = LayoutOptions(),
) -> tuple[DisplayLine, ...]:
    """Lay out a sanitized logical paragraph in lines of at most `width` cells.

    Cached: laying out the same paragraph for the same width again costs nothing.
    """
    width = max(1, width)
    rtl = paragraph_is_rtl(text, direction)
    if not options.harakat:
        text, kept = _without_harakat(text)
    else:
        kept = None
    lines = [
        _display_line(line, rtl, options.mode)
        for line in wrap_words(_words(text, shaped=options.mode is not BidiMode.LOGICAL), width)
    ]
    if kept is not None:
        lines = [_remap(line, kept) for line in lines]
    return tuple(lines) or (DisplayLine("", (), 0, rtl),)


@dataclass(frozen=True)
class _Word:
    text: str  # what is drawn (shaped in visual mode)
    sources: tuple[int, ...]  # logical paragraph index per character
    width: int


@dataclass(frozen=True)
class LogicalLine:
    """A wrapped line before reordering: shaped text in logical order."""

    text: str
    sources: tuple[int, ...]
    width: int


def _words(text: str, *, shaped: bool) -> list[_Word]:
    words: list[_Word] = []
    start = 0
    for space in [*_BREAKING_SPACE.finditer(text), None]:
        end = space.start() if space else len(text)
        if end > start:
            words.append(_make_word(text[start:end], start, shaped))
        if space:
            start = space.end()
    return words


def _make_word(word: str, offset: int, shaped: bool) -> _Word:
    if shaped:
        shaped_word = shape_word(word)
    else:
        shaped_word = ShapedWord(word, tuple(range(len(word))))
    return _Word(
        shaped_word.text,
        tuple(offset + source for source in shaped_word.sources),
        cell_len(shaped_word.text),
    )


def wrap_words(words: Sequence[_Word], width: int) -> list[LogicalLine]:
    """Greedy line breaking at spaces; a word wider than `width` is broken between clusters."""
    lines: list[LogicalLine] = []
    current: list[_Word] = []
    current_width = 0
    for word in words:
        for piece in _pieces_fitting(word, width):
            needed = piece.width + (1 if current else 0)
            if current and current_width + needed > width:
                lines.append(_join(current))
                current, current_width = [], 0
                needed = piece.width
            current.append(piece)
            current_width += needed
    if current:
        lines.append(_join(current))
    return lines


def _pieces_fitting(word: _Word, width: int) -> list[_Word]:
    if word.width <= width:
        return [word]
    pieces: list[_Word] = []
    start = 0
    piece_width = 0
    for index, char in enumerate(word.text):
        char_width = cell_len(char)
        if piece_width + char_width > width and index > start and not is_mark(char):
            pieces.append(_slice(word, start, index, piece_width))
            start, piece_width = index, 0
        piece_width += char_width
    pieces.append(_slice(word, start, len(word.text), piece_width))
    return pieces


def _slice(word: _Word, start: int, end: int, width: int) -> _Word:
    return _Word(word.text[start:end], word.sources[start:end], width)


def _join(words: list[_Word]) -> LogicalLine:
    text = " ".join(word.text for word in words)
    sources: list[int] = []
    for position, word in enumerate(words):
        if position:
            sources.append(word.sources[0] - 1 if word.sources else 0)
        sources.extend(word.sources)
    width = sum(word.width for word in words) + len(words) - 1
    return LogicalLine(text, tuple(sources), width)


def _display_line(line: LogicalLine, rtl: bool, mode: BidiMode) -> DisplayLine:
    if mode is BidiMode.LOGICAL:
        return DisplayLine(line.text, line.sources, line.width, rtl)
    text, order = visual_order(line.text, 1 if rtl else 0, mode is BidiMode.RUNS)
    return DisplayLine(text, tuple(line.sources[index] for index in order), line.width, rtl)


@lru_cache(maxsize=16384)
def visual_order(text: str, base_level: int, keep_runs_logical: bool = False) -> tuple[str, tuple[int, ...]]:
    """Reorder one logical line for display (UAX #9 L1–L4); bidi controls are left out.

    Returns the displayed string and, per displayed character, its index in `text`.
    """
    bidi = reorder_line(text, base_level)
    levels = bidi.levels
    order = _marks_after_their_base(text, levels, bidi.order)
    if keep_runs_logical:
        order = _rtl_runs_in_logical_order(text, levels, order)
    chars: list[str] = []
    kept: list[int] = []
    for index in order:
        char = text[index]
        if is_bidi_control(char):
            continue
        chars.append(mirror_char(char) if levels[index] & 1 else char)
        kept.append(index)
    return "".join(chars), tuple(kept)


def _marks_after_their_base(text: str, levels: Sequence[int], order: Sequence[int]) -> list[int]:
    """Rule L3: in a right-to-left run, reversal put each base's marks before it; put them after."""
    result: list[int] = []
    position = 0
    count = len(order)
    while position < count:
        index = order[position]
        if levels[index] & 1 and is_mark(text[index]):
            end = position
            while end < count and levels[order[end]] & 1 and is_mark(text[order[end]]):
                end += 1
            marks = order[position:end]
            if end < count and levels[order[end]] & 1:
                result.append(order[end])
                result.extend(reversed(marks))
                position = end + 1
                continue
            result.extend(marks)
            position = end
            continue
        result.append(index)
        position += 1
    return result


def _rtl_runs_in_logical_order(text: str, levels: Sequence[int], order: list[int]) -> list[int]:
    """For `runs` mode: undo the reversal inside each run of right-to-left letters.

    Words stay in visual order; the terminal reverses each run of letters itself.
    """
    result: list[int] = []
    run: list[int] = []
    for index in order:
        if levels[index] & 1 and not text[index].isspace():
            run.append(index)
            continue
        result.extend(sorted(run))
        run = []
        result.append(index)
    result.extend(sorted(run))
    return result


def _without_harakat(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without harakat, and for each kept character its index in `text`."""
    stripped = strip_harakat(text)
    if len(stripped) == len(text):
        return text, tuple(range(len(text)))
    kept = tuple(index for index, char in enumerate(text) if strip_harakat(char))
    return stripped, kept


def _remap(line: DisplayLine, kept: tuple[int, ...]) -> DisplayLine:
    return DisplayLine(line.text, tuple(kept[source] for source in line.sources), line.width, line.rtl)
