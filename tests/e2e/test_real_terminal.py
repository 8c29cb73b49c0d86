"""The real `reader` command in a real terminal (tmux), checked against GNU FriBidi.

What a reader sees is compared line by line with FriBidi's rendering of the same logical
lines: the reader only decides where lines break (its own layout at the pane's width,
taken from the app), FriBidi decides what each line must look like.
"""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.article.document import body_blocks
from reader.article.loader import load_article
from reader.article.model import Article
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.widgets.text_pane import TextPane
from tests.app.conftest import library_of
from tests.conftest import BUNDLED_ARTICLE, REPO_ROOT
from tests.e2e.conftest import Terminal
from tests.unit.text.test_fribidi_differential import (
    logical_line,
    normalise_known_differences,
)

Render = Callable[[list[str], bool], list[str]]


@pytest.fixture
def hanoi() -> Article:
    article = load_article(BUNDLED_ARTICLE).article
    assert article is not None
    return article


@pytest.fixture
def browser_script(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in browser that records the argument it is given."""
    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {record}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, record


async def body_width(article: Article, size: tuple[int, int]) -> int:
    """The body pane's text width at this terminal size, as the app lays it out."""
    app = ReaderApp(library_of(article), LayoutOptions())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return app.screen.query_one("#body", TextPane).scrollable_content_region.width


def expected_rows(article: Article, width: int, fribidi: Render, paragraphs: slice) -> list[str]:
    """FriBidi's rendering of each line the body shows, for the chosen paragraphs."""
    rows: list[str] = []
    for block in body_blocks(article)[paragraphs]:
        lines = layout_paragraph(block.text, width, block.direction)
        rows.extend(fribidi([logical_line(block.text, line) for line in lines], True))
    return rows


def shows_rows(terminal: Terminal, rows: list[str]) -> bool:
    screen = [normalise_known_differences(line) for line in terminal.screen()]
    wanted = [normalise_known_differences(row) for row in rows]
    position = 0
    for row in wanted:
        while position < len(screen) and row not in screen[position]:
            position += 1
        if position == len(screen):
            return False
    return True


async def test_reading_the_bundled_article_in_a_real_terminal(
    terminal: Terminal,
    reader_command: list[str],
    fribidi: Render,
    hanoi: Article,
    browser_script: tuple[Path, Path],
) -> None:
    script, record = browser_script
    env = {
        "BROWSER": str(script),
        "TERM": "xterm-256color",
        "READER_BIDI": "visual",
        "LANG": "C.UTF-8",
        "READER_STATE_DIR": str(record.parent / "state"),
        "READER_CONFIG_DIR": str(record.parent / "config"),
    }
    terminal.start([*reader_command, "articles/hanoi-convention.yaml"], size=(120, 40), env=env, cwd=REPO_ROOT)

    first = expected_rows(hanoi, await body_width(hanoi, (120, 40)), fribidi, slice(0, 2))
    terminal.wait_for(lambda: shows_rows(terminal, first), "the first paragraphs as FriBidi renders them")

    terminal.press("End")
    last = expected_rows(hanoi, await body_width(hanoi, (120, 40)), fribidi, slice(-1, None))
    terminal.wait_for(lambda: shows_rows(terminal, last), "the last paragraph after End")

    terminal.resize(90, 30)
    terminal.wait_for(lambda: any(row.startswith("╭") and len(row) == 90 for row in terminal.screen()), "the resize")
    terminal.press("g")
    narrow = expected_rows(hanoi, await body_width(hanoi, (90, 30)), fribidi, slice(0, 1))
    terminal.wait_for(lambda: shows_rows(terminal, narrow), "the text laid out again at 90 columns")

    terminal.press("o")
    terminal.wait_for(record.exists, "the browser to be started")
    assert hanoi.source is not None
    assert record.read_text() == hanoi.source.url

    terminal.press("q")
    assert terminal.exit_code() == 0


def test_a_missing_path_is_a_message_not_a_traceback(tmp_path: Path, reader_command: list[str]) -> None:
    result = subprocess.run([*reader_command, str(tmp_path / "missing.yaml")], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == f"reader: {tmp_path / 'missing.yaml'}: no such file or folder"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = subprocess.run([*reader_command, str(empty)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "no article files" in result.stderr


async def test_reopening_an_article_restores_the_reading_place(
    terminal: Terminal, reader_command: list[str], fribidi: Render, hanoi: Article, tmp_path: Path
) -> None:
    env = {
        "TERM": "xterm-256color",
        "READER_BIDI": "visual",
        "READER_STATE_DIR": str(tmp_path / "state"),
        "READER_CONFIG_DIR": str(tmp_path / "config"),
    }
    command = [*reader_command, "articles/hanoi-convention.yaml"]
    width = await body_width(hanoi, (120, 40))
    first = expected_rows(hanoi, width, fribidi, slice(0, 1))
    last = expected_rows(hanoi, width, fribidi, slice(-1, None))

    terminal.start(command, size=(120, 40), env=env, cwd=REPO_ROOT)
    terminal.wait_for(lambda: shows_rows(terminal, first), "the first paragraph")
    terminal.press("End")
    terminal.wait_for(lambda: shows_rows(terminal, last) and not shows_rows(terminal, first), "the end")
    terminal.press("q")
    assert terminal.exit_code() == 0
    terminal.exit_file.unlink()

    terminal.start(command, size=(120, 40), env=env, cwd=REPO_ROOT)
    terminal.wait_for(lambda: shows_rows(terminal, last), "the last paragraph again, after the restart")
    assert not shows_rows(terminal, first)
    terminal.press("q")
    assert terminal.exit_code() == 0
