"""`reader calibrate`: the user's pick is saved for this terminal, used by --bidi auto, and can
be forgotten; a terminal that answers the BDSM probe is not calibrated at all."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.commands.calibrate import calibration_lines, run_calibrate
from reader.config import load_config, save_setting
from reader.opening import decide_bidi
from reader.terminal.modes import BidiMode
from reader.terminal.probe import BdsmState
from reader.text.layout import LayoutOptions, layout_paragraph

KITTY = {"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}
XTERM = {"TERM": "xterm", "XTERM_VERSION": "XTerm(379)"}


def calibrate(
    config_dir: Path, key: str, env: dict[str, str] = KITTY, probe: BdsmState = BdsmState.NO_ANSWER
) -> tuple[int, str]:
    out = io.StringIO()
    status = run_calibrate(
        reset=False, config_dir=config_dir, out=out, read_key=lambda: key, probe=lambda: probe, env=env
    )
    return status, out.getvalue()


def saved(config_dir: Path) -> dict[str, BidiMode]:
    return dict(load_config(config_dir).config.calibrations)


def test_the_sample_is_shown_once_per_mode_in_that_mode() -> None:
    lines = calibration_lines("صباح (يوم)")
    assert [mode for mode, _ in lines] == [BidiMode.VISUAL, BidiMode.LOGICAL, BidiMode.RUNS, BidiMode.ROWS]
    assert lines[1][1] == "صباح (يوم)"
    assert lines[0][1] == layout_paragraph("صباح (يوم)", 200, options=LayoutOptions())[0].text
    assert len({text for _, text in lines}) == 4


@pytest.mark.parametrize(("key", "mode"), [("1", BidiMode.VISUAL), ("2", BidiMode.LOGICAL), ("3", BidiMode.RUNS)])
def test_the_pressed_number_is_saved_for_this_terminal(tmp_path: Path, key: str, mode: BidiMode) -> None:
    status, shown = calibrate(tmp_path, key)
    assert status == 0
    assert f"Saved: bidi mode '{mode.value}' for kitty; TERM=xterm-kitty" in shown
    assert saved(tmp_path) == {"kitty; TERM=xterm-kitty": mode}


def test_each_terminal_keeps_its_own_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calibrate(tmp_path, "1", env=KITTY)
    calibrate(tmp_path, "2", env=XTERM)
    assert saved(tmp_path) == {"kitty; TERM=xterm-kitty": BidiMode.VISUAL, "xterm; TERM=xterm": BidiMode.LOGICAL}
    monkeypatch.delenv("READER_BIDI", raising=False)
    for name in ("TERM_PROGRAM", "VTE_VERSION", "KONSOLE_VERSION", "TMUX", "STY", "XTERM_VERSION"):
        monkeypatch.delenv(name, raising=False)
    for variable, value in KITTY.items():
        monkeypatch.setenv(variable, value)
    choice = decide_bidi(None, load_config(tmp_path).config, probe=lambda: BdsmState.NO_ANSWER)
    assert not isinstance(choice, str)
    assert choice.mode is BidiMode.VISUAL
    assert "calibration for kitty" in choice.reason


def test_a_terminal_that_answers_bdsm_is_not_calibrated(tmp_path: Path) -> None:
    status, shown = calibrate(tmp_path, "2", env={"TERM": "xterm-256color", "VTE_VERSION": "7006"}, probe=BdsmState.SET)
    assert status == 0
    assert "needs no calibration. Nothing saved." in shown
    assert "1   " not in shown  # no samples offered: its own bidi would make a wrong one look right
    assert saved(tmp_path) == {}


def test_an_old_global_calibration_is_not_applied_to_a_bdsm_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_setting("calibrated_bidi", "logical", tmp_path)
    monkeypatch.delenv("READER_BIDI", raising=False)
    monkeypatch.setenv("VTE_VERSION", "7006")
    monkeypatch.setattr("reader.terminal.select_mode._stdio_are_ttys", lambda: True)  # as in a terminal
    config = load_config(tmp_path).config
    vte = decide_bidi(None, config, probe=lambda: BdsmState.SET)
    silent = decide_bidi(None, config, probe=lambda: BdsmState.NO_ANSWER)
    assert not isinstance(vte, str) and not isinstance(silent, str)
    assert (vte.mode, vte.switch_to_explicit) == (BidiMode.VISUAL, True)
    assert silent.mode is BidiMode.LOGICAL and "global calibrated_bidi" in silent.reason


def test_calibrating_replaces_the_old_global_value(tmp_path: Path) -> None:
    save_setting("calibrated_bidi", "logical", tmp_path)
    _, shown = calibrate(tmp_path, "1")
    assert "old calibrated_bidi" in shown
    assert load_config(tmp_path).config.calibrated_bidi is None


def test_any_other_key_saves_nothing(tmp_path: Path) -> None:
    status, shown = calibrate(tmp_path, "q")
    assert status == 1 and "Nothing saved." in shown
    assert saved(tmp_path) == {}


def test_reset_forgets_this_terminals_choice_only(tmp_path: Path) -> None:
    calibrate(tmp_path, "2", env=KITTY)
    calibrate(tmp_path, "1", env=XTERM)
    out = io.StringIO()
    assert run_calibrate(reset=True, config_dir=tmp_path, out=out, env=KITTY) == 0
    assert "kitty; TERM=xterm-kitty forgotten" in out.getvalue()
    assert saved(tmp_path) == {"xterm; TERM=xterm": BidiMode.VISUAL}


def test_mlterm_is_not_calibrated_it_is_switched(tmp_path: Path) -> None:
    status, shown = calibrate(tmp_path, "2", env={"TERM": "mlterm", "MLTERM": "3.9.0"})
    assert status == 0 and "needs no calibration. Nothing saved." in shown
    assert saved(tmp_path) == {}


def test_a_hand_edited_calibrations_value_that_is_not_a_mapping_is_reported_and_ignored(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("calibrations: [visual]\n", encoding="utf-8")
    loaded = load_config(tmp_path)
    assert loaded.config.calibrations == ()
    assert any("calibrations:" in problem and "terminal: mode pairs" in problem for problem in loaded.problems)
