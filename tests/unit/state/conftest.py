"""Fixtures for the state tests: a database in a temporary folder, and article files."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
import yaml

from reader.state.store import SqliteStore

WriteNews = Callable[..., Path]


def news_yaml(title: str, body: Sequence[str], **fields: object) -> str:
    """An article file's text: `fields` are other article keys (language, published, tags...)."""
    data: dict[str, object] = {"title": title, "language": "ar", "published": "2025-01-01", **fields}
    data["body"] = list(body)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def news_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    return folder


@pytest.fixture
def write_news(news_folder: Path) -> WriteNews:
    """`write_news(name, title, body, **fields)`: writes an article in `news_folder`."""

    def write(name: str, title: str, body: Sequence[str] = ("نص الخبر.",), **fields: object) -> Path:
        path = news_folder / name
        path.write_text(news_yaml(title, body, **fields), encoding="utf-8")
        return path

    return write


def write_generated_library(folder: Path, count: int) -> list[Path]:
    """`count` small articles, numbered, each with its number in its title and body."""
    paths = []
    for number in range(count):
        path = folder / f"{number:05d}.yaml"
        title = f"خبر رقم {number}"
        body = [f"الفقرة الأولى من الخبر {number} عن الاتفاقية.", f"Paragraph two of story {number}."]
        path.write_text(
            news_yaml(title, body, published=f"2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"), encoding="utf-8"
        )
        paths.append(path)
    return paths


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.sqlite3"


@pytest.fixture
def store(database: Path) -> Iterator[SqliteStore]:
    database.parent.mkdir(parents=True, exist_ok=True)
    opened = SqliteStore(database)
    yield opened
    opened.close()
