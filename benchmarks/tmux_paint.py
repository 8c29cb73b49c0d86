"""First paint, `End` and resize of a TUI in a real terminal (tmux), found by polling the screen.

A session is started detached at a fixed size; the clock starts just before `tmux
new-session` and stops when `tmux capture-pane -p` first shows the expected text. Polling
costs a few milliseconds per look, the same for every program measured, so ratios hold.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.harness import rss_from_time_output

WIDTH = 120
HEIGHT = 40
TIMEOUT = 60.0
_counter = itertools.count()

Check = Callable[[list[str]], bool]


def contains_any(*needles: str) -> Check:
    """A screen check: any line holds one of `needles`."""
    return lambda lines: any(needle in line for line in lines for needle in needles)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


@dataclass
class Session:
    """A detached tmux session running one command, with its peak RSS once it ends."""

    name: str
    rss_file: Path

    @classmethod
    def start(cls, command: Sequence[str], *, cwd: Path, width: int = WIDTH, height: int = HEIGHT) -> Session:
        name = f"bench-{os.getpid()}-{next(_counter)}"
        rss_file = Path(tempfile.mkstemp(prefix="bench-rss-")[1])
        timed = ["/usr/bin/time", "-v", "-o", str(rss_file), *command]
        shell = " ".join(_quote(part) for part in timed)
        start = ["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "-c", str(cwd), shell]
        for attempt in range(5):
            # The server of the previous session may still be exiting ("server exited
            # unexpectedly"): a new one is started on the next attempt.
            if subprocess.run(start, capture_output=True, check=False).returncode == 0:
                return cls(name, rss_file)
            time.sleep(0.1 * (attempt + 1))
        raise RuntimeError(f"tmux could not start {name}")

    def screen(self) -> list[str]:
        return _tmux("capture-pane", "-p", "-t", self.name).splitlines()

    def wait_for(self, check: Check, timeout: float = TIMEOUT) -> float:
        """Seconds until `check` holds for the screen (raises after `timeout`)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if check(self.screen()):
                return time.perf_counter() - start
            time.sleep(0.002)
        raise TimeoutError(f"{self.name}: expected text not on screen after {timeout:.0f} s")

    def keys(self, *keys: str) -> None:
        _tmux("send-keys", "-t", self.name, *keys)

    def resize(self, width: int, height: int) -> None:
        _tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def stop(self) -> float | None:
        """Quit the app (q), end the session; the app's peak RSS in MB when it was recorded."""
        self.keys("q")
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline and self.name in _tmux("list-sessions", "-F", "#{session_name}"):
            time.sleep(0.02)
        _tmux("kill-session", "-t", self.name)
        text = self.rss_file.read_text(encoding="utf-8", errors="replace") if self.rss_file.exists() else ""
        self.rss_file.unlink(missing_ok=True)
        rss = rss_from_time_output(text)
        return None if rss != rss else rss


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def first_paint(
    command: Sequence[str], check: Check, *, cwd: Path, timeout: float = TIMEOUT
) -> tuple[float, float | None]:
    """Seconds from starting `command` until `check` holds, and the app's peak RSS."""
    start = time.perf_counter()
    session = Session.start(command, cwd=cwd)
    try:
        session.wait_for(check, timeout)
        elapsed = time.perf_counter() - start
    finally:
        rss = session.stop()
    return elapsed, rss


@dataclass(frozen=True)
class Interaction:
    """First paint, then `End` and a resize, each until its expected screen."""

    first_paint: float
    end: float
    resize: float
    peak_rss_mb: float | None


def end_and_resize(
    command: Sequence[str], painted: Check, at_end: Check, resized: Check, *, cwd: Path, settle: float = 0.0
) -> Interaction:
    """First paint; then (after `settle` s) End until `at_end`; then widen until `resized`."""
    start = time.perf_counter()
    session = Session.start(command, cwd=cwd)
    try:
        session.wait_for(painted)
        paint = time.perf_counter() - start
        time.sleep(settle)
        pressed = time.perf_counter()
        session.keys("End")
        session.wait_for(at_end)
        end = time.perf_counter() - pressed
        resized_at = time.perf_counter()
        session.resize(WIDTH + 20, HEIGHT)
        session.wait_for(resized)
        resize = time.perf_counter() - resized_at
    finally:
        rss = session.stop()
    return Interaction(paint, end, resize, rss)


def find_as_you_type(command: Sequence[str], painted: Check, query: str, found: Check, *, cwd: Path) -> float:
    """First paint; then `/` and the whole query typed at once: seconds until `found` holds."""
    session = Session.start(command, cwd=cwd)
    try:
        session.wait_for(painted)
        session.keys("/")
        session.wait_for(contains_any("Find in article"))
        typed = time.perf_counter()
        session.keys("-l", query)
        session.wait_for(found)
        return time.perf_counter() - typed
    finally:
        session.stop()
