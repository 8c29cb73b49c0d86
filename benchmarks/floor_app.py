"""The first-paint floor: the smallest Textual app that shows one `Static` of text.

``python benchmarks/floor_app.py FILE`` shows the contents of FILE (already shaped and
reordered, so the floor pays no text engine) and waits for ``q``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class FloorApp(App[None]):
    """One Static, nothing else."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        yield Static(self._text)


def main() -> None:
    FloorApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()


if __name__ == "__main__":
    main()
