"""A program running on a pseudo-terminal, for tests that need the bytes a terminal gets."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import termios
import threading
from collections.abc import Mapping
from pathlib import Path

HANG_GUARD = 10.0
"""Seconds after which a child that has not reacted counts as hung (not a speed test)."""
REPO = Path(__file__).resolve().parent.parent


class Child:
    """A command running on a pty; collects what it writes to the terminal."""

    def __init__(
        self, argv: list[str], *, size: tuple[int, int] | None = None, env: Mapping[str, str] | None = None
    ) -> None:
        self.master, slave = os.openpty()
        if size is not None:
            columns, rows = size
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.output = b""
        environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
        for name in ("COLUMNS", "LINES"):
            environment.pop(name, None)
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=REPO,
            process_group=0,  # its own job, so SIGTSTP stops it like ctrl+z would
        )
        os.close(slave)

    def read_until(self, marker: bytes) -> bytes:
        """Collect output until `marker` appears after what was already checked."""
        start = len(self.output)
        while marker not in self.output[start:]:
            assert self._read_some(), f"child ended before {marker!r}: {self.output[-2000:]!r}"
        return self.output

    def read_to_end(self) -> bytes:
        while self._read_some():
            pass
        return self.output

    def wait_stopped(self) -> None:
        """Block until the child is stopped (or fail if it exits)."""
        statuses: list[int] = []
        waiter = threading.Thread(
            target=lambda: statuses.append(os.waitpid(self.process.pid, os.WUNTRACED)[1]),
            daemon=True,
        )
        waiter.start()
        waiter.join(HANG_GUARD)
        assert statuses and os.WIFSTOPPED(statuses[0]), "child did not stop"

    def send(self, signum: int) -> None:
        self.process.send_signal(signum)

    def type(self, text: bytes) -> None:
        os.write(self.master, text)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(HANG_GUARD)
        os.close(self.master)

    def _read_some(self) -> bool:
        readable, _, _ = select.select([self.master], [], [], HANG_GUARD)
        assert readable, f"child wrote nothing for {HANG_GUARD}s: {self.output[-2000:]!r}"
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: every copy of the slave is closed, the child is gone
            return False
        self.output += data
        return bool(data)
