"""Feeds: `reader fetch --no-full-text` against `newsboat -x reload` on the same local feeds,
and the full-text fetch in pages per second.

A server on 127.0.0.1 (a thread of this process) serves `FEEDS` RSS feeds of `ITEMS` items
each, and an article page for every item. Each run starts from nothing on both sides: a
fresh data folder for the reader (feeds imported from OPML before the clock starts), a fresh
cache for newsboat (its own `urls` and `config` files in a temporary HOME). Both fetch with
the same number of connections at once (`reader fetch --jobs 4`, newsboat `reload-threads 4`).

``python -m benchmarks.bench_feeds [--runs N] [--against PYTHON]`` runs this section alone
(`--against`: another install's `reader fetch` too, such as a build of the previous commit).
"""

from __future__ import annotations

import argparse
import email.utils
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

if __package__ in (None, ""):  # `python benchmarks/bench_feeds.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import PrintReport, ReportLike, Timing, ratio, summarize  # noqa: E402

PYTHON = sys.executable
READER = (
    [str(Path(PYTHON).parent / "reader")] if (Path(PYTHON).parent / "reader").exists() else [PYTHON, "-m", "reader"]
)
"""This install's `reader` (the benchmark measures the install that runs it)."""
FEEDS = 50
ITEMS = 30
FULL_TEXT_FEEDS = 5
JOBS = 4
SENTENCE = "أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام في العاصمة، تشمل خطوط حافلات وقطارات حديثة."


def feed_xml(base: str, feed: int) -> bytes:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>خبر {feed}-{item}: {escape(SENTENCE[:40])}</title><link>{base}/page/{feed}/{item}</link>"
        f"<guid>{base}/id/{feed}/{item}</guid>"
        f"<pubDate>{email.utils.format_datetime(start + timedelta(minutes=feed * ITEMS + item))}</pubDate>"
        f"<description>{escape(f'<p>{SENTENCE}</p><p>{SENTENCE}</p>')}</description></item>"
        for item in range(ITEMS)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>{base}/</link><language>ar</language>{items}</channel></rss>"
    ).encode()


def page_html(feed: int, item: int) -> bytes:
    paragraphs = "".join(f"<p>{SENTENCE} ({number})</p>" for number in range(8))
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر {feed}-{item}</title>'
        f"</head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>خبر {feed}-{item}</h1>{paragraphs}"
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


@contextmanager
def local_server() -> Iterator[str]:
    """Serve the feeds and pages; yields the base address."""
    cache: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = cache.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header(
                "Content-Type",
                "text/html; charset=utf-8" if "/page/" in self.path else "application/rss+xml; charset=utf-8",
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for feed in range(FEEDS):
        cache[f"/feed/{feed}.xml"] = feed_xml(base, feed)
        for item in range(ITEMS):
            cache[f"/page/{feed}/{item}"] = page_html(feed, item)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def feed_urls(base: str, count: int) -> list[str]:
    return [f"{base}/feed/{feed}.xml" for feed in range(count)]


def opml(urls: list[str]) -> str:
    outlines = "".join(f'<outline type="rss" text="feed-{n}" xmlUrl="{url}"/>' for n, url in enumerate(urls))
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>'


def run_timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run `command`: its wall time and the CPU time (user + system) of it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@dataclass
class Measured:
    """The runs of one program: wall times, CPU times (with its children), items stored."""

    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    stored: int = 0

    def add(self, wall: float, cpu: float, stored: int) -> None:
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.stored = stored

    @property
    def timing(self) -> Timing:
        return summarize(self.walls)

    @property
    def cpu(self) -> str:
        return f"{statistics.median(self.cpus) * 1000:,.0f} ms"


def reader_command(python: str) -> list[str]:
    """The `reader` of the install `python` belongs to."""
    script = Path(python).parent / "reader"
    return [str(script)] if script.exists() else [python, "-m", "reader"]


def reader_run(
    folder: Path, urls: list[str], run: int, measured: Measured, *, full_text: bool, reader: list[str] = READER
) -> None:
    """One `reader fetch`, from a fresh data folder (the feeds imported before the clock starts).
    `PYTHONPATH` is left out: a `.` in it would run the checkout instead of the install."""
    data = folder / f"{'reader' if reader is READER else 'against'}-{'full' if full_text else 'summary'}-{run}"
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "READER_DATA_DIR": str(data)}
    (folder / "feeds.opml").write_text(opml(urls), encoding="utf-8")
    subprocess.run(
        [*reader, "feeds", "import", str(folder / "feeds.opml")], env=env, check=True, stdout=subprocess.DEVNULL
    )
    command = [*reader, "fetch", "--jobs", str(JOBS), *([] if full_text else ["--no-full-text"])]
    wall, cpu = run_timed(command, env)
    measured.add(wall, cpu, sum(1 for _ in (data / "articles").rglob("*.yaml")))


def newsboat_run(folder: Path, urls: list[str], run: int, measured: Measured) -> None:
    """One `newsboat -x reload`, with a fresh cache, urls and config in a temporary HOME."""
    home = folder / f"newsboat-{run}"
    home.mkdir()
    (home / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    (home / "config").write_text(f"reload-threads {JOBS}\n", encoding="utf-8")
    cache = home / "cache.db"
    command = ["newsboat", "-u", str(home / "urls"), "-C", str(home / "config"), "-c", str(cache), "-x", "reload"]
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)}
    wall, cpu = run_timed(command, env)
    measured.add(wall, cpu, _newsboat_items(cache))


def _newsboat_items(cache: Path) -> int:
    import sqlite3

    with sqlite3.connect(cache) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM rss_item").fetchone()[0])


def web_imports_at_start() -> str:
    """The web modules that importing the app loads (there should be none)."""
    code = (
        "import sys, reader.app, reader.launch; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('httpx', 'feedparser', 'trafilatura', 'lxml', 'defusedxml') or m.startswith('reader.web'))))"
    )
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip() or "none"


def bench_feeds(report: ReportLike, runs: int, against: str | None = None) -> None:
    """Add the section to the report; `against`: the Python of another install (a build of
    an earlier commit) whose `reader fetch` runs interleaved with the two others."""
    add, table = report.add, report.table
    add(f"## 6. Feeds: `reader fetch` and newsboat ({FEEDS} local feeds × {ITEMS} items)")
    add()
    if shutil.which("newsboat") is None:
        add("newsboat is not installed (Debian package `newsboat`): not measured.")
        add()
        return
    newsboat, reader, full, other = Measured(), Measured(), Measured(), Measured()
    with tempfile.TemporaryDirectory(prefix="reader-feeds-") as name, local_server() as base:
        folder = Path(name)
        urls = feed_urls(base, FEEDS)
        for run in range(runs):  # interleaved: all see the same load on a shared machine
            newsboat_run(folder, urls, run, newsboat)
            reader_run(folder, urls, run, reader, full_text=False)
            if against is not None:
                reader_run(folder, urls, run, other, full_text=False, reader=reader_command(against))
        for run in range(max(1, runs // 2)):
            reader_run(folder, feed_urls(base, FULL_TEXT_FEEDS), run, full, full_text=True)
    version = subprocess.run(["newsboat", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    ratio_value = ratio(reader.timing, newsboat.timing)
    table(
        ["program", "median", "range", "CPU (median)", "items stored", "ratio to newsboat"],
        [
            [
                f"`{version.split(' - ')[0]} -x reload` (reload-threads {JOBS})",
                newsboat.timing.ms(),
                newsboat.timing.spread(),
                newsboat.cpu,
                f"{newsboat.stored:,}",
                "1.00×",
            ],
            [
                f"`reader fetch --no-full-text --jobs {JOBS}`",
                reader.timing.ms(),
                reader.timing.spread(),
                reader.cpu,
                f"{reader.stored:,} article files",
                f"{ratio_value:.2f}× (target ≤ 1.5×: {_met(ratio_value <= 1.5)})",
            ],
            *(
                [
                    [
                        f"the same, by `{against}`'s install",
                        other.timing.ms(),
                        other.timing.spread(),
                        other.cpu,
                        f"{other.stored:,} article files",
                        f"{ratio(other.timing, newsboat.timing):.2f}×",
                    ]
                ]
                if against is not None
                else []
            ),
        ],
    )
    add(
        f"Full text (`reader fetch --jobs {JOBS}`, {FULL_TEXT_FEEDS} feeds, {full.stored:,} item pages fetched and "
        f"extracted): {full.timing.ms()}, {full.stored / full.timing.median:,.0f} pages/s (CPU {full.cpu})."
    )
    add()
    loaded = web_imports_at_start()
    add(f"Web modules loaded by `import reader.app, reader.launch` (the reading screen's start): {loaded}.")
    add()


def _met(condition: bool) -> str:
    return "met" if condition else "not met"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_feeds", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", metavar="PYTHON", help="also time the reader of this Python's install")
    args = parser.parse_args()
    bench_feeds(PrintReport(), args.runs, args.against)
    return 0


if __name__ == "__main__":
    sys.exit(main())
