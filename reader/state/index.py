"""Keeping the article index in step with the files: `index_library`.

A file whose size and mtime_ns are what the index recorded is not read again, and its
stored record is not decoded either: the library lists it from the index's header
columns (one SELECT for the whole library) and decodes its record only when the article
is opened (`Library.article`). New and changed files are read, parsed and indexed, in
batches (one transaction each, so an interrupted first indexing keeps what it did);
files that are gone are dropped from the index. Each file read has its article's identity
recorded with it (`IndexEntry.identity`), so a file moved, renamed or copied is read as a
new file and finds the reading state of its article. The result lists the same articles as
loading every file would give, in the same order.

Keys (resolved paths) are computed without a `Path.resolve()` per file: each folder is
resolved once, and a file that is not itself a symbolic link (one `lstat`, which also
gives its stamp) has the key `resolved folder / name`; a symlinked file is resolved.

Benchmarks and the library screen's worker call `index_library(paths, store,
progress=callback)`; `progress(done, total)` counts the files that had to be read.
Before walking the folders, the screen shows `preview_library`: what the index holds
under them (one SELECT, no file touched), replaced only if the walk finds a change
(`same_articles`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.article.identity import article_identity
from reader.article.library import ArticleLoader, Library, Listing, article_key
from reader.article.loader import DEFAULT_MAX_SIZE, find_article_files, load_article
from reader.article.model import Article, LoadResult, Severity
from reader.state.store import FileStamp, IndexedFile, IndexEntry, Store

BATCH_SIZE = 200

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IndexReport:
    library: Library
    read: int  # files read and (re)indexed
    reused: int  # unchanged files listed from the index
    removed: int  # files gone, dropped from the index


@dataclass(frozen=True)
class Located:
    """A found file's key in the database and its stamp (None: it cannot be stat'ed)."""

    key: str
    stamp: FileStamp | None


def _no_progress(done: int, total: int) -> None:
    pass


def _never() -> bool:
    return False


def file_stamp(path: Path) -> FileStamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return FileStamp(info.st_size, info.st_mtime_ns)


def locate(files: Iterable[Path]) -> dict[Path, Located]:
    """Each file's key (its resolved path) and stamp: one `lstat` per file, one
    `resolve` per folder (and per symlinked file)."""
    folders: dict[str, str] = {}
    located: dict[Path, Located] = {}
    for file in files:
        try:
            info = os.lstat(file)
        except OSError:
            located[file] = Located(article_key(file), None)
            continue
        if stat.S_ISLNK(info.st_mode):
            located[file] = Located(article_key(file), file_stamp(file))
            continue
        folder, name = os.path.split(str(file))
        resolved = folders.get(folder)
        if resolved is None:
            resolved = folders[folder] = article_key(Path(folder))
        located[file] = Located(os.path.join(resolved, name), FileStamp(info.st_size, info.st_mtime_ns))
    return located


def index_library(
    paths: Sequence[Path],
    store: Store,
    *,
    progress: Progress = _no_progress,
    cancelled: Callable[[], bool] = _never,
    max_size: int = DEFAULT_MAX_SIZE,
    known: dict[str, IndexedFile] | None = None,
) -> IndexReport:
    """The library under `paths`, reading only the files the index does not know as they are.

    `known`: `store.indexed_files()` when the caller already has it.
    """
    roots = [path.absolute() for path in paths]
    files, path_problems = find_article_files(roots)
    located = locate(files)
    known = store.indexed_files() if known is None else known
    fresh = {file: _fresh(known, place) for file, place in located.items()}
    changed = [file for file in files if fresh[file] is None]
    loaded = _read_changed(changed, located, store, progress, cancelled, max_size, keep=not store.persistent)
    removed = _stale_keys(known, {place.key for place in located.values()}, roots)
    store.remove_index(removed)
    broken = [LoadResult(Path(p.path), None, (p,)) for p in path_problems if p.severity is Severity.ERROR]
    listings: list[Listing] = []
    articles: dict[Listing, Article] = {}
    for file in files:
        _add(file, located[file].key, loaded.get(file), fresh[file], listings, articles, broken)
    loader = article_loader(store, {located[file].key: file for file in files}, max_size)
    library = Library(listings=listings, broken=broken, loader=loader, loaded=articles)
    return IndexReport(library, len(loaded), len(files) - len(changed), len(removed))


def preview_library(
    paths: Sequence[Path], store: Store, known: dict[str, IndexedFile], max_size: int = DEFAULT_MAX_SIZE
) -> Library:
    """What the index holds under `paths`, in key order: the library as last indexed."""
    roots = [article_key(path.absolute()) for path in paths]
    listings: list[Listing] = []
    broken: list[LoadResult] = []
    for key in sorted(key for key in known if any(_is_under(key, root) for root in roots)):
        indexed = known[key]
        if indexed.listing is not None:
            listings.append(indexed.listing)
        else:
            broken.append(LoadResult(Path(key), None, indexed.errors))
    return Library(listings=listings, broken=broken, loader=article_loader(store, {}, max_size))


def same_articles(preview: Library, report: IndexReport) -> bool:
    """Whether indexing found exactly what the preview lists: nothing read, nothing gone."""
    library = report.library
    return (
        report.read == 0
        and report.removed == 0
        and len(preview.broken) == len(library.broken)
        and {listing.key for listing in preview.listings} == {listing.key for listing in library.listings}
    )


def _fresh(known: dict[str, IndexedFile], place: Located) -> IndexedFile | None:
    """The index's entry for a file, if it was indexed as the file is now."""
    entry = known.get(place.key)
    return entry if entry is not None and place.stamp is not None and entry.stamp == place.stamp else None


def _add(
    file: Path,
    key: str,
    result: LoadResult | Listing | None,
    indexed: IndexedFile | None,
    listings: list[Listing],
    articles: dict[Listing, Article],
    broken: list[LoadResult],
) -> None:
    """List one file: from what was just read, else from the index's columns."""
    if isinstance(result, Listing):
        listings.append(result)
    elif result is not None and result.article is not None:
        listing = Listing.of(result.article, key, file)
        listings.append(listing)
        articles[listing] = result.article
    elif result is not None:
        broken.append(result)
    elif indexed is not None and indexed.listing is not None:
        listings.append(indexed.listing)
    elif indexed is not None:
        broken.append(LoadResult(file, None, indexed.errors))


def article_loader(store: Store, files: dict[str, Path], max_size: int = DEFAULT_MAX_SIZE) -> ArticleLoader:
    """Loads a listed article: its stored record, else its file (changed or unindexed)."""

    def load(listing: Listing) -> Article:
        path = files.get(listing.key) or listing.path or Path(listing.key)
        result = store.indexed_result(listing.key)
        if result is None or result.article is None:
            result = load_article(path, max_size=max_size)
        if result.article is None:
            return _unreadable(listing, result)
        return replace(result.article, path=path)

    return load


def _unreadable(listing: Listing, result: LoadResult) -> Article:
    """What to show of a listed article whose file no longer loads: its errors."""
    return Article(
        title=listing.title,
        body=tuple(str(problem) for problem in result.errors) or ("This article can no longer be read.",),
        language=listing.language,
        direction=listing.direction,
        path=result.path,
    )


def _read_changed(
    changed: list[Path],
    located: dict[Path, Located],
    store: Store,
    progress: Progress,
    cancelled: Callable[[], bool],
    max_size: int,
    keep: bool,
) -> dict[Path, LoadResult | Listing]:
    """Read, parse and index the changed files. Each is given back as its full result
    when `keep` (no database to load it from later) or when it has errors, else as its
    listing only: a first indexing does not hold 10,000 articles in memory."""
    loaded: dict[Path, LoadResult | Listing] = {}
    progress(0, len(changed))
    for start in range(0, len(changed), BATCH_SIZE):
        if cancelled():
            break
        entries: list[IndexEntry] = []
        for file in changed[start : start + BATCH_SIZE]:
            result = load_article(file, max_size=max_size)
            place = located[file]
            if keep or result.article is None or place.stamp is None:  # not indexed: keep it
                loaded[file] = result
            else:
                loaded[file] = Listing.of(result.article, place.key, file)
            if place.stamp is not None and place.stamp.size <= max_size:
                # A file refused for its size is not remembered as broken: it is read
                # again (a stat) next time, when the limit may be higher.
                identity = article_identity(result.article) if result.article is not None else None
                entries.append(IndexEntry(place.key, place.stamp, result, identity))
        store.put_index(entries)
        progress(len(loaded), len(changed))
    return loaded


def _stale_keys(known: Iterable[str], found: set[str], roots: list[Path]) -> list[str]:
    """Indexed files not found now: under one of `roots`, or no longer existing at all."""
    resolved_roots = [article_key(root) for root in roots]
    return [
        key
        for key in known
        if key not in found and (any(_is_under(key, root) for root in resolved_roots) or not os.path.exists(key))
    ]


def _is_under(key: str, root: str) -> bool:
    return key == root or key.startswith(root.rstrip(os.sep) + os.sep)
