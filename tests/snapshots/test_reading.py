"""Snapshots of the reading screen, grouped by article and terminal size.

Each SVG under `__snapshots__/` was looked at by a person before it was accepted
(rendered to PNG with rsvg-convert): Arabic joined and right to left, brackets facing
the right way, the side column on the left for Arabic and on the right for English.
"""

from __future__ import annotations

from typing import Any

import pytest

from reader.article.model import Article
from tests.app.conftest import MakeApp
from tests.snapshots.conftest import settled

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_arabic_article(snap_compare: Any, make_app: MakeApp, hanoi: Article, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(hanoi), terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_english_article(snap_compare: Any, make_app: MakeApp, english: Article, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(english), terminal_size=size, run_before=settled)
