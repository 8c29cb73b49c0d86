"""Fetching followed feeds into the library: many at once, each new item one article file.

For every feed: a conditional GET (`reader.web.http`), the feed parsed (`reader.web.feeds`),
and each item not seen before (GUID, else link) written as an article under
`<data>/articles/<feed>/`, its file named from the item's key, so a refetch never makes a
second file for the same item. With full text, the item's page is fetched and extracted
(`reader.web.page`); a page that is no article is skipped with a note (not a failure of the
feed), and a page that cannot be fetched leaves the item with the feed's summary.

Each article and photo is written atomically (without an fsync of its own), and the feeds' state
(validators, seen keys) is saved only after their articles are on disk: finished feeds wait
in memory until one `os.sync()` covers them all, then the state is saved (at the end of the
fetch, or every `STATE_SAVE_SECONDS` of a long one). A `kill -9` or a power cut leaves no
half-written file and no state claiming an article that is not on disk; the next fetch,
seeing the unsaved feeds' items as new again, completes the work into the same files.

Feeds run on `jobs` threads, their pages on as many again; `progress` is called (from those
threads) after each feed and each page, so a progress bar or the app can follow. With
`processes` (the command line), each feed's CPU work, parsing and (without full text)
writing its articles, goes to forked worker processes, so that every core works.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import httpx

from reader.article.model import Article, Image, Source
from reader.article.writer import InvalidArticle, write_article
from reader.web.feeds import DEFAULT_MAX_ITEMS, Feed, FeedError, FeedItem, item_article, parse_feed
from reader.web.http import FetchError, Limits, fetch, is_page_type, new_client
from reader.web.photos import remove_downloaded
from reader.web.subscriptions import (
    Subscription,
    Subscriptions,
    articles_folder,
    load_subscriptions,
    save_subscriptions,
    subscriptions_path,
)

STALE_TEMPORARY_SECONDS = 600
"""A temporary file this old in a feed's folder is the remains of a killed fetch."""

PARENT_CHECK_SECONDS = 0.2
"""How often a worker process checks that the fetch that forked it still runs."""

STATE_SAVE_SECONDS = 5.0
"""During a long fetch, the finished feeds' state is synced and saved this often."""


@dataclass(frozen=True)
class FetchOptions:
    """`jobs` feeds at once (threads), and as many of their pages. `processes` (the command
    line's choice, never the app's: it forks) moves the CPU work of each feed, parsing and,
    without full text, writing its articles, to worker processes, so that every core works."""

    full_text: bool = True
    jobs: int = 4
    max_items: int = DEFAULT_MAX_ITEMS
    limits: Limits = field(default_factory=Limits)
    photos: bool = True  # download each article's photos beside it (`reader.web.photos`)
    processes: int = 0  # parse feeds (and write their articles) in this many forked processes


@dataclass(frozen=True)
class Progress:
    """Where a fetch is: feeds done of all, pages done of those found so far, and the
    feed that just moved."""

    feeds_done: int
    feeds_total: int
    pages_done: int
    pages_total: int
    feed: str


@dataclass(frozen=True)
class FeedResult:
    """What fetching one feed did. `error` set means the feed failed (nothing saved)."""

    name: str
    new: int = 0
    with_full_text: int = 0
    page_failures: tuple[str, ...] = ()
    not_articles: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None
    not_modified: bool = False
    title: str | None = None
    item_count: int = 0

    @property
    def failed(self) -> bool:
        return self.error is not None

    def line(self) -> str:
        """`name: 12 new, 11 with full text, 1 failed: reason` (the summary's line)."""
        return f"{self.name}: {self.result()}"

    def result(self) -> str:
        """The line without the name, as kept in the feed's state."""
        if self.error is not None:
            return f"failed: {self.error}"
        if self.not_modified:
            return "not modified"
        parts = [f"{self.new} new"]
        if self.with_full_text:
            parts.append(f"{self.with_full_text} with full text")
        if self.not_articles:
            parts.append(f"{len(self.not_articles)} not an article: {self.not_articles[0]}")
        if self.page_failures:
            parts.append(f"{len(self.page_failures)} failed: {self.page_failures[0]}")
        return ", ".join(parts)


ProgressCallback = Callable[[Progress], None]
Extractor = Callable[[bytes, str, str | None, datetime], object]


def article_path(data: Path, feed_name: str, key: str) -> Path:
    """The one file of the item with `key` in the feed named `feed_name`."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return articles_folder(data) / feed_name / f"{digest}.yaml"


def fetch_feeds(
    data: Path,
    subscriptions: Subscriptions,
    feeds: Sequence[Subscription],
    options: FetchOptions = FetchOptions(),
    progress: ProgressCallback | None = None,
    extractor: Extractor | None = None,
) -> list[FeedResult]:
    """Fetch `feeds` (of `subscriptions`, whose file in `data` is saved after each feed)."""
    if extractor is None and options.full_text:
        extractor = _page_extractor()  # trafilatura is imported only when pages are extracted
    state = _State(data, subscriptions, progress or (lambda _: None), len(feeds))
    run = _Run(options, extractor or _no_extractor, state)
    try:
        with (
            _process_pool(options.processes) as process_pool,
            new_client() as client,
            ThreadPoolExecutor(max(options.jobs, 1), "feed") as feed_pool,
            ThreadPoolExecutor(max(options.jobs, 1), "page") as page_pool,
        ):
            run.client, run.page_pool, run.process_pool = client, page_pool, process_pool
            futures = [feed_pool.submit(run.one_feed, feed) for feed in feeds]
            return [future.result() for future in futures]
    finally:
        state.save()  # every feed finished since the last save (all of them, in a short fetch)


@contextmanager
def _process_pool(processes: int) -> Iterator[ProcessPoolExecutor | None]:
    """`processes` forked workers, started before any thread of this fetch is; None when
    there are to be none, `fork` is not offered, or this process already runs other threads
    (a fork copies only the thread that forks: a lock another one held would never be freed)."""
    if processes < 1 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        yield None
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(processes, context, initializer=_end_with_parent, initargs=(os.getpid(),)) as pool:
        pool.submit(int)  # the first task forks every worker, now
        yield pool


def _end_with_parent(parent: int) -> None:
    """In a worker: end when the fetch that forked it is gone (a `kill -9` leaves workers
    waiting for work forever otherwise). Whatever a worker was writing is whole or not there."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@dataclass(frozen=True)
class FeedJob:
    """A fetched feed's CPU work, as a worker process gets it: parse `body`, and (`write`)
    write the new items' articles that have no photos to download."""

    body: bytes
    url: str
    content_type: str | None
    max_items: int
    data: Path
    name: str
    seen: frozenset[str]
    now: datetime
    write: bool
    photos: bool


def prepare_feed(job: FeedJob) -> tuple[Feed, dict[str, str | None]]:
    """The parsed feed, and the items written (key: None, or why the article was not saved)."""
    feed = parse_feed(job.body, job.url, content_type=job.content_type, max_items=job.max_items)
    written: dict[str, str | None] = {}
    if not job.write:
        return feed, written
    for item in reversed(feed.items):
        if item.key in job.seen:
            continue
        article = item_article(item, feed, job.now)
        if job.photos and article.images:
            continue  # the photos are fetched by the feed's thread, which writes the article
        try:
            write_article(article, article_path(job.data, job.name, item.key), durable=False)
        except (InvalidArticle, OSError) as error:
            written[item.key] = str(error)
        else:
            written[item.key] = None
    return feed, written


def _no_extractor(html: bytes, url: str, content_type: str | None, fetched: datetime) -> object:
    raise AssertionError("no page is extracted with --no-full-text")


def _page_extractor() -> Extractor:
    from reader.web.page import extract_article

    def extract(html: bytes, url: str, content_type: str | None, fetched: datetime) -> object:
        return extract_article(html, url, content_type=content_type, fetched=fetched)

    return extract


@dataclass
class _State:
    """What a `fetch_feeds` call keeps across its feeds (guarded by `lock`): the
    subscriptions, the finished feeds not saved yet, and the counts for `progress`."""

    data: Path
    subscriptions: Subscriptions
    progress: ProgressCallback
    feeds_total: int
    lock: threading.Lock = field(default_factory=threading.Lock)
    feeds_done: int = 0
    pages_done: int = 0
    pages_total: int = 0
    _loaded: tuple[int, int] | None = None  # the file's (mtime, size) when the fetch began
    _saved: tuple[int, int] | None = None  # and after this fetch last saved it
    _unsaved: list[Subscription] = field(default_factory=list)  # finished feeds' new state
    _wrote: bool = False  # whether any of them wrote a file (then a sync comes first)
    _saving: threading.Lock = field(default_factory=threading.Lock)
    _last_save: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self._loaded = _stamp(subscriptions_path(self.data))

    def record(self, result: FeedResult, feed: Subscription) -> None:
        """A feed is done: keep its new state for the next save (now, when the last one
        was `STATE_SAVE_SECONDS` ago), and say so."""
        with self.lock:
            self._unsaved.append(feed)
            self._wrote = self._wrote or result.new > 0
            self.feeds_done += 1
            due = time.monotonic() - self._last_save >= STATE_SAVE_SECONDS
        if due:
            self.save()
        self.report(result.name)

    def save(self) -> None:
        """Sync the finished feeds' articles to disk, then save their state. When the file
        changed meanwhile (`reader feeds add` or `remove` during a fetch), that version is
        the one updated."""
        with self._saving:
            with self.lock:
                feeds, wrote = self._unsaved, self._wrote
                self._unsaved, self._wrote = [], False
            if not feeds:
                return
            if wrote:
                os.sync()  # the articles are on disk before the state that says they are saved
            with self.lock:
                if self._changed_by_another():
                    self.subscriptions.feeds = load_subscriptions(self.data).feeds
                for feed in feeds:
                    self.subscriptions.update(feed)
                save_subscriptions(self.data, self.subscriptions)
                self._saved = _stamp(subscriptions_path(self.data))
                self._last_save = time.monotonic()

    def _changed_by_another(self) -> bool:
        stamp = _stamp(subscriptions_path(self.data))
        if self._saved is None:
            self._saved = self._loaded
        return stamp != self._saved

    def add_pages(self, count: int = 0, done: int = 0) -> None:
        with self.lock:
            self.pages_total += count
            self.pages_done += done

    def report(self, feed: str) -> None:
        with self.lock:
            progress = Progress(self.feeds_done, self.feeds_total, self.pages_done, self.pages_total, feed)
        self.progress(progress)


@dataclass
class _Run:
    """Fetching feeds and their pages with one HTTP client and one pool of page threads."""

    options: FetchOptions
    extractor: Extractor
    state: _State
    client: httpx.Client | None = None
    page_pool: ThreadPoolExecutor | None = None
    process_pool: ProcessPoolExecutor | None = None

    @property
    def data(self) -> Path:
        return self.state.data

    def one_feed(self, subscription: Subscription) -> FeedResult:
        result, feed = self.fetch_one(subscription)
        self.state.record(result, feed)
        return result

    def fetch_one(self, subscription: Subscription) -> tuple[FeedResult, Subscription]:
        """What fetching the feed did, and its new state (not saved here)."""
        started = datetime.now(UTC).replace(microsecond=0)
        result, state = self._fetch_feed(subscription, started)
        return result, replace(state, last_fetch=started.isoformat(), last_result=result.result())

    def _fetch_feed(self, subscription: Subscription, now: datetime) -> tuple[FeedResult, Subscription]:
        name = subscription.name
        try:
            fetched = fetch(
                subscription.url,
                limits=self.options.limits,
                etag=subscription.etag,
                last_modified=subscription.last_modified,
                client=self.client,
            )
            if fetched.not_modified:
                return FeedResult(name, not_modified=True, title=subscription.title), subscription
            feed, written = self._prepare(subscription, fetched.body, fetched.url, fetched.headers, now)
        except (FetchError, FeedError) as error:
            return FeedResult(name, error=str(error), title=subscription.title), subscription
        result, saved_keys = self._save_items(subscription, feed, now, written)
        state = replace(
            subscription.with_seen(saved_keys, window=feed.keys),
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            title=subscription.title or feed.title,
        )
        notes = (*feed.notes, *result.notes)
        return replace(result, notes=notes, title=feed.title, item_count=len(feed.items)), state

    def _prepare(
        self, subscription: Subscription, body: bytes, url: str, headers: Mapping[str, str], now: datetime
    ) -> tuple[Feed, dict[str, str | None]]:
        """The parsed feed, and the items a worker process already wrote (see `prepare_feed`);
        here, in this thread, when there are no worker processes."""
        content_type = headers.get("content-type")
        if self.process_pool is None:
            return parse_feed(body, url, content_type=content_type, max_items=self.options.max_items), {}
        job = FeedJob(
            body,
            url,
            content_type,
            self.options.max_items,
            self.data,
            subscription.name,
            frozenset(subscription.seen),
            now,
            write=not self.options.full_text,
            photos=self.options.photos,
        )
        return self.process_pool.submit(prepare_feed, job).result()

    def _save_items(
        self, subscription: Subscription, feed: Feed, now: datetime, written: Mapping[str, str | None]
    ) -> tuple[FeedResult, list[str]]:
        """Write each new item (but those `written` already); the keys of those done (saved,
        or skipped as no article)."""
        folder = articles_folder(self.data) / subscription.name
        remove_stale_temporaries(folder)
        seen = set(subscription.seen)
        new_items = [item for item in reversed(feed.items) if item.key not in seen]  # oldest first
        self.state.add_pages(count=len(new_items) if self.options.full_text else 0)
        outcomes = [None if item.key in written else self._submit(item, feed, now) for item in new_items]
        done: list[str] = []
        counts = {"new": 0, "full": 0}
        failures: list[str] = []
        not_articles: list[str] = []
        notes: list[str] = []
        for item, outcome in zip(new_items, outcomes, strict=True):
            if outcome is None:  # written by a worker process
                error = written[item.key]
                if error is None:
                    done.append(item.key)
                    counts["new"] += 1
                else:
                    failures.append(error)
                    notes.append(f"not saved {item.title[:80]}: {error}")
                continue
            article, full_text, problem = outcome.result()
            if article is None:
                not_articles.append(problem or "not an article")
                notes.append(f"skipped {item.title[:80]}: {problem or 'not an article'}")
                done.append(item.key)
                continue
            path = article_path(self.data, subscription.name, item.key)
            with_photos = article
            if self.options.photos:
                with_photos, photo_notes = self._photos(article, path)
                notes.extend(photo_notes)
            try:
                write_article(with_photos, path, durable=False)
            except (InvalidArticle, OSError) as error:
                remove_downloaded(article, with_photos, path.parent)
                failures.append(str(error))
                notes.append(f"not saved {item.title[:80]}: {error}")
                continue
            done.append(item.key)
            counts["new"] += 1
            counts["full"] += full_text
            if problem is not None:
                failures.append(problem)
                notes.append(f"{item.title[:80]}: no full text ({problem}); the feed's summary is kept")
        result = FeedResult(
            subscription.name, counts["new"], counts["full"], tuple(failures), tuple(not_articles), tuple(notes)
        )
        return result, done

    def _photos(self, article: Article, path: Path) -> tuple[Article, list[str]]:
        """The article with its photos downloaded beside `path`, and why any was not."""
        from reader.web.photos import download_photos, web_fetch

        fetch_photo = web_fetch(self.client, self.options.limits.total_timeout)
        return download_photos(article, path.parent, fetch=fetch_photo, name=path.stem, durable=False)

    def _submit(self, item: FeedItem, feed: Feed, now: datetime) -> Future[tuple[Article | None, bool, str | None]]:
        if not self.options.full_text or item.link is None or self.page_pool is None:
            done: Future[tuple[Article | None, bool, str | None]] = Future()
            done.set_result((item_article(item, feed, now), False, None))
            return done
        return self.page_pool.submit(self._with_full_text, item, feed, now)

    def _with_full_text(self, item: FeedItem, feed: Feed, now: datetime) -> tuple[Article | None, bool, str | None]:
        """The item's article from its page: (article, True, None); (None, False, why) when the
        page is no article; (summary article, False, why) when the page could not be had."""
        from_feed = item_article(item, feed, now)
        try:
            assert item.link is not None
            page = fetch(item.link, limits=self.options.limits, client=self.client)
            content_type = page.headers.get("content-type")
            if not is_page_type(content_type):
                return from_feed, False, f"the item's link is not a web page ({content_type})"
            extracted = self._extract(page.body, page.url, content_type, now)
        except FetchError as error:
            return from_feed, False, str(error)
        finally:
            self.state.add_pages(done=1)
            self.state.report(feed.title)
        if not isinstance(extracted, Article):
            return None, False, str(getattr(extracted, "reason", "not an article"))
        return with_page_text(from_feed, extracted), True, None

    def _extract(self, html: bytes, url: str, content_type: str | None, now: datetime) -> object:
        """The extractor's verdict on a page; an exception it raises on a hostile page
        (lxml and trafilatura meet every kind of broken HTML) fails that page alone."""
        try:
            return self.extractor(html, url, content_type, now)
        except Exception as error:  # one page's failure, reported in the summary: the others go on
            raise FetchError(f"the page could not be read ({type(error).__name__}: {error})") from error


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


def with_page_text(from_feed: Article, page: Article) -> Article:
    """The item's article with the page's text: the feed's title, date and link (a feed's
    are cleaner: no site name, no guessed date), the page's body, facts and language; the
    photos of both, each once."""
    images: dict[str, Image] = {}
    for image in (*page.images, *from_feed.images):
        images.setdefault(image.url or image.caption, image)
    source = from_feed.source or page.source
    if source is not None and from_feed.source is not None and page.source is not None:
        source = Source(url=from_feed.source.url, name=from_feed.source.name or page.source.name)
    return replace(
        page,
        title=from_feed.title or page.title,
        summary=from_feed.summary
        or page.summary
        or (" ".join(from_feed.body) if from_feed.body != page.body else None),
        published=from_feed.published or page.published,
        fetched=from_feed.fetched,
        authors=page.authors or from_feed.authors,
        source=source,
        images=tuple(images.values()),
    )


def remove_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Delete the temporary files a killed fetch left in `folder` (hidden `.*.tmp`)."""
    if not folder.is_dir():
        return
    limit = (time.time() if now is None else now) - STALE_TEMPORARY_SECONDS
    for path in folder.glob(".*.tmp"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:
            continue
