"""A configured folder that does not exist is skipped with a warning, and `reader config` flags it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.config import load_config
from reader.opening import bundled_articles, check_sources, choose_sources


@pytest.fixture
def config_with_a_missing_folder(tmp_path: Path) -> Path:
    """A config dir whose `folders:` names the bundled articles and a folder that is not there."""
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "config.yaml").write_text(f"folders: [{bundled_articles()}, {tmp_path / 'gone'}]\n", encoding="utf-8")
    return directory


def test_reader_opens_the_folders_that_exist(config_with_a_missing_folder: Path, tmp_path: Path) -> None:
    config = load_config(config_with_a_missing_folder).config
    sources = choose_sources(None, config, tmp_path)
    assert sources == [bundled_articles()]
    assert check_sources(sources) is None


def test_a_path_given_that_does_not_exist_is_still_an_error(tmp_path: Path) -> None:
    config = load_config(tmp_path).config
    assert check_sources(choose_sources(tmp_path / "nope", config, tmp_path)) is not None


def test_reader_config_flags_the_missing_folder(
    config_with_a_missing_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["config", "--config-dir", str(config_with_a_missing_folder)])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"{tmp_path / 'gone'} (missing: skipped)" in out
    assert f"folders: {tmp_path / 'gone'}: no such folder; skipped" in err
