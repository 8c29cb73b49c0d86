"""Library search in a big library: each keystroke's latency, in the app itself (headless).

A library of `COUNT` articles is indexed into a fresh state database before the clock
starts. Then a query is typed one letter at a time, as a reader types it. For each
keystroke two times are taken: until the app has handled the key (the screen is free
again: the search runs in a worker), and until the hits for the query so far are listed.
Textual's headless driver draws nothing to a terminal, so these are the app's own costs.

``python -m benchmarks.bench_search [--count N] [--runs N]`` runs this section alone.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # `python benchmarks/bench_search.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import PrintReport, ReportLike, Timing, summarize  # noqa: E402
from benchmarks.inputs import write_library  # noqa: E402
from reader.app import ReaderApp  # noqa: E402
from reader.article.library import Library  # noqa: E402
from reader.screens.library import LibraryScreen  # noqa: E402
from reader.session import Session  # noqa: E402
from reader.state.index import index_library  # noqa: E402
from reader.state.store import SqliteStore  # noqa: E402
from reader.text.layout import LayoutOptions  # noqa: E402

COUNT = 10_000
QUERY = "اتفاقية هانوي"  # in every article: the worst case, every keystroke finds them all


async def _type_query(folder: Path, database: Path, count: int) -> tuple[list[float], list[float], list[float]]:
    """(a cursor move handled, a key of the query handled, its hits listed) in seconds."""
    app = ReaderApp(Library(()), LayoutOptions(), Session(store=SqliteStore(database), sources=(folder,)))
    moved: list[float] = []
    handled: list[float] = []
    listed: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()  # the library, from the index
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.library.count == count, "the library is listed"
        for _ in QUERY:  # the yardstick: a key that only moves the cursor
            start = time.perf_counter()
            await pilot.press("down")
            moved.append(time.perf_counter() - start)
        await pilot.press("slash")
        for letter in QUERY:
            start = time.perf_counter()
            await pilot.press("space" if letter == " " else letter)
            handled.append(time.perf_counter() - start)
            await app.workers.wait_for_complete()
            await pilot.pause()
            listed.append(time.perf_counter() - start)
    return moved, handled, listed


def measure(count: int, runs: int) -> tuple[Timing, Timing, Timing]:
    """Index `count` articles once, then type the query `runs` times."""
    with tempfile.TemporaryDirectory(prefix="reader-search-") as name:
        folder, database = Path(name) / "library", Path(name) / "state.sqlite3"
        write_library(folder, count)
        store = SqliteStore(database)
        index_library([folder], store)
        store.close()
        moved: list[float] = []
        handled: list[float] = []
        listed: list[float] = []
        for _ in range(runs):
            moves, keys, hits = asyncio.run(_type_query(folder, database, count))
            moved += moves
            handled += keys
            listed += hits
    return summarize(moved), summarize(handled), summarize(listed)


def bench_search(report: ReportLike, count: int, runs: int) -> None:
    moved, handled, listed = measure(count, runs)
    report.add(f"## 7. Library search: a keystroke in a library of {count:,} articles")
    report.add()
    report.add(
        f"`{QUERY}` typed one letter at a time ({runs} runs); the query is in every article, so each"
        " keystroke's search finds them all (the worst case). Headless app (Textual's test driver)."
    )
    report.add()
    report.table(
        ["per keystroke", "median", "range"],
        [
            ["for comparison: ↓ (the cursor moves)", moved.ms(), moved.spread()],
            ["key handled (the screen free again)", handled.ms(), handled.spread()],
            ["hits for the query so far listed", listed.ms(), listed.spread()],
        ],
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_search", description=__doc__)
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bench_search(PrintReport(), args.count, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
