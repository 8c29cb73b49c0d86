"""Snapshots of the reading screen with a photo drawn in half blocks (the generated photo
of four coloured quadrants), in the wide layout (captions pane) and the narrow one (after
the text). Each SVG was looked at, rendered to PNG with rsvg-convert, before it was accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.loader import load_article
from reader.config import DEFAULT_THEME
from reader.photos.setting import ImageProtocol, ImagesChoice
from reader.session import Session
from reader.text.layout import LayoutOptions
from tests.photo_files import write_photo_article

SIZES = [(80, 24), (120, 40)]


async def photo_drawn(pilot: Any) -> None:
    """The footer mounted, the photo's worker done and its picture in the pane."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def photo_app(tmp_path: Path) -> ReaderApp:
    library = Library.from_results([load_article(write_photo_article(tmp_path))])
    choice = ImagesChoice(ImageProtocol.BLOCKS, "snapshot")
    return ReaderApp(library, LayoutOptions(), Session(theme_name=DEFAULT_THEME, images=choice))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_photo_in_half_blocks(snap_compare: Any, photo_app: ReaderApp, size: tuple[int, int]) -> None:
    assert snap_compare(photo_app, terminal_size=size, run_before=photo_drawn)
