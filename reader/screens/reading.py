"""ReadingScreen: one article, with panes for the body, key facts, captions and source.

The screen coordinates its panes: it gives each one its blocks, runs in-article find
across them, moves between the library's articles and opens the source link safely.
For RTL articles the page is mirrored, as Arabic newspapers lay it out: the body on
the right, the side column on the left. The body is at most `measure` cells wide (the
config's, 80 by default: a readable line), the page centred on a wider terminal; a side
column with nothing in it takes no width. Below `NARROW_WIDTH` columns the side column's
content goes into the body pane in the wide page's order: the key facts before the text
(a newspaper's fact box), the captions and the source after it. Places in the body (the
place kept, a search hit) are counted in the article's own text blocks, whichever comes
first: not the key facts before them, nor the caption lines of photos placed among the
paragraphs (which find leaves to the captions pane).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from reader.article.document import (
    Block,
    Role,
    article_is_rtl,
    body_blocks,
    fact_blocks,
    header_blocks,
    image_blocks,
    in_digit_style,
    place_block,
    source_blocks,
    text_place,
)
from reader.article.library import Library
from reader.article.model import Article
from reader.article.urls import check_url
from reader.photos.setting import ImageProtocol
from reader.session import Session
from reader.state.store import ScrollPosition, Store
from reader.text.layout import LayoutOptions
from reader.text.normalize import find_matches, normalize_with_sources
from reader.widgets.find_bar import FindBar
from reader.widgets.pane_place import scroll_pane_to
from reader.widgets.photo_pane import PhotoPane, PhotoSource
from reader.widgets.text_pane import MatchPosition, TextPane

NARROW_WIDTH = 100
SIDE_WIDTH = 42  # as reader.tcss sets #side
BODY_CHROME = 5  # the body pane's border (2), padding (2) and scrollbar (1)


@dataclass(frozen=True)
class FoundMatch:
    pane: str  # the pane's id
    position: MatchPosition


def reading_percent(scroll_y: float, max_scroll_y: float) -> int:
    """The share of the article scrolled past, 0 to 100."""
    return max(0, min(100, round(100 * scroll_y / max_scroll_y))) if max_scroll_y > 0 else 100


class HeaderPane(TextPane, can_focus=False):
    """The title and byline above the columns: as tall as its text."""

    DEFAULT_CSS = """
    HeaderPane { height: auto; max-height: 8; border: none; padding: 0 2; overflow: hidden; }
    """


class ReadingScreen(Screen[None]):
    """Read one article of the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_source", "Open source", id="open-source"),
        Binding("y", "copy_source", "Copy link", id="copy-source", show=False),
        Binding("c", "copy_paragraph", "Copy paragraph", id="copy-paragraph", show=False),
        Binding("slash", "find", "Find", id="find"),
        Binding("n", "next_match", "Next match", id="next-match", show=False),
        Binding("N", "previous_match", "Previous match", id="previous-match", show=False),
        Binding("right_square_bracket", "next_article", "Next article", id="next-article", show=False),
        Binding("left_square_bracket", "previous_article", "Previous article", id="previous-article", show=False),
        Binding("escape,backspace", "back", "Library", id="back"),
        Binding("m", "toggle_bookmark", "Bookmark", id="toggle-bookmark", show=False),
        Binding("v", "view_photo", "Photo full-screen", id="view-photo", show=False),
        Binding("V", "open_photo", "Photo in the system viewer", id="open-photo", show=False),
        Binding("tab", "app.focus_next", "Next pane", id="next-pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", id="previous-pane", show=False),
    ]

    PANE_IDS: ClassVar[tuple[str, ...]] = ("header", "body", "images", "facts", "source")  # in find's order
    SIDE_PANE_IDS: ClassVar[tuple[str, ...]] = ("facts", "images", "source")  # top to bottom

    @dataclass
    class CopyText(Message):
        """Text to copy; the app puts it on the clipboards it can reach, then says `done`."""

        text: str
        done: str

    @dataclass
    class LibraryRequested(Message):
        """Back, from the screen the app started on: there is no library below to return to."""

    @dataclass
    class Left(Message):
        """The reader went back to the library from this article (its listing's key)."""

        key: str

    @dataclass
    class OpenLink(Message):
        """The reader asked to open this (checked) link; the app knows how."""

        url: str

    @dataclass
    class OpenPhoto(Message):
        """The reader asked to open this photo file with the system's viewer; the app knows how."""

        path: Path

    @dataclass
    class FindRemembered(Message):
        """The reader searched for this; the app offers it again in the next find bar."""

        query: str

    def __init__(
        self,
        library: Library,
        index: int,
        options: LayoutOptions,
        session: Session | None = None,
        *,
        start_block: int | None = None,
        last_find: str = "",
    ) -> None:
        """`start_block`: open at this body block (a library search hit) instead of where
        the reader left off; the session's store remembers read marks, places and
        bookmarks, its digits are the configured digit style; `last_find` is the query
        the find bar offers first."""
        super().__init__()
        self.last_find = last_find
        session = session or Session()
        self.images: ImageProtocol = session.images.protocol
        self.cell_pixels = session.images.cell_pixels or (10, 20)
        self.session = session
        self.digits = session.digits
        self._start_block = start_block
        self.store: Store = session.store
        self.library = library
        self.index = index
        self.options = options
        self._matches: list[tuple[str, int, tuple[int, int]]] = []  # (pane id, block, span), in order
        self._spans: dict[str, dict[int, list[tuple[int, int]]]] = {}  # per pane: block -> spans
        self._current_match = -1
        self._narrow: bool | None = None
        self._rtl = False

    @property
    def article(self) -> Article:
        return self.library.article(self.index)

    def compose(self) -> ComposeResult:
        """The panes already hold the article, laid out at the terminal's width: the first
        paint is the finished page, with no restyle or second layout after mounting."""
        narrow = self.app.size.width < NARROW_WIDTH
        self._narrow = narrow
        self._rtl = article_is_rtl(self.article)
        content = self._pane_content(narrow)
        header = HeaderPane(self._shown(header_blocks(self.article)), self.options, id="header")
        yield header
        with Horizontal(id="columns") as columns:
            body = PhotoPane(content["body"], self.options, photos=self._photo_source(), id="body")
            side = Vertical(*self._side_panes(content, narrow), id="side")
            side.display = self._side_shown(content, narrow)
            self._centre(self.app.size.width, side.display, header, columns)
            yield from (side, body) if self._rtl else (body, side)
        yield FindBar(self.options, id="find")
        # The footer's line, until the Footer (a widget per key) comes just after the
        # first paint: it would cost that paint a twentieth of its time.
        yield Static(id="footer-slot")

    def _photo_source(self) -> PhotoSource:
        path = self.article.path
        return PhotoSource(path.parent if path else None, self.article.images, self.images, self.cell_pixels)

    def _side_panes(self, content: dict[str, list[Block]], narrow: bool) -> list[TextPane]:
        panes = []
        for pane_id in self.SIDE_PANE_IDS:
            if pane_id == "images":
                pane: TextPane = PhotoPane(content[pane_id], self.options, photos=self._photo_source(), id=pane_id)
            else:
                pane = TextPane(content[pane_id], self.options, id=pane_id)
            pane.display = bool(content[pane_id]) and not narrow
            panes.append(pane)
        return panes

    def _side_shown(self, content: dict[str, list[Block]], narrow: bool) -> bool:
        return not narrow and any(content[pane_id] for pane_id in self.SIDE_PANE_IDS)

    def _side_has_text(self) -> bool:
        """Whether the article has key facts, photos or a source: the wide page's side column
        (the side's blocks alone, not the body's: this runs on every resize)."""
        article = self.article
        photos = self.images.draws
        return bool(fact_blocks(article) or image_blocks(article, photos=photos) or source_blocks(article))

    def _centre(self, width: int, side_shown: bool, *widgets: Widget) -> None:
        """Keep the body to the measure: equal margins either side of the page."""
        measure = self.session.measure
        page = measure + BODY_CHROME + (SIDE_WIDTH if side_shown else 0)
        spare = max(0, width - page) if measure else 0
        for widget in widgets:
            widget.styles.margin = (0, spare - spare // 2, 0, spare // 2)

    def on_mount(self) -> None:
        body = self.query_one("#body", TextPane)
        body.focus()
        self.watch(body, "scroll_y", self._show_progress, init=False)
        self.watch(body, "virtual_size", self._show_progress)
        if hasattr(self.app, "options"):
            self.watch(self.app, "options", self.set_options, init=False)  # h, on any screen
        self._article_opened()
        self.call_after_refresh(self._mount_footer)

    async def _mount_footer(self) -> None:
        slots = self.query("#footer-slot")
        if not slots or not self.is_attached:
            return  # already there, or the screen has gone
        slot = slots.first()
        with self.app.batch_update():
            await self.mount(Footer(), after=slot)
            await slot.remove()
        self.refresh_bindings()  # the Footer lists the keys when told the bindings changed

    def _show_progress(self) -> None:
        """How far into the article the reader is, under the body pane: `42%` (nothing when it all fits)."""
        body = self.query_one("#body", TextPane)
        total = body.max_scroll_y
        body.border_subtitle = f"{reading_percent(body.scroll_y, total)}%" if total > 0 else ""

    # -- content ---------------------------------------------------------------------

    def show_article(self, index: int) -> None:
        """Show another article of the library in the same panes."""
        self.index = index
        self._narrow = None
        self._rtl = article_is_rtl(self.article)
        for pane in self.query(PhotoPane):
            pane.set_photos(self._photo_source())
        self.query_one("#header", TextPane).set_content(self._shown(header_blocks(self.article)), self.options)
        self._arrange(self.size.width)
        self._article_opened()

    def _shown(self, blocks: list[Block]) -> list[Block]:
        """The blocks with their digits in the configured style (`in_digit_style`)."""
        return in_digit_style(blocks, self.digits, self.article.language)

    def _pane_content(self, narrow: bool) -> dict[str, list[Block]]:
        """The blocks of each pane. On a narrow terminal the key facts come before the
        article text in the body pane and the captions and source after it, in the wide
        page's order: one scroll reaches everything, and nothing is squeezed into a pane
        too small to read."""
        article = self.article
        side = {
            "facts": self._shown(fact_blocks(article)),
            "images": self._shown(image_blocks(article, photos=self.images.draws)),
            "source": source_blocks(article),  # its name and link keep their digits
        }
        body = self._shown(body_blocks(article))
        if narrow:
            body = side["facts"] + body + side["images"] + side["source"]
        return {"body": body, **side}

    def _body_place(self, pane: TextPane) -> tuple[int, int]:
        """The body pane's top as a text place (`text_place`: -1 before the text) and line offset."""
        block, line_offset = pane.top_place()
        place = text_place(pane.blocks, block)
        return place, 0 if pane.blocks and pane.blocks[block].role is Role.FIGURE else line_offset

    def set_options(self, options: LayoutOptions) -> None:
        self.options = options
        for pane in self.query(TextPane):
            pane.set_options(options)
        self.query_one(FindBar).options = options

    # -- layout ----------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._arrange(event.size.width)

    def _arrange(self, width: int) -> None:
        """Wide: body and side column, mirrored for RTL. Narrow: everything in the body."""
        if not self.is_mounted:
            return
        narrow = width < NARROW_WIDTH
        side_column = self.query_one("#side")
        self._centre(
            width,
            not narrow and self._side_has_text(),
            self.query_one("#header"),
            self.query_one("#columns"),
        )
        if narrow == self._narrow:
            return
        same_article = self._narrow is not None
        body_pane = self.query_one("#body", TextPane)
        at_top = body_pane.scroll_y == 0  # the top stays the top: the facts box comes with it
        place = None if at_top or not same_article else self._body_place(body_pane)
        self._narrow = narrow
        content = self._pane_content(narrow)
        body_pane.set_content(content["body"], self.options)
        if place is not None and place[0] >= 0:
            body_pane.scroll_to_place(place_block(body_pane.blocks, place[0]), place[1])  # the same paragraph
        for pane_id in self.SIDE_PANE_IDS:
            pane = self.query_one(f"#{pane_id}", TextPane)
            pane.set_content(content[pane_id], self.options)
            pane.display = bool(content[pane_id]) and not narrow
        side_column.display = self._side_shown(content, narrow)
        self._clear_matches()
        columns = self.query_one("#columns", Horizontal)
        body = self.query_one("#body")
        first, second = (side_column, body) if self._rtl else (body, side_column)
        if columns.children and columns.children[0] is not first:
            columns.move_child(second, after=first)

    # -- navigation ------------------------------------------------------------------

    def action_next_article(self) -> None:
        self._go_to_article(self.index + 1)

    def action_previous_article(self) -> None:
        self._go_to_article(self.index - 1)

    def _go_to_article(self, index: int) -> None:
        if not 0 <= index < self.library.count:
            where = "last" if index > self.index else "first"
            self.notify(f"This is the {where} article.", severity="information")
            return
        self.remember_place()
        self.show_article(index)

    def action_back(self) -> None:
        """Esc first closes a search; then it goes back to the library."""
        find_bar = self.query_one(FindBar)
        if self._matches or find_bar.is_open:
            find_bar.action_close()
            return
        self.remember_place()
        self.app.post_message(self.Left(self.library.listings[self.index].key))  # the library's cursor goes there
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.post_message(self.LibraryRequested())

    # -- source link -----------------------------------------------------------------

    def _source_url(self) -> str | None:
        source = self.article.source
        if source is None:
            self.notify("This article has no source link.", severity="warning")
            return None
        check = check_url(source.url)
        if not check.ok:
            self.notify(f"Not opening the source: {check.reason}.", severity="error", markup=False)
            return None
        return source.url

    def action_copy_source(self) -> None:
        url = self._source_url()
        if url is not None:
            self.post_message(self.CopyText(url, f"Copied {check_url(url).display()}"))

    def action_copy_paragraph(self) -> None:
        """Copy the paragraph at the top of the pane being read, in logical order (the letters
        as written, the digits as shown); a photo at the top: the text after it."""
        focused = self.focused
        pane = focused if isinstance(focused, TextPane) else self.query_one("#body", TextPane)
        if not pane.blocks:
            return
        top = pane.top_place()[0]
        text = next((block.text for block in pane.blocks[top:] if block.role is not Role.PHOTO), None)
        if text is None:
            return
        self.post_message(self.CopyText(text, f"Copied the paragraph ({len(text):,} characters)."))

    def action_open_source(self) -> None:
        url = self._source_url()
        if url is not None:
            self.post_message(self.OpenLink(url))

    def on_text_pane_link_clicked(self, message: TextPane.LinkClicked) -> None:
        self.action_open_source()

    # -- photos ----------------------------------------------------------------------

    def _photo_pane(self) -> PhotoPane:
        """The pane that shows the photos now: the captions pane, or the body when narrow."""
        return self.query_one("#body" if self._narrow else "#images", PhotoPane)

    def _chosen_photo(self) -> int | None:
        """The photo to open: the one whose caption is placed in the text on screen, else
        the first one on screen in its pane, else the article's first."""
        for pane in (self.query_one("#body", PhotoPane), self._photo_pane()):
            first_seen = pane.first_photo_on_screen()
            if first_seen is not None:
                return first_seen
        numbered = [number for number, image in enumerate(self.article.images) if image.file]
        if not numbered:
            self.notify("This article has no photo files.", severity="warning")
            return None
        return numbered[0]

    def action_view_photo(self) -> None:
        """The photo on screen (else the first), full-screen; Esc comes back."""
        if not self.images.draws:
            self.notify("Photos are off (--images, or images: in the config).", severity="warning")
            return
        image = self._chosen_photo()
        if image is None:
            return
        from reader.screens.photo import PhotoScreen

        self.app.push_screen(PhotoScreen(self._photo_source(), image, self.article.direction))

    def action_open_photo(self) -> None:
        """The photo on screen (else the first) in the system's image viewer."""
        image = self._chosen_photo()
        path = self._photo_source().path(image) if image is not None else None
        if path is not None:
            self.post_message(self.OpenPhoto(path))

    # -- find ------------------------------------------------------------------------

    def action_find(self) -> None:
        """Open the find bar with the last query (selected: typing replaces it, Enter finds it again)."""
        self.query_one(FindBar).open(self.last_find)
        self._fold_for_search([pane.blocks for pane in self.query(TextPane) if pane.display])

    @work(thread=True, exclusive=True, group="fold-for-search")
    def _fold_for_search(self, panes: list[tuple[Block, ...]]) -> None:
        """Fold the text for search while the reader types the first letter (a 2 MB
        article takes a fifth of a second); the folds are cached by the text engine."""
        worker = get_current_worker()
        for blocks in panes:
            for block in blocks:
                if worker.is_cancelled:
                    return
                normalize_with_sources(block.text)

    @property
    def matches(self) -> tuple[FoundMatch, ...]:
        return tuple(FoundMatch(pane, MatchPosition(block, span)) for pane, block, span in self._matches)

    @property
    def current_match(self) -> int:
        """The index of the current match in `matches`, -1 when there is none."""
        return self._current_match

    def on_find_bar_query_changed(self, message: FindBar.QueryChanged) -> None:
        """Typing searches as you go; Enter hands the keys back to the text (n / N)."""
        if message.submitted:
            self.query_one("#body", TextPane).focus()
            return
        if message.query:
            self.last_find = message.query
            self.post_message(self.FindRemembered(message.query))
        self._search(message.query)

    def on_find_bar_closed(self, message: FindBar.Closed) -> None:
        self._clear_matches()
        self.query_one("#body", TextPane).focus()

    def _search(self, query: str) -> None:
        """Every match in the panes shown, in reading order; spans grouped per pane once
        (a one-letter query in a 2 MB article has 150,000 matches)."""
        self._matches = []
        self._spans = {pane_id: {} for pane_id in self.PANE_IDS}
        for pane_id in self.PANE_IDS:
            pane = self.query_one(f"#{pane_id}", TextPane)
            if not pane.display:
                continue
            spans = self._spans[pane_id]
            for block_index, block in enumerate(pane.blocks):
                if block.role is Role.FIGURE:
                    continue  # a placed caption is found in the captions
                found = find_matches(block.text, query)
                if found:
                    spans[block_index] = found
                    self._matches.extend((pane_id, block_index, span) for span in found)
        self._current_match = 0 if self._matches else -1
        self._show_matches("no match" if query and not self._matches else "")

    def _show_matches(self, note: str = "") -> None:
        """Highlight the matches and say where we are in the find bar's border: `3/12`, `no match`,
        `wrapped to the first match` (it lasts until the next step, not a passing message)."""
        current = self._matches[self._current_match] if self._current_match >= 0 else None
        for pane_id in self.PANE_IDS:
            position = MatchPosition(current[1], current[2]) if current and current[0] == pane_id else None
            self.query_one(f"#{pane_id}", TextPane).set_matches(self._spans.get(pane_id, {}), position)
        count = len(self._matches)
        status = [f"{self._current_match + 1}/{count}"] if count else []
        self.query_one(FindBar).border_title = " · ".join([*status, *([note] if note else [])])

    def _step_match(self, step: int) -> None:
        if not self._matches:
            self.notify("No search: press / to find in the article.", timeout=2)
            return
        before = self._current_match
        self._current_match = (self._current_match + step) % len(self._matches)
        wrapped = (step > 0) == (self._current_match < before) and self._current_match != before
        note = ("wrapped to the first match" if step > 0 else "wrapped to the last match") if wrapped else ""
        self._show_matches(note)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _clear_matches(self) -> None:
        self._matches, self._spans, self._current_match = [], {}, -1
        if self.is_mounted:
            self._show_matches()

    # -- reading state ---------------------------------------------------------------

    def _article_opened(self) -> None:
        """Mark the article read, then go to the search hit or back to where it was left
        (before the first paint, when the article has just opened)."""
        path = self.article.path
        if path is None:
            return
        self.store.mark_read(path)
        start, self._start_block = self._start_block, None
        body = self.query_one("#body", TextPane)
        if start is not None:
            body.scroll_to_place(place_block(body.blocks, start))
            return
        position = self.store.reading_state(path).position
        if position is not None and (position.block, position.line_offset) != (0, 0):
            scroll_pane_to(body, ScrollPosition(place_block(body.blocks, position.block), position.line_offset))

    def remember_place(self) -> None:
        """Save the body pane's scroll position for this article."""
        path = self.article.path
        if path is not None and self.is_mounted:
            block, line_offset = self._body_place(self.query_one("#body", TextPane))
            self.store.save_position(path, ScrollPosition(block, line_offset) if block >= 0 else ScrollPosition())

    def action_toggle_bookmark(self) -> None:
        path = self.article.path
        if path is None:
            self.notify("This article has no file, so it cannot be bookmarked.", severity="warning")
            return
        bookmarked = not self.store.reading_state(path).bookmarked
        self.store.set_bookmark(path, bookmarked)
        self.notify("Bookmarked." if bookmarked else "Bookmark removed.", timeout=2)
