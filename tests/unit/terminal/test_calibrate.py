"""`reader calibrate`: the user's pick is saved, used by --bidi auto, and can be forgotten."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.commands.calibrate import calibration_lines, run_calibrate
from reader.config import load_config
from reader.launch import decide_bidi
from reader.terminal.modes import BidiMode
from reader.text.layout import LayoutOptions, layout_paragraph


def calibrate(config_dir: Path, key: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run_calibrate(reset=False, config_dir=config_dir, out=out, read_key=lambda: key)
    return status, out.getvalue()


def test_the_sample_is_shown_once_per_mode_in_that_mode() -> None:
    lines = calibration_lines("صباح (يوم)")
    assert [mode for mode, _ in lines] == [BidiMode.VISUAL, BidiMode.LOGICAL, BidiMode.RUNS]
    assert lines[1][1] == "صباح (يوم)"
    assert lines[0][1] == layout_paragraph("صباح (يوم)", 200, options=LayoutOptions())[0].text
    assert len({text for _, text in lines}) == 3


@pytest.mark.parametrize(("key", "mode"), [("1", BidiMode.VISUAL), ("2", BidiMode.LOGICAL), ("3", BidiMode.RUNS)])
def test_the_pressed_number_is_saved_and_reloaded(tmp_path: Path, key: str, mode: BidiMode) -> None:
    status, shown = calibrate(tmp_path, key)
    assert status == 0
    assert f"Saved: bidi mode '{mode.value}'" in shown
    assert load_config(tmp_path).config.calibrated_bidi is mode


def test_auto_uses_the_saved_calibration_before_any_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calibrate(tmp_path, "3")
    monkeypatch.delenv("READER_BIDI", raising=False)
    monkeypatch.setenv("KITTY_WINDOW_ID", "")  # no identity to guess from either way
    choice = decide_bidi(None, load_config(tmp_path).config)
    assert not isinstance(choice, str)
    assert choice.mode is BidiMode.RUNS
    assert "calibration" in choice.reason


def test_any_other_key_saves_nothing(tmp_path: Path) -> None:
    status, shown = calibrate(tmp_path, "q")
    assert status == 1 and "Nothing saved." in shown
    assert load_config(tmp_path).config.calibrated_bidi is None


def test_reset_forgets_the_choice(tmp_path: Path) -> None:
    calibrate(tmp_path, "2")
    assert run_calibrate(reset=True, config_dir=tmp_path, out=io.StringIO()) == 0
    assert load_config(tmp_path).config.calibrated_bidi is None
