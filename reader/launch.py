"""Start the TUI: resolve what to open, pick the bidi mode, load, and run the app.

`reader` with no path opens `./articles` when the working directory has one, else the
articles bundled with the package. A path that does not exist or holds no article is an
error message and exit code 2, never a traceback. Textual is imported only here, once we
know there is something to show.

The bidi mode comes from `--bidi`, `READER_BIDI`, or the terminal itself
(`reader.terminal.select_mode`). A terminal that can switch to explicit bidi (VTE, mintty)
is switched for the whole run and restored on every way out.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from reader.article.library import Library
from reader.article.loader import load_articles
from reader.terminal.bdsm import BidiGuard, explicit_bidi
from reader.terminal.select_mode import ModeChoice, choose_mode, default_probe, resolve_setting
from reader.text.layout import LayoutOptions

EXIT_BAD_PATH = 2


def bundled_articles() -> Path:
    """The folder of articles installed with the package."""
    return Path(str(files("reader") / "data" / "articles"))


def default_articles(cwd: Path) -> Path:
    local = cwd / "articles"
    return local if local.is_dir() else bundled_articles()


def load_library(path: Path) -> Library | str:
    """The library at `path`, or the message to print when there is nothing to open."""
    if not path.exists():
        return f"reader: {path}: no such file or folder"
    library = Library.from_results(load_articles([path]))
    if not library.results:
        return f"reader: {path}: no article files (*.yaml, *.yml) found"
    return library


def decide_bidi(cli_value: str | None) -> ModeChoice | str:
    """The bidi mode for this run, or the message for a bad setting."""
    try:
        resolved = resolve_setting(cli_value, os.environ, None)
    except ValueError as error:
        return f"reader: {error}"
    return choose_mode(resolved.setting, os.environ, None, default_probe, setting_source=resolved.source)


def print_bidi_info(cli_value: str | None) -> int:
    choice = decide_bidi(cli_value)
    if isinstance(choice, str):
        print(choice, file=sys.stderr)
        return EXIT_BAD_PATH
    print(f"bidi mode: {choice.mode.value}")
    print(f"why: {choice.reason}")
    print(f"terminal switched to explicit bidi: {'yes' if choice.switch_to_explicit else 'no'}")
    return 0


@contextlib.contextmanager
def terminal_bidi(choice: ModeChoice) -> Iterator[BidiGuard | None]:
    """Explicit bidi for the run when the terminal supports switching; nothing otherwise."""
    if not choice.switch_to_explicit:
        yield None
        return
    with explicit_bidi(sys.__stderr__ or sys.stderr, choice.previous_bdsm) as guard:
        yield guard


def run_app(path: Path | None, *, bidi: str | None, harakat: bool) -> int:
    library = load_library(path if path is not None else default_articles(Path.cwd()))
    if isinstance(library, str):
        print(library, file=sys.stderr)
        return EXIT_BAD_PATH
    choice = decide_bidi(bidi)
    if isinstance(choice, str):
        print(choice, file=sys.stderr)
        return EXIT_BAD_PATH
    options = LayoutOptions(mode=choice.mode, harakat=harakat)

    from reader.app import ReaderApp

    with terminal_bidi(choice) as guard:
        app = ReaderApp(library, options, bidi_description=f"{choice.mode.value} ({choice.reason})", bidi_guard=guard)
        app.run()
    return app.return_code or 0
