"""The state database: reading state and the article index, in one SQLite file.

`state.sqlite3` in the user state directory (`platformdirs.user_state_dir`), or in
`--state-dir` / `READER_STATE_DIR`. WAL journal with `synchronous=NORMAL`, every write in
one short transaction: a reader killed at any moment (even `kill -9`) leaves a database
that is whole, holding every committed write, never half of one.

The callers name an article by its file (`mark_read(path)`); the store keeps the state
under the identity that file was last found to hold: the index records it for every file
it reads (`IndexEntry.identity`), and `identify` for a file opened on its own.

Tables:
- `reading`: per article, keyed by its identity (its source URL, else a hash of its
  text): read, bookmarked, scroll position, and the path it was last read at;
- `identities`: each article file's resolved path and its article's identity, so a file
  moved or renamed finds its state again (`reader.state.reading` says how states follow
  files, and how copies share one);
- (`settings`, from before settings moved to the config file: read once into `old_settings`
  and dropped; `reader.launch` carries a theme or harakat choice into the config file);
- `files`: the article index: path, size, mtime_ns, the header columns the library list
  shows (title, language, direction, published, source name, tags; for a file with
  errors, its problems): a narrow table, so listing 10,000 files reads little;
- `records`: each indexed file's full record (rowid = `files.id`), decoded only when
  the article is opened;
- `search`: an FTS5 table (`trigram` tokenizer) over folded text, rowid = `files.id`
  (see `reader.state.search`). Without FTS5 trigram (SQLite < 3.34) it is a plain table
  and every search scans it.

The scroll position is the top line's block index and its line offset inside that block
(`ScrollPosition`): a block is a paragraph, so after a resize, another bidi mode or
hiding harakat it still lands on the right paragraph, at most a few lines off, where a
bare line number would drift by whole screens.

A database that cannot be opened (read-only folder, corrupt file...) gives a message and
a `NullStore`: the same interface, remembering things for this session only. A database
that starts failing later records its error in `problem` and stops nothing.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from platformdirs import user_state_dir

from reader.article.library import Listing, article_key
from reader.article.model import LoadResult, Problem
from reader.state import reading as state_rows
from reader.state.codec import (
    problems_from_json,
    problems_to_json,
    published_from_text,
    published_to_text,
    result_from_json,
    result_to_json,
)
from reader.state.reading import ReadingState as ReadingState
from reader.state.reading import ScrollPosition as ScrollPosition
from reader.text.direction import Direction
from reader.user_folders import chosen_folder

ENV_VARIABLE = "READER_STATE_DIR"
DB_NAME = "state.sqlite3"
SCHEMA_VERSION = 5  # 5: reading state by article identity; 4: ZWNJ folded out of the indexed text
SEARCH_LIMIT = 1000
WAL_SIZE_LIMIT = 16 * 1024 * 1024
BUSY_TIMEOUT_SECONDS = 2.0  # another reader indexing holds the lock one batch at a time
# bm25 weights of the search columns: title, body, captions, facts.
COLUMN_WEIGHTS = (10.0, 1.0, 2.0, 2.0)

T = TypeVar("T")


@dataclass(frozen=True)
class FileStamp:
    """What says a file is unchanged since it was indexed."""

    size: int
    mtime_ns: int


@dataclass(frozen=True)
class IndexEntry:
    key: str  # `article_key` of the file
    stamp: FileStamp
    result: LoadResult
    identity: str | None = None  # its article's `article_identity` (None: it has errors)


@dataclass(frozen=True)
class IndexedFile:
    """What the index's columns say of one file: its listing, or the errors it had."""

    stamp: FileStamp
    listing: Listing | None
    errors: tuple[Problem, ...] = ()


def state_dir(cli_value: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """`--state-dir`, else `READER_STATE_DIR`, else the platform's user state folder."""
    return chosen_folder(cli_value, env, ENV_VARIABLE, user_state_dir)


class Store(Protocol):
    """What the app needs from its state; `SqliteStore` persists it, `NullStore` does not."""

    @property
    def persistent(self) -> bool: ...
    @property
    def location(self) -> str: ...
    @property
    def problem(self) -> str | None: ...

    def reading_state(self, path: Path) -> ReadingState: ...
    def reading_states(self) -> dict[str, ReadingState]: ...
    # The writes return what failed (None: saved).
    def mark_read(self, path: Path, read: bool = True) -> str | None: ...
    def save_position(self, path: Path, position: ScrollPosition) -> str | None: ...
    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None: ...
    # Files (by `article_key`) and their articles' identities: their states follow them.
    def identify(self, identities: Mapping[str, str]) -> str | None: ...
    def indexed_stamps(self) -> dict[str, FileStamp]: ...
    def put_index(self, entries: Sequence[IndexEntry]) -> None: ...
    def remove_index(self, keys: Iterable[str]) -> None: ...
    def indexed_files(self) -> dict[str, IndexedFile]: ...
    def indexed_result(self, key: str) -> LoadResult | None: ...
    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[str] | None: ...
    def close(self) -> None: ...


# -- the session-only store ---------------------------------------------------------------


class NullStore:
    """Remembers reading state for this session only, by path; indexes nothing.

    `search` returns None: the caller searches the loaded articles itself.
    """

    def __init__(self, location: str = "(no database)", problem: str | None = None) -> None:
        self._location = location
        self._problem = problem
        self._reading: dict[str, ReadingState] = {}

    @property
    def persistent(self) -> bool:
        return False

    @property
    def location(self) -> str:
        return self._location

    @property
    def problem(self) -> str | None:
        return self._problem

    def reading_state(self, path: Path) -> ReadingState:
        return self._reading.get(article_key(path), ReadingState())

    def reading_states(self) -> dict[str, ReadingState]:
        return dict(self._reading)

    def _update(self, path: Path, change: Callable[[ReadingState], ReadingState]) -> None:
        key = article_key(path)
        self._reading[key] = change(self._reading.get(key, ReadingState()))

    def mark_read(self, path: Path, read: bool = True) -> str | None:
        self._update(path, lambda state: replace(state, read=read))
        return None

    def save_position(self, path: Path, position: ScrollPosition) -> str | None:
        self._update(path, lambda state: replace(state, position=position))
        return None

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        self._update(path, lambda state: replace(state, bookmarked=bookmarked))
        return None

    def identify(self, identities: Mapping[str, str]) -> str | None:
        return None  # nothing is moved during one session

    def indexed_stamps(self) -> dict[str, FileStamp]:
        return {}

    def put_index(self, entries: Sequence[IndexEntry]) -> None:
        pass

    def remove_index(self, keys: Iterable[str]) -> None:
        pass

    def indexed_files(self) -> dict[str, IndexedFile]:
        return {}

    def indexed_result(self, key: str) -> LoadResult | None:
        return None

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[str] | None:
        return None

    def close(self) -> None:
        pass


# -- SQLite ---------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    title TEXT,
    language TEXT,
    direction TEXT,
    published TEXT,
    source_name TEXT,
    tags TEXT,
    summary TEXT,
    problems TEXT
);
CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY, record TEXT NOT NULL);
"""
_FTS_TABLE = "CREATE VIRTUAL TABLE search USING fts5(title, body, captions, facts, tokenize='trigram')"
_PLAIN_TABLE = "CREATE TABLE search (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT, captions TEXT, facts TEXT)"
_SEARCH_COLUMNS = ("title", "body", "captions", "facts")


class SqliteStore:
    """The state in an SQLite database. Safe to share between the UI and a worker thread."""

    def __init__(self, path: Path, *, full_text: bool = True) -> None:
        """Raises sqlite3.Error or OSError when the database cannot be opened or set up.

        `full_text` False makes a new database's search table a plain one (as without
        FTS5 trigram), for tests.
        """
        self._want_fts = full_text
        self.path = path
        self._problem: str | None = None
        self.records_decoded = 0  # full records decoded (`indexed_result`), for tests
        self.old_settings: dict[str, str] = {}  # an older reader's theme and harakat (`_take_old_settings`)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            self._fts = self._set_up()
        except BaseException:
            self._db.close()
            raise

    # -- setup ------------------------------------------------------------------------

    def _set_up(self) -> bool:
        db = self._db
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")  # a checkpointed WAL is cut back
        version = db.execute("PRAGMA user_version").fetchone()[0]
        with self._transaction():
            self.old_settings = self._take_old_settings()
            state_rows.migrate_reading(db)  # before the old index goes: its records say identities
            if version != SCHEMA_VERSION:
                # The index is a cache: rebuild it for this schema; reading state stays.
                db.execute("DROP TABLE IF EXISTS search")
                db.execute("DROP TABLE IF EXISTS records")
                db.execute("DROP TABLE IF EXISTS files")
            for statement in (state_rows.READING_SCHEMA + _SCHEMA).split(";"):
                if statement.strip():
                    db.execute(statement)
            fts = self._create_search_table()
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        return fts

    def _take_old_settings(self) -> dict[str, str]:
        """The theme and harakat an older reader kept here (a `settings` table), taken out
        once: the config file is their home now (`reader.launch` carries them over)."""
        if self._db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='settings'").fetchone() is None:
            return {}
        rows = self._db.execute("SELECT key, value FROM settings").fetchall()
        self._db.execute("DROP TABLE settings")
        return {str(key): str(value) for key, value in rows}

    def _create_search_table(self) -> bool:
        row = self._db.execute("SELECT sql FROM sqlite_master WHERE name='search'").fetchone()
        if row is not None:
            return "fts5" in row[0].lower()
        if not self._want_fts:
            self._db.execute(_PLAIN_TABLE)
            return False
        try:
            self._db.execute("SAVEPOINT fts")
            self._db.execute(_FTS_TABLE)
            self._db.execute("RELEASE fts")
            return True
        except sqlite3.OperationalError:  # no FTS5, or no trigram tokenizer (SQLite < 3.34)
            self._db.execute("ROLLBACK TO fts")
            self._db.execute("RELEASE fts")
            self._db.execute(_PLAIN_TABLE)
            return False

    @property
    def persistent(self) -> bool:
        return True

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def full_text(self) -> bool:
        """Whether searches use the FTS5 trigram index (else they scan)."""
        return self._fts

    # -- plumbing ---------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _safely(self, work: Callable[[], T], fallback: T) -> T:
        """Run `work`; a database error is remembered in `problem`, never raised."""
        with self._lock:
            try:
                return work()
            except sqlite3.Error as error:
                self._problem = f"{self.path}: {error}"
                return fallback

    def _write(self, work: Callable[[sqlite3.Connection], object]) -> str | None:
        """Run `work` in a transaction; what failed, or None when it was committed."""

        def in_transaction() -> bool:
            with self._transaction() as db:
                work(db)
            return True

        return None if self._safely(in_transaction, False) else self._problem or "the database failed"

    # -- reading state ----------------------------------------------------------------

    def reading_state(self, path: Path) -> ReadingState:
        key = article_key(path)
        return self._safely(lambda: state_rows.reading_state(self._db, key), ReadingState())

    def reading_states(self) -> dict[str, ReadingState]:
        """Every file path known to have a state (copies each under their own path)."""
        nothing: dict[str, ReadingState] = {}
        return self._safely(lambda: state_rows.reading_states(self._db), nothing)

    def _upsert_reading(self, path: Path, column_values: dict[str, int]) -> str | None:
        key, now = article_key(path), time.time_ns()
        return self._write(lambda db: state_rows.upsert_reading(db, key, column_values, now))

    def mark_read(self, path: Path, read: bool = True) -> str | None:
        return self._upsert_reading(path, {"read": int(read)})

    def save_position(self, path: Path, position: ScrollPosition) -> str | None:
        return self._upsert_reading(path, {"block": position.block, "line_offset": position.line_offset})

    def set_bookmark(self, path: Path, bookmarked: bool) -> str | None:
        return self._upsert_reading(path, {"bookmarked": int(bookmarked)})

    def identify(self, identities: Mapping[str, str]) -> str | None:
        """Record these files' identities; a state follows its article (`reader.state.reading`).

        Writes only when something changed (a file opened again at its place costs one read).
        """
        wanted = dict(identities)
        failed: dict[str, str] | None = None
        changed = self._safely(lambda: state_rows.unsettled(self._db, wanted), failed)
        if changed is None:
            return self._problem or "the database failed"

        def follow(db: sqlite3.Connection) -> None:
            for key, identity in changed.items():
                state_rows.follow(db, key, identity)

        return self._write(follow) if changed else None

    # -- the index --------------------------------------------------------------------

    def indexed_stamps(self) -> dict[str, FileStamp]:
        def read() -> dict[str, FileStamp]:
            rows = self._db.execute("SELECT path, size, mtime_ns FROM files")
            return {path: FileStamp(size, mtime_ns) for path, size, mtime_ns in rows}

        return self._safely(read, {})

    def put_index(self, entries: Sequence[IndexEntry]) -> None:
        """Index (or re-index) these files, all in one transaction."""

        def put(db: sqlite3.Connection) -> None:
            for entry in entries:
                _put_entry(db, entry)

        self._write(put)

    def remove_index(self, keys: Iterable[str]) -> None:
        wanted = list(keys)

        def remove(db: sqlite3.Connection) -> None:
            for key in wanted:
                row = db.execute("SELECT id FROM files WHERE path=?", (key,)).fetchone()
                if row:
                    db.execute("DELETE FROM search WHERE rowid=?", row)
                    db.execute("DELETE FROM records WHERE id=?", row)
                    db.execute("DELETE FROM files WHERE id=?", row)
            state_rows.forget_paths(db, wanted)

        if wanted:
            self._write(remove)

    def indexed_files(self) -> dict[str, IndexedFile]:
        """Every indexed file's stamp and header columns, in one SELECT (no record decoded).

        A row whose columns cannot be read is left out: its file is simply read again.
        """

        def read() -> dict[str, IndexedFile]:
            files: dict[str, IndexedFile] = {}
            for row in self._db.execute(f"SELECT {_HEADER_COLUMNS} FROM files"):
                try:
                    files[row[0]] = _indexed_file(row)
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue  # a row this version did not write: its file is read again
            return files

        return self._safely(read, {})

    def indexed_result(self, key: str) -> LoadResult | None:
        """The full stored record of one file; None when absent or unreadable."""

        def read() -> LoadResult | None:
            row = self._db.execute(
                "SELECT record FROM records JOIN files ON files.id = records.id WHERE files.path=?", (key,)
            ).fetchone()
            if row is None:
                return None
            self.records_decoded += 1
            try:
                return result_from_json(row[0])
            except (ValueError, KeyError, TypeError):
                return None  # an old or damaged record: the caller reads the file

        return self._safely(read, None)

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[str] | None:
        """Keys of the indexed articles containing `query` (folded), best first."""
        from reader.state.search import (  # not needed to read one article
            fts_phrase,
            needs_scan,
            search_needle,
        )

        needle = search_needle(query)
        if not needle:
            return []

        def run() -> list[str]:
            if self._fts and not needs_scan(needle):
                weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
                sql = (
                    "SELECT files.path FROM search JOIN files ON files.id = search.rowid "
                    f"WHERE search MATCH ? ORDER BY bm25(search, {weights}) LIMIT ?"
                )
                rows = self._db.execute(sql, (fts_phrase(needle), limit))
            else:
                found = " OR ".join(f"instr(search.{column}, ?) > 0" for column in _SEARCH_COLUMNS)
                sql = (
                    "SELECT files.path FROM search JOIN files ON files.id = search.rowid "
                    f"WHERE {found} ORDER BY files.published DESC LIMIT ?"
                )
                rows = self._db.execute(sql, (*[needle] * len(_SEARCH_COLUMNS), limit))
            return [row[0] for row in rows]

        nothing: list[str] = []
        return self._safely(run, nothing)

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()


_DIRECTIONS = {direction.value: direction for direction in Direction}
_HEADER_COLUMNS = (
    "path, size, mtime_ns, ok, title, language, direction, published, source_name, tags, summary, problems"
)
_WRITTEN_COLUMNS = (
    "size",
    "mtime_ns",
    "ok",
    "title",
    "language",
    "direction",
    "published",
    "source_name",
    "tags",
    "summary",
    "problems",
)


def _indexed_file(row: tuple[Any, ...]) -> IndexedFile:
    """An `IndexedFile` from a row of `_HEADER_COLUMNS` (as `_put_entry` wrote it)."""
    key, size, mtime_ns, ok, title, language, direction, published, source_name, tags, summary, problems = row
    stamp = FileStamp(size, mtime_ns)
    if not ok:
        return IndexedFile(stamp, None, problems_from_json(problems))
    listing = Listing(
        key,
        None,  # the indexer knows the file's path; opening falls back to the key
        title,
        language,
        _DIRECTIONS[direction],
        published_from_text(published),
        source_name,
        tuple(tags.split("\n")) if tags else (),
        summary,
    )
    return IndexedFile(stamp, listing)


def _header_values(result: LoadResult) -> tuple[object, ...]:
    """ok, title, language, direction, published, source_name, tags, summary, problems."""
    article = result.article
    if article is None:
        return (0, None, None, None, None, None, None, None, problems_to_json(result.problems))
    source_name = article.source.name if article.source else None
    return (
        1,
        article.title,
        article.language,
        article.direction.value,
        published_to_text(article.published),
        source_name,
        "\n".join(article.tags),
        article.summary,
        None,
    )


def _put_entry(db: sqlite3.Connection, entry: IndexEntry) -> None:
    article = entry.result.article
    values = (entry.stamp.size, entry.stamp.mtime_ns, *_header_values(entry.result))
    row = db.execute("SELECT id FROM files WHERE path=?", (entry.key,)).fetchone()
    if row is None:
        names = ", ".join(_WRITTEN_COLUMNS)
        marks = ", ".join("?" for _ in _WRITTEN_COLUMNS)
        cursor = db.execute(f"INSERT INTO files (path, {names}) VALUES (?, {marks})", (entry.key, *values))
        rowid = cursor.lastrowid
    else:
        rowid = row[0]
        assignments = ", ".join(f"{column}=?" for column in _WRITTEN_COLUMNS)
        db.execute(f"UPDATE files SET {assignments} WHERE id=?", (*values, rowid))
        db.execute("DELETE FROM search WHERE rowid=?", (rowid,))
    db.execute("INSERT OR REPLACE INTO records (id, record) VALUES (?, ?)", (rowid, result_to_json(entry.result)))
    if article is not None:
        from reader.state.search import search_columns  # not needed to read one article

        columns = search_columns(article)
        db.execute(
            "INSERT INTO search (rowid, title, body, captions, facts) VALUES (?, ?, ?, ?, ?)",
            (rowid, columns.title, columns.body, columns.captions, columns.facts),
        )
    if entry.identity is not None:
        state_rows.follow(db, entry.key, entry.identity)


# -- opening ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenedStore:
    store: Store
    message: str | None  # why there is no persistence, for the user
    old_settings: dict[str, str] = field(default_factory=dict)  # from an older reader's database


def open_store(directory: Path) -> OpenedStore:
    """The database in `directory`, or a `NullStore` and the reason it could not be opened."""
    path = directory / DB_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        store = SqliteStore(path)
        return OpenedStore(store, None, store.old_settings)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        message = (
            f"{path}: cannot open the reader's database ({reason}). Read marks, positions, "
            "bookmarks and places will not be kept after this session; library search "
            "works without an index."
        )
        return OpenedStore(NullStore(str(path), message), message)
