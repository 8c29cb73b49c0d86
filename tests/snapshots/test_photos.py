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
from reader.photos.setting import ImageProtocol, ImagesChoice
from tests.app.conftest import MakeApp
from tests.photo_files import write_photo_article
from tests.snapshots.conftest import settled

SIZES = [(80, 24), (120, 40)]


async def photo_drawn(pilot: Any) -> None:
    """The footer mounted, the photo's worker done and its picture in the pane."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await settled(pilot)


@pytest.fixture
def photo_app(make_app: MakeApp, tmp_path: Path) -> ReaderApp:
    library = Library.from_results([load_article(write_photo_article(tmp_path))])
    choice = ImagesChoice(ImageProtocol.BLOCKS, "snapshot")
    return make_app(library=library, images=choice)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_photo_in_half_blocks(snap_compare: Any, photo_app: ReaderApp, size: tuple[int, int]) -> None:
    assert snap_compare(photo_app, terminal_size=size, run_before=photo_drawn)
