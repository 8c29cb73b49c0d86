"""From a composed YAML node tree to a typed `Article`, checking every field.

This module owns the article format's fields: which exist, which are required, what type
each holds, and the field paths (`body[3]`, `source.url`, `images[1].caption`) that name
them in messages. Every problem found is reported, each at its node's line and column;
any error means no article.

A scalar in a text field is the text as the author wrote it (`NO`, `3.10`, `1:30`,
`2024-01-02` stay text): YAML 1.1's implicit types never apply. Null never counts as text.
The one number is an image's place, `images[1].after`: how many body paragraphs come
before the photo, in digits, at most the body's paragraph count.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reader.article.model import Article, Image, Problem, Severity, Source
from reader.article.values import (
    InvalidValue,
    check_image_file,
    check_source_url,
    parse_direction,
    parse_fetched,
    parse_language,
    parse_published,
    split_paragraphs,
)
from reader.article.yaml_source import (
    NULL_TAG,
    YamlList,
    YamlMapping,
    YamlNode,
    YamlScalar,
)
from reader.text.direction import Direction

ARTICLE_FIELDS = (
    "title",
    "summary",
    "language",
    "direction",
    "published",
    "fetched",
    "authors",
    "source",
    "body",
    "images",
    "facts",
    "tags",
)
SOURCE_FIELDS = ("name", "url")
IMAGE_FIELDS = ("caption", "credit", "file", "url", "after")

_PARAGRAPH_COUNT = re.compile(r"\+?[0-9]+")
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_KIND_BY_TAG = {
    NULL_TAG: "nothing (null)",
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:timestamp": "a date",
}

T = TypeVar("T")
Reader = Callable[[YamlNode, str, "Report"], T | None]


class Report:
    """The problems found in one file so far."""

    def __init__(self, display_path: str) -> None:
        self.display_path = display_path
        self.problems: list[Problem] = []

    def error(self, node: YamlNode, message: str) -> None:
        self.problems.append(Problem(self.display_path, node.line, node.column, message))

    def warning(self, node: YamlNode, message: str) -> None:
        self.problems.append(Problem(self.display_path, node.line, node.column, message, Severity.WARNING))

    @property
    def has_errors(self) -> bool:
        return any(problem.severity is Severity.ERROR for problem in self.problems)


def build_article(root: YamlNode, display_path: str, path: Path | None) -> tuple[Article | None, list[Problem]]:
    """The article the tree describes (None on any error), and every problem found."""
    report = Report(display_path)
    if not isinstance(root, YamlMapping):
        report.error(root, f"expected a mapping of fields (title: …, body: …) at the top level, got {describe(root)}")
        return None, report.problems
    article = _read_article(root, report, path)
    return (None if report.has_errors else article), report.problems


def _read_article(root: YamlMapping, report: Report, path: Path | None) -> Article | None:
    fields = read_fields(root, "", ARTICLE_FIELDS, report)
    title = required(fields, "title", root, "", read_text, report)
    body = required(fields, "body", root, "", read_body, report)
    summary = optional(fields, "summary", read_text, report)
    language = optional(fields, "language", _checked(read_text, parse_language), report)
    direction = optional(fields, "direction", _checked(read_text, parse_direction), report)
    published = optional(fields, "published", _checked(read_text, parse_published), report)
    fetched = optional(fields, "fetched", _checked(read_text, parse_fetched), report)
    authors = optional(fields, "authors", read_text_list, report)
    source = optional(fields, "source", read_source, report)
    images = optional(fields, "images", read_images, report)
    if images and body is not None:
        check_image_places(fields["images"], images, len(body), report)
    facts = optional(fields, "facts", read_text_list, report)
    tags = optional(fields, "tags", read_text_list, report)
    if title is None or body is None:
        return None
    return Article(
        title=title,
        body=body,
        summary=summary,
        language=language,
        direction=direction or Direction.AUTO,
        published=published,
        fetched=fetched,
        authors=authors or (),
        source=source,
        images=images or (),
        facts=facts or (),
        tags=tags or (),
        path=path,
    )


# --- mappings and field paths ----------------------------------------------------------------


def field_path(parent: str, key: str) -> str:
    """`source` + `url` → `source.url`; keys that are not plain names are quoted."""
    shown = key if key.isidentifier() else repr(key)
    return f"{parent}.{shown}" if parent else shown


def item_path(parent: str, index: int) -> str:
    """`images` + 1 → `images[1]` (indexes count from 0)."""
    return f"{parent}[{index}]"


def read_fields(mapping: YamlMapping, where: str, known: tuple[str, ...], report: Report) -> dict[str, YamlNode]:
    """The known fields' value nodes; reports duplicate keys, non-text keys and unknown keys."""
    fields: dict[str, YamlNode] = {}
    first_keys: dict[str, YamlScalar] = {}
    for key_node, value_node in mapping.pairs:
        if not isinstance(key_node, YamlScalar):
            report.error(key_node, f"{where + ': ' if where else ''}keys must be text, got {describe(key_node)}")
            continue
        key, key_path = key_node.value, field_path(where, key_node.value)
        if key in first_keys:
            report.error(key_node, f"{key_path}: duplicate key (first given at line {first_keys[key].line})")
            continue
        first_keys[key] = key_node
        if key in known:
            fields[key] = value_node
        else:
            report.warning(key_node, f"{key_path}: unknown key, ignored{_suggestion(key, known)}")
    return fields


def _suggestion(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def required(
    fields: dict[str, YamlNode], name: str, mapping: YamlMapping, where: str, reader: Reader[T], report: Report
) -> T | None:
    """A required field's value; reports it at the mapping's start when it is missing."""
    if name not in fields:
        report.error(mapping, f"{field_path(where, name)}: required")
        return None
    return reader(fields[name], field_path(where, name), report)


def optional(fields: dict[str, YamlNode], name: str, reader: Reader[T], report: Report, where: str = "") -> T | None:
    """An optional field's value, or None when it is absent or wrong (then it is reported)."""
    if name not in fields:
        return None
    return reader(fields[name], field_path(where, name), report)


# --- value readers ---------------------------------------------------------------------------


def describe(node: YamlNode) -> str:
    """What a node holds, in words for a message: `a list`, `a number`, `nothing (null)`…"""
    if isinstance(node, YamlMapping):
        return "a mapping"
    if isinstance(node, YamlList):
        return "a list"
    if node.tag in _NUMBER_TAGS:
        return "a number"
    return _KIND_BY_TAG.get(node.tag, "text")


COLON_HINT = " (unquoted text with ': ' in it is read as a key and a value: put the text in quotes)"


def _mapping_hint(node: YamlNode) -> str:
    """Why text came out a mapping: an unquoted `: ` (the usual reason in a paragraph)."""
    return COLON_HINT if isinstance(node, YamlMapping) else ""


def read_text(node: YamlNode, where: str, report: Report) -> str | None:
    """Non-blank text as written, stripped of surrounding whitespace."""
    if not isinstance(node, YamlScalar) or node.tag == NULL_TAG:
        report.error(node, f"{where}: expected text, got {describe(node)}{_mapping_hint(node)}")
        return None
    text = node.value.strip()
    if not text:
        report.error(node, f"{where}: must not be empty")
        return None
    return text


def _checked(reader: Reader[str], parse: Callable[[str], T]) -> Reader[T]:
    """A reader that reads text, then parses it with a rule from `values`."""

    def read_checked(node: YamlNode, where: str, report: Report) -> T | None:
        text = reader(node, where, report)
        if text is None:
            return None
        try:
            return parse(text)
        except InvalidValue as problem:
            report.error(node, f"{where}: {problem}")
            return None

    return read_checked


def read_list(node: YamlNode, where: str, report: Report, item_reader: Reader[T]) -> tuple[T, ...] | None:
    """A list whose every item `item_reader` accepts."""
    if not isinstance(node, YamlList):
        report.error(node, f"{where}: expected a list, got {describe(node)}")
        return None
    items = [item_reader(item, item_path(where, index), report) for index, item in enumerate(node.items)]
    kept = tuple(item for item in items if item is not None)
    return kept if len(kept) == len(items) else None


def read_text_list(node: YamlNode, where: str, report: Report) -> tuple[str, ...] | None:
    return read_list(node, where, report, read_text)


def read_body(node: YamlNode, where: str, report: Report) -> tuple[str, ...] | None:
    """A list of paragraphs, or one string whose paragraphs are separated by blank lines."""
    if isinstance(node, YamlScalar) and node.tag != NULL_TAG:
        paragraphs: tuple[str, ...] | None = split_paragraphs(node.value, folded=node.style != "|")
    elif isinstance(node, YamlList):
        paragraphs = read_text_list(node, where, report)
    else:
        report.error(node, f"{where}: expected a list of paragraphs or text, got {describe(node)}")
        return None
    if paragraphs == ():
        report.error(node, f"{where}: has no paragraphs")
        return None
    return paragraphs


def read_source(node: YamlNode, where: str, report: Report) -> Source | None:
    """`name` (optional) and `url` (required, http or https)."""
    if not isinstance(node, YamlMapping):
        report.error(node, f"{where}: expected a mapping (name, url), got {describe(node)}")
        return None
    fields = read_fields(node, where, SOURCE_FIELDS, report)
    url = required(fields, "url", node, where, _checked(read_text, check_source_url), report)
    if url is not None and " " in url:
        report.warning(fields["url"], f"{field_path(where, 'url')}: the URL contains a space (browsers send it as %20)")
    name = optional(fields, "name", read_text, report, where)
    return Source(url=url, name=name) if url is not None else None


def read_image(node: YamlNode, where: str, report: Report) -> Image | None:
    """`caption` (required), `credit`, `file` (a relative path), `url` (http or https) and
    `after` (its place: how many body paragraphs come before it)."""
    if not isinstance(node, YamlMapping):
        report.error(node, f"{where}: expected a mapping (caption, credit, file, url, after), got {describe(node)}")
        return None
    fields = read_fields(node, where, IMAGE_FIELDS, report)
    caption = required(fields, "caption", node, where, read_text, report)
    credit = optional(fields, "credit", read_text, report, where)
    file = optional(fields, "file", _checked(read_text, check_image_file), report, where)
    url = optional(fields, "url", _checked(read_text, check_source_url), report, where)
    after = optional(fields, "after", read_paragraph_count, report, where)
    return Image(caption=caption, credit=credit, file=file, url=url, after=after) if caption is not None else None


def read_images(node: YamlNode, where: str, report: Report) -> tuple[Image, ...] | None:
    return read_list(node, where, report, read_image)


def read_paragraph_count(node: YamlNode, where: str, report: Report) -> int | None:
    """A count of paragraphs in digits (`3`; `0` is before the first paragraph)."""
    shown = repr(node.value) if isinstance(node, YamlScalar) and node.tag != NULL_TAG else describe(node)
    if not isinstance(node, YamlScalar) or node.tag == NULL_TAG or not _PARAGRAPH_COUNT.fullmatch(node.value.strip()):
        negative = isinstance(node, YamlScalar) and _PARAGRAPH_COUNT.fullmatch(node.value.strip().removeprefix("-"))
        reason = "must not be negative" if negative else "expected a number of body paragraphs in digits"
        report.error(node, f"{where}: {reason} (0: before the first paragraph), got {shown}")
        return None
    return int(node.value)


def check_image_places(node: YamlNode, images: tuple[Image, ...], paragraphs: int, report: Report) -> None:
    """Reports each image placed after more paragraphs than the body has."""
    assert isinstance(node, YamlList)  # read_images accepted it
    for index, (item, image) in enumerate(zip(node.items, images, strict=True)):
        if image.after is not None and image.after > paragraphs and isinstance(item, YamlMapping):
            where = field_path(item_path("images", index), "after")
            place = next(value for key, value in item.pairs if isinstance(key, YamlScalar) and key.value == "after")
            report.error(
                place,
                f"{where}: the body has {paragraphs} paragraph{'s' if paragraphs != 1 else ''},"
                f" so a photo cannot stand after paragraph {image.after}",
            )
