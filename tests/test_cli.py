"""The command line a user types: version, help, sub-commands."""

from __future__ import annotations

import subprocess
import sys

from reader import __version__
from tests.conftest import REPO_ROOT


def run_reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=REPO_ROOT)


def test_version() -> None:
    result = run_reader("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reader {__version__}"


def test_help_names_the_sub_commands_and_bidi_modes() -> None:
    result = run_reader("--help")
    assert result.returncode == 0
    for word in ("reader check", "reader import", "reader dump", "--bidi", "runs", "--no-harakat"):
        assert word in result.stdout


def test_bidi_info_explains_the_choice() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--bidi-info", "--bidi", "logical"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[:2] == ["bidi mode: logical", "why: bidi=logical from --bidi"]
