"""`reader check`: problems on stdout as path:line:col, a summary on stderr, and the exit status."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import REPO_ROOT, WriteArticle

VALID = "title: Hello\nbody: [One.]\n"
WARNING = "title: Hello\nbody: [One.]\nsubtitle: x\n"
INVALID = "title: Hello\nbody:\n  - [One.]\n"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str], str]:
    status = main(["check", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.strip()


@pytest.mark.parametrize(
    ("files", "status", "summary"),
    [
        ({"a.yaml": VALID}, 0, "1 file checked, 0 with errors"),
        ({"a.yaml": VALID, "b.yml": WARNING}, 0, "2 files checked, 0 with errors, 1 warning"),
        ({"a.yaml": VALID, "sub/b.yaml": INVALID, "c.yaml": INVALID}, 1, "3 files checked, 2 with errors"),
    ],
    ids=["valid", "warnings allowed", "errors"],
)
def test_exit_status_and_summary(
    capsys: pytest.CaptureFixture[str],
    write_article: WriteArticle,
    tmp_path: Path,
    files: dict[str, str],
    status: int,
    summary: str,
) -> None:
    for name, content in files.items():
        write_article(content, name)
    assert run(capsys, tmp_path)[::2] == (status, summary)


def test_problems_are_printed_as_path_line_col_message(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle, tmp_path: Path
) -> None:
    write_article(WARNING, "a.yaml")
    write_article(INVALID, "b.yaml")
    status, out, _ = run(capsys, tmp_path)
    assert status == 1
    assert out == [
        f"{tmp_path / 'a.yaml'}:3:1: warning: subtitle: unknown key, ignored",
        f"{tmp_path / 'b.yaml'}:3:5: body[0]: expected text, got a list",
    ]


def test_relative_paths_stay_relative(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article(INVALID, "articles/b.yaml")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "articles/")[1] == ["articles/b.yaml:3:5: body[0]: expected text, got a list"]


def test_a_missing_path_fails_but_the_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle, tmp_path: Path
) -> None:
    good = write_article(VALID)
    status, out, err = run(capsys, tmp_path / "nope.yaml", good)
    assert (status, out, err) == (
        1,
        [f"{tmp_path / 'nope.yaml'}:1:1: no such file or folder"],
        "1 file checked, 0 with errors",
    )


def test_a_folder_without_articles_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, tmp_path)
    assert (status, out, err) == (
        1,
        [f"{tmp_path}:1:1: warning: no article files (*.yaml, *.yml) in this folder"],
        "0 files checked, 0 with errors, 1 warning",
    )


def test_max_size_option(capsys: pytest.CaptureFixture[str], write_article: WriteArticle) -> None:
    path = write_article(VALID)
    status, out, _ = run(capsys, "--max-size", "10", path)
    assert (status, out) == (1, [f"{path}:1:1: the file is {len(VALID)} bytes, larger than the limit of 10 bytes"])
    assert run(capsys, "--max-size", "0", path)[::2] == (
        2,
        "reader check: --max-size must be a positive number of bytes",
    )


def test_check_of_the_bundled_articles_in_a_real_process() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "reader", "check", "articles/"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout == ""
    assert re.fullmatch(r"[1-9]\d* files? checked, 0 with errors\n", completed.stderr)
