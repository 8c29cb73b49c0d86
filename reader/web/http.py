"""One HTTP GET from the web, bounded in every way a hostile server could abuse.

This module owns the reader's HTTP: the `User-Agent`, redirects (followed here, at most
`Limits.max_redirects`, only to http and https), conditional GET (`If-None-Match`,
`If-Modified-Since`), the time limits (connect, and a deadline for the whole response, so a
server that drips a byte a second is cut off), and the size limits on the body as received
and as decompressed (a gzip bomb is refused while it inflates, not after), and which
`Content-Type` is a web page (`is_page_type`).

Everything that goes wrong is a `FetchError` whose text is one line a user can read.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from reader import __version__

USER_AGENT = f"rtl-news-reader/{__version__} (reader, a terminal news reader for right-to-left languages)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
WEB_SCHEMES = frozenset({"http", "https"})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take. Sizes are bytes; times are seconds."""

    connect_timeout: float = 10
    total_timeout: float = 30
    max_bytes: int = 10_000_000
    """The body as received (compressed or not)."""
    max_decoded_bytes: int = 20_000_000
    """The body after gzip or deflate."""
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """A response: `url` is the final address, after redirects; `body` is decoded (no gzip),
    and empty when the server answered 304 Not Modified."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    not_modified: bool
    etag: str | None
    last_modified: str | None


class FetchError(Exception):
    """A fetch that failed; `str(error)` is one line for users ("timed out after 30 s")."""


PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/octet-stream"})


def media_type(content_type: str | None) -> str:
    """The media type of a `Content-Type` header, lower case, without its parameters ("" if none)."""
    return (content_type or "").split(";")[0].strip().lower()


def is_page_type(content_type: str | None) -> bool:
    """Whether a response's `Content-Type` lets it be read as a web page: HTML
    (`text/html`, `application/xhtml+xml`, any `…+html`), no type at all, or the types
    servers mislabel HTML with (`text/plain`, `application/octet-stream`); the extractor
    then judges whether it holds an article. Feeds, images, audio and the like are not pages."""
    media = media_type(content_type)
    return media == "" or media in PAGE_TYPES or media.endswith("+html")


def is_web_url(url: str) -> bool:
    """Whether `url` is an absolute http or https address with a host."""
    parts = urlsplit(url)
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def fetch(
    url: str,
    *,
    limits: Limits = Limits(),
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> Fetched:
    """GET `url` within `limits`; `etag` and `last_modified` (from an earlier fetch) make it
    conditional. A 4xx or 5xx answer is a `FetchError`, as is every limit passed."""
    if not is_web_url(url):
        raise FetchError(f"not an http(s) address: {url}")
    deadline = time.monotonic() + limits.total_timeout
    if client is not None:
        return _follow(client, url, limits, deadline, _conditional_headers(etag, last_modified))
    with new_client() as own_client:
        return _follow(own_client, url, limits, deadline, _conditional_headers(etag, last_modified))


def new_client() -> httpx.Client:
    """A client for `fetch` (thread-safe: one can serve many fetches at once). Pass one made
    here: it refuses a redirect to a non-web address before httpx tries to parse it."""
    return httpx.Client(follow_redirects=False, trust_env=True, event_hooks={"response": [_refuse_bad_redirect]})


def _refuse_bad_redirect(response: httpx.Response) -> None:
    location = response.headers.get("location")
    if response.status_code in REDIRECT_STATUSES and location:
        _redirect_target(str(response.request.url), location)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _follow(client: httpx.Client, url: str, limits: Limits, deadline: float, headers: dict[str, str]) -> Fetched:
    """Send the GET, following redirects ourselves so that each target is checked."""
    for _ in range(limits.max_redirects + 1):
        with _translated_errors(limits, url, deadline):
            request = client.build_request("GET", url, headers=headers, timeout=_timeout(limits, deadline))
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    url = _redirect_target(url, location)
                    continue
                return _finish(response, limits, deadline, headers)
            finally:
                response.close()
    raise FetchError(f"more than {limits.max_redirects} redirects")


def _timeout(limits: Limits, deadline: float) -> httpx.Timeout:
    remaining = max(deadline - time.monotonic(), 0.001)
    return httpx.Timeout(remaining, connect=min(limits.connect_timeout, remaining))


def _redirect_target(url: str, location: str) -> str:
    target = urljoin(url, location.strip())
    if not is_web_url(target):
        raise FetchError(f"refused a redirect to {target}")
    return target


def _finish(response: httpx.Response, limits: Limits, deadline: float, sent: dict[str, str]) -> Fetched:
    status = response.status_code
    headers = {key.lower(): value for key, value in response.headers.items()}
    etag = headers.get("etag") or sent.get("If-None-Match")
    last_modified = headers.get("last-modified") or sent.get("If-Modified-Since")
    final_url = str(response.url)
    if status == 304:
        return Fetched(final_url, status, headers, b"", True, etag, last_modified)
    if status >= 400:
        raise FetchError(f"the server answered {status} {response.reason_phrase}".rstrip())
    if status in REDIRECT_STATUSES:
        raise FetchError(f"the server answered {status} without a Location")
    _check_declared_length(headers, limits)
    body = _read_body(response, headers.get("content-encoding", ""), limits, deadline)
    return Fetched(final_url, status, headers, body, False, headers.get("etag"), headers.get("last-modified"))


def _check_declared_length(headers: Mapping[str, str], limits: Limits) -> None:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"body over {limits.max_bytes:,} bytes ({int(declared):,} announced)")


def _read_body(response: httpx.Response, encoding: str, limits: Limits, deadline: float) -> bytes:
    """The body, decoded, within both size caps and before the deadline."""
    decoder = _Decoder(encoding, limits.max_decoded_bytes)
    received = 0
    with _cut_off_at(response, deadline):
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > limits.max_bytes:
                raise FetchError(f"body over {limits.max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {limits.total_timeout:g} s")
            decoder.feed(chunk)
    if time.monotonic() > deadline:
        raise FetchError(f"timed out after {limits.total_timeout:g} s")
    return decoder.finish()


@contextmanager
def _cut_off_at(response: httpx.Response, deadline: float) -> Iterator[None]:
    """Shut the connection's socket down at `deadline`, which wakes a read that waits on a
    silent server (a read timeout alone restarts with every byte a dripping server sends)."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if not isinstance(sock, socket.socket):
        yield
        return
    timer = threading.Timer(max(deadline - time.monotonic(), 0), _shut_down, args=(sock,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _shut_down(sock: socket.socket) -> None:
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's: also for TLS
    except OSError:
        return  # already closed: the read is over anyway


class _Decoder:
    """gzip / deflate decoding that stops as soon as the output passes `cap` bytes."""

    def __init__(self, encoding: str, cap: int) -> None:
        codings = [part.strip().lower() for part in encoding.split(",") if part.strip()]
        unknown = [coding for coding in codings if coding not in ("gzip", "x-gzip", "deflate", "identity")]
        if unknown or len(codings) > 1:
            raise FetchError(f"unsupported Content-Encoding: {encoding}")
        self._coding = codings[0] if codings else "identity"
        self._cap = cap
        self._parts: list[bytes] = []
        self._size = 0
        self._inflater: zlib._Decompress | None = None
        if self._coding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> None:
        if self._coding == "identity":
            self._keep(chunk)
            return
        if self._inflater is None:  # deflate: zlib-wrapped per the RFC, raw from some servers
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if chunk[:1] == b"\x78" else -zlib.MAX_WBITS)
        self._inflate(chunk)

    def _inflate(self, data: bytes) -> None:
        assert self._inflater is not None
        try:
            while data:
                self._keep(self._inflater.decompress(data, self._cap - self._size + 1))
                data = self._inflater.unconsumed_tail
        except zlib.error as error:
            raise FetchError(f"the body is not valid {self._coding} ({error})") from error

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._cap:
            raise FetchError(f"body over {self._cap:,} bytes once decompressed")
        self._parts.append(data)

    def finish(self) -> bytes:
        if self._inflater is not None:
            self._keep(self._inflater.flush())
        return b"".join(self._parts)


@contextmanager
def _translated_errors(limits: Limits, url: str, deadline: float) -> Iterator[None]:
    """httpx's exceptions as one line each."""
    host = urlsplit(url).netloc
    try:
        yield
    except httpx.ConnectTimeout as error:
        raise FetchError(f"could not connect to {host} within {limits.connect_timeout:g} s") from error
    except httpx.TimeoutException as error:
        raise FetchError(f"timed out after {limits.total_timeout:g} s") from error
    except httpx.ConnectError as error:
        raise FetchError(f"could not connect to {host}: {_reason(error)}") from error
    except (httpx.RemoteProtocolError, httpx.ReadError) as error:
        if time.monotonic() >= deadline:  # the socket was shut down by `_cut_off_at`
            raise FetchError(f"timed out after {limits.total_timeout:g} s") from error
        raise FetchError(f"the connection to {host} broke: {_reason(error)}") from error
    except httpx.InvalidURL as error:
        raise FetchError(f"not a valid address: {url}") from error
    except httpx.HTTPError as error:
        raise FetchError(f"{host}: {_reason(error)}") from error


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__
