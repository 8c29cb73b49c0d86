"""Articles written as YAML files: the one way the reader makes an article file.

`reader import` and the web import both build a typed `Article` and hand it here. Nothing
is written that the loader would refuse: the fields are checked by the loader's own rules
(`reader.article.fields.build_article`, run on a node tree made from the data: parsing the
text back cost `reader fetch` a third of its writing), and the text holds only what YAML
allows and fits the loader's size limit. That the emitted text composes back into the same
tree is proven by `tests/unit/article/test_writer_roundtrip.py` over hostile strings. The
file is written atomically (a temporary file and a rename).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from reader.article.fields import ARTICLE_FIELDS, build_article
from reader.article.loader import DEFAULT_MAX_SIZE
from reader.article.model import Article, Image, Severity, Source
from reader.article.simple_yaml import simple_yaml
from reader.article.yaml_source import (
    MAX_NODES,
    STR_TAG,
    SourceError,
    YamlList,
    YamlMapping,
    YamlNode,
    YamlScalar,
    decode_article_bytes,
    plain_scalar_tag,
)
from reader.files import write_bytes_atomically
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
    """The fields as YAML: written directly when every value is simple (`simple_yaml`: the
    same text, 7× faster), else by the library."""
    text = simple_yaml(fields)
    return text if text is not None else _library_yaml(fields)


def _library_yaml(fields: dict[str, Any]) -> str:
    """The fields as YAML, by PyYAML. libyaml's emitter (8× faster) when every text is one
    line; its sequences are then indented under their key as `_ReadableDumper` writes them,
    which is all that differs. Else PyYAML's emitter."""
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
    address that is not http(s), a character YAML forbids, a file over the size limit…)."""
    return article_bytes(article).decode("utf-8")


def article_bytes(article: Article) -> bytes:
    """`article_yaml` as the file's bytes (UTF-8)."""
    fields = article_fields(article)
    check_fields(fields, article.path or Path("article.yaml"))
    data = _yaml_text(fields).encode("utf-8")
    try:
        decode_article_bytes(data)  # only characters YAML allows (the emitter escapes the others)
    except SourceError as error:
        raise InvalidArticle(error.message) from None
    if len(data) > DEFAULT_MAX_SIZE:
        raise InvalidArticle(f"the file would be {len(data):,} bytes, over the limit of {DEFAULT_MAX_SIZE:,} bytes")
    return data


def check_fields(fields: dict[str, Any], path: Path) -> None:
    """Raise `InvalidArticle` with the loader's messages when it would refuse `fields`: its
    rules, run on the node tree that the fields' YAML composes into."""
    counter = _NodeCounter()
    _, problems = build_article(counter.node(fields), str(path), path)
    errors = [problem.message for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise InvalidArticle("; ".join(errors))


_SURROGATE = re.compile("[\ud800-\udfff]")


class _NodeCounter:
    """Builds the node tree of plain data (text, whole numbers, lists, mappings), refusing as
    many nodes as the loader refuses. Every text is a `str` scalar: the emitter quotes any
    text that YAML would read as something else (`null`, `NO`, `1:30`)."""

    def __init__(self) -> None:
        self.count = 0

    def node(self, value: object) -> YamlNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise InvalidArticle(f"too many values in one file (more than {MAX_NODES:,})")
        if isinstance(value, dict):
            return YamlMapping([(self.node(key), self.node(item)) for key, item in value.items()], 1, 1)
        if isinstance(value, list):
            return YamlList([self.node(item) for item in value], 1, 1)
        if isinstance(value, str):
            surrogate = _SURROGATE.search(value)
            if surrogate is not None:  # UTF-8 cannot hold it, nor a YAML escape
                raise InvalidArticle(f"a lone surrogate ({surrogate.group()!r}) is not text: {value[:80]!r}")
            return YamlScalar(value, STR_TAG, None, 1, 1)
        if isinstance(value, int):  # a number (or yes/no): written plain, read with the tag YAML gives it
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            return YamlScalar(text, plain_scalar_tag(text), None, 1, 1)
        raise TypeError(f"not article data: {type(value).__name__}")


def write_article(article: Article, path: Path, *, durable: bool = True) -> None:
    """Write `article` to `path` atomically, after checking that the loader accepts it
    (`durable`: see `reader.files.write_atomically`)."""
    write_bytes_atomically(path, article_bytes(article), durable=durable)
