"""A local web server for the web tests (127.0.0.1 only), with well- and ill-behaved routes.

`web.serve(path, body, ...)` answers a path with fixed content; `web.route(path, handler)`
gives the raw `BaseHTTPRequestHandler` to a function, for servers that misbehave (drip,
lie, never end). `web.url(path)` is the address; `web.requests` records each request's path
and headers, so a test can see what the reader sent.
"""

from __future__ import annotations

import gzip
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]
SAMPLES = Path(__file__).parents[3] / ".." / "shared" / "web-samples"


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class WebServer:
    """The routes of a running server; `stopping` is set when the test ends."""

    port: int = 0
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def serve(
        self,
        path: str,
        body: bytes | str,
        *,
        content_type: str = "application/rss+xml; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
        gzipped: bool = False,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        if gzipped:
            data = gzip.compress(data)
        extra = dict(headers or {})
        if gzipped:
            extra["Content-Encoding"] = "gzip"

        def answer(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(data)))
            for key, value in extra.items():
                request.send_header(key, value)
            request.end_headers()
            request.wfile.write(data)

        return self.route(path, answer)


def _handler_class(server: WebServer) -> type[BaseHTTPRequestHandler]:
    class RequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            server.requests.append(Seen(self.path, {key.lower(): value for key, value in self.headers.items()}))
            handler = server.routes.get(path)
            if handler is None:
                self.send_error(404, "Not Found")
                return
            try:
                handler(self)
            except (BrokenPipeError, ConnectionResetError):
                return  # the reader hung up, as it should on a hostile server

        def log_message(self, format: str, *args: object) -> None:
            return

    return RequestHandler


@contextmanager
def running_server() -> Iterator[WebServer]:
    """A server on 127.0.0.1 at a free port, stopped on leaving."""
    server = WebServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(server))
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def web() -> Iterator[WebServer]:
    with running_server() as server:
        yield server


@pytest.fixture
def samples() -> Path:
    """The shared folder of real feeds and pages; skips when it is not beside the repository."""
    if not SAMPLES.is_dir():
        pytest.skip(f"web samples not found at {SAMPLES.resolve()}")
    return SAMPLES


def drip(stopping: threading.Event, every: float, payload: bytes = b"<") -> Handler:
    """A handler that announces a large body and then sends one byte every `every` seconds,
    until the reader hangs up or the test ends."""

    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", "1000000")
        request.end_headers()
        while not stopping.wait(every):
            request.wfile.write(payload)
            request.wfile.flush()

    return answer


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


Cli = Callable[..., Ran]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder, given to the reader through READER_DATA_DIR."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """`cli("feeds", "add", URL)` runs `reader feeds add URL` in this process: exit code,
    stdout and stderr of that one run."""
    from reader.cli import main

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


@pytest.fixture
def fsynced(monkeypatch: pytest.MonkeyPatch) -> set[int]:
    """The inodes of the files synced with `os.fsync` (an atomic write's rename keeps
    the inode, so a written file's own inode says whether it was synced)."""
    synced: set[int] = set()
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.add(os.fstat(descriptor).st_ino)
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    return synced


def article_files(data_dir: Path, feed: str) -> list[Path]:
    """The article files fetched for `feed`, hidden temporary files left out."""
    folder = data_dir / "articles" / feed
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []
