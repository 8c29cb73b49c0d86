"""How one article's row in the library list is drawn: marks, title, meta line, summary.

A row follows its article's direction, as a newspaper's index does: an Arabic title sits
at the right with its unread dot (●) and bookmark star (★) on its right, and its meta line
and summary under it, right-aligned; an English one mirrors that on the left. The meta
line gives the date as the reading screen prints it (`25 أكتوبر 2025`, `۳ آبان ۱۴۰۴`),
the source, the language and the tags. Titles are shaped once per width and cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reader.article.library import Listing
from reader.article.presentation import format_published, labels_for
from reader.state.store import ReadingState
from reader.text.digits import DigitStyle, convert_digits
from reader.text.direction import Direction
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph, paragraph_is_rtl
from reader.text.sanitize import sanitize_text

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
MORE_MARK = "…"
ROW_INDENT = 2  # the marks' columns
MIN_ROW_WIDTH = 20
LEGEND = f"{UNREAD_MARK} unread, {BOOKMARK_MARK} bookmarked"


def shaped_lines(text: str, width: int, direction: Direction, options: LayoutOptions) -> tuple[DisplayLine, ...]:
    return layout_paragraph(sanitize_text(text), max(MIN_ROW_WIDTH, width), direction, options)


def line_text(line: DisplayLine, width: int, spans: Sequence[tuple[int, int]], match: Style) -> Text:
    """A displayed line (RTL lines right-aligned in `width`), its characters from `spans` styled."""
    padding = max(0, width - line.width) if line.rtl else 0
    text = Text(" " * padding + line.text)
    for position, source in enumerate(line.sources):
        if any(start <= source < end for start, end in spans):
            text.stylize(match, padding + position, padding + position + 1)
    return text


def indented(line: Text, rtl: bool) -> Text:
    """A line under the title, on the title's side: the marks' columns left free on the other."""
    return line + Text(" " * ROW_INDENT) if rtl else Text(" " * ROW_INDENT) + line


@dataclass(frozen=True)
class RowStyles:
    meta: Style
    unread: Style
    bookmark: Style


class EntryRows:
    """Draws library entries for the current display options, digit style and styles."""

    def __init__(self) -> None:
        self.options = LayoutOptions()
        self.digits = DigitStyle.AS_WRITTEN
        self.styles = RowStyles(Style(), Style(), Style())
        self._titles: dict[tuple[Listing, int, LayoutOptions, DigitStyle], tuple[DisplayLine, ...]] = {}

    @staticmethod
    def height(listing: Listing) -> int:
        """The lines of an entry before a snippet: the title's first line, meta, summary."""
        return 3 if listing.summary else 2

    @staticmethod
    def is_rtl(listing: Listing) -> bool:
        return paragraph_is_rtl(sanitize_text(listing.title), listing.direction)

    def title_lines(self, listing: Listing, width: int) -> tuple[DisplayLine, ...]:
        """The listing's title shaped at `width`, cached (a row is drawn many times)."""
        key = (listing, width, self.options, self.digits)
        lines = self._titles.get(key)
        if lines is None:
            title = convert_digits(listing.title, self.digits, listing.language)
            lines = self._titles[key] = shaped_lines(title, width, listing.direction, self.options)
        return lines

    def lines(self, listing: Listing, state: ReadingState, width: int, highlighted: bool) -> list[Text]:
        """The entry: the title (in full when highlighted) with its marks, the meta line, the summary.
        `width`: the cells beside the marks."""
        rtl = self.is_rtl(listing)
        title_width = max(MIN_ROW_WIDTH, width) - 1  # a column for the "more" mark
        lines = self.title_lines(listing, title_width)
        cut = not highlighted and len(lines) > 1
        rows: list[Text] = []
        for number, line in enumerate(lines if highlighted else lines[:1]):
            title = line_text(line, title_width, (), Style())
            title.stylize("bold", len(title) - len(line.text))  # the letters, not the padding
            more = Text(MORE_MARK if cut else " ")
            marks = self._marks(state, rtl) if number == 0 else Text(" " * ROW_INDENT)
            rows.append(more + title + marks if rtl else marks + title + more)
        rows.append(indented(self._first_line(self._meta_text(listing), width, rtl, self.styles.meta), rtl))
        if listing.summary:
            summary = convert_digits(listing.summary, self.digits, listing.language)
            rows.append(indented(self._first_line(summary, width, rtl, self.styles.meta), rtl))
        return rows

    def _marks(self, state: ReadingState, rtl: bool) -> Text:
        unread = Text(UNREAD_MARK if not state.read else " ", style=self.styles.unread)
        bookmark = Text(BOOKMARK_MARK if state.bookmarked else " ", style=self.styles.bookmark)
        return bookmark + unread if rtl else unread + bookmark  # the dot outermost

    def _meta_text(self, listing: Listing) -> str:
        """Date · source · language · #tags, the date as the article's own language prints it."""
        if listing.published is not None:
            date = format_published(listing.published, labels_for(listing.language), listing.language)
            parts = [convert_digits(date, self.digits, listing.language)]
        else:
            parts = ["undated"]
        if listing.source_name:
            parts.append(listing.source_name)
        parts.append(listing.language or "?")
        parts.extend(f"#{tag}" for tag in listing.tags)
        return " · ".join(parts)

    def _first_line(self, text: str, width: int, rtl: bool, style: Style) -> Text:
        """The text's first line in the row's direction, `…` when there is more."""
        direction = Direction.RTL if rtl else Direction.LTR
        lines = shaped_lines(text, width - 1, direction, self.options)
        line = line_text(lines[0], width - 1, (), Style())
        more = Text(MORE_MARK if len(lines) > 1 else " " if rtl else "")
        shown = more + line if rtl else line + more  # as wide as the title line
        start = len(shown) - len(lines[0].text) - len(more) if rtl else 0
        shown.stylize(style, start)  # the letters, not the padding
        return shown
