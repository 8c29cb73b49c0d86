"""`reader dump`: what `reader` would open without PATH, logical text into a pipe (grep works),
the app's mode on a terminal, the config's harakat, no width 0, and check's exit status."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands.dump import choose_dump_mode, run_dump
from reader.config import Config
from reader.terminal.modes import BidiMode
from tests.conftest import BUNDLED_ARTICLE

TITLE_WORDS = "في صباح يوم 25 أكتوبر"  # logical, from the bundled title


@pytest.fixture
def empty_config(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    return folder


def test_into_a_pipe_it_writes_logical_text(capsys: pytest.CaptureFixture[str], empty_config: Path) -> None:
    assert main(["dump", str(BUNDLED_ARTICLE), "--width", "200", "--config-dir", str(empty_config)]) == 0
    assert TITLE_WORDS in capsys.readouterr().out


def test_without_path_it_dumps_what_reader_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, empty_config: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./articles here: the bundled ones
    assert main(["dump", "--width", "200", "--config-dir", str(empty_config)]) == 0
    assert TITLE_WORDS in capsys.readouterr().out


def test_the_configs_folders_and_harakat_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], empty_config: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.yaml").write_text("title: خَبَرٌ\nlanguage: ar\nbody: [نَصٌّ]\n", encoding="utf-8")
    (empty_config / "config.yaml").write_text(f"folders: [{news}]\nharakat: false\n", encoding="utf-8")
    assert main(["dump", "--config-dir", str(empty_config)]) == 0
    out = capsys.readouterr().out
    assert "خبر" in out and "\u064e" not in out


def test_on_a_terminal_it_follows_the_setting_like_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_BIDI", "runs")
    assert choose_dump_mode(None, Config(), to_terminal=True) is BidiMode.RUNS
    assert choose_dump_mode("visual", Config(), to_terminal=True) is BidiMode.VISUAL
    assert choose_dump_mode(None, Config(), to_terminal=False) is BidiMode.LOGICAL  # a pipe is not the terminal
    assert choose_dump_mode("visual", Config(), to_terminal=False) is BidiMode.VISUAL
    monkeypatch.setenv("READER_BIDI", "sideways")
    assert not isinstance(choose_dump_mode(None, Config(), to_terminal=True), BidiMode)


def test_width_zero_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", str(BUNDLED_ARTICLE), "--width", "0"]) == 2
    assert "--width must be a positive number" in capsys.readouterr().err


def test_a_broken_file_gives_checks_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "bad.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    assert main(["check", str(broken)]) == main(["dump", str(broken)]) == 1
    assert run_dump(tmp_path / "nope.yaml", width=80, bidi=None, harakat=True, out=io.StringIO()) == 1
    assert os.path.exists(broken)
