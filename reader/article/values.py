"""What counts as a valid value for the article fields that have rules beyond "some text".

Each function takes the text an author wrote and returns the typed value, or raises
`InvalidValue` whose message says what is wrong (without the field's name: the caller adds it).
Pure functions on strings: the importer uses them too.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import PurePosixPath, PureWindowsPath

from reader.article.urls import check_url
from reader.text.direction import Direction

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?")
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")


class InvalidValue(ValueError):
    """A value that breaks its field's rule; the message explains how."""


def parse_direction(text: str) -> Direction:
    """`auto`, `rtl` or `ltr`, in any letter case."""
    try:
        return Direction(text.lower())
    except ValueError:
        raise InvalidValue(f"must be auto, rtl or ltr, got {text!r}") from None


def parse_language(text: str) -> str:
    """A BCP 47 language tag such as `ar`, `fa-IR` or `he`."""
    if _LANGUAGE_TAG.fullmatch(text) is None:
        raise InvalidValue(f"not a BCP 47 language tag (like ar, fa, he or en): {text!r}")
    return text


def parse_published(text: str) -> date | datetime:
    """An ISO 8601 date (`2025-10-25`) or date-time (`2025-10-25T09:45:00+07:00`) that exists."""
    try:
        if _DATE_SHAPE.fullmatch(text):
            return date.fromisoformat(text)
        if _DATE_TIME_SHAPE.fullmatch(text):
            return datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"not a real date: {text}") from None
    raise InvalidValue(f"expected an ISO 8601 date such as 2025-10-25 or 2025-10-25T09:45:00+07:00, got {text!r}")


def parse_fetched(text: str) -> datetime:
    """When an article was fetched: an ISO 8601 date-time with its offset (`2026-12-06T21:40:00+00:00`)."""
    value = parse_published(text)
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidValue(f"expected a date-time with its offset, such as 2026-12-06T21:40:00+00:00, got {text!r}")
    return value


def check_source_url(text: str) -> str:
    """An http or https address with a host: no user info, nothing invisible or hidden.

    The rules are `reader.article.urls.check_url`'s: the app opens only what it accepts. An
    inner space is visible, so it is allowed (and warned about by the loader).
    """
    verdict = check_url(text)
    if verdict.reason is not None:
        raise InvalidValue(f"{verdict.reason}: {text!r}")
    return text


def check_image_file(text: str) -> str:
    """A relative path inside the article's folder: not absolute, no `..`, no control characters."""
    if any(unicodedata.category(character) == "Cc" for character in text):
        raise InvalidValue(f"contains a control character: {text!r}")
    posix, windows = PurePosixPath(text), PureWindowsPath(text)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or ".." in windows.parts:
        raise InvalidValue(f"must be a relative path inside the article's folder: {text!r}")
    return text


def split_paragraphs(text: str, *, folded: bool) -> tuple[str, ...]:
    """One string's paragraphs: separated by blank lines; each stripped, its lines joined by a space.

    `folded` says YAML has already folded the scalar (every style but `|`): then each remaining
    line break is where the author left a blank line, so each one ends a paragraph.
    """
    blocks = text.split("\n") if folded else _BLANK_LINES.split(text)
    paragraphs = (" ".join(line.strip() for line in block.split("\n") if line.strip()) for block in blocks)
    return tuple(paragraph for paragraph in paragraphs if paragraph)
