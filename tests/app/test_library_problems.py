"""A broken file in a big library is visible: counted in the header, reachable with End, each
problem on its own line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from reader.article.library import Library
from reader.article.model import Article, LoadResult, Problem, Severity
from reader.widgets.row_list import RowList
from tests.app.conftest import MakeApp


def big_library(tmp_path: Path) -> Library:
    articles = [
        LoadResult(
            tmp_path / f"{n}.yaml",
            Article(
                title=f"Report {n}", body=("Text.",), language="en", published=date(2025, 1, 1) + timedelta(days=n)
            ),
        )
        for n in range(300)
    ]
    bad = "news/bad.yaml"  # as the loader names a file given by a relative path (short: one screen line)
    broken = LoadResult(
        tmp_path / "bad.yaml",
        None,
        (
            Problem(bad, 3, 1, "body[14]: expected text, got a mapping"),
            Problem(bad, 1, 1, "unknown key 'titel'", Severity.WARNING),
        ),
    )
    return Library.from_results([*articles, broken])


def visible_lines(row_list: RowList) -> list[str]:
    return ["".join(segment.text for segment in row_list.render_line(y)).rstrip() for y in range(row_list.size.height)]


async def test_end_shows_the_files_with_errors_and_the_header_counts_them(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(library=big_library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#library-title").render())
        assert "1 file with errors" in header
        await pilot.press("end")
        await pilot.pause()
        row_list = app.screen.query_one("#articles", RowList)
        shown = visible_lines(row_list)
        assert "Files with errors" in shown
        starts = [line for line in shown if line.startswith("news/bad.yaml")]  # a problem starts a line
        assert [line.split("bad.yaml:")[1][:14] for line in starts] == ["3:1: body[14]:", "1:1: warning: "]
        assert any("Report 0" in line for line in shown)  # the last article is there too, highlighted
