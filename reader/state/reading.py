"""Reading state per article identity: the `reading` and `identities` tables.

- `reading`: one row per article identity (`reader.article.identity`: its source URL, else
  a hash of its text): read, bookmarked, the scroll position, and `path`, the file it was
  last saved from (for a person reading the database: nothing looks a state up by it);
- `identities`: each article file's key (its resolved path) and the identity it was last
  found to have (index on the identity).

A path finds its state through its identity; a path whose identity is not known yet (a
file never indexed, or the rows of a database from before identities) has the identity
`path:<key>`. So:

- a file moved or renamed (or its folder) keeps its state: once its new path is identified
  (when the library indexes it, or when it is opened on its own), the new path leads to
  the same row;
- copies (two files of one identity) share one read mark, bookmark and place: they are
  one article, as one feed item is in newsboat;
- a file whose identity changed at the same path (the text of an article without a source
  URL edited, its URL corrected) takes its state along to the new identity; the old
  identity keeps it too while another existing file still has it;
- a `path:` row is merged into the identity when its file is identified, and a reading
  table keyed by path (schema 4 and before) becomes `path:` rows (`migrate_reading`),
  with their identities taken at once from the old index's records where it has them.

Merging two states keeps a read mark or a bookmark that either had, and the place saved
last. The functions here run inside the store's transactions; they never commit.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.article.identity import URL_PREFIX, content_identity, normalized_url

PATH_PREFIX = "path:"
_PATH_RANGE = (PATH_PREFIX, PATH_PREFIX[:-1] + chr(ord(PATH_PREFIX[-1]) + 1))  # every `path:…`, by the key's order

Exists = Callable[[str], bool]

READING_SCHEMA = """
CREATE TABLE IF NOT EXISTS reading (
    identity TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    bookmarked INTEGER NOT NULL DEFAULT 0,
    block INTEGER,
    line_offset INTEGER,
    updated_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS identities (path TEXT PRIMARY KEY, identity TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS identities_by_identity ON identities (identity);
"""

_STATE_COLUMNS = "read, bookmarked, block, line_offset"
# The identity a path's state is kept under: its own when known, else `path:<key>`.
_IDENTITY_OF = "coalesce((SELECT identity FROM identities WHERE path = ?), ?)"


@dataclass(frozen=True)
class ScrollPosition:
    """The top line of the view: its block (paragraph) and how many lines into it."""

    block: int = 0
    line_offset: int = 0


@dataclass(frozen=True)
class ReadingState:
    read: bool = False
    bookmarked: bool = False
    position: ScrollPosition | None = None


@dataclass(frozen=True)
class _Row:
    read: int
    bookmarked: int
    block: int | None
    line_offset: int | None
    updated_ns: int

    def merged(self, other: _Row) -> _Row:
        """Either's read mark and bookmark; the place of the one saved last (else the other's)."""
        newer, older = (self, other) if self.updated_ns >= other.updated_ns else (other, self)
        place = newer if newer.block is not None else older
        return _Row(
            max(self.read, other.read),
            max(self.bookmarked, other.bookmarked),
            place.block,
            place.line_offset,
            newer.updated_ns,
        )


def path_identity(key: str) -> str:
    """The identity of a file whose article's identity is not known (yet)."""
    return PATH_PREFIX + key


def _state(row: Sequence[int | None]) -> ReadingState:
    read, bookmarked, block, line_offset = row
    position = ScrollPosition(block, line_offset or 0) if block is not None else None
    return ReadingState(bool(read), bool(bookmarked), position)


# -- reading ----------------------------------------------------------------------------


def reading_state(db: sqlite3.Connection, key: str) -> ReadingState:
    sql = f"SELECT {_STATE_COLUMNS} FROM reading WHERE identity = {_IDENTITY_OF}"
    row = db.execute(sql, (key, path_identity(key))).fetchone()
    return _state(row) if row else ReadingState()


def reading_states(db: sqlite3.Connection) -> dict[str, ReadingState]:
    """Every path that has a state (through its identity, or a `path:` row), to its state."""
    states: dict[str, ReadingState] = {}
    legacy = f"SELECT substr(identity, ?), {_STATE_COLUMNS} FROM reading WHERE identity >= ? AND identity < ?"
    for row in db.execute(legacy, (len(PATH_PREFIX) + 1, *_PATH_RANGE)):
        states[row[0]] = _state(row[1:])
    columns = ", ".join(f"reading.{column.strip()}" for column in _STATE_COLUMNS.split(","))
    joined = f"SELECT identities.path, {columns} FROM reading JOIN identities ON identities.identity = reading.identity"
    for row in db.execute(joined):
        states[row[0]] = _state(row[1:])
    return states


# -- writing ----------------------------------------------------------------------------


def upsert_reading(db: sqlite3.Connection, key: str, column_values: dict[str, int], now_ns: int) -> None:
    """Set these columns of the state of the file at `key` (under its identity)."""
    columns = ", ".join(column_values)
    marks = ", ".join("?" for _ in column_values)
    updates = ", ".join(f"{column}=excluded.{column}" for column in column_values)
    sql = (
        f"INSERT INTO reading (identity, path, updated_ns, {columns}) VALUES ({_IDENTITY_OF}, ?, ?, {marks}) "
        f"ON CONFLICT(identity) DO UPDATE SET path=excluded.path, updated_ns=excluded.updated_ns, {updates}"
    )
    db.execute(sql, (key, path_identity(key), key, now_ns, *column_values.values()))


def unsettled(db: sqlite3.Connection, identities: dict[str, str]) -> dict[str, str]:
    """The files whose identity is not recorded as this, or whose `path:` row is not merged yet."""
    changed: dict[str, str] = {}
    for key, identity in identities.items():
        row = db.execute("SELECT identity FROM identities WHERE path = ?", (key,)).fetchone()
        if row is None or row[0] != identity or _row(db, path_identity(key)) is not None:
            changed[key] = identity
    return changed


def follow(db: sqlite3.Connection, key: str, identity: str, exists: Exists = os.path.exists) -> None:
    """Record that the file at `key` holds the article `identity`, and bring its state along."""
    row = db.execute("SELECT identity FROM identities WHERE path = ?", (key,)).fetchone()
    old = row[0] if row else None
    if old != identity:
        db.execute("INSERT OR REPLACE INTO identities (path, identity) VALUES (?, ?)", (key, identity))
    if _carry(db, path_identity(key), identity, key):
        db.execute("DELETE FROM reading WHERE identity = ?", (path_identity(key),))
    if old is not None and old != identity and _carry(db, old, identity, key) and not _held(db, old, exists):
        db.execute("DELETE FROM reading WHERE identity = ?", (old,))


def forget_paths(db: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Files gone from the library: their identities go (their states stay, for when they come back)."""
    db.executemany("DELETE FROM identities WHERE path = ?", ((key,) for key in keys))


def _row(db: sqlite3.Connection, identity: str) -> _Row | None:
    sql = f"SELECT {_STATE_COLUMNS}, updated_ns FROM reading WHERE identity = ?"
    row = db.execute(sql, (identity,)).fetchone()
    return _Row(*row) if row else None


def _carry(db: sqlite3.Connection, source: str, identity: str, key: str) -> bool:
    """Merge the state of `source` into that of `identity` (recorded at `key`); False: none."""
    carried = _row(db, source)
    if carried is None:
        return False
    present = _row(db, identity)
    merged = carried if present is None else present.merged(carried)
    db.execute(
        "INSERT OR REPLACE INTO reading (identity, path, read, bookmarked, block, line_offset, updated_ns) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (identity, key, merged.read, merged.bookmarked, merged.block, merged.line_offset, merged.updated_ns),
    )
    return True


def _held(db: sqlite3.Connection, identity: str, exists: Exists) -> bool:
    """Whether an existing file is still known to hold `identity`."""
    rows = db.execute("SELECT path FROM identities WHERE identity = ?", (identity,))
    return any(exists(path) for (path,) in rows)


# -- migration --------------------------------------------------------------------------


def migrate_reading(db: sqlite3.Connection) -> None:
    """A `reading` table keyed by path (schema 4 and before) becomes one keyed by identity.

    Each row becomes a `path:` row; where the old index still holds the file's record, its
    identity is taken from it now, so a file moved before this version first ran is found
    too. Run before the old index is dropped.
    """
    columns = [row[1] for row in db.execute("PRAGMA table_info(reading)")]
    if not columns or "identity" in columns:
        return
    db.execute("ALTER TABLE reading RENAME TO reading_by_path")
    for statement in READING_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(
        "INSERT INTO reading (identity, path, read, bookmarked, block, line_offset, updated_ns) "
        f"SELECT ? || path, path, {_STATE_COLUMNS}, updated_ns FROM reading_by_path",
        (PATH_PREFIX,),
    )
    db.execute("DROP TABLE reading_by_path")
    _identify_from_old_index(db)


def _identify_from_old_index(db: sqlite3.Connection) -> None:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"files", "records"} <= tables:
        return
    sql = (
        "SELECT files.path, records.record FROM reading JOIN files ON files.path = substr(reading.identity, ?) "
        "JOIN records ON records.id = files.id WHERE reading.identity LIKE ?"
    )
    try:
        found = db.execute(sql, (len(PATH_PREFIX) + 1, PATH_PREFIX + "%")).fetchall()
    except sqlite3.OperationalError:  # an index older than these columns: nothing to learn from
        return
    for key, record in found:
        identity = _old_record_identity(record)
        if identity is not None:
            follow(db, key, identity, exists=lambda path: True)


def _old_record_identity(record: str) -> str | None:
    """The identity of the article in an old index record, whatever its version; None: none.

    Every record version (`reader.state.codec`: 2, images' url and the fetch time; 3, the
    images' place) keeps `article.source` as `[url, name]` (or null) and `article.title`
    and `article.body` as text: that is all an identity needs (as `article_identity`).
    """
    try:
        article = json.loads(record)["article"]
        if article is None:
            return None  # a broken file: identified when it is read again
        source = article.get("source")
        url = normalized_url(source[0]) if source else None
        if url is not None:
            return URL_PREFIX + url
        title, body = article["title"], article["body"]
        if not isinstance(title, str) or not isinstance(body, list) or not all(isinstance(p, str) for p in body):
            return None
        return content_identity(title, body)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # a record this version cannot read: identified when the file is
