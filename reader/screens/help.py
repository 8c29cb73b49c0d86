"""HelpScreen: the keys, built from the bindings that are really active, and the bidi mode.

Nothing here is written by hand: each row is a binding with its key and description, so
the help can never disagree with what the keys do.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """The keys of the screen it was opened from."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help { width: 64; max-height: 90%; border: round $primary; background: $surface; padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help", id="close-help"),
    ]

    def __init__(self, rows: list[tuple[str, str]], bidi_description: str) -> None:
        super().__init__()
        self.rows = rows
        self.bidi_description = bidi_description

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action")
        for keys, description in self.rows:
            table.add_row(Text(keys), Text(description))
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            yield Static(table)
            yield Static(Text(f"\nBidi: {self.bidi_description}", style="italic"))

    def action_close(self) -> None:
        self.dismiss(None)
