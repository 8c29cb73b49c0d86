"""`reader dump [PATH]`: print articles as the reader shows them, as plain text.

Without PATH it dumps what `reader` would open (the config's folders, else ./articles,
else the bundled articles). The bidi mode is chosen as the app chooses it when stdout is
a terminal (`--bidi`, then `READER_BIDI`, then the config, then the terminal itself; a
terminal that does bidi itself gets logical text); into a pipe or a file it is logical
text, which `grep` and editors read, unless `--bidi` says otherwise. Harakat and digits
follow the config, as in the app. Exit status: as `reader check` (0 fine, 1 a file with
errors, a missing path or no article), 2 for a bad option.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from reader.article.loader import load_articles, size_limit
from reader.article.text_dump import dump_chunks
from reader.commands.options import add_config_dir_option, add_max_size_option
from reader.config import Config, config_dir, load_config
from reader.opening import choose_sources, decide_bidi
from reader.terminal.modes import BidiMode
from reader.text.layout import LayoutOptions
from reader.user_folders import data_folder, fetched_articles

DEFAULT_WIDTH = 80
EXIT_INVALID = 1  # as `reader check`
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader dump",
        description=(
            "Print articles as the reader shows them, as plain text: on a terminal as the app would show them, "
            "into a pipe or a file in logical order (for grep). Without PATH: what `reader` would open."
        ),
    )
    parser.add_argument("path", type=Path, metavar="PATH", nargs="?", help="an article file or a folder")
    parser.add_argument("--width", type=int, default=None, help="columns (default: the terminal's, else 80)")
    parser.add_argument(
        "--bidi",
        choices=["auto", "visual", "logical", "runs", "rows"],
        default=None,
        help="default: as the app on a terminal (READER_BIDI, the config, the terminal), logical into a pipe",
    )
    parser.add_argument("--no-harakat", action="store_true", help="leave out Arabic diacritics")
    add_max_size_option(parser)
    add_config_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    config = load_config(config_dir(args.config_dir)).config
    return run_dump(
        args.path,
        width=args.width,
        bidi=args.bidi,
        harakat=not args.no_harakat and config.harakat,
        max_size=args.max_size,
        config=config,
    )


def choose_dump_mode(bidi: str | None, config: Config, to_terminal: bool) -> BidiMode | str:
    """The mode to print in, or the message for a bad setting: logical into a pipe unless
    `--bidi` says otherwise; on a terminal the app's choice (logical where the terminal does
    bidi itself, even one the app would switch to explicit mode for its run)."""
    if not to_terminal:
        return BidiMode.LOGICAL if bidi in (None, "auto") else BidiMode(bidi)
    choice = decide_bidi(bidi, config)
    if isinstance(choice, str):  # a ModeChoice, else the message
        return choice
    return BidiMode.LOGICAL if choice.switch_to_explicit else choice.mode


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's flush at exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run_dump(
    path: Path | None,
    *,
    width: int | None,
    bidi: str | None,
    harakat: bool,
    max_size: int | None = None,
    out: TextIO | None = None,
    config: Config = Config(),  # noqa: B008 (a frozen value)
) -> int:
    try:
        limit = size_limit(max_size)
    except ValueError as error:
        print(f"reader dump: {error}", file=sys.stderr)
        return EXIT_USAGE
    if width is not None and width < 1:
        print(f"reader dump: --width must be a positive number of columns, not {width}", file=sys.stderr)
        return EXIT_USAGE
    stream = out or sys.stdout
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() != "utf-8":
        stream.reconfigure(encoding="utf-8", errors="replace")
    on_terminal = stream.isatty()
    mode = choose_dump_mode(bidi, config, on_terminal)
    if not isinstance(mode, BidiMode):  # (a BidiMode is a str too)
        print(mode.replace("reader:", "reader dump:", 1), file=sys.stderr)
        return EXIT_USAGE
    paths = choose_sources(path, config, Path.cwd(), fetched_articles(data_folder()))
    missing = [source for source in paths if not source.exists()]
    if missing:
        print(f"reader dump: {missing[0]}: no such file or folder", file=sys.stderr)
        return EXIT_INVALID
    options = LayoutOptions(mode=mode, harakat=harakat)
    columns = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return _dump_all(paths, stream, columns, options, limit, config, colour=on_terminal)


def _dump_all(
    paths: list[Path], stream: TextIO, columns: int, options: LayoutOptions, limit: int, config: Config, *, colour: bool
) -> int:
    """Each article of `paths`, a rule between two; `colour`: styled for a terminal."""
    status = 0
    first = True
    for result in load_articles(paths, max_size=limit):
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.article is None:
            status = EXIT_INVALID
            continue
        if not first:
            stream.write("\n" + "─" * columns + "\n\n")
        first = False
        try:
            for chunk in dump_chunks(result.article, columns, options, colour=colour, digits=config.digits):
                stream.write("\n".join(chunk) + "\n")
        except BrokenPipeError:  # `reader dump … | head`: the reader of the pipe has had enough
            _silence_stdout()
            return status
    if first and status == 0:
        print(f"reader dump: {', '.join(map(str, paths))}: no article found", file=sys.stderr)
        return EXIT_INVALID
    return status
