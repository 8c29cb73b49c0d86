"""`reader.web.http.fetch` against a local server that behaves, and against one that does not."""

from __future__ import annotations

import gzip
import time
import zlib
from http.server import BaseHTTPRequestHandler

import pytest

from reader import __version__
from reader.web.http import FetchError, Limits, fetch, is_page_type
from tests.unit.web.conftest import WebServer, drip

FAST = Limits(connect_timeout=2, total_timeout=1.5)


def test_a_page_arrives_with_its_headers_and_the_reader_names_itself(web: WebServer) -> None:
    url = web.serve("/feed.xml", "<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Sun, 06 Dec 2026 10:00:00 GMT"})
    fetched = fetch(url)
    assert (fetched.status, fetched.body, fetched.not_modified) == (200, b"<rss/>", False)
    assert fetched.headers["content-type"].startswith("application/rss+xml")
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Sun, 06 Dec 2026 10:00:00 GMT")
    assert f"rtl-news-reader/{__version__}" in web.requests[0].headers["user-agent"]


def test_a_refetch_is_conditional_and_304_means_nothing_new(web: WebServer) -> None:
    def answer(request: BaseHTTPRequestHandler) -> None:
        if request.headers.get("If-None-Match") == '"v1"':
            request.send_response(304)
            request.send_header("ETag", '"v1"')
            request.end_headers()
            return
        body = b"<rss/>"
        request.send_response(200)
        request.send_header("ETag", '"v1"')
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    url = web.route("/feed.xml", answer)
    first = fetch(url)
    again = fetch(url, etag=first.etag, last_modified="Sun, 06 Dec 2026 10:00:00 GMT")
    assert (again.status, again.not_modified, again.body, again.etag) == (304, True, b"", '"v1"')
    assert web.requests[1].headers["if-modified-since"] == "Sun, 06 Dec 2026 10:00:00 GMT"


def test_redirects_are_followed_and_the_final_address_kept(web: WebServer) -> None:
    target = web.serve("/new.xml", "<rss/>")
    web.serve("/old.xml", b"", status=301, headers={"Location": "/step.xml"})
    web.serve("/step.xml", b"", status=302, headers={"Location": target})
    fetched = fetch(web.url("/old.xml"))
    assert (fetched.url, fetched.body) == (target, b"<rss/>")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "data:text/plain,hello"])
def test_a_redirect_away_from_the_web_is_refused(web: WebServer, target: str) -> None:
    url = web.serve("/feed.xml", b"", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match=f"refused a redirect to {target}"):
        fetch(url)


def test_a_redirect_loop_stops_after_five(web: WebServer) -> None:
    url = web.serve("/loop", b"", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(url)
    assert len(web.requests) == 6


def test_a_server_that_drips_is_cut_off_at_the_deadline(web: WebServer) -> None:
    url = web.route("/drip", drip(web.stopping, every=0.1))
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1.5 s"):
        fetch(url, limits=FAST)
    assert time.monotonic() - started < 3


def test_a_server_that_never_answers_is_cut_off(web: WebServer) -> None:
    def silent(request: BaseHTTPRequestHandler) -> None:
        web.stopping.wait(10)

    url = web.route("/silent", silent)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1.5 s"):
        fetch(url, limits=FAST)
    assert time.monotonic() - started < 3


def test_a_body_over_the_cap_is_refused(web: WebServer) -> None:
    url = web.serve("/huge", b"x" * 2_000_001)
    with pytest.raises(FetchError, match="body over 2,000,000 bytes"):
        fetch(url, limits=Limits(max_bytes=2_000_000))


def test_a_body_without_length_over_the_cap_is_refused(web: WebServer) -> None:
    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Connection", "close")
        request.end_headers()
        for _ in range(300):
            request.wfile.write(b"x" * 10_000)

    url = web.route("/endless", answer)
    with pytest.raises(FetchError, match=r"^body over 1,000,000 bytes$"):
        fetch(url, limits=Limits(max_bytes=1_000_000))


def test_a_gzip_bomb_is_refused_while_it_inflates(web: WebServer) -> None:
    url = web.serve("/bomb", b"\0" * 50_000_000, gzipped=True)  # about 50 kB on the wire
    with pytest.raises(FetchError, match="body over 20,000,000 bytes once decompressed"):
        fetch(url)


@pytest.mark.parametrize("compress", [gzip.compress, zlib.compress], ids=["gzip", "deflate"])
def test_compressed_bodies_are_decoded(web: WebServer, compress: object) -> None:
    assert callable(compress)
    coding = "gzip" if compress is gzip.compress else "deflate"
    url = web.serve("/feed.xml", compress("<rss>خبر</rss>".encode()), headers={"Content-Encoding": coding})
    assert fetch(url).body.decode() == "<rss>خبر</rss>"


def test_an_error_status_is_a_clear_failure(web: WebServer) -> None:
    with pytest.raises(FetchError, match="^the server answered 404 Not Found$"):
        fetch(web.url("/missing"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)", "feed.xml"])
def test_only_web_addresses_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="not an http\\(s\\) address"):
        fetch(url)


def test_a_refused_connection_names_the_host() -> None:
    with pytest.raises(FetchError, match="could not connect to 127.0.0.1:9"):
        fetch("http://127.0.0.1:9/feed.xml", limits=FAST)


@pytest.mark.parametrize(
    ("content_type", "page"),
    [
        (None, True),
        ("", True),
        ("text/html; charset=utf-8", True),
        ("TEXT/HTML", True),
        ("application/xhtml+xml", True),
        ("application/vnd.example+html", True),
        ("text/plain", True),
        ("application/octet-stream", True),
        ("application/rss+xml", False),
        ("image/jpeg", False),
        ("audio/mpeg", False),
        ("application/pdf", False),
    ],
)
def test_which_content_types_are_read_as_web_pages(content_type: str | None, page: bool) -> None:
    assert is_page_type(content_type) is page
