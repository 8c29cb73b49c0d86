"""Snapshots of the reading page at its extremes: 200 columns (the body at its measure, the page
centred) and 80 columns (one column: the key facts, then the story, then photos and source).

Each SVG under `__snapshots__/` was looked at before it was accepted (rendered to PNG with
`unicode-bidi: bidi-override`, as tools/screenshot.py does).
"""

from __future__ import annotations

from typing import Any

import pytest

from reader.article.model import Article
from tests.app.conftest import MakeApp
from tests.snapshots.conftest import settled


@pytest.mark.parametrize("size", [(200, 50), (80, 24)], ids=["wide-200x50", "narrow-80x24"])
def test_arabic_page(snap_compare: Any, make_app: MakeApp, hanoi: Article, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(hanoi), terminal_size=size, run_before=settled)


def test_english_page_wide(snap_compare: Any, make_app: MakeApp, english: Article) -> None:
    assert snap_compare(make_app(english), terminal_size=(200, 50), run_before=settled)
