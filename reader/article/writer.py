"""Articles written as YAML files: the one way the reader makes an article file.

`reader import` and the web import both build a typed `Article` and hand it here. The text
is checked by the loader before anything is written (the reader never writes a file it
would refuse to open), and it is written atomically (a temporary file and a rename).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from reader.article.fields import ARTICLE_FIELDS
from reader.article.loader import parse_article_bytes
from reader.article.model import Article, Image, Source
from reader.files import write_atomically
from reader.text.direction import Direction


class InvalidArticle(ValueError):
    """The article would not load back: the message lists the loader's problems."""


class _ReadableDumper(yaml.SafeDumper):
    """Indents list items under their key (`body:\\n  - …`), as people write YAML."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def article_fields(article: Article) -> dict[str, Any]:
    """The article as plain data, keys in the documented order, empty fields left out."""
    fields: dict[str, Any] = {
        "title": article.title,
        "summary": article.summary,
        "language": article.language,
        "direction": None if article.direction is Direction.AUTO else article.direction.value,
        "published": _date_text(article.published),
        "fetched": _date_text(article.fetched),
        "authors": list(article.authors),
        "source": _source_fields(article.source),
        "body": list(article.body),
        "images": [_image_fields(image) for image in article.images],
        "facts": list(article.facts),
        "tags": list(article.tags),
    }
    return {key: fields[key] for key in ARTICLE_FIELDS if fields.get(key) not in (None, [])}


def _date_text(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _source_fields(source: Source | None) -> dict[str, str] | None:
    if source is None:
        return None
    return {"name": source.name, "url": source.url} if source.name else {"url": source.url}


def _image_fields(image: Image) -> dict[str, str | int]:
    fields = {
        "caption": image.caption,
        "credit": image.credit,
        "file": image.file,
        "url": image.url,
        "after": image.after,
    }
    return {key: value for key, value in fields.items() if value is not None}


_C_DUMPER: type[yaml.CSafeDumper] | None = getattr(yaml, "CSafeDumper", None)
_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def _yaml_text(fields: dict[str, Any]) -> str:
    """The fields as YAML. libyaml's emitter (8× faster: `reader fetch` writes thousands of
    articles) when every text is one line; its sequences are then indented under their key
    as `_ReadableDumper` writes them, which is all that differs. Else PyYAML's emitter."""
    options: dict[str, Any] = {
        "allow_unicode": True,
        "sort_keys": False,
        "default_flow_style": False,
        "width": 2**31 - 1,
    }
    if _C_DUMPER is None or _has_line_breaks(fields):
        return str(yaml.dump(fields, Dumper=_ReadableDumper, **options))
    return _indent_sequences(yaml.dump(fields, Dumper=_C_DUMPER, **options))


def _has_line_breaks(value: object) -> bool:
    if isinstance(value, str):
        return any(brk in value for brk in _LINE_BREAKS)
    if isinstance(value, dict):
        return any(_has_line_breaks(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_line_breaks(item) for item in value)
    return False


def _indent_sequences(text: str) -> str:
    """`key:\n- a` as `key:\n  - a` (with every line of a sequence item). Every scalar is on
    one line, so a line that starts a top-level sequence item starts with `- `."""
    lines: list[str] = []
    in_sequence = False
    for line in text.splitlines(keepends=True):
        in_sequence = line.startswith(("- ", "-\n")) or (in_sequence and line.startswith(" "))
        lines.append("  " + line if in_sequence else line)
    return "".join(lines)


def article_yaml(article: Article) -> str:
    """The article's YAML: letters as themselves, block style, one paragraph per line.

    Raises `InvalidArticle` when the loader would refuse the text (an empty body, an
    address that is not http(s)…)."""
    text = _yaml_text(article_fields(article))
    result = parse_article_bytes(text.encode("utf-8"), article.path or Path("article.yaml"))
    if result.errors:
        raise InvalidArticle("; ".join(problem.message for problem in result.errors))
    return text


def write_article(article: Article, path: Path, *, durable: bool = True) -> None:
    """Write `article` to `path` atomically, after checking that it loads back (`durable`:
    see `reader.files.write_atomically`)."""
    write_atomically(path, article_yaml(article), durable=durable)
