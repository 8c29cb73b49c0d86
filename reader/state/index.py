"""Keeping the article index in step with the files: `index_library`.

A file whose size and mtime_ns are what the index recorded is not read again: its
stored record is decoded instead. New and changed files are read, parsed and indexed,
in batches (one transaction each, so an interrupted first indexing keeps what it did);
files that are gone are dropped from the index. The result is the same `Library` as
loading every file would give, in the same order.

Benchmarks and the library screen's worker call `index_library(paths, store,
progress=callback)`; `progress(done, total)` counts the files that had to be read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.article.library import Library
from reader.article.loader import DEFAULT_MAX_SIZE, find_article_files, load_article
from reader.article.model import LoadResult, Severity
from reader.state.store import FileStamp, IndexEntry, Store, state_key

BATCH_SIZE = 200

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IndexReport:
    library: Library
    read: int  # files read and (re)indexed
    reused: int  # unchanged files taken from the index
    removed: int  # files gone, dropped from the index


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


def index_library(
    paths: Sequence[Path],
    store: Store,
    *,
    progress: Progress = _no_progress,
    cancelled: Callable[[], bool] = _never,
    max_size: int = DEFAULT_MAX_SIZE,
) -> IndexReport:
    """The library under `paths`, reading only the files the index does not know as they are."""
    roots = [path.absolute() for path in paths]
    files, path_problems = find_article_files(roots)
    keys = {file: state_key(file) for file in files}
    stamps = {file: file_stamp(file) for file in files}
    known = store.indexed_stamps()
    cached = store.indexed_results(keys[file] for file in files if stamps[file] is not None and known.get(keys[file]) == stamps[file])
    changed = [file for file in files if keys[file] not in cached]
    loaded = _read_changed(changed, keys, stamps, store, progress, cancelled, max_size)
    removed = _stale_keys(known, set(keys.values()), roots)
    store.remove_index(removed)
    results = [LoadResult(Path(p.path), None, (p,)) for p in path_problems if p.severity is Severity.ERROR]
    for file in files:
        result = loaded.get(file) or cached.get(keys[file])
        if result is not None:
            results.append(replace(result, path=file))
    return IndexReport(Library.from_results(results), len(loaded), len(files) - len(changed), len(removed))


def _read_changed(
    changed: list[Path],
    keys: dict[Path, str],
    stamps: dict[Path, FileStamp | None],
    store: Store,
    progress: Progress,
    cancelled: Callable[[], bool],
    max_size: int,
) -> dict[Path, LoadResult]:
    loaded: dict[Path, LoadResult] = {}
    progress(0, len(changed))
    for start in range(0, len(changed), BATCH_SIZE):
        if cancelled():
            break
        entries: list[IndexEntry] = []
        for file in changed[start : start + BATCH_SIZE]:
            loaded[file] = result = load_article(file, max_size=max_size)
            stamp = stamps[file]
            if stamp is not None:
                entries.append(IndexEntry(keys[file], stamp, result))
        store.put_index(entries)
        progress(len(loaded), len(changed))
    return loaded


def _stale_keys(known: Iterable[str], found: set[str], roots: list[Path]) -> list[str]:
    """Indexed files not found now: under one of `roots`, or no longer existing at all."""
    resolved_roots = [state_key(root) for root in roots]
    return [
        key
        for key in known
        if key not in found and (any(_is_under(key, root) for root in resolved_roots) or not os.path.exists(key))
    ]


def _is_under(key: str, root: str) -> bool:
    return key == root or key.startswith(root.rstrip(os.sep) + os.sep)
