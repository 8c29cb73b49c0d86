"""The command line a user types: version, help, sub-commands."""

from __future__ import annotations

import subprocess
import sys

from reader import __version__
from reader.article.library import Library
from reader.opening import load_library
from tests.conftest import REPO_ROOT, WriteArticle


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


def test_max_size_applies_to_the_article_the_reader_opens(write_article: WriteArticle) -> None:
    path = write_article("title: عنوان\nbody: [نص الخبر.]\n")
    size = path.stat().st_size
    refused = load_library(path, max_size=size - 1)
    assert isinstance(refused, Library) and not refused.count
    assert str(refused.broken[0].errors[0]).endswith(f"larger than the limit of {size - 1:,} bytes")
    opened = load_library(path, max_size=size)
    assert isinstance(opened, Library) and opened.count == 1
    bad = run_reader("--max-size", "0", str(path))
    assert (bad.returncode, bad.stderr.strip()) == (2, "reader: --max-size must be a positive number of bytes")
