"""`reader dump PATH`: print articles as the reader shows them, as plain text."""

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
from reader.commands.options import add_max_size_option
from reader.terminal.modes import BidiMode
from reader.text.layout import LayoutOptions

DEFAULT_WIDTH = 80
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader dump",
        description="Print an article as the reader shows it, as plain text.",
    )
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument("--width", type=int, default=None, help="columns (default: the terminal's, else 80)")
    parser.add_argument("--bidi", choices=["visual", "logical", "runs", "rows"], default="visual")
    parser.add_argument("--no-harakat", action="store_true", help="leave out Arabic diacritics")
    add_max_size_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    return run_dump(args.path, width=args.width, bidi=args.bidi, harakat=not args.no_harakat, max_size=args.max_size)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's flush at exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run_dump(
    path: Path, *, width: int | None, bidi: str, harakat: bool, max_size: int | None = None, out: TextIO | None = None
) -> int:
    try:
        limit = size_limit(max_size)
    except ValueError as error:
        print(f"reader dump: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    stream = out or sys.stdout
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() != "utf-8":
        stream.reconfigure(encoding="utf-8", errors="replace")
    options = LayoutOptions(mode=BidiMode(bidi), harakat=harakat)
    columns = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    if not path.exists():
        print(f"reader dump: {path}: no such file or folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    status = 0
    first = True
    for result in load_articles([path], max_size=limit):
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.article is None:
            status = EXIT_BAD_INPUT
            continue
        if not first:
            stream.write("\n" + "─" * columns + "\n\n")
        first = False
        colour = stream.isatty()
        try:
            for chunk in dump_chunks(result.article, columns, options, colour=colour):
                stream.write("\n".join(chunk) + "\n")
        except BrokenPipeError:  # `reader dump … | head`: the reader of the pipe has had enough
            _silence_stdout()
            return status
    if first and status == 0:
        print(f"reader dump: {path}: no article found", file=sys.stderr)
        return EXIT_BAD_INPUT
    return status
