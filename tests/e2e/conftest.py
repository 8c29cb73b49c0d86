"""A real terminal for end-to-end tests: the `reader` command inside a tmux session."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

WAIT_SECONDS = 20.0
POLL_SECONDS = 0.05


@dataclass
class Terminal:
    """One tmux session running one command; its screen is read with capture-pane."""

    socket: str
    name: str = "reader"
    exit_file: Path = field(default_factory=Path)

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def start(self, command: list[str], *, size: tuple[int, int], env: dict[str, str], cwd: Path) -> None:
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # COLUMNS and LINES from the test process would override the pane's real size.
        shell = (
            f"cd {shlex.quote(str(cwd))} && env -u COLUMNS -u LINES {exports} {shlex.join(command)};"
            f" echo $? > {self.exit_file}"
        )
        width, height = size
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), shell)

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", self.name).splitlines()

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        """Poll the screen until `condition` holds (a terminal gives no other signal)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                screen = "\n".join(self.screen())
                raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen}")
            time.sleep(POLL_SECONDS)

    def exit_code(self) -> int:
        self.wait_for(lambda: self.exit_file.exists() and self.exit_file.read_text().strip() != "", "the exit")
        return int(self.exit_file.read_text())


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (apt install tmux)")
    term = Terminal(socket=f"reader-test-{os.getpid()}", exit_file=tmp_path / "exit-code")
    yield term
    subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


@pytest.fixture
def reader_command() -> list[str]:
    beside_python = Path(sys.executable).parent / "reader"
    executable = str(beside_python) if beside_python.exists() else shutil.which("reader")
    if executable is None:
        pytest.skip("the reader command is not installed in this environment")
    return [executable]
