"""What `reader` opens with no PATH, and when there is nothing to open."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config
from reader.launch import bundled_articles, check_sources, choose_sources


def test_a_path_beats_the_configured_folders(tmp_path: Path) -> None:
    config = Config(folders=(tmp_path / "news",))
    assert choose_sources(tmp_path / "one.yaml", config, tmp_path) == [tmp_path / "one.yaml"]


def test_no_path_opens_the_configured_folders(tmp_path: Path) -> None:
    config = Config(folders=(tmp_path / "news", tmp_path / "archive"))
    assert choose_sources(None, config, tmp_path) == [tmp_path / "news", tmp_path / "archive"]


def test_without_folders_it_is_articles_then_the_bundled_ones(tmp_path: Path) -> None:
    assert choose_sources(None, Config(), tmp_path) == [bundled_articles()]
    (tmp_path / "articles").mkdir()
    assert choose_sources(None, Config(), tmp_path) == [tmp_path / "articles"]


def test_an_empty_or_missing_folder_is_a_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert check_sources([empty]) == f"reader: {empty}: no article files (*.yaml, *.yml) found"
    assert check_sources([tmp_path / "nope"]) == f"reader: {tmp_path / 'nope'}: no such file or folder"
    assert check_sources([bundled_articles()]) is None
