"""The feeds a user follows and what the reader remembers of each, in one file.

`<data>/feeds.json` holds, per feed: its name (also the folder of its articles,
`<data>/articles/<name>/`), address, title and OPML category; the validators for conditional
GET (ETag, Last-Modified); when it was last fetched and with what result; and the keys of the
items already saved (GUID, else the link) among those the feed holds, so that an item becomes
one article however often the feed is fetched. The file is written atomically
(`reader.files.write_atomically`).

The data folder is `READER_DATA_DIR`, else the platform's user data folder
(`reader.user_folders.data_folder`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.files import write_atomically
from reader.user_folders import fetched_articles

FILE_NAME = "feeds.json"
FORMAT_VERSION = 1
MAX_SEEN = 5000
"""Item keys remembered per feed, at most (only those of the items the feed holds are kept)."""


class SubscriptionsError(Exception):
    """The subscriptions file cannot be read; `str(error)` says which file and why."""


@dataclass(frozen=True)
class Subscription:
    """One followed feed and its state. `last_result` is a line such as `3 new` or
    `failed: timed out after 30 s`; `last_fetch` is an ISO 8601 date-time."""

    name: str
    url: str
    title: str | None = None
    category: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_result: str | None = None
    seen: tuple[str, ...] = ()

    def with_seen(self, keys: Iterable[str], window: Collection[str]) -> Subscription:
        """This feed having also seen `keys`; only the keys of `window` (the items the feed
        holds now) are kept: an item gone from the feed does not come back (were it to, its
        file has the same name, so it is still one article)."""
        merged = dict.fromkeys(key for key in (*self.seen, *keys) if key in window)
        return replace(self, seen=tuple(merged)[-MAX_SEEN:])


@dataclass
class Subscriptions:
    """All followed feeds, in the order they were added."""

    feeds: list[Subscription] = field(default_factory=list)

    def find(self, name_or_url: str) -> Subscription | None:
        for feed in self.feeds:
            if name_or_url in (feed.name, feed.url):
                return feed
        return None

    def add(self, feed: Subscription) -> None:
        self.feeds.append(feed)

    def remove(self, name_or_url: str) -> Subscription | None:
        found = self.find(name_or_url)
        if found is not None:
            self.feeds.remove(found)
        return found

    def update(self, feed: Subscription) -> None:
        """Replace the feed of the same name (after a fetch)."""
        self.feeds = [feed if old.name == feed.name else old for old in self.feeds]

    def unique_name(self, wanted: str) -> str:
        """`wanted`, or `wanted-2`, `wanted-3`… when a feed already has that name."""
        taken = {feed.name for feed in self.feeds}
        name, number = wanted, 2
        while name in taken:
            name, number = f"{wanted}-{number}", number + 1
        return name


def subscriptions_path(data: Path) -> Path:
    return data / FILE_NAME


def articles_folder(data: Path) -> Path:
    """Where fetched articles are saved, one folder per feed."""
    return fetched_articles(data)


def load_subscriptions(data: Path) -> Subscriptions:
    """The followed feeds (none when the file does not exist yet)."""
    path = subscriptions_path(data)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Subscriptions()
    except (OSError, UnicodeDecodeError) as error:
        raise SubscriptionsError(f"{path}: cannot be read: {error}") from error
    try:
        document = json.loads(text)
    except ValueError as error:
        raise SubscriptionsError(f"{path}: not valid JSON: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("feeds"), list):
        raise SubscriptionsError(f'{path}: expected {{"feeds": [...]}}')
    return Subscriptions([_subscription(entry, path) for entry in document["feeds"]])


def _subscription(entry: Any, path: Path) -> Subscription:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(entry.get("url"), str):
        raise SubscriptionsError(f"{path}: every feed needs a name and a url")

    def text(key: str) -> str | None:
        value = entry.get(key)
        return value if isinstance(value, str) else None

    seen = entry.get("seen", [])
    return Subscription(
        name=entry["name"],
        url=entry["url"],
        title=text("title"),
        category=text("category"),
        etag=text("etag"),
        last_modified=text("last_modified"),
        last_fetch=text("last_fetch"),
        last_result=text("last_result"),
        seen=tuple(key for key in seen if isinstance(key, str)) if isinstance(seen, list) else (),
    )


def save_subscriptions(data: Path, subscriptions: Subscriptions) -> None:
    write_atomically(subscriptions_path(data), subscriptions_json(subscriptions))


def subscriptions_json(subscriptions: Subscriptions) -> str:
    feeds = [_fields(feed) for feed in subscriptions.feeds]
    return json.dumps({"version": FORMAT_VERSION, "feeds": feeds}, ensure_ascii=False, indent=2) + "\n"


def _fields(feed: Subscription) -> Mapping[str, Any]:
    fields: dict[str, Any] = {
        "name": feed.name,
        "url": feed.url,
        "title": feed.title,
        "category": feed.category,
        "etag": feed.etag,
        "last_modified": feed.last_modified,
        "last_fetch": feed.last_fetch,
        "last_result": feed.last_result,
        "seen": list(feed.seen),
    }
    return {key: value for key, value in fields.items() if value not in (None, [])}


_NOT_IN_NAMES = re.compile(r"[^\w]+")
MAX_NAME_WORDS = 4
MAX_NAME_LENGTH = 40


def _in_name(char: str) -> bool:
    """Letters, digits and combining marks (harakat) of any script."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def feed_name(title: str | None, url: str) -> str:
    """A name for a feed, also safe as a folder name: its title in any script (`bbc-عربي`),
    lower case, words joined by `-`; the address's host when the title has no letters."""
    text = unicodedata.normalize("NFC", title or "").lower()
    words = "".join(char if _in_name(char) else " " for char in text).split()
    name = "-".join(words[:MAX_NAME_WORDS])[:MAX_NAME_LENGTH].strip("-_")
    if name:
        return name
    host = urlsplit(url).hostname or "feed"
    return _NOT_IN_NAMES.sub("-", host.removeprefix("www.")).strip("-") or "feed"


def valid_name(name: str) -> str | None:
    """Why `name` cannot name a feed (it is a folder name), or None when it can."""
    if not name.strip():
        return "a feed's name cannot be empty"
    if name.startswith(".") or "/" in name or "\\" in name or any(unicodedata.category(c)[0] == "C" for c in name):
        return f"a feed's name cannot start with a dot or hold / \\ or control characters: {name!r}"
    if len(name) > 100:
        return "a feed's name is at most 100 characters"
    return None
