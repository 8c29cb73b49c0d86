"""Typed Arabic in the find box, the library search, the tag box and the library header is shaped and
in display order, like the article; the caret and editing work on the logical text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.library import Library
from reader.article.model import Article
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.widgets.shaped_input import ShapedInput
from tests.app.conftest import MakeApp, library_of

QUERY = "الذهب"
SHAPED = layout_paragraph(QUERY, 80, Direction.AUTO)[0].text  # shaped and reversed: ﺐﻫﺬﻟﺍ


def drawn(field: ShapedInput) -> str:
    return "".join(segment.text for segment in field.render_line(0))


def caret_cell(field: ShapedInput) -> int:
    """The column drawn in the caret's style."""
    caret = field.get_component_rich_style("input--cursor")
    column = 0
    for segment in field.render_line(0):
        style = segment.style
        if style and (style.bgcolor, style.reverse) == (caret.bgcolor, caret.reverse):
            return column
        column += len(segment.text)
    raise AssertionError("no caret drawn")


def gold_library(tmp_path: Path) -> Library:
    article = Article(title="سعر الذهب اليوم", body=("ارتفع سعر الذهب.",), language="ar", tags=("اقتصاد",))
    other = Article(title="خبر آخر", body=("نص.",), language="ar")
    return library_of(article, other, folder=tmp_path, names=("a.yaml", "b.yaml"))


def test_the_expected_form_is_shaped_and_reversed() -> None:
    assert SHAPED != QUERY and SHAPED[0] == "\ufe90"  # final beh first: drawn right to left


@pytest.mark.parametrize("selector", ["#search", "#tag"])
async def test_library_prompts_draw_typed_arabic_shaped(make_app: MakeApp, tmp_path: Path, selector: str) -> None:
    app = make_app(library=gold_library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash" if selector == "#search" else "f", *QUERY)
        await pilot.pause()
        field = app.screen.query_one(selector, ShapedInput)
        assert field.value == QUERY and field.cursor_position == len(QUERY)  # logical
        assert drawn(field).startswith(" " + SHAPED)  # the end caret on the left of the RTL text
        assert caret_cell(field) == 0


async def test_the_library_header_shows_the_query_and_tag_shaped(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=gold_library(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *QUERY, "enter")
        await pilot.pause()
        header = str(app.screen.query_one("#library-title").render())
        assert SHAPED in header and QUERY not in header
        await pilot.press("escape", "escape", "f", *"اقتصاد", "enter")
        await pilot.pause()
        header = str(app.screen.query_one("#library-title").render())
        assert layout_paragraph("اقتصاد", 80, Direction.AUTO)[0].text in header


async def test_find_box_draws_shaped_and_edits_logically(make_app: MakeApp, hanoi: Article) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *QUERY)
        await pilot.pause()
        field = app.screen.query_one("#find", ShapedInput)
        assert SHAPED in drawn(field)
        await pilot.press("home")  # logical start: the first letter, drawn at the right
        await pilot.pause()
        assert field.cursor_position == 0
        assert caret_cell(field) == len(SHAPED)  # after the lead cell, on the rightmost letter
        await pilot.press("delete")
        assert field.value == QUERY[1:]


async def test_logical_mode_draws_the_text_as_typed(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=gold_library(tmp_path), options=LayoutOptions(mode=LayoutOptions().mode.LOGICAL))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *QUERY)
        await pilot.pause()
        assert QUERY in drawn(app.screen.query_one("#search", ShapedInput))


async def test_the_typed_query_keeps_its_place_in_the_header(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=gold_library(tmp_path))
    async with app.run_test(size=(150, 30)) as pilot:
        await pilot.press("slash", *QUERY, "enter")
        await pilot.pause()
        header = str(app.screen.query_one("#library-title").render())
        assert f"1 of 2 articles matching “{SHAPED}” (2 unread) · sorted by date" in header
