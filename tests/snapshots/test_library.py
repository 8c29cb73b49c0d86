"""Snapshots of the library screen: Arabic, Persian and English rows, marks, the legend, a file with errors.

Each SVG under `__snapshots__/` was looked at before it was accepted (rendered to PNG with
`unicode-bidi: bidi-override`, as tools/screenshot.py does): RTL rows on the right with their
marks, meta lines and summaries, the Persian date in the Solar Hijri calendar, the error on
its own lines.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.model import Article, LoadResult, Problem, Severity, Source
from tests.app.conftest import MakeApp
from tests.snapshots.conftest import settled

NEWS = Path("/news")
ARTICLES = {
    "gold.yaml": Article(
        title="ارتفاع سعر الذهب في الأسواق العالمية",
        body=("ارتفع سعر الذهب.",),
        language="ar",
        published=date(2025, 11, 2),
        source=Source("https://example.com/gold", "مثال"),
        tags=("اقتصاد",),
        summary="ارتفع سعر الذهب اليوم إلى مستوى قياسي.",
    ),
    "tehran.yaml": Article(
        title="افزایش قیمت طلا در بازار تهران",
        body=("متن خبر.",),
        language="fa",
        published=date(2025, 10, 25),
        summary="قیمت طلا امروز به رکورد رسید.",
    ),
    "hanoi.yaml": Article(
        title="Hanoi hosts the signing of the UN cybercrime convention",
        body=("Text.",),
        language="en",
        published=date(2025, 10, 24),
        source=Source("https://example.com/hanoi", "Example News"),
        tags=("world",),
    ),
}
BROKEN = LoadResult(
    NEWS / "broken.yaml",
    None,
    (
        Problem(
            str(NEWS / "broken.yaml"), 1, 1, "unknown key 'titel', ignored (did you mean 'title'?)", Severity.WARNING
        ),
        Problem(str(NEWS / "broken.yaml"), 4, 5, "body[0]: expected text, got a mapping"),
    ),
)


@pytest.fixture
def library_app(make_app: MakeApp) -> ReaderApp:
    """Three articles in three languages and a file with errors."""
    results = [LoadResult(NEWS / name, article) for name, article in ARTICLES.items()]
    return make_app(library=Library.from_results([*results, BROKEN]))


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
def test_library(snap_compare: Any, library_app: ReaderApp, size: tuple[int, int]) -> None:
    assert snap_compare(library_app, terminal_size=size, run_before=settled)


def test_library_search_typed_in_arabic(snap_compare: Any, library_app: ReaderApp) -> None:
    async def search(pilot: Any) -> None:
        await settled(pilot)
        await pilot.press("slash", *"الذهب")
        await pilot.pause()

    assert snap_compare(library_app, terminal_size=(100, 30), run_before=search)
