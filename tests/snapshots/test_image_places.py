"""Snapshots of photos placed in the text: the bundled Arabic article, scrolled to its
first placed photo, with its three captions at their places (after paragraphs 2, 6 and 10,
as the seed report has them), dimmed, with
their credits, right to left; the captions pane still lists every photo.

Looked at by a person before it was accepted (rendered to PNG with rsvg-convert).
"""

from __future__ import annotations

from typing import Any

from reader.article.model import Article
from tests.app.conftest import MakeApp
from tests.snapshots.conftest import settled


async def first_caption_on_screen(pilot: Any) -> None:
    await settled(pilot)
    await pilot.press("j", "j", "j", "j", "j", "j", "j", "j")  # the first placed caption comes up
    await pilot.pause()


def test_arabic_article_with_placed_photos(snap_compare: Any, make_app: MakeApp, hanoi: Article) -> None:
    assert [image.after for image in hanoi.images] == [2, 6, 10]
    assert snap_compare(make_app(hanoi), terminal_size=(120, 40), run_before=first_caption_on_screen)
