"""`reader feeds [list|add|remove|import|export|suggest]`: the feeds the user follows.

The feeds and their state are kept in the data folder (`READER_DATA_DIR`, else the platform's
user data folder); see `reader.web.subscriptions`. Messages for users go to stderr, listings
and OPML to stdout. Exit 0 on success, 1 with one clear line otherwise.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from reader import PACKAGE_DATA
from reader.files import write_atomically
from reader.text.sanitize import sanitize_text
from reader.user_folders import data_folder
from reader.web.feeds import Feed, FeedError, discover_feeds, looks_like_html, parse_feed
from reader.web.http import FetchError, fetch, is_web_url
from reader.web.opml import OpmlError, OpmlFeed, read_opml, write_opml
from reader.web.subscriptions import (
    Subscription,
    Subscriptions,
    SubscriptionsError,
    articles_folder,
    feed_name,
    load_subscriptions,
    save_subscriptions,
    valid_name,
)

SUGGESTED = PACKAGE_DATA / "feeds" / "suggested.opml"


def say(text: str, *, error: bool = False) -> None:
    """Print one line; text from the web (titles, addresses, reasons) is sanitized first, so
    a feed cannot send escape sequences to the terminal."""
    print(sanitize_text(text), file=sys.stderr if error else sys.stdout)


class CommandError(Exception):
    """One line for the user; the command exits 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader feeds", description="The news feeds you follow.")
    commands = parser.add_subparsers(dest="action", metavar="ACTION")
    commands.add_parser("list", help="one line per feed: name, address, last fetch, articles (the default)")
    add = commands.add_parser("add", help="follow a feed (or a site's page that links one)")
    add.add_argument("url", nargs="?", metavar="URL")
    add.add_argument("--name", help="the feed's name (also its folder); default: from its title")
    add.add_argument("--suggested", action="store_true", help="follow every feed of `reader feeds suggest`")
    remove = commands.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("feed", metavar="NAME|URL")
    opml_in = commands.add_parser("import", help="follow the feeds of an OPML file")
    opml_in.add_argument("file", type=Path, metavar="FILE.opml")
    opml_out = commands.add_parser("export", help="write the followed feeds as OPML 2.0 (stdout without FILE)")
    opml_out.add_argument("file", type=Path, nargs="?", metavar="FILE.opml")
    commands.add_parser("suggest", help="the bundled list of right-to-left news feeds")
    return parser


def run(args: argparse.Namespace) -> int:
    data = data_folder()
    try:
        if args.action == "add" and args.suggested:
            if args.url or args.name:
                raise CommandError("--suggested takes no URL and no --name")
            return add_suggested(data)
        if args.action == "add":
            if not args.url:
                raise CommandError("give the feed's URL (or --suggested)")
            return add_feed(data, args.url, args.name)
        actions = {
            "remove": lambda: remove_feed(data, args.feed),
            "import": lambda: import_opml(data, args.file),
            "export": lambda: export_opml(data, args.file),
            "suggest": suggest,
        }
        return actions.get(args.action, lambda: list_feeds(data))()
    except (CommandError, SubscriptionsError) as error:
        say(f"reader feeds: {error}", error=True)
        return 1


def list_feeds(data: Path) -> int:
    subscriptions = load_subscriptions(data)
    if not subscriptions.feeds:
        say("No feeds followed yet: `reader feeds add URL`, or `reader feeds add --suggested`.", error=True)
        return 0
    rows = [(feed.name, feed.url, _last_fetch(feed), _article_count(data, feed)) for feed in subscriptions.feeds]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        say("  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3])
    return 0


def _last_fetch(feed: Subscription) -> str:
    if feed.last_fetch is None:
        return "never fetched"
    try:
        when = datetime.fromisoformat(feed.last_fetch).strftime("%Y-%m-%d %H:%M %Z").strip()
    except ValueError:
        when = feed.last_fetch
    return f"{when} ({feed.last_result or 'no result'})"


def _article_count(data: Path, feed: Subscription) -> str:
    folder = articles_folder(data) / feed.name
    count = sum(1 for _ in folder.glob("*.yaml")) if folder.is_dir() else 0
    return f"{count} article{'' if count == 1 else 's'}"


def add_feed(data: Path, url: str, name: str | None) -> int:
    subscriptions = load_subscriptions(data)
    feed_url, feed = check_feed(url)
    existing = subscriptions.find(feed_url) or subscriptions.find(url)
    if existing is not None:
        say(f"already following {existing.name}: {existing.url}", error=True)
        return 0
    chosen = _chosen_name(subscriptions, name, feed.title, feed_url)
    subscriptions.add(Subscription(name=chosen, url=feed_url, title=feed.title))
    save_subscriptions(data, subscriptions)
    count = f"{len(feed.items)} item{'' if len(feed.items) == 1 else 's'}"
    say(f"following {chosen}: {feed.title} ({count}) {feed_url}")
    return 0


def check_feed(url: str) -> tuple[str, Feed]:
    """The feed at `url`, or the one its page links: (its address, the parsed feed)."""
    if not is_web_url(url):
        raise CommandError(f"not an http(s) address: {url}")
    try:
        fetched = fetch(url)
        content_type = fetched.headers.get("content-type")
        if looks_like_html(fetched.body, content_type):
            links = discover_feeds(fetched.body, fetched.url)
            if not links:
                raise CommandError(f'no feed at {url}: the page links none (<link rel="alternate">)')
            fetched = fetch(links[0].url)
            content_type = fetched.headers.get("content-type")
        return fetched.url, parse_feed(fetched.body, fetched.url, content_type=content_type)
    except (FetchError, FeedError) as error:
        raise CommandError(f"{url}: {error}") from error


def _chosen_name(subscriptions: Subscriptions, name: str | None, title: str | None, url: str) -> str:
    if name is None:
        return subscriptions.unique_name(feed_name(title, url))
    problem = valid_name(name)
    if problem is not None:
        raise CommandError(problem)
    if subscriptions.find(name) is not None:
        raise CommandError(f"a feed is already named {name}")
    return name


def add_suggested(data: Path) -> int:
    subscriptions = load_subscriptions(data)
    added = _follow_all(subscriptions, suggested_feeds())
    save_subscriptions(data, subscriptions)
    for feed in added:
        say(f"following {feed.name}: {feed.title or feed.url} {feed.url}")
    say(f"{len(added)} feeds added; `reader fetch` gets their news.", error=True)
    return 0


def suggested_feeds() -> tuple[OpmlFeed, ...]:
    return read_opml(SUGGESTED.read_bytes()).feeds


def suggest() -> int:
    for feed in suggested_feeds():
        say(f"{feed.name or feed_name(feed.title, feed.url)}  {feed.title or ''}  {feed.url}")
    say("Follow them all with `reader feeds add --suggested`, or one with `reader feeds add URL`.", error=True)
    return 0


def _follow_all(subscriptions: Subscriptions, feeds: tuple[OpmlFeed, ...]) -> list[Subscription]:
    """Add each feed not followed yet; the ones added."""
    added: list[Subscription] = []
    for feed in feeds:
        if subscriptions.find(feed.url) is not None:
            continue
        wanted = feed.name if feed.name and valid_name(feed.name) is None else feed_name(feed.title, feed.url)
        subscription = Subscription(subscriptions.unique_name(wanted), feed.url, feed.title, feed.category)
        subscriptions.add(subscription)
        added.append(subscription)
    return added


def remove_feed(data: Path, name_or_url: str) -> int:
    subscriptions = load_subscriptions(data)
    removed = subscriptions.remove(name_or_url)
    if removed is None:
        raise CommandError(f"not following {name_or_url} (`reader feeds` lists the feeds)")
    save_subscriptions(data, subscriptions)
    say(f"stopped following {removed.name}; its articles stay in {articles_folder(data) / removed.name}")
    return 0


def import_opml(data: Path, path: Path) -> int:
    try:
        listed = read_opml(path.read_bytes())
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from error
    except OpmlError as error:
        raise CommandError(f"{path}: {error}") from error
    subscriptions = load_subscriptions(data)
    added = _follow_all(subscriptions, listed.feeds)
    save_subscriptions(data, subscriptions)
    for note in listed.notes:
        say(f"{path}: {note}", error=True)
    say(f"imported {len(added)} feeds ({len(listed.feeds) - len(added)} already followed) from {path}")
    return 0


def export_opml(data: Path, path: Path | None) -> int:
    subscriptions = load_subscriptions(data)
    text = write_opml(OpmlFeed(feed.url, feed.title, feed.category) for feed in subscriptions.feeds)
    if path is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(path, text)
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from error
    say(f"wrote {len(subscriptions.feeds)} feeds to {path}", error=True)
    return 0
