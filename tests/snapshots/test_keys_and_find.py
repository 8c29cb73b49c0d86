"""Snapshots of the help screen and of find: the reader's own keys, the bidi line; the query drawn
shaped in the find bar, its lasting status, the current match apart from the others.

Each SVG under `__snapshots__/` was looked at before it was accepted (rendered to PNG with
`unicode-bidi: bidi-override`, as tools/screenshot.py does).
"""

from __future__ import annotations

from typing import Any

from reader.article.model import Article
from tests.app.conftest import MakeApp
from tests.snapshots.conftest import settled

BIDI = "visual: terminal not recognised; assuming it does no bidi"


def test_help_on_the_reading_screen(snap_compare: Any, make_app: MakeApp, hanoi: Article) -> None:
    async def help_keys(pilot: Any) -> None:
        await settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(hanoi, bidi_description=BIDI), terminal_size=(120, 40), run_before=help_keys)


def test_find_in_the_arabic_article(snap_compare: Any, make_app: MakeApp, hanoi: Article) -> None:
    async def find(pilot: Any) -> None:
        await settled(pilot)
        await pilot.press("slash", *"الأمم", "enter")  # Enter: the keys go back to the text
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(hanoi, bidi_description=BIDI), terminal_size=(120, 40), run_before=find)
