"""DeferredStore: the app's store, its reading-state writes done on a thread of their own.

A write to the state database can wait (another reader holds the lock: up to the busy
timeout) and can fail (locked, read-only, disk full). Neither may freeze the screen, and
neither may pass in silence. So the UI's writes (read marks, places, bookmarks) go to
one writer thread, in order; what they change is seen at once by the reads that
follow (a pending change is applied over what the database says), and stays for the
session if the write fails. A failure is handed to `report` (on the writer thread) with
what was not saved and why. Index reads and writes (and `identify`) go straight to the
store: they run in the indexing worker already, or before the app starts.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from reader.article.library import article_key
from reader.article.model import LoadResult
from reader.state.store import (
    SEARCH_LIMIT,
    FileStamp,
    IndexedFile,
    IndexEntry,
    ReadingState,
    ScrollPosition,
    Store,
)

FINISH_TIMEOUT_SECONDS = 5.0

Change = Callable[[ReadingState], ReadingState]
Report = Callable[[str], None]
_Job = tuple[str, Callable[[], str | None], Callable[[], None]] | None


class DeferredStore:
    """A `Store` whose UI writes never wait for the database; failures go to `report`."""

    def __init__(self, store: Store, report: Report) -> None:
        self.store = store
        self._report = report
        self._lock = threading.Lock()
        self._reading: dict[str, list[Change]] = {}  # per key: changes not written yet, or that failed
        self._jobs: queue.Queue[_Job] = queue.Queue()
        self._thread: threading.Thread | None = None

    # -- the writer thread ----------------------------------------------------------------

    def _submit(self, what: str, write: Callable[[], str | None], written: Callable[[], None]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="state-writes", daemon=True)
            self._thread.start()
        self._jobs.put((what, write, written))

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            what, write, written = job
            problem = write()
            if problem is None:
                written()
            else:
                self._report(f"{what} was not saved (kept for this session only): {problem}")

    def finish(self, timeout: float = FINISH_TIMEOUT_SECONDS) -> bool:
        """Wait for the queued writes (at exit); False when they did not end in `timeout`."""
        if self._thread is None:
            return True
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- reading state ----------------------------------------------------------------------

    def _change(self, what: str, path: Path, change: Change, write: Callable[[], str | None]) -> None:
        key = article_key(path)
        with self._lock:
            self._reading.setdefault(key, []).append(change)

        def written() -> None:
            with self._lock:
                pending = self._reading.get(key, [])
                if change in pending:
                    pending.remove(change)
                if not pending:
                    self._reading.pop(key, None)

        self._submit(what, write, written)

    def _with_pending(self, key: str, state: ReadingState) -> ReadingState:
        with self._lock:
            changes = list(self._reading.get(key, ()))
        for change in changes:
            state = change(state)
        return state

    def reading_state(self, path: Path) -> ReadingState:
        return self._with_pending(article_key(path), self.store.reading_state(path))

    def reading_states(self) -> dict[str, ReadingState]:
        states = self.store.reading_states()
        with self._lock:
            keys = list(self._reading)
        for key in keys:
            states[key] = self._with_pending(key, states.get(key, ReadingState()))
        return states

    def mark_read(self, path: Path, read: bool = True) -> str | None:
        self._change("The read mark", path, lambda s: replace(s, read=read), lambda: self.store.mark_read(path, read))
        return None

    def save_position(self, path: Path, position: ScrollPosition) -> str | None:
        def change(state: ReadingState) -> ReadingState:
            return replace(state, position=position)

        self._change("The reading place", path, change, lambda: self.store.save_position(path, position))
        return None

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        def change(state: ReadingState) -> ReadingState:
            return replace(state, bookmarked=bookmarked)

        what = "The bookmark" if bookmarked else "The bookmark's removal"
        self._change(what, path, change, lambda: self.store.set_bookmark(path, bookmarked))
        return None

    # -- straight to the store -------------------------------------------------------------

    @property
    def persistent(self) -> bool:
        return self.store.persistent

    @property
    def location(self) -> str:
        return self.store.location

    @property
    def problem(self) -> str | None:
        return self.store.problem

    def identify(self, identities: Mapping[str, str]) -> str | None:
        return self.store.identify(identities)

    def indexed_stamps(self) -> dict[str, FileStamp]:
        return self.store.indexed_stamps()

    def put_index(self, entries: Sequence[IndexEntry]) -> None:
        self.store.put_index(entries)

    def remove_index(self, keys: Iterable[str]) -> None:
        self.store.remove_index(keys)

    def indexed_files(self) -> dict[str, IndexedFile]:
        return self.store.indexed_files()

    def indexed_result(self, key: str) -> LoadResult | None:
        return self.store.indexed_result(key)

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[str] | None:
        return self.store.search(query, limit)

    def close(self) -> None:
        """Write what is queued, then close the store."""
        self.finish()
        self.store.close()
