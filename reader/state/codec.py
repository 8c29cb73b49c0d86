"""Stored records of loaded articles: a `LoadResult` as JSON text, and back.

The index keeps every article's full typed record, so opening an unchanged file decodes
JSON (microseconds) instead of parsing YAML again (milliseconds). The header columns the
library list reads (`published`, the problems of a broken file) are coded here too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reader.article.model import Article, Image, LoadResult, Problem, Severity, Source
from reader.text.direction import Direction

RECORD_VERSION = 3  # 2: images' url, the fetch time; 3: images' place (after)


def result_to_json(result: LoadResult) -> str:
    record = {
        "v": RECORD_VERSION,
        "path": str(result.path),
        "article": _article_to_dict(result.article) if result.article is not None else None,
        "problems": [[p.path, p.line, p.column, p.message, p.severity.value] for p in result.problems],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def result_from_json(text: str) -> LoadResult:
    """Raises ValueError (or KeyError/TypeError) for a record this version cannot read."""
    record = json.loads(text)
    if record.get("v") != RECORD_VERSION:
        raise ValueError(f"record version {record.get('v')!r}")
    problems = _problems_from_list(record["problems"])
    article = _article_from_dict(record["article"]) if record["article"] is not None else None
    return LoadResult(Path(record["path"]), article, problems)


def problems_to_json(problems: Sequence[Problem]) -> str:
    return json.dumps([[p.path, p.line, p.column, p.message, p.severity.value] for p in problems], ensure_ascii=False)


def problems_from_json(text: str) -> tuple[Problem, ...]:
    """Raises ValueError (or KeyError/TypeError) for a column this version cannot read."""
    return _problems_from_list(json.loads(text))


def _problems_from_list(rows: list[list[Any]]) -> tuple[Problem, ...]:
    return tuple(
        Problem(path, line, column, message, Severity(severity)) for path, line, column, message, severity in rows
    )


def published_to_text(value: date | datetime | None) -> str | None:
    """The `published` column: ISO text (a datetime's has a "T", a date's none)."""
    return value.isoformat() if value is not None else None


def published_from_text(text: str | None) -> date | datetime | None:
    """Raises ValueError for text that is not what `published_to_text` writes."""
    if not text:
        return None
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _published_to_json(value: date | datetime | None) -> list[str] | None:
    if value is None:
        return None
    return ["datetime" if isinstance(value, datetime) else "date", value.isoformat()]


def _published_from_json(value: list[str] | None) -> date | datetime | None:
    if value is None:
        return None
    kind, text = value
    return datetime.fromisoformat(text) if kind == "datetime" else date.fromisoformat(text)


def _article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "body": list(article.body),
        "summary": article.summary,
        "language": article.language,
        "direction": article.direction.value,
        "published": _published_to_json(article.published),
        "fetched": article.fetched.isoformat() if article.fetched is not None else None,
        "authors": list(article.authors),
        "source": [article.source.url, article.source.name] if article.source else None,
        "images": [[image.caption, image.credit, image.file, image.url, image.after] for image in article.images],
        "facts": list(article.facts),
        "tags": list(article.tags),
        "path": str(article.path) if article.path is not None else None,
    }


def _article_from_dict(data: dict[str, Any]) -> Article:
    source = data["source"]
    return Article(
        title=data["title"],
        body=tuple(data["body"]),
        summary=data["summary"],
        language=data["language"],
        direction=Direction(data["direction"]),
        published=_published_from_json(data["published"]),
        fetched=datetime.fromisoformat(data["fetched"]) if data["fetched"] is not None else None,
        authors=tuple(data["authors"]),
        source=Source(source[0], source[1]) if source else None,
        images=tuple(Image(*fields) for fields in data["images"]),
        facts=tuple(data["facts"]),
        tags=tuple(data["tags"]),
        path=Path(data["path"]) if data["path"] is not None else None,
    )
