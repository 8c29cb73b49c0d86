"""Lay out one paragraph for a terminal: wrap the logical text, then reorder each line.

This is the order UAX #9 prescribes: line breaking happens on the logical text, and
rules L1–L4 apply to each line afterwards. Doing it the other way round (reorder the
paragraph, then wrap) shows an RTL paragraph's lines in reverse order.

Modes:
- `visual`: shaped and reordered, for terminals that do no bidi themselves.
- `logical`: unshaped, logical order, for terminals that do bidi and shaping themselves,
  for screen readers and pipes.
- `runs`: like visual, but each space-separated chunk that starts with a right-to-left
  letter, as sent, is sent with its cells reversed, for terminals (kitty) whose shaper
  reverses such chunks itself, digits and Latin letters in them included; in a chunk
  with marks every cell is filled up to the same number of characters with CGJs (U+034F),
  or kitty draws the marks one cell off (see `_cells_of_one_length`).
- `rows`: for Konsole, which runs the bidi algorithm over each whole screen row in a
  left-to-right paragraph, shapes, and does not mirror: shaped text in logical order (a
  lam-alef is one character, so it takes one cell and leaves no blank), brackets already
  mirrored, each line an embedding between marks so that it is reordered alone, in its
  paragraph's direction.

Every displayed character remembers the logical index it came from (`DisplayLine.sources`),
so styles such as a search match stay on their letters wherever they are drawn.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from rich.cells import cell_len

from reader.terminal.modes import BidiMode
from reader.text.bidi import (
    MIRRORED_CHARS,
    first_strong_level,
    is_bidi_control,
    mirror_char,
    reorder_line,
)
from reader.text.direction import Direction
from reader.text.lazy_table import LazyTable
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
# A word: the text between break opportunities.
_WORD = re.compile("[^ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+")


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
        for line in _logical_lines(text, width, shaped=options.mode is not BidiMode.LOGICAL)
    ]
    if kept is not None:
        lines = [_remap(line, kept) for line in lines]
    return tuple(lines) or (DisplayLine("", (), 0, rtl),)


class _Word(NamedTuple):
    text: str  # what is drawn (shaped in visual mode)
    offset: int  # logical paragraph index of the word's first character
    relative: tuple[int, ...]  # per character of `text`: its index in the logical word
    width: int
    identity: bool  # `relative` is 0, 1, 2…: the word drew one character per logical one

    @property
    def sources(self) -> tuple[int, ...]:
        """The logical paragraph index of each character of `text`."""
        offset = self.offset
        return tuple(offset + source for source in self.relative)


@dataclass(frozen=True)
class LogicalLine:
    """A wrapped line before reordering: shaped text in logical order."""

    text: str
    sources: tuple[int, ...]
    width: int


def _words(text: str, *, shaped: bool) -> list[_Word]:
    return [_make_word(match.group(), match.start(), shaped) for match in _WORD.finditer(text)]


def _make_word(word: str, offset: int, shaped: bool) -> _Word:
    text, relative, width, identity = _word_shape(word, shaped)
    return _Word(text, offset, relative, width, identity)


@lru_cache(maxsize=65536)
def _word_shape(word: str, shaped: bool) -> tuple[str, tuple[int, ...], int, bool]:
    """A word's drawn text, sources within the word, width in cells, and whether sources are 0, 1, 2…

    Cached (words repeat): the shaping, the alignment and the width are paid once per word.
    """
    if shaped:
        shaped_word = shape_word(word)
    else:
        shaped_word = ShapedWord(word, tuple(range(len(word))))
    text, relative = shaped_word.text, shaped_word.sources
    # Shaping never adds characters: as many as the word had means none merged or dropped.
    identity = len(text) == len(word) and relative == tuple(range(len(word)))
    return text, relative, cell_len(text), identity


def _logical_lines(text: str, width: int, *, shaped: bool) -> list[LogicalLine]:
    """`wrap_words(_words(text))` without a `_Word` per word: the fast path of the layout.

    Words wider than `width` (to be broken between clusters) take `wrap_words`.
    """
    offsets = [match.start() for match in _WORD.finditer(text)]
    if not offsets:
        return []
    shapes = list(map(_word_shape, _WORD.findall(text), repeat(shaped, len(offsets))))
    widths = [shape[2] for shape in shapes]
    if max(widths) > width:
        return wrap_words(_words(text, shaped=shaped), width)
    lines: list[LogicalLine] = []
    first, line_width = 0, widths[0]
    for index in range(1, len(widths)):
        needed = line_width + 1 + widths[index]
        if needed > width:
            lines.append(_join_shapes(shapes, offsets, first, index, line_width))
            first, line_width = index, widths[index]
        else:
            line_width = needed
    lines.append(_join_shapes(shapes, offsets, first, len(widths), line_width))
    return lines


_Shape = tuple[str, tuple[int, ...], int, bool]


def _join_shapes(shapes: list[_Shape], offsets: list[int], first: int, stop: int, width: int) -> LogicalLine:
    """`_join` of the words `first` to `stop` (exclusive), from their cached shapes."""
    line_shapes = shapes[first:stop]
    text = " ".join([shape[0] for shape in line_shapes])
    start = offsets[first]
    last = line_shapes[-1]
    end = offsets[stop - 1] + len(last[1])
    if end - start == len(text) and all([shape[3] for shape in line_shapes]):
        return LogicalLine(text, tuple(range(start, end)), width)
    sources: list[int] = []
    for offset, (_, relative, _, identity) in zip(offsets[first:stop], line_shapes):
        if offset != start:  # the space before the word
            sources.append(offset + relative[0] - 1 if relative else 0)
        if identity:
            sources.extend(range(offset, offset + len(relative)))
        else:
            sources.extend([offset + source for source in relative])
    return LogicalLine(text, tuple(sources), width)


def wrap_words(words: Sequence[_Word], width: int) -> list[LogicalLine]:
    """Greedy line breaking at spaces; a word wider than `width` is broken between clusters."""
    lines: list[LogicalLine] = []
    current: list[_Word] = []
    current_width = 0
    for word in words:
        for piece in (word,) if word.width <= width else _pieces_fitting(word, width):
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
    relative = word.relative[start:end]
    return _Word(word.text[start:end], word.offset, relative, width, False)


def _join(words: list[_Word]) -> LogicalLine:
    text = " ".join([word.text for word in words])
    width = sum([word.width for word in words]) + len(words) - 1
    start, last = words[0].offset, words[-1]
    end = last.offset + len(last.relative)
    if end - start == len(text) and all([word.identity for word in words]):
        # Words drawn one character per logical one, one space apart: sources are consecutive.
        return LogicalLine(text, tuple(range(start, end)), width)
    sources: list[int] = []
    for position, word in enumerate(words):
        offset, relative = word.offset, word.relative
        if position:  # the space before the word: the index before the word's first character
            sources.append(offset + relative[0] - 1 if relative else 0)
        if word.identity:
            sources.extend(range(offset, offset + len(relative)))
        else:
            sources.extend([offset + source for source in relative])
    return LogicalLine(text, tuple(sources), width)


def _display_line(line: LogicalLine, rtl: bool, mode: BidiMode) -> DisplayLine:
    if mode is BidiMode.LOGICAL:
        return DisplayLine(line.text, line.sources, line.width, rtl)
    if mode is BidiMode.ROWS:
        return _embedded(line, rtl)
    text, order = visual_order(line.text, 1 if rtl else 0, mode is BidiMode.RUNS)
    sources = tuple(map(line.sources.__getitem__, order))
    return DisplayLine(text, sources, line.width, rtl)


def _embedded(line: LogicalLine, rtl: bool) -> DisplayLine:
    """The shaped logical line for `rows`: LRM, then an RTL (or LTR) embedding of the line,
    then LRM. The marks keep the text around the line - borders, other panes - out of the
    line's embedding, in a left-to-right row; the embedding gives the line its paragraph's
    direction. Brackets inside right-to-left text are sent mirrored: Konsole reorders but
    does not mirror."""
    text, sources = line.text, line.sources
    if not text:
        return DisplayLine(text, sources, line.width, rtl)
    if any(char in MIRRORED_CHARS for char in text):
        levels = reorder_line(text, 1 if rtl else 0).levels
        text = "".join(
            mirror_char(char) if char in MIRRORED_CHARS and levels[index] & 1 else char
            for index, char in enumerate(text)
        )
    opened = LRM + (RLE if rtl else LRE)
    first, last = sources[0], sources[-1]
    return DisplayLine(opened + text + PDF + LRM, (first, first, *sources, last, last), line.width, rtl)


LRM, RLE, LRE, PDF = "\u200e", "\u202b", "\u202a", "\u202c"


@lru_cache(maxsize=16384)
def visual_order(text: str, base_level: int, keep_runs_logical: bool = False) -> tuple[str, tuple[int, ...]]:
    """Reorder one logical line for display (UAX #9 L1–L4); bidi controls are left out.

    Returns the displayed string and, per displayed character, its index in `text`.
    """
    bidi = reorder_line(text, base_level)
    levels = bidi.levels
    kinds = text.translate(_KINDS)
    order: Sequence[int] = bidi.order
    if _MARK in kinds:
        order = _marks_after_their_base(text, levels, order, kinds)
    if keep_runs_logical:
        return _runs_for_kitty(text, levels, order)
    if _CONTROL not in kinds:
        return _without_controls(text, levels, order, kinds)
    chars: list[str] = []
    kept: list[int] = []
    for index in order:
        char = text[index]
        if is_bidi_control(char):
            continue
        chars.append(mirror_char(char) if levels[index] & 1 else char)
        kept.append(index)
    return "".join(chars), tuple(kept)


_PLAIN = "."
_MARK = "m"
_MIRRORED = "r"
_CONTROL = "c"


def _kind(char: str) -> str:
    """What `visual_order` must do about a character: a combining mark (L3), a mirrored
    character (L4), a bidi control (left out) or nothing."""
    if is_bidi_control(char):
        return _CONTROL
    if is_mark(char):
        return _MARK
    if char in MIRRORED_CHARS:
        return _MIRRORED
    return _PLAIN


_KINDS = LazyTable(_kind)


def _without_controls(
    text: str, levels: Sequence[int], order: Sequence[int], kinds: str
) -> tuple[str, tuple[int, ...]]:
    """`visual_order`'s result for a line without bidi controls: mirror the RTL brackets only."""
    chars = list(map(text.__getitem__, order))
    if _MIRRORED in kinds:
        visual_kinds = "".join(map(kinds.__getitem__, order))
        position = visual_kinds.find(_MIRRORED)
        while position >= 0:
            if levels[order[position]] & 1:
                chars[position] = mirror_char(chars[position])
            position = visual_kinds.find(_MIRRORED, position + 1)
    return "".join(chars), tuple(order)


def _marks_after_their_base(text: str, levels: Sequence[int], order: Sequence[int], kinds: str) -> list[int]:
    """Rule L3: in a right-to-left run, reversal put each base's marks before it; put them after.

    `kinds` classifies the characters of `text` (see `_kind`); only marks are visited.
    """
    result = list(order)
    visual_kinds = "".join(map(kinds.__getitem__, order))
    count = len(order)
    position = visual_kinds.find(_MARK)
    while position >= 0:
        if not levels[order[position]] & 1:
            position = visual_kinds.find(_MARK, position + 1)
            continue
        end = position
        while end < count and levels[order[end]] & 1 and visual_kinds[end] == _MARK:
            end += 1
        if end < count and levels[order[end]] & 1:  # the base the marks belong to
            result[position] = order[end]
            result[position + 1 : end + 1] = reversed(order[position:end])
            end += 1
        position = visual_kinds.find(_MARK, end)
    return result


_RTL_STRONG = frozenset({"R", "AL"})


def _runs_for_kitty(text: str, levels: Sequence[int], order: Sequence[int]) -> tuple[str, tuple[int, ...]]:
    """For `runs` mode: each chunk of the visual line sent so that kitty draws it in visual order.

    Measured on kitty 0.26: it hands each space-separated chunk of cells to its shaper, which
    takes the chunk's direction from its first character of a script (Latin, Arabic, Hebrew…;
    digits and punctuation have none, Arabic-Indic digits are Arabic) and, when that script is
    written right to left, reverses the chunk's cells - all of them, digits and Latin letters
    included - and mirrors its brackets (`_script_direction`). So a chunk whose visual order
    ends with a right-to-left letter goes with its cells reversed and its brackets unmirrored
    (`_reversed_cells`): kitty turns it back. A chunk that kitty leaves alone goes in visual
    order. A chunk that starts with a right-to-left letter and ends with a Latin one (`iPhoneات`
    in Arabic text) comes out wrong either way; it is sent from its first Latin letter on,
    then the rest (`_from_first_ltr_letter`): kitty leaves it alone and each part reads right,
    in swapped places.
    Bidi controls are left out, as in `visual_order`. In a chunk with right-to-left letters
    and marks, the cells are filled up to one length (`_cells_of_one_length`)."""
    chars: list[str] = []
    kept: list[int] = []
    for chunk in _chunks(text, order):
        shown = [index for index in chunk if not is_bidi_control(text[index])]
        shown_chars = [mirror_char(text[index]) if levels[index] & 1 else text[index] for index in shown]
        scripts = [direction for direction in map(_script_direction, shown_chars) if direction]
        if scripts and scripts[-1] == _RTL:
            chunk_chars, chunk_kept = _reversed_cells(shown_chars, shown)
        elif not scripts or scripts[0] == _LTR:
            chunk_chars, chunk_kept = shown_chars, shown
        else:
            chunk_chars, chunk_kept = _from_first_ltr_letter(shown_chars, shown)
        if _RTL in scripts:
            chunk_chars, chunk_kept = _cells_of_one_length(chunk_chars, chunk_kept)
        chars += chunk_chars
        kept += chunk_kept
    return "".join(chars), tuple(kept)


_RTL, _LTR = "R", "L"
_ARABIC_SCRIPT_NON_LETTERS = frozenset(map(chr, [*range(0x660, 0x66E), 0x6D4, *range(0x6F0, 0x6FA)]))
"""Arabic-Indic digits, ٪ ٫ ٬ ٭ and ۔: of the Arabic script, so a chunk starting with them is
reversed by kitty (measured: `٢٠١٩` alone comes out `٩١٠٢`)."""
_COMMON_SCRIPT_AL = frozenset("\u061b\u061f\u0640")
"""؛ ؟ and the tatweel: bidi class AL, but of no script: they leave a chunk's direction to the
characters after them."""


def _script_direction(char: str) -> str:
    """The direction of `char`'s script as kitty's shaper guesses a chunk's direction from it:
    `_RTL`, `_LTR`, or "" for a character of no script (digits, punctuation, marks)."""
    bidi_class = unicodedata.bidirectional(char)
    if bidi_class in _RTL_STRONG and char not in _COMMON_SCRIPT_AL or char in _ARABIC_SCRIPT_NON_LETTERS:
        return _RTL
    if bidi_class == "L":
        return _LTR
    return ""


def _from_first_ltr_letter(chars: list[str], kept: list[int]) -> tuple[list[str], list[int]]:
    """The chunk rotated to start at its first character of a left-to-right script, so that kitty
    leaves it alone. Zero-width characters before the first cell stay first."""
    lead = 0
    while lead < len(chars) and not cell_len(chars[lead]):
        lead += 1
    first = next(position for position, char in enumerate(chars) if _script_direction(char) == _LTR)
    return (
        chars[:lead] + chars[first:] + chars[lead:first],
        kept[:lead] + kept[first:] + kept[lead:first],
    )


def _cell_bounds(chars: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each cell of `chars`: a character that takes a cell and the zero-width
    ones after it (zero-width characters before the first such character are in no cell)."""
    starts = [position for position, char in enumerate(chars) if cell_len(char)]
    return list(zip(starts, [*starts[1:], len(chars)]))


def _reversed_cells(chars: list[str], kept: list[int]) -> tuple[list[str], list[int]]:
    """The chunk's cells (a character and the zero-width ones after it) in reverse order, its
    brackets mirrored: what kitty, reversing and mirroring the chunk, draws as `chars`.
    Zero-width characters before the first cell stay first (kitty keeps them in the cell
    before the chunk)."""
    cells = _cell_bounds(chars)
    if not cells:
        return chars, kept
    reversed_chars = chars[: cells[0][0]]
    reversed_kept = kept[: cells[0][0]]
    for start, end in reversed(cells):
        reversed_chars += map(mirror_char, chars[start:end])
        reversed_kept += kept[start:end]
    return reversed_chars, reversed_kept


CGJ = "\u034f"
"""COMBINING GRAPHEME JOINER: a combining mark that draws nothing and changes no joining,
bidi class or line break; kitty keeps it in the cell of the character before it."""


def _cells_of_one_length(chars: list[str], kept: list[int]) -> tuple[list[str], list[int]]:
    """The chunk with each cell (a character and the zero-width ones after it) filled up with
    CGJs to the length of its longest cell. Each CGJ takes the source of the character before it.

    Measured on kitty 0.26: its shaper returns a reversed chunk's glyphs right to left, one per
    character (a mark's glyph before its letter's), and kitty deals them out to the chunk's
    cells in the order the cells were sent, as many to a cell as the cell holds characters. With
    cells of unequal length the glyphs land in the wrong cells: in `رسمياً` the tanween is drawn
    alone in the first cell and the reh and seen squeezed into the last one; a mark on a word's
    first letter ends up on a cell of its own. With cells of one length each cell gets exactly
    the glyphs of its mirror cell: the letters in order, each mark on its letter.

    Zero-width characters before the chunk's first letter belong to the cell before the chunk
    and are left alone.
    """
    if all(cell_len(char) for char in chars):
        return chars, kept
    cells = _cell_bounds(chars)
    if not cells:
        return chars, kept
    longest = max(end - start for start, end in cells)
    padded_chars, padded_kept = chars[: cells[0][0]], kept[: cells[0][0]]
    for start, end in cells:
        padded_chars += chars[start:end]
        padded_kept += kept[start:end]
        missing = longest - (end - start)
        padded_chars += [CGJ] * missing
        padded_kept += [kept[end - 1]] * missing
    return padded_chars, padded_kept


def _chunks(text: str, order: Sequence[int]) -> list[list[int]]:
    """`order` cut into chunks of non-spaces and single spaces, left to right."""
    chunks: list[list[int]] = []
    current: list[int] = []
    for index in order:
        if text[index].isspace():
            if current:
                chunks.append(current)
            chunks.append([index])
            current = []
        else:
            current.append(index)
    if current:
        chunks.append(current)
    return chunks


def _without_harakat(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without harakat, and for each kept character its index in `text`."""
    stripped = strip_harakat(text)
    if len(stripped) == len(text):
        return text, tuple(range(len(text)))
    kept = tuple(index for index, char in enumerate(text) if strip_harakat(char))
    return stripped, kept


def _remap(line: DisplayLine, kept: tuple[int, ...]) -> DisplayLine:
    return DisplayLine(line.text, tuple(kept[source] for source in line.sources), line.width, line.rtl)
