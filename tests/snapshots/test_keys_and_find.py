"""Snapshots of the help screen and of find: the reader's own keys, the bidi line; the query drawn
shaped in the find bar, its lasting status, the current match apart from the others.

Each SVG under `__snapshots__/` was looked at before it was accepted (rendered to PNG with
`unicode-bidi: bidi-override`, as tools/screenshot.py does).
"""

from __future__ import annotations

from typing import Any

from reader.app import ReaderApp
from reader.article.model import Article
from reader.config import DEFAULT_THEME
from reader.session import Session
from reader.text.layout import LayoutOptions
from tests.app.conftest import library_of


def app_with(article: Article) -> ReaderApp:
    bidi = "visual: terminal not recognised; assuming it does no bidi"
    session = Session(bidi_description=bidi, theme_name=DEFAULT_THEME)
    return ReaderApp(library_of(article), LayoutOptions(), session)


def test_help_on_the_reading_screen(snap_compare: Any, hanoi: Article) -> None:
    async def help_keys(pilot: Any) -> None:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app_with(hanoi), terminal_size=(120, 40), run_before=help_keys)


def test_find_in_the_arabic_article(snap_compare: Any, hanoi: Article) -> None:
    async def find(pilot: Any) -> None:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("slash", *"الأمم", "enter")  # Enter: the keys go back to the text
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app_with(hanoi), terminal_size=(120, 40), run_before=find)
