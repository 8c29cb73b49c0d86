"""Photos placed in the text: their caption line stands in the body where the photo stood,
while find and the place kept count only the article's own paragraphs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.article.model import Article, Image
from reader.screens.reading import ReadingScreen
from reader.widgets.text_pane import TextPane
from tests import photo_files
from tests.app.conftest import ENGLISH, MakeApp, OpenApp

PLACED_LINE = "▢ Delegates pose for a group photo (Photo: Manh Quan)"


@pytest.fixture
def placed(tmp_path: Path) -> Article:
    """The English article, its photo after the first paragraph and one photo with no place."""
    return replace(
        ENGLISH,
        images=(
            Image(caption="Delegates pose for a group photo", credit="Photo: Manh Quan", after=1),
            Image(caption="The convention centre at night"),
        ),
        path=tmp_path / "placed.yaml",
    )


def body_of(app: ReaderApp) -> TextPane:
    return app.screen.query_one("#body", TextPane)


async def test_a_placed_caption_stands_after_its_paragraph(make_app: MakeApp, placed: Article) -> None:
    app = make_app(placed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = [line.strip() for line in body_of(app).displayed_lines()]
        figure = lines.index(PLACED_LINE)
        assert lines[figure - 1] == "" and lines[figure - 2].endswith("Hanoi.")
        assert lines[figure + 2].startswith("Representatives of 60 countries")
        assert not any("convention centre at night" in line for line in lines)  # no place: captions only
        captions = " ".join(app.screen.query_one("#images", TextPane).displayed_lines())
        assert "Delegates pose" in captions and "convention centre at night" in captions


async def test_the_placed_caption_is_drawn_dimmed(make_app: MakeApp, placed: Article) -> None:
    app = make_app(placed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = body_of(app)
        number = [line.strip() for line in body.displayed_lines()].index(PLACED_LINE)
        figure_colour = body.get_component_rich_style("text-pane--figure", partial=True).color
        drawn = [segment for segment in body.render_line(number) if segment.text.strip()]
        assert figure_colour is not None and all(
            segment.style and segment.style.color == figure_colour for segment in drawn
        )
        paragraph = [segment for segment in body.render_line(0) if segment.text.strip()]
        assert all(segment.style and segment.style.color != figure_colour for segment in paragraph)


async def test_find_counts_a_placed_caption_once_in_the_captions(make_app: MakeApp, placed: Article) -> None:
    app = make_app(placed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Delegates")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert [match.pane for match in screen.matches] == ["images"]


async def test_the_place_kept_counts_paragraphs_not_placed_captions(make_app: MakeApp, placed: Article) -> None:
    app = make_app(placed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        body = body_of(app)
        body.scroll_to_place(6)  # the pane's blocks: paragraph 0, the caption, paragraphs 1, 2…
        await pilot.pause()
        assert body.blocks[body.top_place()[0]].text.startswith("Paragraph 6 of the report")
        screen.remember_place()
        position = screen.store.reading_state(screen.article.path).position  # type: ignore[arg-type]
        assert position is not None and position.block == 5  # body[5], as a search hit counts it
        await pilot.resize_terminal(80, 24)  # narrow: the key facts come first in the body
        await pilot.pause()
        assert body.blocks[body.top_place()[0]].text.startswith("Paragraph 6 of the report")


async def test_shift_v_opens_the_photo_whose_caption_is_placed_on_screen(
    open_app: OpenApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("lead.png", "hall.png"):
        photo_files.write_photo(tmp_path / "images" / name)
    path = tmp_path / "a.yaml"
    path.write_text(
        "title: Two photos\nlanguage: en\nbody:\n  - First paragraph.\n  - Second paragraph.\nimages:\n"
        "  - caption: The lead photo\n    file: images/lead.png\n"
        "  - caption: The hall\n    file: images/hall.png\n    after: 1\n",
        encoding="utf-8",
    )
    started: list[list[str]] = []
    monkeypatch.setattr(ReaderApp, "start_process", lambda self, command: started.append(command))
    monkeypatch.setenv("DISPLAY", ":0")
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "▢ The hall" in [line.strip() for line in body_of(app).displayed_lines()]
        await pilot.press("V")
        await pilot.pause()
    assert started == [["xdg-open", str((tmp_path / "images" / "hall.png").resolve())]]


async def test_a_library_search_hit_opens_at_its_paragraph(make_app: MakeApp, placed: Article) -> None:
    app = make_app(placed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article(0, start_block=5)  # the search found its words in body[5]
        await pilot.pause()
        body = body_of(app)
        assert body.blocks[body.top_place()[0]].text == placed.body[5]
