"""Start the TUI: resolve what to open, load it, and run the app.

`reader` with no path opens `./articles` when the working directory has one, else the
articles bundled with the package. A path that does not exist or holds no article is an
error message and exit code 2, never a traceback. Textual is imported only here, once we
know there is something to show.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from reader.article.library import Library
from reader.article.loader import load_articles
from reader.terminal.modes import BidiMode
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


def run_app(path: Path | None, *, bidi: str, harakat: bool) -> int:
    library = load_library(path if path is not None else default_articles(Path.cwd()))
    if isinstance(library, str):
        print(library, file=sys.stderr)
        return EXIT_BAD_PATH
    mode = BidiMode(bidi)
    options = LayoutOptions(mode=mode, harakat=harakat)

    from reader.app import ReaderApp

    app = ReaderApp(library, options, bidi_description=f"{mode.value} (set with --bidi)")
    app.run()
    return app.return_code or 0
