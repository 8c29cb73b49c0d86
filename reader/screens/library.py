"""LibraryScreen: the articles to open, newest first, with search, sorting and filters.

Each row is the shaped title (a dot when unread, a star when bookmarked) and a line
with the date, source and language. `s` cycles the order (date, title, source), `l` the
language filter, `f` asks for a tag, `b` shows bookmarks only, `/` searches the library
(FTS index, or the loaded articles when there is no database) and shows a snippet per
hit, its matches highlighted after shaping; Enter opens the article at the match.

Given folders (`sources`), the screen indexes them in a thread worker with a progress
bar (`reader.state.index.index_library`) and posts `LibraryLoaded` when done. Files with
errors are listed in their own section with their sanitized `path:line:col` messages.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.article.document import article_is_rtl
from reader.article.library import Library
from reader.article.model import Article, Direction, LoadResult
from reader.screens.library_view import (
    Entry,
    LibraryView,
    article_key,
    entries,
    languages,
    next_language,
)
from reader.state.index import IndexReport, index_library
from reader.state.search import Snippet, make_snippet, search_articles
from reader.state.store import NullStore, ReadingState, Store
from reader.text.digits import DigitStyle, convert_digits
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph
from reader.text.sanitize import sanitize_text

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
ROW_INDENT = 2
MIN_ROW_WIDTH = 20


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
        #articles { height: 1fr; border: round $panel; }
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
        """Open `library.articles[index]`; `library` is the list as shown (for [ and ])."""

        library: Library
        index: int
        start_block: int | None = None

    @dataclass
    class LibraryLoaded(Message):
        library: Library

    def __init__(
        self,
        library: Library,
        options: LayoutOptions,
        *,
        store: Store | None = None,
        sources: Sequence[Path] = (),
        digits: DigitStyle = DigitStyle.AS_WRITTEN,
    ) -> None:
        super().__init__()
        self.library = library
        self.options = options
        self.store: Store = store if store is not None else NullStore()
        self.sources = tuple(sources)
        self.digits = digits
        self.view = LibraryView()
        self.query_text = ""
        self._shown: list[Entry] = []
        self._index_ready = False  # the store's index covers this library (built from `sources`)
        self._width = 0

    # -- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="library-title", markup=False)
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Input(placeholder="Search the library (Enter: to the list, Esc: clear)", id="search", classes="library-prompt")
        yield Input(placeholder="Tag to show (empty: all tags; Enter: apply)", id="tag", classes="library-prompt")
        yield OptionList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#articles", OptionList).focus()
        if self.sources:
            self.query_one("#index-progress").add_class("-visible")
            self.query_one("#library-title", Static).update("Indexing the library…")
            self._index(self.sources)
        else:
            self.refresh_list()

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self.refresh_list()

    def on_screen_resume(self) -> None:
        """Back from an article: its read mark (and bookmark) may have changed."""
        if self.is_mounted:
            self.refresh_list()

    # -- indexing ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _index(self, sources: tuple[Path, ...]) -> None:
        worker = get_current_worker()
        report = index_library(
            sources,
            self.store,
            progress=lambda done, total: self.app.call_from_thread(self._show_progress, done, total),
            cancelled=lambda: worker.is_cancelled,
        )
        if not worker.is_cancelled:
            self.app.call_from_thread(self._indexed, report)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        if total:
            self.query_one("#library-title", Static).update(f"Indexing the library: {done} of {total} files read…")

    def _indexed(self, report: IndexReport) -> None:
        self.library = report.library
        self._index_ready = self.store.persistent
        self.query_one("#index-progress").remove_class("-visible")
        self.refresh_list()
        self.post_message(self.LibraryLoaded(report.library))

    # -- the list ------------------------------------------------------------------------

    @property
    def shown(self) -> tuple[Entry, ...]:
        """The entries listed, in order."""
        return tuple(self._shown)

    def _states(self) -> dict[str, ReadingState]:
        return self.store.reading_states()

    def refresh_list(self) -> None:
        option_list = self.query_one("#articles", OptionList)
        self._width = option_list.scrollable_content_region.width or self.size.width - 4
        states = self._states()
        hits = self._search_hits() if self.query_text else None
        self._shown = entries(self.library.articles, self.view, states, hits)
        highlighted_index = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(self._options(states))
        if self._shown:
            option_list.highlighted = min(highlighted_index or 0, len(self._shown) - 1)
        self._update_title()

    def _update_title(self) -> None:
        count = len(self._shown)
        total = len(self.library.articles)
        noun = "article" if total == 1 else "articles"
        title = f"Library: {total} {noun}" if count == total and not self.query_text else f"Library: {count} of {total} {noun}"
        if self.query_text:
            title += f" matching “{self.query_text}”"
        persistence = "" if self.store.persistent else " · not saved (no database)"
        self.query_one("#library-title", Static).update(f"{title} · {self.view.describe()}{persistence}")

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"library-screen--{name}", partial=True)

    def _options(self, states: dict[str, ReadingState]) -> list[Option]:
        rows = [
            Option(self._prompt(entry, states.get(article_key(entry.article) or "", ReadingState())), id=f"entry-{i}")
            for i, entry in enumerate(self._shown)
        ]
        broken = self.library.broken
        if broken:
            rows.append(Option(Text("Files with errors", style=self._style("heading")), disabled=True))
            rows.extend(
                Option(Text(sanitize_text("\n".join(str(problem) for problem in result.errors))), disabled=True)
                for result in broken
            )
        return rows

    def _prompt(self, entry: Entry, state: ReadingState) -> Text:
        article = entry.article
        width = self._width - ROW_INDENT
        marks = Text(UNREAD_MARK if not state.read else " ", style=self._style("unread"))
        marks.append(BOOKMARK_MARK if state.bookmarked else " ", style=self._style("bookmark"))
        title = convert_digits(article.title, self.digits, article.language)
        prompt = Text()
        for number, line in enumerate(shaped_lines(title, width, article.direction, self.options)):
            prompt.append_text(marks if number == 0 else Text(" " * ROW_INDENT))
            prompt.append_text(line_text(line, width, (), Style()))
            prompt.stylize("bold", len(prompt) - len(line.text), len(prompt))
            prompt.append("\n")
        prompt.append(" " * ROW_INDENT)
        prompt.append_text(self._meta(article, width))
        if entry.snippet is not None:
            prompt.append_text(self._snippet(article, entry.snippet, width))
        return prompt

    def _meta(self, article: Article, width: int) -> Text:
        date = convert_digits(article.published.isoformat()[:10], self.digits, article.language) if article.published else "undated"
        parts = [date]
        if article.source and article.source.name:
            source = shaped_lines(article.source.name, width, Direction.AUTO, self.options)[0].text
            parts.append(source)
        parts.append(article.language or "?")
        return Text(" · ".join(parts), style=self._style("meta"))

    def _snippet(self, article: Article, snippet: Snippet, width: int) -> Text:
        text = convert_digits(snippet.text, self.digits, article.language)
        direction = Direction.RTL if article_is_rtl(article) else Direction.LTR
        result = Text()
        for line in layout_paragraph(text, max(MIN_ROW_WIDTH, width), direction, self.options):
            result.append("\n" + " " * ROW_INDENT)
            result.append_text(line_text(line, width, snippet.spans, self._style("match")))
        return result

    # -- search --------------------------------------------------------------------------

    def _search_hits(self) -> list[tuple[Article, Snippet | None]]:
        articles = self.library.articles
        keys = self.store.search(self.query_text) if self._index_ready else None
        if keys is None:  # no index: search the loaded articles
            return [(articles[index], snippet) for index, snippet in search_articles(articles, self.query_text)]
        by_key = {article_key(article): article for article in articles}
        found = [by_key[key] for key in keys if key in by_key]
        return [(article, make_snippet(article, self.query_text)) for article in found]

    def action_search(self) -> None:
        self._open_prompt("#search")

    def _open_prompt(self, selector: str) -> None:
        prompt = self.query_one(selector, Input)
        prompt.add_class("-visible")
        prompt.focus()

    def _close_prompt(self, prompt: Input) -> None:
        prompt.remove_class("-visible")
        self.query_one("#articles", OptionList).focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.refresh_list()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#articles", OptionList).focus()

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
            self.refresh_list()

    # -- sorting and filters ------------------------------------------------------------

    def _set_view(self, view: LibraryView) -> None:
        self.view = view
        self.refresh_list()

    def action_cycle_sort(self) -> None:
        self._set_view(replace(self.view, sort=self.view.sort.next()))

    def action_cycle_language(self) -> None:
        self._set_view(replace(self.view, language=next_language(self.view.language, languages(self.library.articles))))

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
        self.query_one("#articles", OptionList).action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if not option_id.startswith("entry-"):
            return
        index = int(option_id.removeprefix("entry-"))
        shown = Library.from_results(self._results_of(self._shown))
        snippet = self._shown[index].snippet
        self.post_message(self.ArticleChosen(shown, index, snippet.block if snippet else None))

    def _results_of(self, shown: Sequence[Entry]) -> list[LoadResult]:
        by_article = {id(result.article): result for result in self.library.results if result.article is not None}
        return [by_article[id(entry.article)] for entry in shown]

