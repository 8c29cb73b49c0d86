"""`reader feeds`: follow, list, remove, OPML in and out, the suggested list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.config import Config
from reader.opening import choose_sources
from tests.unit.web.builders import news_items, rss
from tests.unit.web.conftest import Cli, WebServer

NESTED_OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>من newsboat</title></head><body>
  <outline text="أخبار">
    <outline text="عربي">
      <outline type="rss" text="قناة الأخبار" xmlUrl="{one}"/>
    </outline>
    <outline type="rss" text="חדשות" xmlUrl="{two}"/>
  </outline>
  <outline type="rss" text="Evil" xmlUrl="file:///etc/passwd"/>
  <outline type="rss" text="no title folder" xmlUrl="{one}"/>
</body></opml>
"""


@pytest.fixture
def feed_url(web: WebServer) -> str:
    return web.serve("/ar.xml", rss("أخبار اليوم", news_items(3)))


def test_add_prints_the_title_and_item_count(cli: Cli, feed_url: str) -> None:
    ran = cli("feeds", "add", feed_url)
    assert ran.code == 0
    assert ran.out == f"following أخبار-اليوم: أخبار اليوم (3 items) {feed_url}\n"
    listed = cli("feeds")
    assert listed.out.split() == ["أخبار-اليوم", feed_url, "never", "fetched", "0", "articles"]


def test_add_finds_the_feed_a_page_links(cli: Cli, web: WebServer, feed_url: str) -> None:
    page = web.serve(
        "/",
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/ar.xml"></head></html>',
        content_type="text/html",
    )
    ran = cli("feeds", "add", page, "--name", "today")
    assert (ran.code, ran.out) == (0, f"following today: أخبار اليوم (3 items) {feed_url}\n")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.xml", "the server answered 404 Not Found"),
        ("/page", "the page links none"),
        ("/text", "no feed found (not RSS, Atom or JSON Feed)"),
    ],
)
def test_add_refuses_what_holds_no_feed(cli: Cli, web: WebServer, path: str, message: str) -> None:
    web.serve("/page", b"<html><head></head><body>hello</body></html>", content_type="text/html")
    web.serve("/text", b"just words", content_type="text/plain")
    ran = cli("feeds", "add", web.url(path))
    assert ran.code == 1 and ran.out == ""
    assert ran.err.count("\n") == 1 and message in ran.err
    assert cli("feeds").out == ""


def test_add_refuses_other_schemes_and_unreachable_hosts(cli: Cli) -> None:
    ran = cli("feeds", "add", "file:///etc/passwd")
    assert (ran.code, ran.err) == (1, "reader feeds: not an http(s) address: file:///etc/passwd\n")
    ran = cli("feeds", "add", "http://127.0.0.1:9/feed.xml")
    assert ran.code == 1 and "could not connect to 127.0.0.1:9" in ran.err


def test_a_name_is_taken_once(cli: Cli, web: WebServer, feed_url: str) -> None:
    other = web.serve("/other.xml", rss("أخرى", news_items(1)))
    assert cli("feeds", "add", feed_url, "--name", "news").code == 0
    ran = cli("feeds", "add", other, "--name", "news")
    assert (ran.code, ran.err) == (1, "reader feeds: a feed is already named news\n")
    assert cli("feeds", "add", other, "--name", "../up").code == 1


def test_remove_stops_following_and_keeps_the_articles(cli: Cli, feed_url: str, data_dir: Path) -> None:
    cli("feeds", "add", feed_url, "--name", "news")
    assert cli("fetch", "--no-full-text").code == 0
    ran = cli("feeds", "remove", feed_url)
    assert ran.code == 0 and ran.out.startswith("stopped following news; its articles stay in")
    assert len(list((data_dir / "articles" / "news").glob("*.yaml"))) == 3
    assert cli("feeds", "remove", "news").code == 1


def test_opml_import_takes_nested_feeds_in_any_script(cli: Cli, web: WebServer, tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(NESTED_OPML.format(one=web.url("/1.xml"), two=web.url("/2.xml")), encoding="utf-8")
    ran = cli("feeds", "import", str(opml))
    assert (ran.code, ran.out) == (0, f"imported 2 feeds (0 already followed) from {opml}\n")
    assert "left out Evil: not an http(s) address: file:///etc/passwd" in ran.err
    names = [line.split()[0] for line in cli("feeds").out.splitlines()]
    assert names == ["قناة-الأخبار", "חדשות"]
    exported = cli("feeds", "export").out
    assert '<outline text="أخبار" title="أخبار">' in exported and '<outline text="عربي" title="عربي">' in exported
    again = tmp_path / "again.opml"
    assert cli("feeds", "export", str(again)).code == 0
    assert cli("feeds", "import", str(again)).out == f"imported 0 feeds (2 already followed) from {again}\n"


def test_opml_with_entities_is_refused(cli: Cli, tmp_path: Path) -> None:
    opml = tmp_path / "evil.opml"
    opml.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/f"/></body></opml>'
    )
    ran = cli("feeds", "import", str(opml))
    assert ran.code == 1 and "refused: the file declares XML entities or a DTD" in ran.err
    assert cli("feeds", "import", str(tmp_path / "none.opml")).code == 1


def test_suggest_lists_and_add_suggested_follows_the_bundled_feeds(cli: Cli, data_dir: Path) -> None:
    suggested = cli("feeds", "suggest").out.splitlines()
    names = [line.split()[0] for line in suggested]
    assert {"bbc-arabic", "bbc-persian", "bbc-urdu", "dw-arabic", "france24-arabic"} <= set(names)
    assert all(line.split()[-1].startswith("https://") for line in suggested)
    ran = cli("feeds", "add", "--suggested")
    assert ran.code == 0 and len(ran.out.splitlines()) == len(suggested)
    assert cli("feeds", "add", "--suggested").out == ""  # nothing new the second time
    stored = json.loads((data_dir / "feeds.json").read_text(encoding="utf-8"))
    assert [feed["name"] for feed in stored["feeds"]] == names


def test_a_broken_feeds_file_is_one_line(cli: Cli, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "feeds.json").write_text("{not json")
    ran = cli("feeds")
    assert ran.code == 1 and ran.err.startswith(f"reader feeds: {data_dir / 'feeds.json'}: not valid JSON")


def test_a_title_cannot_send_escape_sequences_to_the_terminal(cli: Cli, web: WebServer) -> None:
    url = web.serve("/esc.xml", rss("evil\x1b]0;owned\x07title", news_items(1)))
    ran = cli("feeds", "add", url, "--name", "esc")
    assert ran.code == 0 and "\x1b" not in ran.out and "\x07" not in ran.out


def test_reader_opens_the_fetched_articles_with_the_configured_folders(tmp_path: Path) -> None:
    fetched = tmp_path / "data" / "articles"
    assert choose_sources(None, Config(), tmp_path, fetched) != [fetched]  # nothing fetched yet
    (fetched / "news").mkdir(parents=True)
    (fetched / "news" / "a.yaml").write_text("title: t\nbody: b\n")
    assert choose_sources(None, Config(), tmp_path, fetched) == [fetched]
    config = Config(folders=(tmp_path / "mine",))
    (tmp_path / "mine").mkdir()  # a configured folder that does not exist is skipped (with a warning)
    assert choose_sources(None, config, tmp_path, fetched) == [tmp_path / "mine", fetched]
