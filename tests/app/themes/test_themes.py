"""Themes: the bundled ones are readable, user themes load, broken ones are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.model import Article
from reader.config import DEFAULT_THEME, load_config
from reader.theme_files import BUNDLED_THEMES, ThemeFileError, parse_theme_text
from reader.themes import load_themes, next_theme
from tests.app.conftest import MakeApp
from tests.app.themes.conftest import WriteTheme
from tests.app.themes.contrast import AA_NORMAL_TEXT, pane_contrasts

GOOD_THEME = (
    'name: my-theme\ndark: true\ncolors:\n  primary: "#88aaff"\n  background: "#101010"\n  foreground: "#eeeeee"\n'
)


def test_the_four_bundled_themes_load() -> None:
    loaded = load_themes()
    assert loaded.problems == ()
    assert set(BUNDLED_THEMES) <= set(loaded.names)


@pytest.mark.parametrize("name", BUNDLED_THEMES)
def test_every_text_colour_of_the_panes_reaches_wcag_aa(name: str) -> None:
    theme = next(theme for theme in load_themes().themes if theme.name == name)
    contrasts = pane_contrasts(theme)
    too_low = {variable: round(ratio, 2) for variable, ratio in contrasts.items() if ratio < AA_NORMAL_TEXT}
    assert not too_low, f"{name}: contrast below {AA_NORMAL_TEXT}:1 for {too_low}"


def test_high_contrast_body_text_reaches_aaa() -> None:
    theme = next(theme for theme in load_themes().themes if theme.name == "reader-high-contrast")
    assert pane_contrasts(theme)["foreground"] >= 7


def test_a_user_theme_is_added(config_folder: Path, write_theme: WriteTheme) -> None:
    write_theme("mine.yaml", GOOD_THEME)
    loaded = load_themes(config_folder)
    assert "my-theme" in loaded.names and loaded.problems == ()


def test_a_broken_user_theme_is_reported_with_its_place(config_folder: Path, write_theme: WriteTheme) -> None:
    path = write_theme("broken.yaml", "name: broken\ncolors:\n  primary: [\n")
    loaded = load_themes(config_folder)
    assert "broken" not in loaded.names and set(BUNDLED_THEMES) <= set(loaded.names)
    (problem,) = loaded.problems
    assert problem.startswith(f"{path}:4:1: not valid YAML")


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("name: x\ncolors:\n  primary: blue\n", "3:12", "primary: 'blue' is not a colour"),
        ('name: x\ncolors:\n  secondary: "#fff"\n', "3:3", "colors: primary is required"),
        ("name: x\ncolour: {}\n", "2:1", "unknown key 'colour'"),
        ('name: Bad Name\ncolors: {primary: "#fff"}\n', "1:7", "use lower-case letters"),
        ('name: x\ndark: sometimes\ncolors: {primary: "#fff"}\n', "2:7", "dark: 'sometimes'"),
    ],
)
def test_theme_file_errors_say_where_and_what(text: str, where: str, message: str) -> None:
    with pytest.raises(ThemeFileError) as error:
        parse_theme_text(text, Path("t.yaml"))
    assert str(error.value).startswith(f"t.yaml:{where}: ") and message in str(error.value)


def test_themes_cycle_in_order_and_wrap() -> None:
    names = ("a", "b", "c")
    assert [next_theme(names, name) for name in ("a", "b", "c", "textual-dark")] == ["b", "c", "a", "a"]


async def test_t_cycles_the_reader_themes_and_saves_the_choice_in_the_config_file(
    make_app: MakeApp, english: Article, config_folder: Path, notifications: list[str]
) -> None:
    app = make_app(english, theme_name="reader-dark", config_dir=config_folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "reader-dark"
        await pilot.press("t")
        assert app.theme == "reader-light"
    assert load_config(config_folder).config.theme == "reader-light"  # what `reader config` shows
    assert f"Theme: reader-light (saved in {config_folder / 'config.yaml'})" in notifications


async def test_a_theme_that_cannot_be_saved_is_kept_for_the_run_and_says_why(
    make_app: MakeApp, english: Article, config_folder: Path, notifications: list[str]
) -> None:
    config_folder.mkdir(parents=True, exist_ok=True)
    (config_folder / "config.yaml").write_text("theme: [unclosed\n", encoding="utf-8")
    app = make_app(english, theme_name="reader-dark", config_dir=config_folder)
    async with app.run_test() as pilot:
        await pilot.press("t")
        assert app.theme == "reader-light"
    assert (config_folder / "config.yaml").read_text(encoding="utf-8") == "theme: [unclosed\n"  # never overwritten
    assert any(message.startswith("Theme: reader-light, for this run only:") for message in notifications)


async def test_an_unknown_or_broken_theme_falls_back_with_a_notification(
    make_app: MakeApp, english: Article, config_folder: Path, write_theme: WriteTheme, notifications: list[str]
) -> None:
    path = write_theme("broken.yaml", "name: [\n")
    app = make_app(english, theme_name="broken", config_dir=config_folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "reader-dark"
    assert any(message.startswith(f"{path}:") for message in notifications)
    assert "Unknown theme 'broken'; using reader-dark." in notifications


async def test_the_app_starts_in_the_readers_default_theme(make_app: MakeApp, english: Article) -> None:
    """What the snapshots show is what a new user sees: the default theme from the config."""
    async with make_app(english).run_test() as pilot:
        await pilot.pause()
        assert pilot.app.theme == DEFAULT_THEME
