"""The real `reader` on a terminal that supports BDSM (like GNOME Terminal): switched to
explicit bidi for the run, and given back its own mode on the way out.

The test plays the terminal: it answers the DECRQM probe `CSI 8 $ p` with "set" (the
terminal does implicit bidi), then reads every byte the app writes.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pty_child import Child

PROBE = b"\x1b[8$p"
ANSWER_IMPLICIT = b"\x1b[8;1$y" + b"\x1b[?65;1;9c"  # "set", then its Device Attributes, as VTE answers
EXPLICIT = b"\x1b[8l\x1b[1 k"
RESTORE = b"\x1b[8h\x1b[0 k"
ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"
PAINTED = "ﻲﻓ".encode()  # "في", the body's first word, drawn


@pytest.fixture
def reader_on_vte(tmp_path: Path) -> Iterator[Child]:
    env = {
        "TERM": "xterm-256color",
        "READER_STATE_DIR": str(tmp_path / "state"),
        "READER_CONFIG_DIR": str(tmp_path / "config"),
        "READER_BIDI": "",
        "VTE_VERSION": "7600",
        "TMUX": "",
        "STY": "",
    }
    child = Child([sys.executable, "-m", "reader", "articles/hanoi-convention.yaml"], size=(120, 40), env=env)
    try:  # the child is ended even when the set-up fails: no reader left running after the tests
        child.read_until(PROBE + b"\x1b[c")
        child.type(ANSWER_IMPLICIT)
        child.read_until(PAINTED)
        yield child
    finally:
        child.close()


def test_quit_restores_the_terminals_own_bidi(reader_on_vte: Child) -> None:
    reader_on_vte.type(b"q")
    output = reader_on_vte.read_to_end()
    assert reader_on_vte.process.wait() == 0
    assert output.index(EXPLICIT) < output.index(ALT_SCREEN_ON)
    assert output.rindex(RESTORE) > output.rindex(ALT_SCREEN_OFF)


def test_sigterm_restores_the_terminals_own_bidi(reader_on_vte: Child) -> None:
    reader_on_vte.send(signal.SIGTERM)
    output = reader_on_vte.read_to_end()
    assert reader_on_vte.process.wait() == -signal.SIGTERM
    assert output.rindex(RESTORE) > output.index(PAINTED)
