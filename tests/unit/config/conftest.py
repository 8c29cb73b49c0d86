"""Fixtures for the config tests: a config folder with a file written on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

WriteConfig = Callable[[str], Path]


@pytest.fixture
def config_folder(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def write_config(config_folder: Path) -> WriteConfig:
    """`write_config(text)`: writes config.yaml in `config_folder` and returns its path."""

    def write(text: str) -> Path:
        config_folder.mkdir(parents=True, exist_ok=True)
        path = config_folder / "config.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
