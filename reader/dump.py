"""`reader dump`: print articles as the reader shows them, as plain text.

For pipes and scripts (like `w3m -dump`), and the reference output tests compare with.
Blocks are separated by blank lines; RTL lines are right-aligned by padding them to the
width in visual mode. Colour (a bold title, dim byline, bold headings) only when stdout
is a terminal.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from reader.article.document import Role, article_blocks, needs_gap_before
from reader.article.loader import load_articles, size_limit
from reader.article.model import Article
from reader.terminal.modes import BidiMode
from reader.text.layout import LayoutOptions, layout_paragraph

DEFAULT_WIDTH = 80
EXIT_BAD_INPUT = 2

_STYLE_BY_ROLE = {Role.TITLE: "\x1b[1m", Role.BYLINE: "\x1b[2m", Role.HEADING: "\x1b[1m"}
_RESET = "\x1b[0m"


def dump_chunks(article: Article, width: int, options: LayoutOptions, *, colour: bool = False) -> Iterator[list[str]]:
    """The article's lines, one list per block; a blank line separates blocks.

    Lines come a block at a time: a 2 MB article has tens of thousands of them.
    """
    pad = options.mode is not BidiMode.LOGICAL
    for number, block in enumerate(article_blocks(article)):
        lines = [""] if number and needs_gap_before(block) else []
        laid_out = layout_paragraph(block.text, width, block.direction, options)
        if pad:
            lines.extend(" " * (width - line.width) + line.text if line.rtl else line.text for line in laid_out)
        else:
            lines.extend(line.text for line in laid_out)
        style = _STYLE_BY_ROLE.get(block.role) if colour else None
        yield [f"{style}{line}{_RESET}" for line in lines] if style else lines


def dump_lines(article: Article, width: int, options: LayoutOptions, *, colour: bool = False) -> Iterator[str]:
    """The article's lines, blocks separated by one blank line."""
    for chunk in dump_chunks(article, width, options, colour=colour):
        yield from chunk


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
