"""The bundled Hanoi Convention article: valid, and faithful to the seed report line for line.

These tests read the seed text with their own simple rules, independent of the importer,
so a mistake in either the article file or the importer shows up.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.article.model import Article
from reader.text.direction import Direction
from tests.conftest import BUNDLED_ARTICLE

CREDIT_AT_END = re.compile(r"(.*) \(((?:ال)?صورة: [^()]+)\)\.")


@pytest.fixture
def article() -> Article:
    result = load_article(BUNDLED_ARTICLE)
    assert result.problems == ()
    assert result.article is not None
    return result.article


@pytest.fixture
def seed_lines(seed_file: Path) -> list[str]:
    return [line for line in seed_file.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_words(lines: list[str]) -> set[str]:
    return set(re.findall(r"\w+", " ".join(lines)))


def test_it_loads_with_zero_problems(article: Article) -> None:
    assert article.path == BUNDLED_ARTICLE


def test_the_body_is_every_seed_paragraph_in_order(article: Article, seed_lines: list[str]) -> None:
    paragraphs = [
        line
        for line in seed_lines
        if not CREDIT_AT_END.fullmatch(line) and not line.startswith("المصدر:") and line != "تعليق (0)"
    ]
    assert list(article.body) == paragraphs
    assert "(اتفاقية هانوي )" in article.body[0]
    assert "لونغ كوونغ" in article.body[1]


def test_the_three_captions_keep_their_credits_as_written(article: Article, seed_lines: list[str]) -> None:
    caption_lines = [line for line in seed_lines if CREDIT_AT_END.fullmatch(line)]
    assert [f"{image.caption} ({image.credit})." for image in article.images] == caption_lines
    assert [image.credit for image in article.images] == ["صورة: مان كوان", "الصورة: مانه كوان", "صورة: مان كوان"]
    assert article.images[1].caption == "الرئيس ليونج كوونج والأمين العام ورئيس لاوس ثونجلون سيسوليث"


def test_metadata(article: Article, seed_lines: list[str]) -> None:
    assert (article.language, article.direction, article.published) == ("ar", Direction.RTL, date(2025, 10, 25))
    assert article.source is not None
    assert article.source.name == "Dân trí"
    assert f"المصدر: {article.source.url}" in seed_lines
    assert "20251025" in article.source.url
    assert "هانوي" in article.title and "اتفاقية الأمم المتحدة لمكافحة الجرائم الإلكترونية" in article.title


def test_titles_facts_and_tags_use_only_the_reports_words(article: Article, seed_lines: list[str]) -> None:
    words = seed_words(seed_lines)
    for text in (article.title, *article.facts, *article.tags):
        assert set(re.findall(r"\w+", text)) <= words, text


@pytest.mark.parametrize(
    "detail",
    [
        "25 أكتوبر",
        "المركز الوطني للمؤتمرات",
        "ترأس الرئيس لونغ كوونغ",
        "110 دول",
        "60 دولة",
        "عام 2019",
        "24 ديسمبر 2024",
        "تسعة فصول و 71 مادة",
        '"مكافحة الجرائم الإلكترونية، تقاسم المسؤولية، نحو المستقبل"',
    ],
)
def test_the_key_facts_are_there(article: Article, seed_lines: list[str], detail: str) -> None:
    assert any(detail in fact for fact in article.facts)
    assert any(detail in line for line in seed_lines)
