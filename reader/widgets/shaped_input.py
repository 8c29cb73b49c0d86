"""ShapedInput: a one-line text field whose text is drawn by the text engine, as the article is.

Textual's `Input` draws its value as stored: logical order, letters unjoined, so typed
Arabic reads backwards on a terminal that does no bidi. This field keeps everything a
field does on the logical text (the value, the caret position, editing, selection,
messages) and only draws differently: the value laid out by `reader.text.layout` in the
app's bidi mode (shaped and reordered in `visual`, as typed in `logical`), the caret and
the selection drawn on the cells their letters landed on. The caret after the last
letter sits at the end the next letter will appear at: the left of a right-to-left text.
"""

from __future__ import annotations

from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import Input

from reader.text.direction import Direction
from reader.text.layout import DisplayLine, LayoutOptions, layout_paragraph
from reader.text.sanitize import sanitize_text

WIDE = 10_000  # one line: the field scrolls, it never wraps


def one_for_one(text: str) -> str:
    """The text made safe to draw, one character for each typed one (so the caret's index holds)."""
    return "".join(sanitize_text(char) or "\ufffd" for char in text)


def caret_column(line: DisplayLine, cursor: int, length: int) -> int:
    """The display column of the caret before logical character `cursor` (`length`: after the
    last one), in the line as drawn with one blank cell on its far side for the end caret."""
    lead = 1 if line.rtl else 0  # an RTL text's end is on its left
    if cursor >= length:
        return 0 if line.rtl else len(line.text)
    at_or_after = [(source, column) for column, source in enumerate(line.sources) if source >= cursor]
    if not at_or_after:
        return 0 if line.rtl else len(line.text)
    return lead + min(at_or_after)[1]


class ShapedInput(Input):
    """An `Input` whose value is drawn shaped and in display order."""

    options: reactive[LayoutOptions] = reactive(LayoutOptions, layout=False)
    """The screen's display options (its bidi mode); typed harakat are always shown."""

    def __init__(
        self,
        placeholder: str = "",
        options: LayoutOptions | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(placeholder=placeholder, id=id, classes=classes)
        self.cursor_blink = False
        if options is not None:
            self.options = options

    def displayed_line(self) -> DisplayLine:
        """The value as the terminal receives it (one line, display order)."""
        options = replace(self.options, harakat=True)
        return layout_paragraph(one_for_one(self.value), WIDE, Direction.AUTO, options)[0]

    def render_line(self, y: int) -> Strip:
        if y != 0 or not self.value:
            return super().render_line(y)
        line = self.displayed_line()
        text = Text((" " if line.rtl else "") + line.text + ("" if line.rtl else " "), end="")
        lead = 1 if line.rtl else 0
        if self.has_focus:
            self._style_selection(text, line, lead)
        caret = caret_column(line, self.cursor_position, len(self.value))
        if self.has_focus:  # a steady caret: the blink state is Textual's own
            text.stylize(self.get_component_rich_style("input--cursor"), caret, caret + 1)
        width = self.scrollable_content_region.width + 1
        start = max(0, caret - width + 1)  # keep the caret in view
        segments = list(text.render(self.app.console, end=""))
        return Strip(segments).crop(start, start + width).extend_cell_length(width).apply_style(self.rich_style)

    def _style_selection(self, text: Text, line: DisplayLine, lead: int) -> None:
        if self.selection.is_empty:
            return
        start, end = sorted(self.selection)
        style: Style = self.get_component_rich_style("input--selection")
        for column, source in enumerate(line.sources):
            if start <= source < end:
                text.stylize(style, lead + column, lead + column + 1)
