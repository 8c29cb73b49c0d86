"""The config file: defaults, every setting, clear messages for broken files and bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.config import (
    ConfigError,
    config_dir,
    forget_setting,
    load_config,
    save_setting,
)
from reader.terminal.modes import BidiMode, BidiSetting
from reader.text.digits import DigitStyle
from tests.unit.config.conftest import WriteConfig


def test_no_config_file_means_the_defaults(config_folder: Path) -> None:
    loaded = load_config(config_folder)
    assert not loaded.found and not loaded.problems
    assert loaded.config.theme == "reader-dark"
    assert loaded.config.bidi is BidiSetting.AUTO and loaded.config.harakat
    assert loaded.config.folders == () and loaded.config.calibrated_bidi is None


def test_every_setting_is_read(config_folder: Path, write_config: WriteConfig) -> None:
    write_config(
        "folders: [news, ~/archive]\ntheme: reader-sepia\nbidi: logical\nharakat: false\n"
        "digits: arabic-indic\ncalibrated_bidi: runs\n"
    )
    config = load_config(config_folder).config
    assert config.folders == (config_folder / "news", Path.home() / "archive")
    assert config.theme == "reader-sepia"
    assert config.bidi is BidiSetting.LOGICAL
    assert config.harakat is False
    assert config.digits is DigitStyle.ARABIC_INDIC
    assert config.calibrated_bidi is BidiMode.RUNS


def test_broken_yaml_gives_path_line_col_and_the_defaults(config_folder: Path, write_config: WriteConfig) -> None:
    path = write_config("theme: reader-light\nfolders: [a, b\n")
    loaded = load_config(config_folder)
    assert loaded.config.theme == "reader-dark"
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:3:1: not valid YAML")
    assert "using the defaults" in loaded.problems[0]


def test_a_bad_value_names_the_key_and_the_accepted_values(config_folder: Path, write_config: WriteConfig) -> None:
    path = write_config("theme: reader-light\nbidi: sideways\nharakat: maybe\n")
    loaded = load_config(config_folder)
    assert loaded.config.theme == "reader-light"  # the good values are kept
    assert loaded.config.bidi is BidiSetting.AUTO and loaded.config.harakat is True
    bidi, harakat = loaded.problems
    assert bidi.startswith(f"{path}:2:7: bidi: 'sideways'") and "visual, logical, runs, rows, auto" in bidi
    assert harakat.startswith(f"{path}:3:10: harakat: 'maybe'") and "true, false" in harakat


def test_an_unknown_key_is_reported(config_folder: Path, write_config: WriteConfig) -> None:
    path = write_config("colour: blue\n")
    (problem,) = load_config(config_folder).problems
    assert problem.startswith(f"{path}:1:1: unknown setting 'colour'")


def test_a_config_that_is_not_a_mapping_is_reported(config_folder: Path, write_config: WriteConfig) -> None:
    path = write_config("- theme\n")
    (problem,) = load_config(config_folder).problems
    assert problem.startswith(f"{path}:1:1: the config must be a mapping")


def test_save_setting_keeps_the_rest_of_the_file(config_folder: Path, write_config: WriteConfig) -> None:
    path = write_config("# my settings\ntheme: reader-sepia  # warm\nfolders:\n  - news\n\nbidi: auto\n")
    save_setting("calibrated_bidi", "visual", config_folder)
    save_setting("bidi", "logical", config_folder)
    text = path.read_text(encoding="utf-8")
    assert "# my settings" in text and "# warm" in text
    config = load_config(config_folder).config
    assert config.calibrated_bidi is BidiMode.VISUAL and config.bidi is BidiSetting.LOGICAL
    assert config.theme == "reader-sepia" and config.folders == (config_folder / "news",)


def test_forget_setting_brings_the_default_back(config_folder: Path, write_config: WriteConfig) -> None:
    path = write_config("# calibrated here\ncalibrated_bidi: runs\ntheme: reader-light\n")
    assert forget_setting("calibrated_bidi", config_folder) == path
    assert load_config(config_folder).config.calibrated_bidi is None
    assert path.read_text(encoding="utf-8") == "# calibrated here\ntheme: reader-light\n"
    forget_setting("calibrated_bidi", config_folder)  # forgetting twice is fine
    with pytest.raises(ConfigError, match="unknown setting"):
        forget_setting("colour", config_folder)


def test_save_setting_creates_the_file(config_folder: Path) -> None:
    path = save_setting("calibrated_bidi", "runs", config_folder)
    assert path == config_folder / "config.yaml"
    assert load_config(config_folder).config.calibrated_bidi is BidiMode.RUNS


def test_save_setting_refuses_bad_values_and_broken_files(config_folder: Path, write_config: WriteConfig) -> None:
    with pytest.raises(ConfigError, match="calibrated_bidi: 'auto' is not accepted"):
        save_setting("calibrated_bidi", "auto", config_folder)
    write_config("theme: [\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        save_setting("theme", "reader-light", config_folder)
    assert (config_folder / "config.yaml").read_text(encoding="utf-8") == "theme: [\n"


def test_the_config_folder_comes_from_the_option_then_the_environment(tmp_path: Path) -> None:
    assert config_dir(tmp_path / "cli", {"READER_CONFIG_DIR": str(tmp_path / "env")}) == tmp_path / "cli"
    assert config_dir(None, {"READER_CONFIG_DIR": str(tmp_path / "env")}) == tmp_path / "env"
    assert config_dir(None, {}).name == "rtl-news-reader"


def test_reader_config_prints_the_path_and_the_settings(
    config_folder: Path, write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("theme: reader-sepia\ndigits: western\n")
    assert main(["config", "--config-dir", str(config_folder)]) == 0
    out = capsys.readouterr().out
    assert f"config file: {path}" in out
    assert "theme: reader-sepia" in out and "digits: western" in out and "bidi: auto" in out


def test_reader_config_reports_problems(
    config_folder: Path, write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("digits: roman\n")
    assert main(["config", "--config-dir", str(config_folder)]) == 1
    captured = capsys.readouterr()
    assert "digits: as-written" in captured.out
    assert f"{path}:1:9: digits: 'roman'" in captured.err


def test_reader_config_names_the_themes_and_flags_an_unknown_one(
    config_folder: Path, write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("theme: reader-purple\n")
    assert main(["config", "--config-dir", str(config_folder)]) == 1
    captured = capsys.readouterr()
    assert "themes available: reader-dark, reader-light, reader-high-contrast, reader-sepia" in captured.out
    assert f"reader: {path}: theme: unknown theme 'reader-purple'; the app uses reader-dark" in captured.err
