"""Articles written by the reader load back as the same article, and bad ones are never written."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.article.model import Article, Image, Source
from reader.article.writer import InvalidArticle, article_yaml, write_article
from reader.text.direction import Direction

TEHRAN = timezone(timedelta(hours=3, minutes=30))

FULL = Article(
    title="گزارش: می‌گویند «۲۵» نفر",
    body=("پاراگراف اول می‌آید.", "NO", "1:30", "2024-01-02"),
    summary="خلاصه",
    language="fa",
    direction=Direction.RTL,
    published=datetime(2026, 12, 6, 9, 45, tzinfo=TEHRAN),
    fetched=datetime(2026, 12, 6, 21, 40, tzinfo=UTC),
    authors=("خبرنگار",),
    source=Source(url="https://www.example.ir/news/1", name="Example"),
    images=(Image(caption="عکس", credit="عکس: کسی", url="https://www.example.ir/a.jpg"),),
    facts=("یک", "دو"),
    tags=("خبر",),
)


def test_an_article_written_loads_back_the_same(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    write_article(FULL, target)
    loaded = load_article(target)
    assert loaded.problems == ()
    assert loaded.article == FULL


def test_the_yaml_is_readable_text_with_letters_as_themselves() -> None:
    text = article_yaml(Article(title="عنوان", body=("نص",), published=date(2025, 10, 25)))
    assert text.splitlines() == ["title: عنوان", "published: '2025-10-25'", "body:", "  - نص"]


def test_an_article_the_loader_would_refuse_is_not_written(tmp_path: Path) -> None:
    bad = Article(title="t", body=("b",), images=(Image(caption="c", url="javascript:alert(1)"),))
    with pytest.raises(InvalidArticle, match="images\\[0\\].url"):
        write_article(bad, tmp_path / "bad.yaml")
    assert list(tmp_path.iterdir()) == []


def test_a_fetch_time_needs_its_offset(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("title: t\nfetched: 2026-12-06T21:40:00\nbody: b\n", encoding="utf-8")
    assert [problem.message for problem in load_article(target).problems] == [
        "fetched: expected a date-time with its offset, such as 2026-12-06T21:40:00+00:00, got '2026-12-06T21:40:00'"
    ]


def test_an_article_over_the_loaders_size_limit_is_not_written(tmp_path: Path) -> None:
    huge = Article(title="t", body=("ا" * 1_000_000,) * 3)  # 6 MB of UTF-8: `reader check` refuses it
    with pytest.raises(InvalidArticle, match="over the limit"):
        write_article(huge, tmp_path / "huge.yaml")
    assert list(tmp_path.iterdir()) == []
