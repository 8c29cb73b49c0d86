"""`reader fetch [NAME|URL...] [--no-full-text] [--jobs N] [--max-items N]`: followed feeds
into the library.

A progress bar on stderr when it is a terminal; then one summary line per feed on stdout
(`name: 12 new, 11 with full text, 1 failed: reason`). Exit 0 when every feed was fetched,
1 when any failed (the others are saved all the same) or a named feed is not followed.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import TextIO

from reader.commands.feeds import say
from reader.text.sanitize import sanitize_text
from reader.user_folders import data_folder
from reader.web.feeds import DEFAULT_MAX_ITEMS
from reader.web.fetch import FetchOptions, Progress, fetch_feeds
from reader.web.http import Limits
from reader.web.subscriptions import Subscription, SubscriptionsError, articles_folder, load_subscriptions

BAR_WIDTH = 24


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader fetch",
        description="Fetch the followed feeds (or those named); each new item becomes an article file.",
    )
    parser.add_argument("feeds", nargs="*", metavar="NAME|URL", help="only these followed feeds")
    parser.add_argument(
        "--no-full-text",
        dest="full_text",
        action="store_false",
        help="keep the feed's summary; do not fetch each item's page",
    )
    parser.add_argument(
        "--no-photos",
        dest="photos",
        action="store_false",
        help="do not download the articles' photos (their captions are kept)",
    )
    parser.add_argument("--jobs", type=_positive, default=4, metavar="N", help="feeds fetched at once (default 4)")
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=Limits.total_timeout,
        metavar="SECONDS",
        help=f"the longest one feed or page may take (default {Limits.total_timeout:g})",
    )
    parser.add_argument(
        "--max-items",
        type=_positive,
        default=DEFAULT_MAX_ITEMS,
        metavar="N",
        help=f"keep only the newest N items of a feed (default {DEFAULT_MAX_ITEMS})",
    )
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600 seconds")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    data = data_folder()
    try:
        subscriptions = load_subscriptions(data)
    except SubscriptionsError as error:
        say(f"reader fetch: {error}", error=True)
        return 1
    chosen = _chosen(subscriptions.feeds, args.feeds)
    if isinstance(chosen, str):
        say(f"reader fetch: {chosen}", error=True)
        return 1
    limits = Limits(total_timeout=args.timeout, connect_timeout=min(Limits.connect_timeout, args.timeout))
    options = FetchOptions(
        full_text=args.full_text,
        jobs=args.jobs,
        max_items=args.max_items,
        limits=limits,
        photos=args.photos,
        processes=worker_processes(args.jobs),
    )
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        results = fetch_feeds(data, subscriptions, chosen, options, progress=bar.show if bar else None)
    finally:
        if bar is not None:
            bar.clear()
    for result in results:
        say(result.line())
        for note in result.notes:
            say(f"  {note}")
    say(f"articles are in {articles_folder(data)}", error=True)
    return 1 if any(result.failed for result in results) else 0


def worker_processes(jobs: int) -> int:
    """Processes for the feeds' CPU work: one per core this process may use (none with one
    core: a worker would only add its start), at most one per feed fetched at once."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, jobs) if cores > 1 else 0


def _chosen(feeds: list[Subscription], wanted: list[str]) -> list[Subscription] | str:
    """The feeds to fetch, or the message when there are none or one is not followed."""
    if not feeds:
        return "no feeds followed yet: `reader feeds add URL`, or `reader feeds add --suggested`"
    if not wanted:
        return list(feeds)
    chosen: list[Subscription] = []
    for name in wanted:
        found = next((feed for feed in feeds if name in (feed.name, feed.url)), None)
        if found is None:
            return f"not following {name} (`reader feeds` lists the feeds; `reader feeds add URL` follows one)"
        if found not in chosen:
            chosen.append(found)
    return chosen


class ProgressBar:
    """One line on a terminal, redrawn in place as feeds and pages are done."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def show(self, progress: Progress) -> None:
        done = progress.feeds_done + progress.pages_done
        total = max(progress.feeds_total + progress.pages_total, 1)
        filled = BAR_WIDTH * done // total
        pages = f", {progress.pages_done}/{progress.pages_total} pages" if progress.pages_total else ""
        line = (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {progress.feeds_done}/{progress.feeds_total} feeds"
            f"{pages}  {sanitize_text(progress.feed)[:30]}"
        )
        with self._lock:
            self._stream.write(f"\r\x1b[K{line}")
            self._stream.flush()

    def clear(self) -> None:
        with self._lock:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
