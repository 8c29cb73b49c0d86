"""What the library list shows: the order, the filters and the search, as pure data.

`LibraryView` is a value: the screen replaces it on every key and asks it for the
entries to list. Sorting is newest first by default (undated articles last), or by
title or source; filters are a language, a tag, a feed (the folder of its fetched
articles) and bookmarks only. It works on the
library's `Listing`s (header fields only), never on full articles.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reader.article.library import Listing
from reader.state.search import Snippet
from reader.state.store import ReadingState
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
    """One article in the list (`index` in the library), with its snippet when searching."""

    listing: Listing
    index: int
    snippet: Snippet | None = None


@dataclass(frozen=True)
class LibraryView:
    sort: SortOrder = SortOrder.DATE
    language: str | None = None
    tag: str | None = None
    bookmarks_only: bool = False
    feed: Path | None = None  # the folder of one feed's articles (`<data>/articles/<name>`)

    def describe(self) -> str:
        parts = [f"sorted by {self.sort.value}"]
        if self.feed is not None:
            parts.append(f"feed \u2068{self.feed.name}\u2069")  # isolated, as the tag
        if self.language:
            parts.append(f"language {self.language}")
        if self.tag:
            parts.append(f"tag \u2068{self.tag}\u2069")  # isolated: an RTL tag keeps its place
        if self.bookmarks_only:
            parts.append("bookmarks only")
        return ", ".join(parts)


def published_sort_value(listing: Listing) -> str:
    """ISO text of the date, comparable across dates and datetimes ("" when undated)."""
    value = listing.published
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()
    return value.isoformat() if isinstance(value, date) else ""


_SORT_KEYS: dict[SortOrder, Callable[[Listing], tuple[str, ...]]] = {
    SortOrder.TITLE: lambda listing: (normalize_for_search(listing.title),),
    SortOrder.SOURCE: lambda listing: (
        normalize_for_search(listing.source_name) if listing.source_name is not None else "\uffff",
        normalize_for_search(listing.title),
    ),
}


def sort_listings(listings: Sequence[Listing], order: SortOrder) -> list[int]:
    """The indexes of `listings` in this order (a stable sort)."""
    if order is SortOrder.DATE:
        dated = sorted((i for i, x in enumerate(listings) if x.published), key=lambda i: published_sort_value(listings[i]), reverse=True)
        return dated + [i for i, x in enumerate(listings) if not x.published]
    key = _SORT_KEYS[order]
    return sorted(range(len(listings)), key=lambda i: key(listings[i]))


def _tag_matches(listing: Listing, tag: str) -> bool:
    wanted = normalize_for_search(tag)
    return any(normalize_for_search(own) == wanted for own in listing.tags)


def keep(listing: Listing, view: LibraryView, states: Mapping[str, ReadingState]) -> bool:
    """Whether the view's filters let `listing` through."""
    if view.language and (listing.language or "").split("-")[0].lower() != view.language:
        return False
    if view.feed is not None and feed_folder(listing) != view.feed:
        return False
    if view.tag and not _tag_matches(listing, view.tag):
        return False
    if view.bookmarks_only:
        return states.get(listing.key, ReadingState()).bookmarked
    return True


def feed_folder(listing: Listing) -> Path:
    """The folder of the article's file: for a fetched article, its feed's folder."""
    return Path(listing.key).parent


def feeds(listings: Sequence[Listing], fetched: Path) -> list[Path]:
    """The feed folders under `fetched` (`<data>/articles`) that hold listed articles."""
    root = fetched.resolve()
    return sorted({folder for folder in map(feed_folder, listings) if folder.parent == root})


def next_feed(current: Path | None, available: Sequence[Path]) -> Path | None:
    """All feeds, then each one in turn, then all again."""
    choices: list[Path | None] = [None, *available]
    return choices[(choices.index(current) + 1) % len(choices)] if current in choices else None


def unread_count(listings: Sequence[Listing], view: LibraryView, states: Mapping[str, ReadingState]) -> int:
    """How many articles the view lets through are unread."""
    return sum(1 for x in listings if keep(x, view, states) and not states.get(x.key, ReadingState()).read)


def languages(listings: Sequence[Listing]) -> list[str]:
    return sorted({(x.language or "").split("-")[0].lower() for x in listings if x.language})


def next_language(current: str | None, available: Sequence[str]) -> str | None:
    """All languages, then each one in turn, then all again."""
    choices: list[str | None] = [None, *available]
    return choices[(choices.index(current) + 1) % len(choices)] if current in choices else None


def entries(
    listings: Sequence[Listing],
    view: LibraryView,
    states: Mapping[str, ReadingState],
    hits: Sequence[tuple[int, Snippet | None]] | None = None,
) -> list[Entry]:
    """The list to show: search hits (listing indexes) in their order when searching,
    else the sorted library."""
    if hits is not None:
        return [Entry(listings[i], i, snippet) for i, snippet in hits if keep(listings[i], view, states)]
    order = sort_listings(listings, view.sort)
    return [Entry(listings[i], i) for i in order if keep(listings[i], view, states)]
