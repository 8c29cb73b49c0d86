"""Asking the terminal: the round trip of a query and its replies (`ask_terminal`), and the
BDSM (mode 8) DECRQM probe built on it.

Owns ``CSI 8 $ p`` -> ``CSI 8 ; Ps $ y`` (terminal-wg BiDi recommendation, implemented by
VTE >= 0.58 and mintty). Every query is followed by Primary Device Attributes (``CSI c``),
which every terminal answers, in order: its reply ends the wait. A terminal that knows
the query answers before it; one that does not costs one round trip, not a timeout; and a
slow terminal's late answer (kitty starting on a loaded machine) is still read here, so it
never reaches the application as key presses.

How the probe treats the terminal and the user's typing:

* The tty is put in non-canonical, no-echo mode (signals still work, so ctrl+c interrupts)
  with ``TCSANOW`` - never ``TCSAFLUSH``, which would throw away typed-ahead input - and
  the saved attributes are restored on every exit path.
* Echo is off before the query is written, so the reply never reaches the screen.
* Input is read one byte at a time and reading stops at the reply's final ``y``: bytes
  typed *after* the reply stay queued for the application.
* Bytes that arrive *before* the reply (keys typed during the <= `timeout` window, or
  another program's replies) cannot be pushed back (TIOCSTI is disabled on modern Linux):
  they are consumed and reported in `ProbeReply.unrelated`; `probe_bdsm` drops them.
* A terminal that answers nothing at all (not even Device Attributes) is given up after
  `timeout` seconds; only a reply later than that could still reach the application.
* Nothing is done when the input is not a tty, or when this process is in the background
  (``tcsetattr`` would stop it with SIGTTOU): the answer is then `BdsmState.NO_ANSWER`.
"""

from __future__ import annotations

import os
import re
import select
import termios
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any

QUERY = b"\x1b[8$p"
"""DECRQM for the ANSI (non-private) mode 8, BDSM."""
DEVICE_ATTRIBUTES = b"\x1b[c"
"""Primary Device Attributes: sent after every query; its reply marks the end of the answers."""
TIMEOUT = 0.5
"""Seconds to wait for a terminal that answers nothing (real ones answer in milliseconds)."""

_REPLY = re.compile(rb"\x1b\[8;(\d+)\$y")
_ATTRIBUTES_REPLY = re.compile(rb"\x1b\[\?[\d;]*c")
_LFLAG = 3
_CC = 6
"""Indexes into the list `termios.tcgetattr` returns."""
_MAX_BYTES = 4096
"""Stop reading after this much unrelated input, whatever the clock says."""


class BdsmState(Enum):
    """What the terminal said about BDSM (Bi-Directional Support Mode, mode 8).

    SET means *implicit*: the terminal reorders and shapes by itself. RESET means
    *explicit*: the application lays out the text and the terminal draws cells as given.
    """

    SET = "set"
    RESET = "reset"
    PERMANENTLY_SET = "permanently set"
    PERMANENTLY_RESET = "permanently reset"
    UNKNOWN = "unknown"
    """The terminal answered DECRQM but does not know mode 8 (Ps = 0)."""
    NO_ANSWER = "no answer"
    """No reply before the timeout, or the probe could not be sent at all."""

    @property
    def switchable(self) -> bool:
        """True when the terminal knows BDSM and lets the application change it."""
        return self in (BdsmState.SET, BdsmState.RESET)


_STATE_BY_PS = {
    0: BdsmState.UNKNOWN,
    1: BdsmState.SET,
    2: BdsmState.RESET,
    3: BdsmState.PERMANENTLY_SET,
    4: BdsmState.PERMANENTLY_RESET,
}


@dataclass(frozen=True)
class ProbeReply:
    """The probe's outcome, with any unrelated input it had to consume on the way."""

    state: BdsmState
    unrelated: bytes = b""


def state_from_ps(ps: int) -> BdsmState:
    """Map a DECRQM ``Ps`` value to a state; values outside the standard are UNKNOWN."""
    return _STATE_BY_PS.get(ps, BdsmState.UNKNOWN)


def parse_reply(received: bytes) -> tuple[BdsmState, bytes] | None:
    """Find a BDSM reply in `received`: its state and the bytes before it, or None."""
    match = _REPLY.search(received)
    if match is None:
        return None
    return state_from_ps(int(match.group(1))), received[: match.start()]


def probe_bdsm(fd_in: int, fd_out: int, timeout: float = TIMEOUT) -> BdsmState:
    """Ask the terminal on `fd_in`/`fd_out` for its BDSM state (see the module notes)."""
    return query_bdsm(fd_in, fd_out, timeout).state


def query_bdsm(fd_in: int, fd_out: int, timeout: float = TIMEOUT) -> ProbeReply:
    """Like `probe_bdsm`, also returning the unrelated input consumed before the reply."""
    answers = ask_terminal(fd_in, fd_out, QUERY, timeout)
    if answers is None:
        return ProbeReply(BdsmState.NO_ANSWER)
    parsed = parse_reply(answers)
    if parsed is None:  # the terminal does not know DECRQM: it answered Device Attributes only
        return ProbeReply(BdsmState.NO_ANSWER, _ATTRIBUTES_REPLY.sub(b"", answers))
    return ProbeReply(*parsed)


def ask_terminal(fd_in: int, fd_out: int, query: bytes, timeout: float = TIMEOUT) -> bytes | None:
    """Send `query` and Device Attributes to the terminal; the bytes it sent back up to the
    end of the Device Attributes reply (its answers to `query`, any key typed meanwhile, and
    that reply: it tells Sixel support) — or, if that reply has not come within `timeout`
    seconds, all it sent by then; None when it cannot be asked or sent nothing. The tty is
    quiet (no echo) while it answers and restored on every exit path."""
    if not _may_touch_tty(fd_in):
        return None
    try:
        saved = termios.tcgetattr(fd_in)
        termios.tcsetattr(fd_in, termios.TCSANOW, _quiet_attributes(saved))
    except termios.error:
        return None
    try:
        _write_all(fd_out, query + DEVICE_ATTRIBUTES)
        return _read_answers(fd_in, time.monotonic() + timeout)
    except OSError:
        return None  # the terminal went away while we asked: there is nobody to answer
    finally:
        termios.tcsetattr(fd_in, termios.TCSANOW, saved)


def _may_touch_tty(fd: int) -> bool:
    """True if `fd` is a tty we can reconfigure without being stopped by SIGTTOU."""
    if not os.isatty(fd):
        return False
    try:
        foreground = os.tcgetpgrp(fd)
    except OSError:
        # Not our controlling terminal (e.g. a pty we opened): no job control applies.
        return True
    return foreground == os.getpgrp()


def _quiet_attributes(attributes: list[Any]) -> list[Any]:
    """A copy of tcgetattr `attributes` with canonical mode and echo off, signals kept."""
    quiet = list(attributes)
    quiet[_LFLAG] = quiet[_LFLAG] & ~(termios.ICANON | termios.ECHO)
    control_chars = list(quiet[_CC])
    control_chars[termios.VMIN] = 0
    control_chars[termios.VTIME] = 0
    quiet[_CC] = control_chars
    return quiet


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to `fd`, however many calls it takes."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_answers(fd: int, deadline: float) -> bytes | None:
    """Read byte by byte until the Device Attributes reply ends (bytes typed after it stay
    queued for the application), the deadline passes, or input ends."""
    received = bytearray()
    while len(received) < _MAX_BYTES:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        byte = _read_byte(fd, remaining)
        if byte is None:
            continue
        if not byte:
            break
        received += byte
        if byte == b"c" and _ATTRIBUTES_REPLY.search(received) is not None:
            return bytes(received)
    return bytes(received) or None


def _read_byte(fd: int, timeout: float) -> bytes | None:
    """One byte from `fd`; None if none came within `timeout`; b"" at end of input."""
    readable, _, _ = select.select([fd], [], [], timeout)
    if not readable:
        return None
    try:
        return os.read(fd, 1)
    except BlockingIOError:
        return None
    except OSError:
        # EIO: the terminal hung up (the pty master closed). Nothing more will come.
        return b""
