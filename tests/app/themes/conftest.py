"""Fixtures for the theme tests: a config folder with user theme files written on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.app.conftest import english, make_app, notifications

__all__ = ["english", "make_app", "notifications"]  # the app fixtures, for the theme keys' tests

WriteTheme = Callable[[str, str], Path]


@pytest.fixture
def config_folder(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def write_theme(config_folder: Path) -> WriteTheme:
    """`write_theme(file_name, text)`: writes a user theme file and returns its path."""

    def write(name: str, text: str) -> Path:
        folder = config_folder / "themes"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
