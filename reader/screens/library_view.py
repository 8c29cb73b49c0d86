"""What the library list shows: the order, the filters and the search, as pure data.

`LibraryView` is a value: the screen replaces it on every key and asks it for the
entries to list. Sorting is newest first by default (undated articles last), or by
title or source; filters are a language, a tag and bookmarks only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reader.article.model import Article
from reader.state.search import Snippet
from reader.state.store import ReadingState, state_key
from reader.text.normalize import normalize_for_search


class SortOrder(enum.Enum):
    DATE = "date"
    TITLE = "title"
    SOURCE = "source"

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True)
class Entry:
    """One article in the list, with its search snippet when a search is on."""

    article: Article
    snippet: Snippet | None = None


@dataclass(frozen=True)
class LibraryView:
    sort: SortOrder = SortOrder.DATE
    language: str | None = None
    tag: str | None = None
    bookmarks_only: bool = False

    def describe(self) -> str:
        parts = [f"sorted by {self.sort.value}"]
        if self.language:
            parts.append(f"language {self.language}")
        if self.tag:
            parts.append(f"tag {self.tag}")
        if self.bookmarks_only:
            parts.append("bookmarks only")
        return ", ".join(parts)


def article_key(article: Article) -> str | None:
    return state_key(article.path) if article.path is not None else None


def published_sort_value(article: Article) -> str:
    """ISO text of the date, comparable across dates and datetimes ("" when undated)."""
    value = article.published
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()
    return value.isoformat() if isinstance(value, date) else ""


_SORT_KEYS: dict[SortOrder, Callable[[Article], tuple[str, ...]]] = {
    SortOrder.TITLE: lambda article: (normalize_for_search(article.title),),
    SortOrder.SOURCE: lambda article: (
        normalize_for_search(article.source.name or "") if article.source else "\uffff",
        normalize_for_search(article.title),
    ),
}


def sort_articles(articles: Sequence[Article], order: SortOrder) -> list[Article]:
    if order is SortOrder.DATE:
        dated = sorted((a for a in articles if a.published), key=published_sort_value, reverse=True)
        return dated + [a for a in articles if not a.published]
    return sorted(articles, key=_SORT_KEYS[order])


def _tag_matches(article: Article, tag: str) -> bool:
    wanted = normalize_for_search(tag)
    return any(normalize_for_search(own) == wanted for own in article.tags)


def keep(article: Article, view: LibraryView, states: Mapping[str, ReadingState]) -> bool:
    """Whether the view's filters let `article` through."""
    if view.language and (article.language or "").split("-")[0].lower() != view.language:
        return False
    if view.tag and not _tag_matches(article, view.tag):
        return False
    if view.bookmarks_only:
        key = article_key(article)
        return key is not None and states.get(key, ReadingState()).bookmarked
    return True


def languages(articles: Sequence[Article]) -> list[str]:
    return sorted({(a.language or "").split("-")[0].lower() for a in articles if a.language})


def next_language(current: str | None, available: Sequence[str]) -> str | None:
    """All languages, then each one in turn, then all again."""
    choices: list[str | None] = [None, *available]
    return choices[(choices.index(current) + 1) % len(choices)] if current in choices else None


def entries(
    articles: Sequence[Article],
    view: LibraryView,
    states: Mapping[str, ReadingState],
    hits: Sequence[tuple[Article, Snippet | None]] | None = None,
) -> list[Entry]:
    """The list to show: search hits in their order when searching, else the sorted library."""
    if hits is not None:
        return [Entry(article, snippet) for article, snippet in hits if keep(article, view, states)]
    return [Entry(article) for article in sort_articles(articles, view.sort) if keep(article, view, states)]
