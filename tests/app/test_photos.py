"""Photos in the captions pane (Pilot): a generated photo drawn with half blocks in 24-bit
colour, above its caption, in the wide and the narrow layout; hostile files give a note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.segment import Segment

from reader.app import ReaderApp
from reader.photos.setting import ImageProtocol
from reader.widgets.photo_pane import HALF_BLOCK, PhotoPane
from tests import photo_files
from tests.app.conftest import OpenApp
from tests.photo_files import CAPTION


@pytest.fixture
def photo_article(tmp_path: Path) -> Callable[..., Path]:
    """`photo_article(write=photo_files.write_photo, file="delegates.png")`: an article
    file whose one image is the file `write` makes."""

    def make(write: Callable[[Path], Path] = photo_files.write_photo, file: str = "delegates.png") -> Path:
        return photo_files.write_photo_article(tmp_path, write, file)

    return make


def pane_rows(pane: PhotoPane) -> list[list[Segment]]:
    """The pane's visible lines as drawn (segments), top to bottom."""
    return [list(pane.render_line(y)) for y in range(pane.scrollable_content_region.height)]


def text_of(row: list[Segment]) -> str:
    return "".join(segment.text for segment in row)


def photo_cells(row: list[Segment]) -> list[Segment]:
    """One segment per half-block cell (the pane draws a run of one colour as one segment)."""
    return [
        Segment(HALF_BLOCK, segment.style)
        for segment in row
        if segment.text and set(segment.text) == {HALF_BLOCK}
        for _ in segment.text
    ]


async def photo_drawn(app: ReaderApp, pilot: object, pane_id: str) -> PhotoPane:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    return app.screen.query_one(f"#{pane_id}", PhotoPane)


@pytest.mark.parametrize(("size", "pane_id"), [((120, 40), "images"), ((80, 24), "body")])
async def test_the_photo_is_drawn_in_half_blocks_above_its_caption(
    photo_article: Callable[..., Path], open_app: OpenApp, size: tuple[int, int], pane_id: str
) -> None:
    app = open_app(photo_article())
    async with app.run_test(size=size) as pilot:
        pane = await photo_drawn(app, pilot, pane_id)
        if pane_id == "body":  # narrow: the photos follow the text, as the captions do
            pane.action_scroll_end()
            await pilot.pause()
        rows = pane_rows(pane)
        drawn = [number for number, row in enumerate(rows) if photo_cells(row)]
        caption = next(number for number, row in enumerate(rows) if CAPTION in text_of(row))
        heading = next(number for number, row in enumerate(rows) if text_of(row).strip() == "Photos")
        assert drawn, "no half-block cells"
        assert heading < drawn[0] and drawn[-1] == caption - 1
        cells = photo_cells(rows[drawn[0]])
        assert all(cell.style and cell.style.color and cell.style.color.triplet for cell in cells)
        colours = {cell.style.color.triplet for cell in cells if cell.style and cell.style.color}
        assert photo_files.RED in colours and photo_files.GREEN in colours
        lower = {
            cell.style.bgcolor.triplet for cell in photo_cells(rows[drawn[-1]]) if cell.style and cell.style.bgcolor
        }
        assert photo_files.BLUE in lower and photo_files.YELLOW in lower


async def test_the_photo_keeps_its_aspect_and_leaves_room_for_its_caption(
    photo_article: Callable[..., Path], open_app: OpenApp
) -> None:
    app = open_app(photo_article())
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await photo_drawn(app, pilot, "images")
        rows = [row for row in pane_rows(pane) if photo_cells(row)]
        columns = len(photo_cells(rows[0]))
        # 160×100 pixels, cells twice as tall as wide: rows ≈ columns × 100/160 / 2.
        assert abs(len(rows) - columns * 100 / 160 / 2) <= 1
        # The captions pane has a limited height: the photo is as tall as leaves the
        # heading and the caption in view, or as wide as the pane.
        shown = [text_of(row) for row in pane_rows(pane)]
        assert any(CAPTION in text for text in shown)
        assert columns == pane.scrollable_content_region.width or not pane.max_scroll_y


async def test_photos_off_shows_the_captions_only(photo_article: Callable[..., Path], open_app: OpenApp) -> None:
    app = open_app(photo_article(), ImageProtocol.OFF)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await photo_drawn(app, pilot, "images")
        assert not pane.photo_blocks()
        assert not any(photo_cells(row) for row in pane_rows(pane))
        assert any(CAPTION in text_of(row) for row in pane_rows(pane))


@pytest.mark.parametrize(
    ("write", "file", "reason"),
    [
        (photo_files.write_truncated, "cut.png", "cut.png cannot be decoded"),
        (photo_files.write_huge_pixels, "huge.png", "huge.png has too many pixels"),
        (photo_files.write_big_file, "big.png", "big.png is 50 MB"),
        (photo_files.write_svg_as_jpg, "photo.jpg", "photo.jpg is an SVG"),
        (photo_files.write_html_as_jpg, "page.jpg", "page.jpg is an HTML page"),
    ],
)
async def test_a_hostile_photo_leaves_the_caption_and_a_reason(
    photo_article: Callable[..., Path], open_app: OpenApp, write: Callable[[Path], Path], file: str, reason: str
) -> None:
    app = open_app(photo_article(write, file))
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await photo_drawn(app, pilot, "images")
        shown = " ".join(text_of(row).strip() for row in pane_rows(pane))
        assert f"photo not shown: {reason}" in shown
        assert CAPTION in shown
        assert not any(photo_cells(row) for row in pane_rows(pane))


async def test_an_animated_gif_shows_its_first_frame(photo_article: Callable[..., Path], open_app: OpenApp) -> None:
    app = open_app(photo_article(photo_files.write_animated_gif, "anim.gif"))
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await photo_drawn(app, pilot, "images")
        colours = {
            cell.style.color.triplet
            for row in pane_rows(pane)
            for cell in photo_cells(row)
            if cell.style and cell.style.color
        }
        assert colours == {photo_files.RED}


async def test_v_shows_the_photo_full_screen_and_escape_comes_back(
    photo_article: Callable[..., Path], open_app: OpenApp
) -> None:
    app = open_app(photo_article())
    async with app.run_test(size=(120, 40)) as pilot:
        small = await photo_drawn(app, pilot, "images")
        small_rows = sum(1 for row in pane_rows(small) if photo_cells(row))
        await pilot.press("v")
        big = await photo_drawn(app, pilot, "photo")
        big_rows = sum(1 for row in pane_rows(big) if photo_cells(row))
        assert big_rows > small_rows
        assert any(CAPTION in text_of(row) for row in pane_rows(big))
        await pilot.press("escape")
        assert app.screen.query("#images")


async def test_shift_v_opens_the_photo_file_in_the_system_viewer(
    photo_article: Callable[..., Path], open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(ReaderApp, "start_process", lambda self, command: started.append(command))
    monkeypatch.setenv("DISPLAY", ":0")
    path = photo_article()
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("V")
        await pilot.pause()
    assert started == [["xdg-open", str((path.parent / "images" / "delegates.png").resolve())]]
