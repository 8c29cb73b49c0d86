"""LibraryScreen: the articles to open, newest first, with search, sorting and filters.

Each row (`reader.screens.library_rows`) is the shaped title (a dot when unread, a star
when bookmarked: the header explains them), a line with the date as the article's
language prints it, source, language and tags, and the summary, all on the side the
article's script starts from; the highlighted row shows a long title in full, the
others its first line. Back from an article, the highlight is on the one last read.
`s` cycles the order (date, title, source), `l` the language filter, `f` asks for a
tag, `b` shows bookmarks only, `/` searches the library (FTS index, or the loaded
articles when there is no database) and shows a snippet per hit, its matches
highlighted after shaping; Enter opens the article at the match.
`r` fetches the followed feeds in a worker (`reader.web.fetch`, imported only then), the
list staying usable, then indexes the fetched articles; feeds that failed are listed with
their reasons. `F` shows one feed's articles at a time, `u` marks the highlighted article
read or unread; the title counts the unread articles shown.

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
from collections.abc import Callable
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
from reader.article.library import Library
from reader.screens.library_rows import (
    LEGEND,
    MIN_ROW_WIDTH,
    ROW_INDENT,
    EntryRows,
    RowStyles,
    indented,
    line_text,
)
from reader.screens.library_view import (
    Entry,
    LibraryView,
    entries,
    feeds,
    languages,
    next_feed,
    next_language,
    unread_count,
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
from reader.text.digits import convert_digits
from reader.text.direction import Direction
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph
from reader.text.sanitize import sanitize_text
from reader.user_folders import data_folder, fetched_articles
from reader.widgets.row_list import RowList
from reader.widgets.shaped_input import ShapedInput

PREVIEW_PAINT_WAIT_SECONDS = 0.5


def isolated(text: str) -> str:
    """Typed text in a line of our own, in a bidi isolate: its direction stays inside it."""
    return f"\u2068{text}\u2069"


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
        Binding("S", "reverse_sort", "Reverse order", id="reverse-sort", show=False),
        Binding("R", "reload", "Reload the library", id="reload-library", show=False),
        Binding("l", "cycle_language", "Language", id="cycle-language"),
        Binding("f", "filter_tag", "Tag filter", id="filter-tag"),
        Binding("b", "toggle_bookmarks", "Bookmarks only", id="bookmarks-only"),
        Binding("r", "fetch_feeds", "Fetch feeds", id="fetch-feeds"),
        Binding("F", "cycle_feed", "Feed filter", id="cycle-feed"),
        Binding("u", "toggle_read", "Read / unread", id="toggle-read"),
        Binding("escape", "clear", "Clear search", id="clear-search", show=False),
    ]

    @dataclass
    class SettingChosen(Message):
        """A choice to remember in the config file (the app saves it, then says `done`)."""

        key: str
        value: str | bool
        done: str

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

    @dataclass
    class FeedsProgress(Message):
        """How far `r`'s fetch is (from its worker thread)."""

        feeds_done: int
        feeds_total: int
        pages_done: int
        pages_total: int

    @dataclass
    class FeedsFetched(Message):
        """`r`'s fetch is over: a line per feed, those of the feeds that failed, and the
        folder of the fetched articles (to index)."""

        lines: tuple[str, ...]
        failures: tuple[str, ...]
        folder: Path

    def __init__(
        self,
        library: Library,
        options: LayoutOptions,
        session: Session | None = None,
    ) -> None:
        """The session's `sources` are indexed in a worker (then `library` starts empty)."""
        super().__init__()
        session = session or Session()
        self.data = session.data_dir
        self._feed_failures: tuple[str, ...] = ()
        self.library = library
        self.max_size = session.max_size
        self.options = options
        self.store: Store = session.store
        self.sources = session.sources
        self.digits = session.digits
        self.view = LibraryView(sort=session.sort, reverse=session.sort_reversed)
        self.query_text = ""
        self._hits: list[tuple[int, Snippet | None]] | None = None  # of `query_text`, once found
        self._searching = False  # a search worker is on its way
        self._shown: list[Entry] = []
        self._states: dict[str, ReadingState] = {}
        self._states_read = False  # read again from the store when they may have changed
        # per shown entry, its snippet laid out (its lines styled only when the row is drawn)
        self._snippets: list[tuple[tuple[DisplayLine, ...], tuple[tuple[int, int], ...]]] = []
        self._errors: list[list[Text]] = []  # the errors section's rows, wrapped
        self._rows = EntryRows()
        self._index_ready = False  # the store's index covers this library (built from `sources`)
        self._preview: Library | None = None  # listed from the index while indexing
        self._width = 0

    # -- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="library-title", markup=False)
        yield ProgressBar(id="index-progress", show_eta=False)
        yield ShapedInput(
            "Search the library (Enter: to the list, Esc: clear)", self.options, id="search", classes="library-prompt"
        )
        yield ShapedInput(
            "Tag to show (empty: all tags; Enter: apply)", self.options, id="tag", classes="library-prompt"
        )
        yield RowList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        self._list.focus()
        if hasattr(self.app, "options"):
            self.watch(self.app, "options", self.set_options, init=False)  # h, on any screen
        if self.sources:
            self.query_one("#index-progress").add_class("-visible")
            self.query_one("#library-title", Static).update("Indexing the library…")
            self._index(self.sources)
        else:
            self.refresh_list()

    def set_options(self, options: LayoutOptions) -> None:
        """Show the titles and snippets with other display options (harakat)."""
        self.options = options
        for prompt in self.query(ShapedInput):
            prompt.options = options
        self.refresh_list()

    @property
    def _list(self) -> RowList:
        return self.query_one("#articles", RowList)

    def on_resize(self, event: Resize) -> None:
        if self._list_width() != self._width:
            self.refresh_list()

    def highlight_listing(self, key: str) -> None:
        """Put the highlight on the article with this key (the one last read), if it is listed."""
        position = next((number for number, entry in enumerate(self._shown) if entry.listing.key == key), None)
        if position is not None:
            self._list.highlighted = position

    def on_screen_resume(self) -> None:
        """Back from an article: its read mark (and bookmark) may have changed."""
        if self.is_mounted:
            self._states_read = False
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
        self._states_read = False  # moved files have found their states
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
        if not self._states_read:  # not at every keystroke of a search: 10,000 states take 10 ms
            self._states, self._states_read = self.store.reading_states(), True
        self._shown = entries(self.library.listings, self.view, self._states, self._hits)
        width = self._width - ROW_INDENT
        self._snippets = [
            self._snippet(entry.index, entry.snippet, width) if entry.snippet else ((), ()) for entry in self._shown
        ]
        self._errors = self._error_rows(self._width)
        rows = self._rows
        rows.options, rows.digits = self.options, self.digits
        rows.styles = RowStyles(self._style("meta"), self._style("unread"), self._style("bookmark"))
        heights = [rows.height(entry.listing) + len(lines) for entry, (lines, _) in zip(self._shown, self._snippets)]
        heights += [len(lines) for lines in self._errors]
        row_list.set_rows(heights, len(self._shown), self._render_row, row_list.highlighted or 0)
        self._update_title()

    def _update_title(self) -> None:
        count = len(self._shown)
        total = self.library.count
        noun = "article" if total == 1 else "articles"
        title = (
            f"Library: {total} {noun}"
            if count == total and not self.query_text
            else f"Library: {count} of {total} {noun}"
        )
        if self.query_text:
            title += f" matching “{isolated(self.query_text)}”"
            if self._searching:
                title += " (searching…)"
            elif not count:
                title += ": nothing found"
        persistence = "" if self.store.persistent else " · not saved (no database)"
        title += f" ({unread_count(self.library.listings, self.view, self._states)} unread)"
        broken = len(self.library.broken)
        problems = f" · {broken} {'file' if broken == 1 else 'files'} with errors (End)" if broken else ""
        header = f"{title}{problems} · {self.view.describe()}{persistence} · {LEGEND}"
        self.query_one("#library-title", Static).update(self._shaped_header(header))

    def _shaped_header(self, header: str) -> str:
        """The header (it holds the typed query and tag) laid out by the text engine, in lines."""
        width = max(MIN_ROW_WIDTH, self.size.width - 4)  # the title's padding
        lines = layout_paragraph(sanitize_text(header), width, Direction.LTR, self.options)
        return "\n".join(line.text for line in lines)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"library-screen--{name}", partial=True)

    def _render_row(self, row: int, width: int, highlighted: bool) -> list[Text]:
        if row < len(self._shown):
            return self._entry_lines(row, width - ROW_INDENT, highlighted)
        return self._errors[row - len(self._shown)]

    def _error_rows(self, width: int) -> list[list[Text]]:
        rows: list[list[Text]] = []
        wrap_width = max(MIN_ROW_WIDTH, width)
        if self._feed_failures:
            rows.append([Text("Feeds that failed", style=self._style("heading"))])
            for line in self._feed_failures:
                rows.append(list(Text(sanitize_text(line)).wrap(self.app.console, wrap_width)))
        if self.library.broken:
            rows.append([Text("Files with errors", style=self._style("heading"))])
        for result in self.library.broken:
            lines: list[Text] = []
            for problem in result.problems:  # each on its own line, its warnings too
                lines.extend(Text(sanitize_text(str(problem))).wrap(self.app.console, wrap_width))
            rows.append(lines)
        return rows

    def _entry_lines(self, position: int, width: int, highlighted: bool) -> list[Text]:
        """The shown entry's row (`reader.screens.library_rows`), then its snippet."""
        entry = self._shown[position]
        state = self._states.get(entry.listing.key, ReadingState())
        lines, spans = self._snippets[position]
        match = self._style("match")
        snippet = [indented(line_text(line, width, spans, match), line.rtl) for line in lines]
        return [*self._rows.lines(entry.listing, state, width, highlighted), *snippet]

    def _snippet(
        self, index: int, snippet: Snippet, width: int
    ) -> tuple[tuple[DisplayLine, ...], tuple[tuple[int, int], ...]]:
        """The snippet laid out at `width` (its height is the row's), and its match spans:
        styled when its row is drawn, so a search with 1,000 hits styles only those seen."""
        article = self.library.article(index)
        text = convert_digits(snippet.text, self.digits, article.language)
        direction = Direction.RTL if article_is_rtl(article) else Direction.LTR
        return layout_paragraph(text, max(MIN_ROW_WIDTH, width), direction, self.options), tuple(snippet.spans)

    # -- search --------------------------------------------------------------------------

    def _search(self) -> None:
        """Find `query_text` in a worker; the list keeps its rows until the hits come."""
        if not self.query_text:
            self._hits, self._searching = None, False
            self.refresh_list()
            return
        self._searching = True
        self._update_title()
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
            self._searching = False
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
        self.post_message(self.SettingChosen("sort", self.view.sort.value, f"Sorted by {self.view.sort.value}"))

    def action_reverse_sort(self) -> None:
        self._set_view(replace(self.view, reverse=not self.view.reverse))
        order = "reversed" if self.view.reverse else "in its usual direction"
        self.post_message(self.SettingChosen("sort_reversed", self.view.reverse, f"Order {order}"))

    def action_reload(self) -> None:
        """Read the library's folders again: files added, changed or removed since show."""
        if not self.sources:
            self.notify("This article was opened on its own: there is no folder to reload.", markup=False)
            return
        self._index(self.sources)

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

    def action_cycle_feed(self) -> None:
        available = feeds(self.library.listings, fetched_articles(self._data()))
        self._set_view(replace(self.view, feed=next_feed(self.view.feed, available)))

    def action_toggle_read(self) -> None:
        """Mark the highlighted article read, or unread again."""
        position = self._list.highlighted
        if position is None or position >= len(self._shown):
            return
        listing = self._shown[position].listing
        read = self._states.get(listing.key, ReadingState()).read
        self.store.mark_read(Path(listing.key), not read)
        self._states_read = False
        self.refresh_list()

    # -- fetching feeds ------------------------------------------------------------------

    def _data(self) -> Path:
        return self.data if self.data is not None else data_folder()

    def action_fetch_feeds(self) -> None:
        """`r`: fetch every followed feed in a worker; the list stays usable meanwhile."""
        self.query_one("#index-progress").add_class("-visible")
        self.query_one("#library-title", Static).update("Fetching the feeds…")
        self._fetch(self._data())

    @work(thread=True, exclusive=True, group="fetch")
    def _fetch(self, data: Path) -> None:
        from reader.web.fetch import FetchOptions, Progress, fetch_feeds
        from reader.web.subscriptions import SubscriptionsError, articles_folder, load_subscriptions

        def progress(state: Progress) -> None:
            done = self.FeedsProgress(state.feeds_done, state.feeds_total, state.pages_done, state.pages_total)
            self.post_message(done)

        folder = articles_folder(data)
        try:
            subscriptions = load_subscriptions(data)
        except SubscriptionsError as error:
            self.post_message(self.FeedsFetched((), (str(error),), folder))
            return
        if not subscriptions.feeds:
            none = "No feeds followed yet: `reader feeds add URL` follows one."
            self.post_message(self.FeedsFetched((none,), (), folder))
            return
        results = fetch_feeds(data, subscriptions, subscriptions.feeds, FetchOptions(), progress=progress)
        lines = tuple(result.line() for result in results)
        self.post_message(self.FeedsFetched(lines, tuple(result.line() for result in results if result.failed), folder))

    def on_library_screen_feeds_progress(self, message: FeedsProgress) -> None:
        total = message.feeds_total + message.pages_total
        self.query_one(ProgressBar).update(total=max(total, 1), progress=message.feeds_done + message.pages_done)
        pages = f", {message.pages_done} of {message.pages_total} pages" if message.pages_total else ""
        title = f"Fetching the feeds: {message.feeds_done} of {message.feeds_total} feeds{pages}…"
        self.query_one("#library-title", Static).update(title)

    def on_library_screen_feeds_fetched(self, message: FeedsFetched) -> None:
        """Show the summary, list the failures, and index the fetched articles."""
        self.query_one("#index-progress").remove_class("-visible")
        self._feed_failures = message.failures
        for line in message.lines:
            self.app.notify(
                sanitize_text(line), severity="error" if line in message.failures else "information", markup=False
            )
        if message.folder.is_dir() and message.folder not in self.sources:
            self.sources = (*self.sources, message.folder)
        if self.sources:
            self._index(self.sources)
        else:
            self.refresh_list()

    # -- opening -------------------------------------------------------------------------

    def action_open_article(self) -> None:
        self._list.action_select()

    @on(RowList.Selected, "#articles")
    def _entry_selected(self, event: RowList.Selected) -> None:
        shown = self.library.subset([entry.listing for entry in self._shown])
        snippet = self._shown[event.index].snippet
        self.post_message(self.ArticleChosen(shown, event.index, snippet.block if snippet else None))
