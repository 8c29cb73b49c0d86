"""Fixtures shared by the test modules: article files written on demand, and the seed text."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).parents[1]
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"
SEED_FILE = SEED_DIR / "000_0827eb51e4625dd6.txt"
BUNDLED_ARTICLE = REPO_ROOT / "reader" / "data" / "articles" / "hanoi-convention.yaml"

WriteArticle = Callable[..., Path]
LAYER_MARKERS = {"e2e": pytest.mark.e2e, "realterm": pytest.mark.realterm}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/e2e/ and tests/realterm/ carry their layer's marker (`-m "not e2e"`)."""
    for item in items:
        layer = item.path.relative_to(REPO_ROOT / "tests").parts[0]
        if layer in LAYER_MARKERS:
            item.add_marker(LAYER_MARKERS[layer])


@pytest.fixture(autouse=True)
def own_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's own config, state or data folders: each test
    gets empty ones of its own (commands and the app find them through the environment)."""
    home = tmp_path_factory.mktemp("user-folders")
    for variable, name in (("READER_CONFIG_DIR", "config"), ("READER_STATE_DIR", "state"), ("READER_DATA_DIR", "data")):
        monkeypatch.setenv(variable, str(home / name))
    return home


class InternetRefused(OSError):
    """A test tried to reach a host that is not this machine."""


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return True  # a Unix socket's path, not a host
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the internet: a name lookup or a connection to anything but
    127.0.0.1 / ::1 fails at once with `InternetRefused` (forked fetch workers inherit this)."""
    lookup, connect = socket.getaddrinfo, socket.socket.connect

    def local_lookup(host: object, *args: object, **kwargs: object) -> object:
        if not _is_loopback(host):
            raise InternetRefused(f"tests never touch the internet (name lookup of {host!r})")
        return lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    def local_connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if not _is_loopback(host):
            raise InternetRefused(f"tests never touch the internet (connection to {address!r})")
        connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", local_lookup)
    monkeypatch.setattr(socket.socket, "connect", local_connect)


@pytest.fixture
def write_article(tmp_path: Path) -> WriteArticle:
    """A factory: `write_article(content, name="article.yaml")` writes text or bytes under tmp_path."""

    def write(content: str | bytes, name: str = "article.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def seed_file() -> Path:
    """The plain-text report the bundled article was made from; skips when it is not there."""
    if not SEED_FILE.is_file():
        pytest.skip(f"seed text not found at {SEED_FILE}")
    return SEED_FILE


@pytest.fixture(scope="session")
def fribidi() -> Callable[[list[str], bool], list[str]]:
    """Render logical lines with GNU FriBidi, one line at a time (never its own wrapping)."""
    if shutil.which("fribidi") is None:
        pytest.skip("GNU FriBidi's command line tool is not installed (apt install libfribidi-bin)")

    def render(lines: list[str], rtl: bool) -> list[str]:
        direction = "--rtl" if rtl else "--ltr"
        result = subprocess.run(
            ["fribidi", direction, "--nobreak", "--nopad", "--clean"],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.split("\n")[: len(lines)]

    return render
