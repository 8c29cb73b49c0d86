"""DeferredStore: the app's store, its reading-state writes done on a thread of their own.

A write to the state database can wait (another reader holds the lock: up to the busy
timeout) and can fail (locked, read-only, disk full). Neither may freeze the screen, and
neither may pass in silence. So the UI's writes (read marks, places, bookmarks) go to
one writer thread, in order; what they change is seen at once by the reads that
follow: the value last asked for each (file, field) is kept, with its write's number,
and applied over what the database says. A write that succeeds clears its field only
while the value kept is still its own (a later change of the field stays until its own
write ends). A write that fails leaves its value kept for the session, until a later
change of that field replaces it (whose success then clears it), so a failure never
outlives a change made after it, and a database that refuses every write keeps at most
one value per field. A failure is handed to `report` (on the writer thread) with what
was not saved and why. After `finish` no write is taken: it is refused and reported.
Index reads and writes (and `identify`) go straight to the store: they run in the
indexing worker already, or before the app starts.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

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

Report = Callable[[str], None]
_Job = tuple[str, Callable[[], str | None], Callable[[], None]] | None
_Pending = dict[str, dict[str, tuple[int, Any]]]  # key -> ReadingState field -> (write number, value)
CLOSED = "the state database is closed (the reader is quitting)"


class DeferredStore:
    """A `Store` whose UI writes never wait for the database; failures go to `report`."""

    def __init__(self, store: Store, report: Report) -> None:
        self.store = store
        self._report = report
        self._lock = threading.Lock()
        self._pending: _Pending = {}  # per key: values not written yet, or whose write failed
        self._written = 0  # the number of the last change taken
        self._finished = False
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
        """Wait for the queued writes (at exit); False when they did not end in `timeout`.

        Writes asked for afterwards are refused (nothing would run them)."""
        with self._lock:
            self._finished = True
        if self._thread is None:
            return True
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- reading state ----------------------------------------------------------------------

    def _change(self, what: str, path: Path, field: str, value: Any, write: Callable[[], str | None]) -> str | None:
        key = article_key(path)
        with self._lock:
            if self._finished:
                problem = f"{what} was not saved: {CLOSED}"
            else:
                problem = None
                self._written += 1
                number = self._written
                self._pending.setdefault(key, {})[field] = (number, value)
                self._submit(what, write, lambda: self._clear(key, field, number))
        if problem is not None:
            self._report(problem)
        return problem

    def _clear(self, key: str, field: str, number: int) -> None:
        """Write `number` is in the database: its value is no longer needed, unless changed since."""
        with self._lock:
            fields = self._pending.get(key, {})
            if fields.get(field, (None,))[0] == number:
                del fields[field]
            if not fields:
                self._pending.pop(key, None)

    def _snapshot(self, key: str | None = None) -> _Pending:
        """The values not written yet (of `key`, else of every file): a copy, taken before the database is read."""
        with self._lock:
            keys = [key] if key is not None else list(self._pending)
            return {k: dict(self._pending[k]) for k in keys if k in self._pending}

    @staticmethod
    def _apply(fields: dict[str, tuple[int, Any]], state: ReadingState) -> ReadingState:
        return replace(state, **{field: value for field, (_, value) in fields.items()})

    def reading_state(self, path: Path) -> ReadingState:
        key = article_key(path)
        pending = self._snapshot(key)  # first: a write that commits meanwhile is in the database then
        state = self.store.reading_state(path)
        return self._apply(pending.get(key, {}), state)

    def reading_states(self) -> dict[str, ReadingState]:
        pending = self._snapshot()  # first: a write that commits meanwhile is in the database then
        states = self.store.reading_states()
        for key, fields in pending.items():
            states[key] = self._apply(fields, states.get(key, ReadingState()))
        return states

    def mark_read(self, path: Path, read: bool = True) -> str | None:
        return self._change("The read mark", path, "read", read, lambda: self.store.mark_read(path, read))

    def save_position(self, path: Path, position: ScrollPosition) -> str | None:
        def write() -> str | None:
            return self.store.save_position(path, position)

        return self._change("The reading place", path, "position", position, write)

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        what = "The bookmark" if bookmarked else "The bookmark's removal"
        return self._change(what, path, "bookmarked", bookmarked, lambda: self.store.set_bookmark(path, bookmarked))

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
