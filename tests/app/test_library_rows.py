"""Library rows follow their article's direction, explain their marks, show summary and tags, date
articles as the reading screen does, and the cursor comes back to the article last read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.model import Article
from reader.screens.library import LibraryScreen
from reader.screens.library_rows import LEGEND, UNREAD_MARK
from reader.screens.reading import ReadingScreen
from reader.text.digits import DigitStyle
from reader.text.direction import Direction
from reader.text.layout import layout_paragraph
from reader.widgets.row_list import RowList
from tests.app.conftest import MakeApp, library_of, library_rows

PERSIAN = Article(
    title="افزایش قیمت طلا",
    body=("متن خبر.",),
    language="fa",
    published=date(2025, 10, 25),
    summary="قیمت طلا امروز به رکورد رسید.",
    tags=("اقتصاد",),
)
ENGLISH = Article(title="Gold reaches a record", body=("Text.",), language="en", published=date(2025, 10, 24))
OLDER = Article(title="An older report", body=("Text.",), language="en", published=date(2025, 10, 1))


def library(tmp_path: Path) -> Library:
    return library_of(PERSIAN, ENGLISH, OLDER, folder=tmp_path, names=("fa.yaml", "en.yaml", "old.yaml"))


def row_lines(app: ReaderApp, index: int) -> list[str]:
    return library_rows(app)[index].split("\n")


def shaped(text: str) -> str:
    return layout_paragraph(text, 200, Direction.RTL)[0].text


async def test_an_rtl_row_has_its_marks_and_meta_on_the_right(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        width = app.screen.query_one("#articles", RowList).scrollable_content_region.width
        persian, english = row_lines(app, 0), row_lines(app, 1)
        assert persian[0].endswith(shaped(PERSIAN.title) + " " + UNREAD_MARK)
        assert len(persian[1].rstrip()) == width - 2 and persian[1].startswith(" ")  # right-aligned under the title
        assert english[0].startswith(UNREAD_MARK) and english[1].startswith("  24 October 2025")


async def test_the_meta_line_dates_as_the_article_does_and_shows_summary_and_tags(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        meta, summary = row_lines(app, 0)[1:3]
        assert meta.strip() == shaped("۳ آبان ۱۴۰۴ · fa · #اقتصاد")
        assert summary.strip() == shaped(PERSIAN.summary or "")


async def test_the_header_explains_the_marks(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(150, 30)) as pilot:
        await pilot.pause()
        assert LEGEND in str(app.screen.query_one("#library-title").render())
        assert LEGEND == "● unread, ★ bookmarked"


async def test_the_cursor_comes_back_to_the_article_last_read(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first: the Persian article
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("right_square_bracket", "right_square_bracket", "escape")  # to the third, then back
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one("#articles", RowList).highlighted == 2
        assert screen.shown[2].listing.title == OLDER.title


async def test_a_summary_takes_the_configured_digits_like_its_title(make_app: MakeApp, tmp_path: Path) -> None:
    numbered = replace(PERSIAN, title="طلا 25 درصد گران شد", summary="قیمت طلا 25 درصد بالا رفت.")
    rows = library_of(numbered, ENGLISH, folder=tmp_path, names=("fa.yaml", "en.yaml"))
    app = make_app(library=rows, digits=DigitStyle.ARABIC_INDIC)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        title, _, summary = row_lines(app, 0)[:3]
        assert "۲۵" in title and "۲۵" in summary and "25" not in summary
