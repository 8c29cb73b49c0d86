"""`reader dump`: the article as the reader shows it, as plain text for pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.cli import main
from reader.text.layout import layout_paragraph
from tests.conftest import BUNDLED_ARTICLE, REPO_ROOT


@pytest.fixture
def bundled() -> Path:
    if not BUNDLED_ARTICLE.exists():
        pytest.skip("the bundled article is not there")
    return BUNDLED_ARTICLE


def run_dump(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "dump", *args], capture_output=True, text=True, cwd=REPO_ROOT
    )


def test_dump_shows_title_body_captions_facts_and_url(bundled: Path) -> None:
    result = run_dump(str(bundled), "--width", "80", "--bidi", "visual")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "https://dantri.com.vn/" in result.stdout
    assert "\x1b" not in result.stdout  # no colour in a pipe
    title = layout_paragraph("في صباح يوم 25 أكتوبر", 80)[0].text
    assert any(title.split(" ")[-1] in line for line in lines)
    assert all(cell_len(line) <= 80 for line in lines)


def test_rtl_lines_are_padded_to_the_width(bundled: Path) -> None:
    lines = run_dump(str(bundled), "--width", "60", "--bidi", "visual").stdout.splitlines()
    arabic = [line for line in lines if any("\ufe70" <= char <= "\ufeff" for char in line)]
    assert arabic and all(cell_len(line) == 60 for line in arabic)


def test_logical_mode_prints_the_words_as_written(bundled: Path) -> None:
    out = run_dump(str(bundled), "--bidi", "logical", "--width", "200").stdout
    assert "في صباح يوم 25 أكتوبر" in out


def test_no_harakat_leaves_out_diacritics(bundled: Path) -> None:
    with_marks = run_dump(str(bundled), "--width", "80").stdout
    without = run_dump(str(bundled), "--width", "80", "--no-harakat").stdout
    assert "\u064b" in with_marks and "\u064b" not in without


def test_a_missing_path_is_a_message_and_exit_1_as_check(tmp_path: Path) -> None:
    result = run_dump(str(tmp_path / "nope.yaml"))
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_dump_to_a_closed_pipe_is_quiet(bundled: Path) -> None:
    dump = subprocess.Popen(
        [sys.executable, "-m", "reader", "dump", str(bundled)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert dump.stdout is not None and dump.stderr is not None
    dump.stdout.readline()
    dump.stdout.close()
    assert "Traceback" not in dump.stderr.read().decode()
    assert dump.wait() == 0


def test_main_writes_to_the_given_stream(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", str(bundled), "--width", "70"]) == 0
    assert "https://dantri.com.vn/" in capsys.readouterr().out


def test_max_size_raises_or_lowers_the_file_size_limit(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    size = bundled.stat().st_size
    assert main(["dump", "--max-size", str(size - 1), str(bundled)]) == 1  # a file with an error, as check says
    assert f"the file is {size:,} bytes, larger than the limit of {size - 1:,} bytes" in capsys.readouterr().err
    assert main(["dump", "--width", "80", "--bidi", "visual", "--max-size", str(size), str(bundled)]) == 0
    assert "ﻲﻓ ﺔﻴﻧﻭﺮﺘﻜﻟﻹﺍ" in capsys.readouterr().out  # الإلكترونية في, from the title
    assert main(["dump", "--max-size", "0", str(bundled)]) == 2
    assert capsys.readouterr().err.strip() == "reader dump: --max-size must be a positive number of bytes"
