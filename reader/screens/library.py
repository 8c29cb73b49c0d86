"""LibraryScreen: the list of articles to open, and the files that failed to load.

Titles are shaped and reordered like every other article string. Files with errors are
listed in their own section with their `path:line:col` messages: never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.article.document import header_blocks
from reader.article.library import Library
from reader.article.model import Article
from reader.text.layout import LayoutOptions, layout_paragraph

TITLE_WIDTH = 200


def article_prompt(article: Article, options: LayoutOptions) -> Text:
    """One library row: the displayed title, then the byline, dimmed."""
    title, byline = header_blocks(article)[:2]
    shown_title = layout_paragraph(title.text, TITLE_WIDTH, title.direction, options)[0].text
    shown_byline = layout_paragraph(byline.text, TITLE_WIDTH, byline.direction, options)[0].text
    prompt = Text(shown_title, style="bold")
    prompt.append("\n")
    prompt.append(shown_byline, style="dim")
    return prompt


class LibraryScreen(Screen[None]):
    """Choose an article; Enter opens it."""

    DEFAULT_CSS = """
    LibraryScreen {
        #library-title { padding: 0 2; text-style: bold; color: $text-accent; }
        #articles { height: 1fr; border: round $panel; }
        #articles:focus { border: round $primary; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_article", "Open", id="open-article", show=True),
    ]

    @dataclass
    class ArticleChosen(Message):
        index: int

    def __init__(self, library: Library, options: LayoutOptions) -> None:
        super().__init__()
        self.library = library
        self.options = options

    def compose(self) -> ComposeResult:
        count = len(self.library.articles)
        yield Static(f"Library: {count} article{'s' if count != 1 else ''}", id="library-title", markup=False)
        yield OptionList(*self._options(), id="articles")
        yield Footer()

    def _options(self) -> list[Option]:
        rows = [
            Option(article_prompt(article, self.options), id=f"article-{index}")
            for index, article in enumerate(self.library.articles)
        ]
        if self.library.broken:
            rows.append(Option(Text("Files with errors", style="bold"), disabled=True))
            rows.extend(
                Option(Text("\n".join(str(problem) for problem in result.errors)), disabled=True)
                for result in self.library.broken
            )
        return rows

    def action_open_article(self) -> None:
        self.query_one(OptionList).action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("article-"):
            self.post_message(self.ArticleChosen(int(option_id.removeprefix("article-"))))
