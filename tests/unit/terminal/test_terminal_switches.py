"""mlterm has no BDSM, but its own switch: the reader turns its bidi off for the session."""

from __future__ import annotations

import os

import pytest

from reader.terminal.bdsm import MLTERM_LAYOUT_OFF, explicit_bidi
from reader.terminal.modes import BidiMode, BidiSetting
from reader.terminal.probe import BdsmState
from reader.terminal.select_mode import choose_mode

MLTERM = {"TERM": "mlterm", "MLTERM": "3.9.0"}
KONSOLE = {"TERM": "xterm-256color", "KONSOLE_VERSION": "221203"}


def choose(env: dict[str, str], setting: BidiSetting = BidiSetting.AUTO) -> tuple[BidiMode, bool, bool]:
    choice = choose_mode(setting, env, None, lambda: BdsmState.NO_ANSWER, interactive=True)
    return choice.mode, choice.switch_to_explicit, choice.switch is MLTERM_LAYOUT_OFF


def test_mlterm_gets_visual_text_with_its_own_layout_switched_off() -> None:
    assert choose(MLTERM) == (BidiMode.VISUAL, True, True)
    assert choose(MLTERM, BidiSetting.VISUAL) == (BidiMode.VISUAL, True, True)


def test_mlterm_left_to_its_own_bidi_when_asked_for_logical_or_behind_tmux() -> None:
    assert choose(MLTERM, BidiSetting.LOGICAL) == (BidiMode.LOGICAL, False, False)
    behind_tmux = {"TERM": "screen-256color", "TMUX": "/tmp/tmux-0/default,1,0", "MLTERM": "3.9.0"}
    assert choose(behind_tmux) == (BidiMode.LOGICAL, False, False)  # tmux would not pass OSC 5379 on


def test_konsole_gets_rows_and_no_switch() -> None:
    assert choose(KONSOLE) == (BidiMode.ROWS, False, False)


def test_mlterm_is_switched_off_inside_and_on_again_after() -> None:
    read_end, write_end = os.pipe()
    try:
        with explicit_bidi(write_end, BdsmState.NO_ANSWER, MLTERM_LAYOUT_OFF):
            on_entry = os.read(read_end, 100)
        on_exit = os.read(read_end, 100)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert on_entry == b"\x1b]5379;use_ctl=false\x07"
    assert on_exit == b"\x1b]5379;use_ctl=true\x07"


@pytest.mark.parametrize("env", [MLTERM, KONSOLE])
def test_neither_is_sent_bdsm(env: dict[str, str]) -> None:
    choice = choose_mode(BidiSetting.AUTO, env, None, lambda: BdsmState.NO_ANSWER, interactive=True)
    assert choice.previous_bdsm is BdsmState.NO_ANSWER
