"""FindBar: the in-article search field, shown by `/` and hidden by Esc."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from reader.text.layout import LayoutOptions
from reader.widgets.shaped_input import ShapedInput


class FindBar(ShapedInput):
    """A one-line query field, drawn shaped; posts `FindBar.QueryChanged` as the reader types."""

    DEFAULT_CSS = """
    FindBar {
        dock: bottom;
        display: none;
        border: tall $accent;
        &.-visible { display: block; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", id="find-close", show=False),
    ]

    @dataclass
    class QueryChanged(Message):
        query: str
        submitted: bool = False

    @dataclass
    class Closed(Message):
        pass

    def __init__(self, options: LayoutOptions | None = None, *, id: str | None = None) -> None:
        super().__init__("Find in article (Enter: next match, Esc: close)", options, id=id)

    @property
    def is_open(self) -> bool:
        return self.has_class("-visible")

    def open(self, last_query: str = "") -> None:
        """Show the bar; with the last query in it, selected, when it was closed empty."""
        if not self.is_open and not self.value and last_query:
            self.value = last_query
            self.select_all()
        self.add_class("-visible")
        self.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value, submitted=True))

    def action_close(self) -> None:
        self.value = ""
        self.border_title = ""
        self.remove_class("-visible")
        self.post_message(self.Closed())
