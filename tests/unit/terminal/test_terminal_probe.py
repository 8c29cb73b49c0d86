"""The BDSM probe against a fake terminal on the master side of a pty."""

from __future__ import annotations

import os
import select
import termios
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from reader.terminal.probe import DEVICE_ATTRIBUTES, QUERY, BdsmState, ProbeReply, probe_bdsm, query_bdsm

ATTRIBUTES_REPLY = b"\x1b[?62;22c"
ASKED = QUERY + DEVICE_ATTRIBUTES

HANG_GUARD = 10.0
"""Seconds after which a probe that has not returned counts as hung (not a speed test)."""


@dataclass
class Pty:
    master: int
    slave: int


@pytest.fixture
def pty_pair() -> Iterator[Pty]:
    master, slave = os.openpty()
    yield Pty(master, slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass  # a test closed it on purpose


@dataclass
class FakeTerminal:
    """Answers the first BDSM query seen on the pty master with `before + reply +
    attributes + after` (`attributes`: its Device Attributes reply; None: silent), after
    `delay` seconds (a slow terminal)."""

    master: int
    reply: bytes | None
    before: bytes = b""
    after: bytes = b""
    attributes: bytes | None = ATTRIBUTES_REPLY
    delay: float = 0.0
    screen: bytearray = field(default_factory=bytearray)
    _stop_r: int = -1
    _stop_w: int = -1
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> bytes:
        """Stop, and return everything the application wrote to the screen."""
        os.write(self._stop_w, b"x")
        assert self._thread is not None
        self._thread.join(HANG_GUARD)
        os.close(self._stop_r)
        os.close(self._stop_w)
        return bytes(self.screen)

    def _run(self) -> None:
        answered = False
        while True:
            readable, _, _ = select.select([self.master, self._stop_r], [], [])
            if self.master in readable:
                self.screen += os.read(self.master, 1024)
            if not answered and ASKED in self.screen:
                answered = True
                if self.attributes is not None:
                    time.sleep(self.delay)  # the terminal is slow to answer (not the test waiting)
                    os.write(self.master, self.before + (self.reply or b"") + self.attributes + self.after)
            if self._stop_r in readable:
                self._drain()
                return

    def _drain(self) -> None:
        while select.select([self.master], [], [], 0)[0]:
            self.screen += os.read(self.master, 1024)


@pytest.fixture
def terminal(pty_pair: Pty) -> Iterator[FakeTerminal]:
    """A fake terminal that knows no DECRQM; tests set `reply` (and friends) before probing."""
    fake = FakeTerminal(pty_pair.master, reply=None)
    yield fake
    if fake._thread is not None and fake._thread.is_alive():
        fake.stop()


def run_probe(fd: int) -> ProbeReply:
    """Run `query_bdsm` in a worker, failing the test if it never returns."""
    results: list[ProbeReply] = []
    worker = threading.Thread(target=lambda: results.append(query_bdsm(fd, fd)), daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert not worker.is_alive(), "probe hung"
    return results[0]


def readable_now(fd: int) -> bool:
    return bool(select.select([fd], [], [], 0)[0])


@pytest.mark.parametrize(
    ("ps", "expected"),
    [
        (b"1", BdsmState.SET),
        (b"2", BdsmState.RESET),
        (b"0", BdsmState.UNKNOWN),
        (b"3", BdsmState.PERMANENTLY_SET),
        (b"4", BdsmState.PERMANENTLY_RESET),
    ],
)
def test_reply_gives_state_and_leaves_no_stray_input(
    pty_pair: Pty, terminal: FakeTerminal, ps: bytes, expected: BdsmState
) -> None:
    terminal.reply = b"\x1b[8;" + ps + b"$y"
    terminal.start()

    reply = run_probe(pty_pair.slave)
    screen = terminal.stop()

    assert reply == ProbeReply(expected)
    assert not readable_now(pty_pair.slave), "reply bytes left for the app to read as keys"
    assert screen == ASKED, "something besides the queries reached the screen (echo?)"


def test_silent_terminal_returns_no_answer(pty_pair: Pty, terminal: FakeTerminal) -> None:
    terminal.attributes = None
    terminal.start()

    state = probe_bdsm(pty_pair.slave, pty_pair.slave, timeout=0.05)
    screen = terminal.stop()

    assert state is BdsmState.NO_ANSWER
    assert not readable_now(pty_pair.slave)
    assert screen == ASKED


def test_a_terminal_without_decrqm_ends_the_wait_with_its_device_attributes(
    pty_pair: Pty, terminal: FakeTerminal
) -> None:
    terminal.start()

    state = probe_bdsm(pty_pair.slave, pty_pair.slave, timeout=HANG_GUARD)  # returns long before
    terminal.stop()

    assert state is BdsmState.NO_ANSWER
    assert not readable_now(pty_pair.slave), "the Device Attributes reply was left for the app to read as keys"


def test_a_slow_terminals_late_answer_never_becomes_key_presses(pty_pair: Pty, terminal: FakeTerminal) -> None:
    """kitty, starting on a busy machine, answered after the old 150 ms limit: the app then
    read `[` and `y` of the reply as keys (the first article, a copied link)."""
    terminal.reply = b"\x1b[8;0$y"
    terminal.delay = 0.3
    terminal.start()

    reply = run_probe(pty_pair.slave)
    terminal.stop()

    assert reply == ProbeReply(BdsmState.UNKNOWN)
    assert not readable_now(pty_pair.slave), "part of the late reply left for the app to read as keys"


def test_keys_typed_after_the_reply_stay_queued_for_the_app(pty_pair: Pty, terminal: FakeTerminal) -> None:
    terminal.reply = b"\x1b[8;2$y"
    terminal.before = b"j"
    terminal.after = b"q"
    terminal.start()

    reply = run_probe(pty_pair.slave)
    terminal.stop()

    assert reply == ProbeReply(BdsmState.RESET, unrelated=b"j")
    assert os.read(pty_pair.slave, 16) == b"q"


def test_terminal_settings_are_restored(pty_pair: Pty, terminal: FakeTerminal) -> None:
    terminal.reply = b"\x1b[8;1$y"
    terminal.start()
    before = termios.tcgetattr(pty_pair.slave)

    run_probe(pty_pair.slave)
    terminal.stop()

    assert termios.tcgetattr(pty_pair.slave) == before, "echo/line editing left off"


def test_hung_up_terminal_returns_no_answer(pty_pair: Pty) -> None:
    os.close(pty_pair.master)

    assert run_probe(pty_pair.slave).state is BdsmState.NO_ANSWER


def test_not_a_terminal_is_not_probed() -> None:
    read_end, write_end = os.pipe()
    try:
        assert probe_bdsm(read_end, write_end) is BdsmState.NO_ANSWER
        assert not readable_now(read_end), "query written to a pipe"
    finally:
        os.close(read_end)
        os.close(write_end)
