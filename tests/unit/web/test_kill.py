"""A `kill -9` in the middle of `reader fetch` leaves no half-written article, and the next
fetch completes the work into the same files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.web.subscriptions import Subscription, Subscriptions, save_subscriptions
from tests.unit.web.builders import PARAGRAPHS, article_page, news_items, rss
from tests.unit.web.conftest import Cli, WebServer, article_files


def test_kill_minus_nine_mid_fetch_then_fetch_again(cli: Cli, web: WebServer, data_dir: Path) -> None:
    reached, release = threading.Event(), threading.Event()
    for number in (1, 2, 4, 5):
        web.serve(f"/news/{number}", article_page(f"صفحة {number}", PARAGRAPHS), content_type="text/html")

    def third_page(request: BaseHTTPRequestHandler) -> None:
        reached.set()
        release.wait(10)  # the reader is killed while it waits for this page
        request.send_response(200)
        page = article_page("صفحة 3", PARAGRAPHS)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(len(page)))
        request.end_headers()
        request.wfile.write(page)

    web.route("/news/3", third_page)
    assert (
        cli(
            "feeds", "add", web.serve("/feed.xml", rss("أخبار", news_items(5, site=web.url("")))), "--name", "news"
        ).code
        == 0
    )
    other = web.serve("/other.xml", rss("أخرى", news_items(1, site=web.url("/o"))))
    assert cli("feeds", "add", other, "--name", "other").code == 0  # two feeds at once
    env = {**os.environ, "READER_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "fetch", "--jobs", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert reached.wait(30), "the fetch never asked for the third page"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        release.set()
    assert process.returncode == -signal.SIGKILL
    for path in article_files(data_dir, "news"):  # whatever was written is whole
        assert load_article(path).ok, path
    ran = cli("fetch", "news")
    assert (ran.code, ran.out) == (0, "news: 5 new, 5 with full text\n")
    files = article_files(data_dir, "news")
    assert len(files) == 5 and all(load_article(path).ok for path in files)
    assert cli("fetch", "news").out == "news: 0 new\n"


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (a process that has ended but is not reaped yet)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_kill_minus_nine_leaves_no_worker_process_behind(web: WebServer, data_dir: Path) -> None:
    asked = threading.Event()

    def slow_feed(request: BaseHTTPRequestHandler) -> None:
        asked.set()
        web.stopping.wait(10)  # the reader is killed while its workers wait for work

    save_subscriptions(data_dir, Subscriptions([Subscription("slow", web.route("/slow.xml", slow_feed))]))
    env = {**os.environ, "READER_DATA_DIR": str(data_dir)}
    process = subprocess.Popen([sys.executable, "-m", "reader", "fetch", "--no-full-text"], env=env)
    try:
        assert asked.wait(30), "the fetch never asked for the feed"
        workers = _children(process.pid)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    assert workers, "`reader fetch` forked no worker processes"
    deadline = threading.Event()
    for _ in range(50):  # each worker notices within PARENT_CHECK_SECONDS
        if not any(_running(pid) for pid in workers):
            break
        deadline.wait(0.1)
    assert not any(_running(pid) for pid in workers)
