"""Library: the articles a session can move between, and the files that failed to load."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.article.model import Article, LoadResult


@dataclass(frozen=True)
class Library:
    """Loaded articles in reading order, and the files with errors (never hidden)."""

    results: tuple[LoadResult, ...]

    @classmethod
    def from_results(cls, results: Iterable[LoadResult]) -> Library:
        return cls(tuple(results))

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(result.article for result in self.results if result.article is not None)

    @property
    def broken(self) -> tuple[LoadResult, ...]:
        return tuple(result for result in self.results if result.article is None)
