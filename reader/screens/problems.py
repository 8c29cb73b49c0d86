"""ProblemsScreen: an article file that cannot be shown, with each `path:line:col` message."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from reader.article.model import LoadResult
from reader.text.sanitize import sanitize_text


class ProblemsScreen(Screen[None]):
    """Explain why an article could not be opened; the app keeps running."""

    DEFAULT_CSS = """
    ProblemsScreen {
        #problems { border: round $error; padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="back"),
    ]

    def __init__(self, result: LoadResult) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        lines = [f"This article could not be opened: {self.result.path}", ""]
        lines.extend(str(problem) for problem in self.result.problems)
        with VerticalScroll(id="problems") as scroll:
            scroll.border_title = "Problems"
            yield Static(Text("\n".join(sanitize_text(line) for line in lines)))
        yield Footer()

    def action_back(self) -> None:
        self.dismiss(None)
