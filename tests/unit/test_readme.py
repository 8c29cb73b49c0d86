"""The README's promises: its test command is CI's, and its keys table is complete."""

from __future__ import annotations

import re

from reader.app import ReaderApp
from reader.screens.library import LibraryScreen
from reader.screens.photo import PhotoScreen
from reader.screens.reading import ReadingScreen
from reader.widgets.text_pane import TextPane
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    run, test = fenced_commands()[:2]
    assert "reader" in run and "pytest" in test
    ci_lines = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines


def test_keys_table_names_every_described_binding() -> None:
    table = README.split("## Keys", 1)[1].split("##", 1)[0]
    for owner in (ReaderApp, ReadingScreen, TextPane, LibraryScreen, PhotoScreen):
        for binding in owner.BINDINGS:
            description = getattr(binding, "description", "")
            if description:
                assert description.lower() in table.lower(), f"README keys table misses {description!r}"
