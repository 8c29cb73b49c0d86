"""The real `reader` in tmux: the generated photo drawn in half blocks of 24-bit colour,
above its caption, at 120×40 (captions pane) and 80×24 (after the text, narrow layout).
tmux answers no graphics query, so `auto` chooses half blocks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import photo_files
from tests.conftest import REPO_ROOT
from tests.e2e.conftest import Terminal
from tests.photo_files import CAPTION, write_photo_article

SGR = re.compile(r"\x1b\[([0-9;]*)m")
PHOTO_ROW = re.compile(r"(?:▀(?:\x1b\[[0-9;]*m)*){4}")  # four half blocks in a row: never the scrollbar's ▀


def coloured_screen(terminal: Terminal) -> list[str]:
    return terminal.tmux("capture-pane", "-p", "-e", "-t", terminal.name).splitlines()


def truecolours(line: str) -> set[tuple[int, int, int]]:
    """The 24-bit colours (foreground and background) set on a captured line."""
    colours = set()
    for parameters in SGR.findall(line):
        numbers = [int(number) for number in parameters.split(";") if number]
        for index in range(len(numbers) - 4):
            if numbers[index] in (38, 48) and numbers[index + 1] == 2:
                colours.add((numbers[index + 2], numbers[index + 3], numbers[index + 4]))
    return colours


def photo_above_caption(terminal: Terminal) -> bool:
    screen = coloured_screen(terminal)
    captions = [number for number, line in enumerate(screen) if CAPTION in SGR.sub("", line)]
    drawn = [number for number, line in enumerate(screen) if PHOTO_ROW.search(line)]
    if not captions or not drawn:
        return False
    colours = set().union(*(truecolours(screen[number]) for number in drawn))
    return drawn[-1] < captions[0] and set(photo_files.QUADRANT_COLOURS) <= colours


def truecolor_env(tmp_path: Path) -> dict[str, str]:
    """A 24-bit colour terminal with no bidi of its own, and folders of the test's own."""
    return {
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "READER_BIDI": "visual",
        "LANG": "C.UTF-8",
        "READER_STATE_DIR": str(tmp_path / "state"),
        "READER_CONFIG_DIR": str(tmp_path / "config"),
    }


@pytest.mark.parametrize(("size", "keys"), [((120, 40), ()), ((80, 24), ("End",))])
def test_the_photo_is_drawn_in_half_blocks_in_tmux(
    terminal: Terminal, reader_command: list[str], tmp_path: Path, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    article = write_photo_article(tmp_path)
    env = truecolor_env(tmp_path)
    terminal.start([*reader_command, str(article)], size=size, env=env, cwd=REPO_ROOT)
    # Narrow, the photo (when it comes) pushes the caption down, out of sight: wait for the
    # photo itself, then go to the end.
    terminal.wait_for(lambda: any(PHOTO_ROW.search(line) for line in terminal.screen()), "the photo")
    for key in keys:
        terminal.press(key)
    terminal.wait_for(lambda: photo_above_caption(terminal), "the photo in half blocks above its caption")
    terminal.press("q")
    assert terminal.exit_code() == 0


def test_images_off_draws_no_photo(terminal: Terminal, reader_command: list[str], tmp_path: Path) -> None:
    article = write_photo_article(tmp_path)
    env = truecolor_env(tmp_path)
    terminal.start([*reader_command, "--images", "off", str(article)], size=(120, 40), env=env, cwd=REPO_ROOT)
    terminal.wait_for(lambda: any(CAPTION in line for line in terminal.screen()), "the caption")
    screen = terminal.screen()  # with photos, the photo's line (a note until drawn) is already there
    terminal.press("q")
    assert terminal.exit_code() == 0
    assert not any(PHOTO_ROW.search(line) or "▒" in line for line in screen)
