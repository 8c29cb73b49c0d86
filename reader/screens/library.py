"""LibraryScreen: the articles to open, newest first, with search, sorting and filters.

Each row is the shaped title (a dot when unread, a star when bookmarked) and a line
with the date, source and language; the highlighted row shows a long title in full,
the others its first line. `s` cycles the order (date, title, source), `l` the language
filter, `f` asks for a tag, `b` shows bookmarks only, `/` searches the library (FTS
index, or the loaded articles when there is no database) and shows a snippet per hit,
its matches highlighted after shaping; Enter opens the article at the match.

The list is a `RowList`: only the rows on screen are shaped and drawn (titles are shaped
when their row is first drawn, then cached), and it works on the library's listings
(header fields): a full article is loaded only when it is opened or searched.

Given folders (`sources`), the screen indexes them in a thread worker with a progress
bar (`reader.state.index.index_library`) and posts `LibraryLoaded` when done. Before
that, the worker shows what the index already holds under the folders (`preview_library`)
and the list stays as it is if indexing finds no change (the warm open). Files with
errors are listed in their own section with their sanitized `path:line:col` messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from reader.article.document import article_is_rtl
from reader.article.library import Library, Listing
from reader.screens.library_view import (
    Entry,
    LibraryView,
    entries,
    languages,
    next_language,
)
from reader.session import Session
from reader.state.index import (
    IndexReport,
    index_library,
    preview_library,
    same_articles,
)
from reader.state.search import Snippet, make_snippet, search_articles
from reader.state.store import ReadingState, Store
from reader.text.digits import DigitStyle, convert_digits
from reader.text.direction import Direction
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph
from reader.text.sanitize import sanitize_text
from reader.widgets.row_list import RowList

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
MORE_MARK = "…"
ROW_INDENT = 2
MIN_ROW_WIDTH = 20
ENTRY_LINES = 2  # the title's first line and the meta line
PREVIEW_PAINT_WAIT_SECONDS = 0.5


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


class LibraryScreen(Screen[None]):
    """Choose an article; Enter opens it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-screen--meta",
        "library-screen--unread",
        "library-screen--bookmark",
        "library-screen--match",
        "library-screen--heading",
    }

    DEFAULT_CSS = """
    LibraryScreen {
        #library-title { padding: 0 2; text-style: bold; color: $text-accent; }
        #index-progress { padding: 0 2; display: none; }
        #index-progress.-visible { display: block; }
        #articles { height: 1fr; border: round $panel; padding: 0 1; }
        #articles:focus { border: round $primary; }
        .library-prompt { display: none; border: tall $accent; }
        .library-prompt.-visible { display: block; }
        & > .library-screen--meta { color: $text-muted; }
        & > .library-screen--unread { color: $text-accent; text-style: bold; }
        & > .library-screen--bookmark { color: $text-warning; }
        & > .library-screen--match { background: $warning 40%; text-style: bold; }
        & > .library-screen--heading { text-style: bold; color: $text-primary; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_article", "Open", id="open-article", show=True),
        Binding("slash", "search", "Search", id="library-search"),
        Binding("s", "cycle_sort", "Sort", id="cycle-sort"),
        Binding("l", "cycle_language", "Language", id="cycle-language"),
        Binding("f", "filter_tag", "Tag filter", id="filter-tag"),
        Binding("b", "toggle_bookmarks", "Bookmarks only", id="bookmarks-only"),
        Binding("escape", "clear", "Clear search", id="clear-search", show=False),
    ]

    @dataclass
    class ArticleChosen(Message):
        """Open `library.article(index)`; `library` is the list as shown (for [ and ])."""

        library: Library
        index: int
        start_block: int | None = None

    @dataclass
    class LibraryLoaded(Message):
        library: Library

    @dataclass
    class SearchDone(Message):
        """A search worker's hits (listing index, snippet), best first, for `query`."""

        query: str
        library: Library
        hits: list[tuple[int, Snippet | None]]

    def __init__(
        self,
        library: Library,
        options: LayoutOptions,
        session: Session | None = None,
    ) -> None:
        """The session's `sources` are indexed in a worker (then `library` starts empty)."""
        super().__init__()
        session = session or Session()
        self.library = library
        self.max_size = session.max_size
        self.options = options
        self.store: Store = session.store
        self.sources = session.sources
        self.digits = session.digits
        self.view = LibraryView()
        self.query_text = ""
        self._hits: list[tuple[int, Snippet | None]] | None = None  # of `query_text`, once found
        self._shown: list[Entry] = []
        self._states: dict[str, ReadingState] = {}
        self._snippets: list[list[Text]] = []  # per shown entry, its snippet's lines
        self._errors: list[list[Text]] = []  # the errors section's rows, wrapped
        self._titles: dict[tuple[Listing, int, LayoutOptions, DigitStyle], tuple[DisplayLine, ...]] = {}
        self._index_ready = False  # the store's index covers this library (built from `sources`)
        self._preview: Library | None = None  # listed from the index while indexing
        self._width = 0

    # -- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="library-title", markup=False)
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Input(placeholder="Search the library (Enter: to the list, Esc: clear)", id="search", classes="library-prompt")
        yield Input(placeholder="Tag to show (empty: all tags; Enter: apply)", id="tag", classes="library-prompt")
        yield RowList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        self._list.focus()
        if self.sources:
            self.query_one("#index-progress").add_class("-visible")
            self.query_one("#library-title", Static).update("Indexing the library…")
            self._index(self.sources)
        else:
            self.refresh_list()

    @property
    def _list(self) -> RowList:
        return self.query_one("#articles", RowList)

    def on_resize(self, event: Resize) -> None:
        if self._list_width() != self._width:
            self.refresh_list()

    def on_screen_resume(self) -> None:
        """Back from an article: its read mark (and bookmark) may have changed."""
        if self.is_mounted:
            self.refresh_list()

    # -- indexing ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _index(self, sources: tuple[Path, ...]) -> None:
        worker = get_current_worker()
        known = self.store.indexed_files()
        preview = preview_library(sources, self.store, known, self.max_size)
        if (preview.count or preview.broken) and not worker.is_cancelled:
            painted = threading.Event()
            self.app.call_from_thread(self._previewed, preview, painted.set)
            # The folders are walked once the list is on screen: walking first would
            # compete with the first paint for the interpreter (bounded: a hidden
            # screen may not paint).
            painted.wait(PREVIEW_PAINT_WAIT_SECONDS)
        report = index_library(
            sources,
            self.store,
            progress=lambda done, total: self.app.call_from_thread(self._show_progress, done, total),
            cancelled=lambda: worker.is_cancelled,
            known=known,
            max_size=self.max_size,
        )
        if not worker.is_cancelled:
            self.app.call_from_thread(self._indexed, report)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        if total:
            self.query_one("#index-progress").add_class("-visible")
            self.query_one("#library-title", Static).update(f"Indexing the library: {done} of {total} files read…")

    def _previewed(self, preview: Library, painted: Callable[[], None]) -> None:
        """The library as last indexed, listed while the folders are checked."""
        self._preview = preview
        self._index_ready = self.store.persistent
        self.query_one("#index-progress").remove_class("-visible")  # back if files must be read
        self._set_library(preview)
        self.call_after_refresh(painted)

    def _indexed(self, report: IndexReport) -> None:
        self._index_ready = self.store.persistent
        self.query_one("#index-progress").remove_class("-visible")
        if self._preview is None or not same_articles(self._preview, report):
            self._set_library(report.library)
        self._preview = None
        self.post_message(self.LibraryLoaded(self.library))

    def _set_library(self, library: Library) -> None:
        """List `library`; a search under way is run again on it (its hits index the old one)."""
        self.library = library
        if self.query_text:
            self._hits = []
            self._search()
        self.refresh_list()

    # -- the list ------------------------------------------------------------------------

    @property
    def shown(self) -> tuple[Entry, ...]:
        """The entries listed, in order."""
        return tuple(self._shown)

    def _list_width(self) -> int:
        row_list = self._list
        return row_list.scrollable_content_region.width or max(MIN_ROW_WIDTH, self.size.width - 4)

    def refresh_list(self) -> None:
        """Build the list again: entries, snippets and heights; rows are drawn when seen."""
        row_list = self._list
        self._width = self._list_width()
        self._states = self.store.reading_states()
        self._shown = entries(self.library.listings, self.view, self._states, self._hits)
        width = self._width - ROW_INDENT
        self._snippets = [self._snippet(entry.index, entry.snippet, width) if entry.snippet else [] for entry in self._shown]
        self._errors = self._error_rows(self._width)
        heights = [ENTRY_LINES + len(lines) for lines in self._snippets] + [len(lines) for lines in self._errors]
        row_list.set_rows(heights, len(self._shown), self._render_row, row_list.highlighted or 0)
        self._update_title()

    def _update_title(self) -> None:
        count = len(self._shown)
        total = self.library.count
        noun = "article" if total == 1 else "articles"
        title = f"Library: {total} {noun}" if count == total and not self.query_text else f"Library: {count} of {total} {noun}"
        if self.query_text:
            title += f" matching “{self.query_text}”"
        persistence = "" if self.store.persistent else " · not saved (no database)"
        self.query_one("#library-title", Static).update(f"{title} · {self.view.describe()}{persistence}")

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"library-screen--{name}", partial=True)

    def _render_row(self, row: int, width: int, highlighted: bool) -> list[Text]:
        if row < len(self._shown):
            return self._entry_lines(row, width - ROW_INDENT, highlighted)
        return self._errors[row - len(self._shown)]

    def _error_rows(self, width: int) -> list[list[Text]]:
        broken = self.library.broken
        if not broken:
            return []
        rows = [[Text("Files with errors", style=self._style("heading"))]]
        for result in broken:
            message = Text(sanitize_text("\n".join(str(problem) for problem in result.errors)))
            rows.append(list(message.wrap(self.app.console, max(MIN_ROW_WIDTH, width))))
        return rows

    def _title_lines(self, listing: Listing, width: int) -> tuple[DisplayLine, ...]:
        """The listing's title shaped at `width`, cached (a row is drawn many times)."""
        key = (listing, width, self.options, self.digits)
        lines = self._titles.get(key)
        if lines is None:
            title = convert_digits(listing.title, self.digits, listing.language)
            lines = self._titles[key] = shaped_lines(title, width, listing.direction, self.options)
        return lines

    def _entry_lines(self, position: int, width: int, highlighted: bool) -> list[Text]:
        """The shown entry's row: the title (in full when highlighted), meta, snippet."""
        entry = self._shown[position]
        listing = entry.listing
        state = self._states.get(listing.key, ReadingState())
        title_width = max(MIN_ROW_WIDTH, width) - 1  # a column for the "more" mark
        lines = self._title_lines(listing, title_width)
        cut = not highlighted and len(lines) > 1
        rows: list[Text] = []
        for number, line in enumerate(lines if highlighted else lines[:1]):
            row = self._marks(state) if number == 0 else Text(" " * ROW_INDENT)
            title = line_text(line, title_width, (), Style())
            title.stylize("bold")
            if cut:
                title = Text(MORE_MARK) + title if line.rtl else title + Text(MORE_MARK)
            rows.append(row + title)
        rows.append(Text(" " * ROW_INDENT) + self._meta(listing, width))
        rows.extend(self._snippets[position])
        return rows

    def _marks(self, state: ReadingState) -> Text:
        marks = Text(UNREAD_MARK if not state.read else " ", style=self._style("unread"))
        marks.append(BOOKMARK_MARK if state.bookmarked else " ", style=self._style("bookmark"))
        return marks

    def _meta(self, listing: Listing, width: int) -> Text:
        date = convert_digits(listing.published.isoformat()[:10], self.digits, listing.language) if listing.published else "undated"
        parts = [date]
        if listing.source_name:
            parts.append(shaped_lines(listing.source_name, width, Direction.AUTO, self.options)[0].text)
        parts.append(listing.language or "?")
        return Text(" · ".join(parts), style=self._style("meta"))

    def _snippet(self, index: int, snippet: Snippet, width: int) -> list[Text]:
        article = self.library.article(index)
        text = convert_digits(snippet.text, self.digits, article.language)
        direction = Direction.RTL if article_is_rtl(article) else Direction.LTR
        return [
            Text(" " * ROW_INDENT) + line_text(line, width, snippet.spans, self._style("match"))
            for line in layout_paragraph(text, max(MIN_ROW_WIDTH, width), direction, self.options)
        ]

    # -- search --------------------------------------------------------------------------

    def _search(self) -> None:
        """Find `query_text` in a worker; the list keeps its rows until the hits come."""
        if not self.query_text:
            self._hits = None
            self.refresh_list()
            return
        self._find_hits(self.query_text, self.library, self._index_ready)

    @work(thread=True, exclusive=True, group="search")
    def _find_hits(self, query: str, library: Library, index_ready: bool) -> None:
        """In a thread (the newest keystroke's search replaces the one before): the
        articles matching `query`, best first, handed back by a `SearchDone` message."""
        keys = self.store.search(query) if index_ready else None
        hits: list[tuple[int, Snippet | None]]
        if keys is None:  # no index: search the articles themselves (all loaded)
            hits = [(index, snippet) for index, snippet in search_articles(library.articles, query)]
        else:
            by_key = {listing.key: index for index, listing in enumerate(library.listings)}
            found = [by_key[key] for key in keys if key in by_key]
            hits = [(index, make_snippet(library.article(index), query)) for index in found]
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(query, library, hits))

    def on_library_screen_search_done(self, message: SearchDone) -> None:
        if message.query == self.query_text and message.library is self.library:  # else a newer one is on its way
            self._hits = message.hits
            self.refresh_list()

    def action_search(self) -> None:
        self._open_prompt("#search")

    def _open_prompt(self, selector: str) -> None:
        prompt = self.query_one(selector, Input)
        prompt.add_class("-visible")
        prompt.focus()

    def _close_prompt(self, prompt: Input) -> None:
        prompt.remove_class("-visible")
        self._list.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._search()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._list.focus()

    def action_clear(self) -> None:
        """Esc: close a prompt, else clear the search."""
        for prompt in self.query(".library-prompt").results(Input):
            if prompt.has_class("-visible"):
                if prompt.id == "search":
                    prompt.value = ""
                self._close_prompt(prompt)
                return
        if self.query_text:
            self.query_text = ""
            self._search()

    # -- sorting and filters ------------------------------------------------------------

    def _set_view(self, view: LibraryView) -> None:
        self.view = view
        self.refresh_list()

    def action_cycle_sort(self) -> None:
        self._set_view(replace(self.view, sort=self.view.sort.next()))

    def action_cycle_language(self) -> None:
        self._set_view(replace(self.view, language=next_language(self.view.language, languages(self.library.listings))))

    def action_toggle_bookmarks(self) -> None:
        self._set_view(replace(self.view, bookmarks_only=not self.view.bookmarks_only))

    def action_filter_tag(self) -> None:
        tag_prompt = self.query_one("#tag", Input)
        tag_prompt.value = self.view.tag or ""
        self._open_prompt("#tag")

    @on(Input.Submitted, "#tag")
    def _tag_submitted(self, event: Input.Submitted) -> None:
        self._close_prompt(event.input)
        self._set_view(replace(self.view, tag=event.value.strip() or None))

    # -- opening -------------------------------------------------------------------------

    def action_open_article(self) -> None:
        self._list.action_select()

    @on(RowList.Selected, "#articles")
    def _entry_selected(self, event: RowList.Selected) -> None:
        shown = self.library.subset([entry.listing for entry in self._shown])
        snippet = self._shown[event.index].snippet
        self.post_message(self.ArticleChosen(shown, event.index, snippet.block if snippet else None))
