"""Library: the articles a session can move between, and the files that failed to load.

A library lists each article by its `Listing` (the header fields the library screen
shows: title, date, source, language, tags) and loads the full `Article` only when it is
asked for one (`Library.article(i)`): a library reopened from the index holds 10,000
listings read from the index's columns, and decodes an article's record when it is opened
or searched. Loaded articles are kept (shared by a library and its subsets), so each
loads once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reader.article.model import Article, LoadResult
from reader.text.direction import Direction

ArticleLoader = Callable[["Listing"], Article]


@dataclass(frozen=True)
class Listing:
    """What the library list shows of one article, and the key to load it by."""

    key: str  # the article's key in the state database (its resolved path)
    path: Path | None  # the file as found; None when listed from the index (its key is a path too)
    title: str
    language: str | None = None
    direction: Direction = Direction.AUTO
    published: date | datetime | None = None
    source_name: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None

    @classmethod
    def of(cls, article: Article, key: str, path: Path | None = None) -> Listing:
        return cls(
            key=key,
            path=path if path is not None else article.path,
            title=article.title,
            language=article.language,
            direction=article.direction,
            published=article.published,
            source_name=article.source.name if article.source else None,
            tags=article.tags,
            summary=article.summary,
        )


class Library:
    """Articles in reading order (as listings, loaded on demand), and the files with errors."""

    def __init__(
        self,
        results: Iterable[LoadResult] = (),
        *,
        listings: Sequence[Listing] = (),
        broken: Sequence[LoadResult] = (),
        loader: ArticleLoader | None = None,
        loaded: dict[Listing, Article] | None = None,
    ) -> None:
        """`results`: loaded files (articles and errors); `listings` + `loader`: articles
        to load when asked (after those of `results`); `loaded`: a cache to share."""
        self._loaded: dict[Listing, Article] = loaded if loaded is not None else {}
        own: list[Listing] = []
        failed: list[LoadResult] = []
        for result in results:
            if result.article is None:
                failed.append(result)
            else:
                listing = Listing.of(result.article, _key(result.article, result.path))
                self._loaded[listing] = result.article
                own.append(listing)
        self.listings: tuple[Listing, ...] = (*own, *listings)
        self.broken: tuple[LoadResult, ...] = (*failed, *broken)
        self._loader = loader

    @classmethod
    def from_results(cls, results: Iterable[LoadResult]) -> Library:
        return cls(results)

    @property
    def count(self) -> int:
        """How many articles (not counting the files with errors)."""
        return len(self.listings)

    def article(self, index: int) -> Article:
        """The full article of `listings[index]`, loaded (once) if it is not yet."""
        listing = self.listings[index]
        article = self._loaded.get(listing)
        if article is None:
            if self._loader is None:
                raise LookupError(f"no loader for {listing.key}")
            article = self._loaded[listing] = self._loader(listing)
        return article

    def is_loaded(self, index: int) -> bool:
        return self.listings[index] in self._loaded

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article, loading those not loaded yet: for small libraries and tests."""
        return tuple(self.article(index) for index in range(self.count))

    @property
    def results(self) -> tuple[LoadResult, ...]:
        """Every article as a load result (loading each), then the files with errors."""
        loaded = (self._result(index) for index in range(self.count))
        return (*loaded, *self.broken)

    def _result(self, index: int) -> LoadResult:
        article = self.article(index)
        return LoadResult(article.path or Path(self.listings[index].key), article)

    def subset(self, listings: Sequence[Listing]) -> Library:
        """These listings (of this library) as a library of their own, sharing the loads."""
        return Library(listings=listings, loader=self._loader, loaded=self._loaded)


def _key(article: Article, path: Path) -> str:
    return article_key(article.path if article.path is not None else path)


class SortOrder(enum.Enum):
    """How a library is listed: newest first, or by title, or by source."""

    DATE = "date"
    TITLE = "title"
    SOURCE = "source"

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


def article_key(path: Path) -> str:
    """The key of an article file in the reader's state and index: its resolved path."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return str(path.absolute())
