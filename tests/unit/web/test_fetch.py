"""`reader fetch`: new items become article files, once each, with full text; bad feeds and
pages are reported, and never hold the others up."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import yaml

from reader.article.loader import load_article
from reader.commands.fetch import ProgressBar
from reader.text.direction import Direction
from reader.web.fetch import FeedJob, FetchOptions, Progress, article_path, fetch_feeds, prepare_feed
from reader.web.http import Limits
from reader.web.subscriptions import Subscription, Subscriptions, load_subscriptions, save_subscriptions
from tests.unit.web.builders import PARAGRAPHS, Item, article_page, news_items, rss, video_page
from tests.unit.web.conftest import Cli, Ran, WebServer, article_files, drip


@pytest.fixture
def follow(cli: Cli) -> Cli:
    """`follow(name, url)`: `reader feeds add URL --name NAME`, which must succeed."""

    def add(name: str, url: str) -> Ran:
        ran = cli("feeds", "add", url, "--name", name)
        assert ran.code == 0, ran.err
        return ran

    return add


def serve_pages(web: WebServer, count: int) -> None:
    for number in range(1, count + 1):
        web.serve(f"/news/{number}", article_page(f"عنوان الصفحة {number}", PARAGRAPHS), content_type="text/html")


def test_each_item_becomes_an_article_that_reader_check_accepts(
    cli: Cli, follow: Cli, web: WebServer, data_dir: Path
) -> None:
    follow("news", web.serve("/feed.xml", rss("أخبار", news_items(3, site=web.url("")))))
    ran = cli("fetch", "--no-full-text")
    assert (ran.code, ran.out) == (0, "news: 3 new\n")
    files = article_files(data_dir, "news")
    assert len(files) == 3
    assert cli("check", str(data_dir / "articles")).code == 0
    article = load_article(files[0]).article
    assert article is not None and article.direction is Direction.RTL and article.language == "ar"
    assert article.fetched is not None and article.source is not None and article.source.name == "أخبار"


def test_a_refetch_makes_no_second_file_and_only_new_items_are_new(
    cli: Cli, follow: Cli, web: WebServer, data_dir: Path
) -> None:
    url = web.serve("/feed.xml", rss("أخبار", news_items(3, site=web.url(""))))
    follow("news", url)
    cli("fetch", "--no-full-text")
    assert cli("fetch", "--no-full-text").out == "news: 0 new\n"
    web.serve("/feed.xml", rss("أخبار", news_items(4, site=web.url(""))))
    assert cli("fetch", "--no-full-text").out == "news: 1 new\n"
    assert len(article_files(data_dir, "news")) == 4


def test_a_fetch_of_fewer_items_forgets_none_of_the_others(cli: Cli, follow: Cli, web: WebServer) -> None:
    """`--max-items 2` keeps the newest two; the older items are still seen: not new again."""
    follow("news", web.serve("/feed.xml", rss("أخبار", news_items(5, site=web.url("")))))
    assert cli("fetch", "--no-full-text").out == "news: 5 new\n"
    web.serve("/feed.xml", rss("أخبار", news_items(6, site=web.url(""))))
    assert cli("fetch", "--no-full-text", "--max-items", "2").out.startswith("news: 1 new\n")
    web.serve("/feed.xml", rss("أخبار", news_items(7, site=web.url(""))))
    assert cli("fetch", "--no-full-text").out == "news: 1 new\n"


def test_a_refetch_is_conditional(cli: Cli, follow: Cli, web: WebServer) -> None:
    body = rss("أخبار", news_items(2, site=web.url("")))

    def answer(request: BaseHTTPRequestHandler) -> None:
        fresh = request.headers.get("If-None-Match") != '"v7"'
        request.send_response(200 if fresh else 304)
        request.send_header("ETag", '"v7"')
        request.send_header("Content-Length", str(len(body) if fresh else 0))
        request.end_headers()
        if fresh:
            request.wfile.write(body)

    follow("news", web.route("/feed.xml", answer))
    cli("fetch", "--no-full-text")
    assert cli("fetch", "--no-full-text").out == "news: not modified\n"
    assert web.requests[-1].headers["if-none-match"] == '"v7"'
    assert "not modified" in cli("feeds").out


def test_full_text_comes_from_each_item_page(cli: Cli, follow: Cli, web: WebServer, data_dir: Path) -> None:
    serve_pages(web, 2)
    web.serve("/news/3", video_page(), content_type="text/html")
    items = news_items(4, site=web.url(""))  # /news/4 is missing: 404
    follow("news", web.serve("/feed.xml", rss("أخبار", items)))
    ran = cli("fetch")
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert lines[0] == (
        "news: 3 new, 2 with full text, 1 not an article: a video page with no text, "
        "1 failed: the server answered 404 Not Found"
    )
    assert "  skipped خبر عاجل رقم 3: a video page with no text" in lines
    assert "  خبر عاجل رقم 4: no full text (the server answered 404 Not Found); the feed's summary is kept" in lines
    articles = [load_article(path).article for path in article_files(data_dir, "news")]
    bodies = {article.title: article.body for article in articles if article is not None}
    assert bodies["خبر عاجل رقم 1"] == tuple(PARAGRAPHS)
    assert bodies["خبر عاجل رقم 4"] == ("الفقرة الأولى من خبر عاجل 4.", "والفقرة الثانية.")
    assert "خبر عاجل رقم 3" not in bodies
    assert cli("fetch").out == "news: 0 new\n"  # the video page is not asked again


def test_a_huge_feed_keeps_the_newest(cli: Cli, follow: Cli, web: WebServer, data_dir: Path) -> None:
    follow("big", web.serve("/big.xml", rss("كبير", news_items(2_000, site=web.url("")))))
    ran = cli("fetch", "--no-full-text", "--max-items", "30")
    assert ran.out.splitlines()[:2] == ["big: 30 new", "  kept the newest 30 of 2000 items"]
    titles = {yaml.safe_load(path.read_text(encoding="utf-8"))["title"] for path in article_files(data_dir, "big")}
    assert "خبر عاجل رقم 2000" in titles and "خبر عاجل رقم 1970" not in titles


def test_item_links_that_are_not_http_are_dropped_with_a_reason(
    cli: Cli, follow: Cli, web: WebServer, data_dir: Path
) -> None:
    items = [Item("رابط سيئ", "javascript:alert(1)", "نص الخبر", guid="urn:1")]
    follow("odd", web.serve("/odd.xml", rss("غريب", items)))
    ran = cli("fetch")
    assert "  item 1 (رابط سيئ): link dropped, not http(s): javascript:alert(1)" in ran.out.splitlines()
    text = article_files(data_dir, "odd")[0].read_text(encoding="utf-8")
    assert "javascript" not in text and "source:" not in text


def test_hostile_feeds_fail_alone_and_in_time(cli: Cli, follow: Cli, web: WebServer, data_dir: Path) -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "lol"}">' for n in range(10))
    web.serve(
        "/laughs.xml",
        rss("ضحك", [Item("عنوان &l9;", web.url("/l"), "&l9;")], head=f"<!DOCTYPE rss [{laughs}]>").replace(
            b"&amp;l9;", b"&l9;"
        ),
    )
    follow("good", web.serve("/good.xml", rss("جيد", news_items(3, site=web.url("")))))
    follow("laughs", web.url("/laughs.xml"))
    for name, url in {
        "drip": web.route("/drip", drip(web.stopping, every=0.2)),
        "bomb": web.serve("/bomb", b"\0" * 30_000_000, gzipped=True),
        "escape": web.serve("/escape", b"", status=302, headers={"Location": "file:///etc/passwd"}),
        "loop": web.serve("/loop", b"", status=302, headers={"Location": "/loop"}),
        "gone": web.url("/gone"),
    }.items():
        save_subscriptions(data_dir, _with(load_subscriptions(data_dir), Subscription(name, url)))
    follow("also-good", web.serve("/good2.xml", rss("جيد أيضا", news_items(2, site=web.url("/2")))))
    started = time.monotonic()
    ran = cli("fetch", "--no-full-text", "--timeout", "2")
    assert time.monotonic() - started < 6
    assert ran.code == 1
    assert ran.out.splitlines()[0] == "good: 3 new"
    lines = set(ran.out.splitlines())
    assert {
        "laughs: 1 new",
        "drip: failed: timed out after 2 s",
        "also-good: 2 new",
        "bomb: failed: body over 20,000,000 bytes once decompressed",
        "escape: failed: refused a redirect to file:///etc/passwd",
        "loop: failed: more than 5 redirects",
        "gone: failed: the server answered 404 Not Found",
    } <= lines
    assert len(article_files(data_dir, "good")) == 3 and len(article_files(data_dir, "also-good")) == 2
    assert "lollol" not in article_files(data_dir, "laughs")[0].read_text(encoding="utf-8")


def _with(subscriptions: Subscriptions, feed: Subscription) -> Subscriptions:
    subscriptions.add(feed)
    return subscriptions


def test_progress_is_reported_for_feeds_and_pages(web: WebServer, data_dir: Path) -> None:
    serve_pages(web, 2)
    subscriptions = Subscriptions(
        [Subscription("news", web.serve("/f.xml", rss("t", news_items(2, site=web.url("")))))]
    )
    seen: list[Progress] = []
    results = fetch_feeds(
        data_dir, subscriptions, subscriptions.feeds, FetchOptions(limits=Limits(total_timeout=5)), progress=seen.append
    )
    assert results[0].line() == "news: 2 new, 2 with full text"
    assert seen[-1] == Progress(feeds_done=1, feeds_total=1, pages_done=2, pages_total=2, feed="news")


def test_unknown_feeds_and_no_feeds_are_one_line(cli: Cli, follow: Cli, web: WebServer) -> None:
    ran = cli("fetch")
    assert (ran.code, ran.err.count("\n")) == (1, 1) and "no feeds followed yet" in ran.err
    follow("news", web.serve("/feed.xml", rss("أخبار", news_items(1, site=web.url("")))))
    ran = cli("fetch", "other")
    assert ran.code == 1 and ran.err.startswith("reader fetch: not following other")
    assert cli("fetch", "news", "--no-full-text").out == "news: 1 new\n"


def test_the_samples_fetched_from_a_local_server(
    cli: Cli, follow: Cli, web: WebServer, samples: Path, data_dir: Path
) -> None:
    feeds = samples / "feeds"
    urdu = web.serve("/ur.xml", (feeds / "ur_bbc-urdu_2018-10_rss20.xml").read_bytes())
    assert cli("feeds", "add", urdu, "--name", "urdu").out.endswith(f"(26 items) {urdu}\n")
    follow(
        "hebrew",
        web.serve(
            "/he.xml",
            (feeds / "he_sharks-co-il_2006-01_rss20_cp1255.xml").read_bytes(),
            content_type="application/rss+xml",
        ),
    )
    ran = cli("fetch", "--no-full-text", "--no-photos")  # the samples' photos are on the real web
    assert (ran.code, ran.out.splitlines()) == (0, ["urdu: 26 new", "hebrew: 10 new"])
    refetched = cli("fetch", "--no-full-text", "--no-photos").out.splitlines()
    assert refetched == ["urdu: 0 new", "hebrew: 0 new"]  # one file per item
    assert cli("check", str(data_dir / "articles")).code == 0


def test_the_progress_bar_redraws_one_line() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar.show(Progress(feeds_done=1, feeds_total=2, pages_done=3, pages_total=6, feed="bbc\x1b]0;x\x07"))
    bar.clear()
    drawn = stream.getvalue()
    assert drawn.startswith("\r\x1b[K[") and "1/2 feeds, 3/6 pages  bbc␛]0;x␇" in drawn
    assert drawn.endswith("\r\x1b[K")


def test_a_page_that_breaks_the_extractor_or_is_no_web_page_keeps_the_summary(web: WebServer, data_dir: Path) -> None:
    web.serve("/news/1", b"ID3 audio", content_type="audio/mpeg")
    web.serve("/news/2", article_page("صفحة", PARAGRAPHS), content_type="text/html")
    subscriptions = Subscriptions(
        [Subscription("news", web.serve("/f.xml", rss("t", news_items(2, site=web.url("")))))]
    )

    def broken(html: bytes, url: str, content_type: str | None, fetched: object) -> object:
        raise ValueError("lxml gave up")

    [result] = fetch_feeds(data_dir, subscriptions, subscriptions.feeds, extractor=broken)
    assert result.line() == "news: 2 new, 2 failed: the item's link is not a web page (audio/mpeg)"
    assert "no full text (the page could not be read (ValueError: lxml gave up))" in result.notes[1]
    assert len(article_files(data_dir, "news")) == 2


def test_the_command_run_as_users_run_it_lets_hostile_feeds_fail_alone(
    cli: Cli, follow: Cli, web: WebServer, data_dir: Path
) -> None:
    """`reader fetch` in a process of its own, as from a shell or cron."""
    follow("good", web.serve("/good.xml", rss("جيد", news_items(3, site=web.url("")))))
    follow("also-good", web.serve("/good2.xml", rss("جيد أيضا", news_items(2, site=web.url("/2")))))
    save_subscriptions(
        data_dir, _with(load_subscriptions(data_dir), Subscription("drip", web.route("/d", drip(web.stopping, 0.2))))
    )
    save_subscriptions(data_dir, _with(load_subscriptions(data_dir), Subscription("gone", web.url("/gone"))))
    env = {**os.environ, "READER_DATA_DIR": str(data_dir)}
    started = time.monotonic()
    ran = subprocess.run(
        [sys.executable, "-m", "reader", "fetch", "--no-full-text", "--timeout", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert time.monotonic() - started < 10
    assert ran.returncode == 1
    assert ran.stdout.splitlines() == [
        "good: 3 new",
        "also-good: 2 new",
        "drip: failed: timed out after 2 s",
        "gone: failed: the server answered 404 Not Found",
    ]
    assert len(article_files(data_dir, "good")) == 3 and len(article_files(data_dir, "also-good")) == 2
    assert "good" in cli("feeds").out and "3 articles" in cli("feeds").out


def test_only_the_keys_of_items_the_feed_still_holds_are_remembered(
    cli: Cli, follow: Cli, web: WebServer, data_dir: Path
) -> None:
    follow("news", web.serve("/feed.xml", rss("أخبار", news_items(3, site=web.url("")))))
    cli("fetch", "--no-full-text")
    web.serve("/feed.xml", rss("أخبار", news_items(5, site=web.url(""))[:2]))  # items 5 and 4 only
    assert cli("fetch", "--no-full-text").out == "news: 2 new\n"
    [feed] = load_subscriptions(data_dir).feeds
    assert sorted(feed.seen) == [web.url("/id/4"), web.url("/id/5")]
    assert len(article_files(data_dir, "news")) == 5


def test_a_feed_added_during_a_fetch_is_kept(web: WebServer, data_dir: Path) -> None:
    first = Subscription("one", web.serve("/1.xml", rss("t", news_items(1, site=web.url("/1")))))
    second = Subscription("two", web.serve("/2.xml", rss("t", news_items(1, site=web.url("/2")))))
    save_subscriptions(data_dir, Subscriptions([first, second]))
    subscriptions = load_subscriptions(data_dir)

    def add_a_feed_meanwhile(progress: Progress) -> None:  # as `reader feeds add` would, from elsewhere
        if progress.feeds_done == 1:
            on_disk = load_subscriptions(data_dir)
            on_disk.add(Subscription("late", "https://late.example/feed.xml"))
            save_subscriptions(data_dir, on_disk)

    options = FetchOptions(full_text=False, jobs=1)
    fetch_feeds(data_dir, subscriptions, subscriptions.feeds, options, progress=add_a_feed_meanwhile)
    names = [(feed.name, feed.last_result) for feed in load_subscriptions(data_dir).feeds]
    assert names == [("one", "1 new"), ("two", "1 new"), ("late", None)]


def test_escape_sequences_and_overrides_from_a_feed_never_reach_the_terminal(
    cli: Cli, follow: Cli, web: WebServer, data_dir: Path
) -> None:
    hostile = [Item("خبر\x1b]0;owned\x07 \u202eexe.gpj", web.url("/x"), "نص\x1b[2J الخبر", guid="urn:x")]
    follow("odd", web.serve("/odd.xml", rss("غريب", hostile)))
    assert cli("fetch", "--no-full-text").code == 0
    [path] = article_files(data_dir, "odd")
    assert cli("check", str(path)).code == 0
    shown = cli("dump", str(path)).out
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "␛" in shown and "owned␇" in shown  # shown as symbols, in visual order


def test_full_text_of_a_persian_sample_page_keeps_its_zwnj(
    cli: Cli, follow: Cli, web: WebServer, samples: Path, data_dir: Path
) -> None:
    page = (samples / "pages" / "fa_yjc-ir_2020-05_htmldate-testset.html").read_bytes()
    web.serve("/fa/news/1", page, content_type="text/html")
    follow("yjc", web.serve("/fa.xml", rss("باشگاه خبرنگاران", [Item("خبر", web.url("/fa/news/1"), "خلاصه")])))
    ran = cli("fetch", "--no-photos")  # the sample page's photos are on the real web
    assert ran.out.startswith("yjc: 1 new, 1 with full text"), ran.out
    article = load_article(article_files(data_dir, "yjc")[0]).article
    assert article is not None and (article.language, article.direction) == ("fa-IR", Direction.RTL)
    assert sum(paragraph.count("\u200c") for paragraph in article.body) >= 9


def test_the_articles_are_synced_once_before_the_state_that_says_they_are_saved(
    web: WebServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feeds = [
        Subscription(f"f{n}", web.serve(f"/{n}.xml", rss("t", news_items(2, site=web.url(f"/{n}"))))) for n in range(3)
    ]
    save_subscriptions(data_dir, Subscriptions(feeds))
    at_sync: list[tuple[int, list[tuple[str, ...]]]] = []

    def sync() -> None:  # what a power cut at this moment would find, once the sync is done
        seen = [feed.seen for feed in load_subscriptions(data_dir).feeds]
        at_sync.append((sum(len(article_files(data_dir, feed.name)) for feed in feeds), seen))

    monkeypatch.setattr(os, "sync", sync)
    subscriptions = load_subscriptions(data_dir)
    fetch_feeds(data_dir, subscriptions, subscriptions.feeds, FetchOptions(full_text=False, jobs=3))
    assert at_sync == [(6, [(), (), ()])]  # every article written, none yet claimed by the state
    assert [len(feed.seen) for feed in load_subscriptions(data_dir).feeds] == [2, 2, 2]


URL = "https://news.example/feed.xml"


def test_a_worker_process_writes_the_new_items_and_leaves_those_with_photos(tmp_path: Path) -> None:
    items = news_items(3)
    items[0] = Item(
        items[0].title,
        items[0].link,
        "<p>نص</p>",
        guid=items[0].guid,
        extra='<media:content url="https://news.example/a.jpg" medium="image"/>',
    )
    seen = frozenset({items[2].guid or ""})
    now = datetime(2026, 12, 7, tzinfo=UTC)
    job = FeedJob(rss("أخبار", items), URL, None, 200, tmp_path, "news", seen, now, write=True, photos=True)
    feed, written = prepare_feed(job)
    assert len(feed.items) == 3
    assert written == {items[1].guid: None}  # the seen one is not new; the one with a photo is the thread's
    [path] = article_files(tmp_path, "news")
    assert path == article_path(tmp_path, "news", items[1].guid or "") and load_article(path).ok
    assert prepare_feed(replace(job, write=False))[1] == {}
