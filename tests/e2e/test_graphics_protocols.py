"""The real `reader` on terminals that draw pictures: on one that answers the Kitty graphics
query (as kitty does) the photo goes to the terminal with the Kitty graphics protocol and
is drawn with its Unicode placeholder cells; on a Sixel terminal the full-screen view
sends Sixel.

The test plays the terminal: it answers the three start-up queries (Kitty graphics, cell
size, Device Attributes), then reads what the app writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.photo_files import CAPTION, write_photo_article
from tests.pty_child import Child

DEVICE_ATTRIBUTES = b"\x1b[c"
KITTY_QUERY = b"\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\"
KITTY_ANSWERS = b"\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[?62;22c"
NO_GRAPHICS_ANSWERS = b"\x1b[?62;22c"
SIXEL_ANSWERS = b"\x1b[6;20;10t\x1b[?62;4;22c"
SIXEL_START = b"\x1bP0;0;0q"
PLACEHOLDER = chr(0x10EEEE).encode()
VIRTUAL_PLACEMENT = b"a=p,"


def reader_on(tmp_path: Path, term: dict[str, str], *extra: str) -> Child:
    env = {
        "TERM": "xterm-kitty",
        "COLORTERM": "truecolor",
        "READER_STATE_DIR": str(tmp_path / "state"),
        "READER_CONFIG_DIR": str(tmp_path / "config"),
        "READER_BIDI": "logical",  # no BDSM probe: the graphics query is the only one
        "TMUX": "",
        **term,
    }
    article = write_photo_article(tmp_path)
    return Child([sys.executable, "-m", "reader", *extra, str(article)], size=(120, 40), env=env)


@pytest.fixture
def reader_on_kitty(tmp_path: Path) -> Child:
    return reader_on(tmp_path, {"KITTY_WINDOW_ID": "1"})


def test_kitty_gets_the_photo_in_the_kitty_graphics_protocol(reader_on_kitty: Child) -> None:
    child = reader_on_kitty
    try:
        asked = child.read_until(DEVICE_ATTRIBUTES)
        assert KITTY_QUERY in asked
        child.type(KITTY_ANSWERS)
        child.read_until(CAPTION.encode())
        output = child.read_until(PLACEHOLDER).split(KITTY_QUERY, 1)[1]
        upload = output.index(b"\x1b_Gi=")
        assert b"f=100" in output[upload : upload + 200]  # a PNG, sent in chunks
        assert VIRTUAL_PLACEMENT in output[upload:]  # shown through Unicode placeholder cells
        child.type(b"q")
        child.read_to_end()
        assert child.process.wait() == 0
    finally:
        child.close()


def test_a_terminal_without_graphics_gets_no_kitty_output(tmp_path: Path) -> None:
    child = reader_on(tmp_path, {"TERM": "xterm-256color"})
    try:
        child.read_until(DEVICE_ATTRIBUTES)
        child.type(NO_GRAPHICS_ANSWERS)
        child.read_until(CAPTION.encode())
        output = child.read_until("▀▀▀▀".encode())  # half blocks instead
        child.type(b"q")
        output = child.read_to_end()
        assert child.process.wait() == 0
        assert b"\x1b_Gi=" not in output.split(KITTY_QUERY, 1)[1]
        assert PLACEHOLDER not in output
    finally:
        child.close()


def test_a_sixel_terminal_gets_sixel_in_the_full_screen_view(tmp_path: Path) -> None:
    child = reader_on(tmp_path, {"TERM": "xterm-256color"})
    try:
        child.read_until(DEVICE_ATTRIBUTES)
        child.type(SIXEL_ANSWERS)
        child.read_until("▀▀▀▀".encode())  # half blocks in the captions pane
        assert SIXEL_START not in child.output
        child.type(b"v")
        child.read_until(SIXEL_START)
        child.type(b"q")
        child.read_to_end()
        assert child.process.wait() == 0
    finally:
        child.close()
