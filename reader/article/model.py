"""The typed article model: what a loaded article is, and what a problem with one is.

Widgets, the dump and the text engine receive these objects, never raw YAML data.
Everything here is immutable, so one loaded article can be shared freely.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reader.text.direction import Direction


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an article file, at a precise place.

    `line` and `column` are 1-based, as editors and compilers show them.
    """

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"


@dataclass(frozen=True)
class Source:
    """Where the article comes from: a publication name and the page's address."""

    url: str
    name: str | None = None


@dataclass(frozen=True)
class Image:
    """A photo that went with the article: its caption, credit, where the picture is (a
    file beside the article, the address it came from on the web, or both), and where it
    stood in the text: `after` body paragraphs (0: before the first; None: not known)."""

    caption: str
    credit: str | None = None
    file: str | None = None
    url: str | None = None
    after: int | None = None


@dataclass(frozen=True)
class Article:
    """One news article, as its author wrote it (logical order, unshaped text)."""

    title: str
    body: tuple[str, ...]
    summary: str | None = None
    language: str | None = None
    direction: Direction = Direction.AUTO
    published: date | datetime | None = None
    fetched: datetime | None = None  # when the reader took it from the web (not a publication date)
    authors: tuple[str, ...] = ()
    source: Source | None = None
    images: tuple[Image, ...] = ()
    facts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LoadResult:
    """What loading one file gives: an article when it is usable, and every problem found.

    An article comes with warnings only; any error means `article` is None.
    """

    path: Path
    article: Article | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.article is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
