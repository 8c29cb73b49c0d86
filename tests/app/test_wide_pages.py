"""Wide terminals: a readable measure with the page centred, an empty side column takes no width, the
side panes keep their borders, and the narrow page keeps the wide page's order (key facts first)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.article.model import Article
from reader.config import DEFAULT_MEASURE
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp


async def test_a_200_column_page_is_centred_at_the_measure(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        body, side = app.screen.query_one("#body", TextPane), app.screen.query_one("#side")
        assert body.scrollable_content_region.width == DEFAULT_MEASURE
        left, right = side.region.x, 200 - body.region.right  # Arabic: the side column on the left
        assert abs(left - right) <= 1 and left > 0
        header = app.screen.query_one("#header")
        assert header.region.x == left and header.region.right == body.region.right


async def test_the_measure_is_configurable(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi, measure=60)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#body", TextPane).scrollable_content_region.width == 60


async def test_an_article_without_facts_images_or_source_gives_the_body_the_side_columns_width(
    make_app: MakeApp, english: Article
) -> None:
    bare = replace(english, facts=(), images=(), source=None)
    app = make_app(bare, measure=0)  # no measure: the full width
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#side").display
        assert app.screen.query_one("#body", TextPane).region.width == 120


@pytest.mark.parametrize("pane_id", ["facts", "images", "source"])
async def test_at_120x40_every_side_pane_keeps_its_bottom_border(
    make_app: MakeApp, hanoi: Article, pane_id: str
) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane, columns = app.screen.query_one(f"#{pane_id}"), app.screen.query_one("#columns")
        assert pane.region.bottom <= columns.region.bottom


async def test_the_narrow_page_puts_the_key_facts_before_the_text(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        roles = [block.role.value for block in app.screen.query_one("#body", TextPane).blocks]
        assert roles[0] == "heading" and "paragraph" in roles
        first_paragraph = roles.index("paragraph")
        assert set(roles[:first_paragraph]) == {"heading", "fact"}  # the key facts box, then the story
        assert roles[first_paragraph:].count("fact") == 0


async def test_narrowing_at_the_top_shows_the_key_facts_first(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        body = app.screen.query_one("#body", TextPane)
        assert body.scroll_y == 0 and body.blocks[0].role.value == "heading"  # the facts box's heading
