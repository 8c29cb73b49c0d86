"""Kitty graphics and Sixel output through textual-image, imported only when first needed.

textual-image asks the terminal what it supports when its renderables are imported, and
for the cell size when its widgets are: once Textual runs, the answers would reach the
app as key presses (and each unanswered question costs a tenth of a second). The reader
has asked already (`reader.terminal.graphics`), so the import is done with no terminal
to ask, and the cell size is given to textual-image instead of asked for.
"""

from __future__ import annotations

import importlib
import io
import sys
import threading
from types import ModuleType
from typing import Any

from rich.console import Console, ConsoleDimensions, ConsoleOptions
from rich.segment import Segment

_import_lock = threading.Lock()


def textual_image_module(name: str, cell_pixels: tuple[int, int] = (10, 20)) -> ModuleType:
    """A module of textual-image (`textual_image.renderable.tgp`, `textual_image.widget.sixel`),
    imported without terminal queries, with the cell size given instead of asked for."""
    with _import_lock:
        if name not in sys.modules:
            saved = sys.__stdout__
            sys.__stdout__ = io.StringIO()  # type: ignore[misc,assignment]  # not a terminal: no queries
            try:
                from textual_image import _terminal

                if not hasattr(_terminal.get_cell_size, "_result"):
                    setattr(_terminal.get_cell_size, "_result", _terminal.CellSize(*cell_pixels))  # noqa: B010
                importlib.import_module(name)
            finally:
                sys.__stdout__ = saved  # type: ignore[misc]
        return sys.modules[name]


def kitty_placeholder_lines(
    picture: Any, columns: int, rows: int, cell_pixels: tuple[int, int] = (10, 20)
) -> list[list[Segment]]:
    """Send `picture` (a PIL image at the cells' pixel size) to the terminal and return its
    placeholder cells, a list of segments per row."""
    tgp = textual_image_module("textual_image.renderable.tgp", cell_pixels)
    renderable = tgp.Image(picture, width=columns, height=rows)
    console = Console(width=columns, height=rows, color_system="truecolor", file=io.StringIO(), force_terminal=True)
    options = ConsoleOptions(
        size=ConsoleDimensions(columns, rows),
        legacy_windows=False,
        min_width=columns,
        max_width=columns,
        is_terminal=True,
        encoding="utf-8",
        max_height=rows,
        height=rows,
    )
    return [list(line) for line in console.render_lines(renderable, options, pad=False)]
