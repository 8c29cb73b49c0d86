"""A reader killed with SIGKILL in the middle of writing leaves a sound, consistent database.

A child process writes batches of index entries (one transaction each) in a loop; after a
chosen number of committed batches it says so through a pipe and keeps writing, and the
parent kills it at once. No sleeps: the pipe decides when the kill happens.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.state.store import SqliteStore

BATCH = 40

CHILD = """
import os, sys
from pathlib import Path
from reader.article.model import Article, LoadResult
from reader.state.store import FileStamp, IndexEntry, ScrollPosition, SqliteStore

store = SqliteStore(Path(sys.argv[1]))
signal_fd, signal_after, batch = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
body = tuple("فقرة طويلة عن الاتفاقية رقم %d " % n * 20 for n in range(10))
number = 0
while True:
    entries = []
    for _ in range(batch):
        number += 1
        path = Path("/articles/%d.yaml" % number)
        article = Article(title="خبر %d" % number, body=body, path=path)
        entries.append(IndexEntry(str(path), FileStamp(number, number), LoadResult(path, article)))
    store.put_index(entries)
    store.save_position(Path("/articles/%d.yaml" % number), ScrollPosition(number, 0))
    if number == signal_after * batch:
        os.write(signal_fd, b"x")
"""


@pytest.mark.parametrize("signal_after", [1, 3, 7])
def test_sigkill_while_writing_never_corrupts(database: Path, signal_after: int) -> None:
    database.parent.mkdir(parents=True)
    read_end, write_end = os.pipe()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(database), str(write_end), str(signal_after), str(BATCH)],
        pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        assert os.read(read_end, 1) == b"x", "the child ended before writing enough"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        os.close(read_end)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO search(search) VALUES ('integrity-check')")  # FTS5 index matches its rows
        files = db.execute("SELECT count(*) FROM files").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM search").fetchone()[0]
    assert files >= signal_after * BATCH  # every committed batch is there
    assert files % BATCH == 0 and indexed == files  # and no half of one
    reopened = SqliteStore(database)
    assert len(reopened.search("الاتفاقية", limit=10**6) or []) == files
    reopened.close()
