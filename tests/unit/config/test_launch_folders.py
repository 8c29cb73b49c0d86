"""What `reader` opens with no PATH, and when there is nothing to open."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config
from reader.opening import LaunchPlan, bundled_articles, check_sources, choose_sources, plan_launch
from tests.conftest import WriteArticle


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


def test_one_file_is_loaded_at_once_and_a_folder_is_left_to_the_library_screen(
    tmp_path: Path, write_article: WriteArticle
) -> None:
    file = write_article("title: خبر\nbody: نص\n", "news/one.yaml")
    single = plan_launch(file, Config(), tmp_path, None)
    assert isinstance(single, LaunchPlan) and single.sources == ()
    assert [article.title for article in single.library.articles] == ["خبر"]
    folder = plan_launch(file.parent, Config(), tmp_path, max_size=1_000)
    assert isinstance(folder, LaunchPlan)
    assert (folder.sources, folder.library.count, folder.max_size) == ((file.parent,), 0, 1_000)


def test_nothing_to_open_is_the_message_to_print(tmp_path: Path) -> None:
    assert plan_launch(tmp_path / "nope.yaml", Config(), tmp_path, None) == (
        f"reader: {tmp_path / 'nope.yaml'}: no such file or folder"
    )
    assert plan_launch(None, Config(), tmp_path, 0) == "reader: --max-size must be a positive number of bytes"
