"""Help and the command palette offer the reader's own actions, each once, and its own themes."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList

from reader.article.model import Article
from reader.screens.help import HelpScreen
from reader.terminal.modes import BidiMode
from reader.terminal.probe import BdsmState
from reader.terminal.select_mode import ModeChoice
from reader.theme_files import BUNDLED_THEMES
from tests.app.conftest import MakeApp

TEXTUAL_ACTIONS = {"Scroll Left", "Scroll Right", "Page Left", "Page Right", "Focus Next", "Focus Previous"}


async def test_help_lists_only_the_readers_actions_each_once(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        descriptions = [description for _, description in help_screen.rows]
        assert not TEXTUAL_ACTIONS & set(descriptions)
        assert "Copy selected text" not in descriptions  # nothing can be selected
        assert len(descriptions) == len(set(descriptions))
        assert {"Next pane", "Previous pane", "Find", "Harakat"} <= set(descriptions)


async def test_the_palette_offers_each_action_once(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert len(titles) == len(set(titles)), titles
        assert not {"Maximize", "Screenshot", *TEXTUAL_ACTIONS} & set(titles)


async def test_the_theme_picker_offers_the_readers_themes_only(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_choose_theme()
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        await pilot.pause()
        shown = [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]
        assert sorted(shown) == sorted(BUNDLED_THEMES)
        await pilot.press(*"sepia", "enter")
        await pilot.pause()
        assert app.theme == "reader-sepia"


def test_the_bidi_line_has_no_brackets_inside_brackets() -> None:
    choice = ModeChoice(BidiMode.VISUAL, "terminal answered BDSM (reset): switching it", True, BdsmState.NO_ANSWER)
    assert choice.describe() == "visual: terminal answered BDSM (reset): switching it"
