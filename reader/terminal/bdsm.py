"""Switching a BDSM-capable terminal to explicit bidi for the app's lifetime, and back.

Owns the escape sequences and the guarantee that the terminal is given back as found:

* enter: ``CSI 8 l`` (BDSM reset: explicit, the app reorders) + ``CSI 1 SP k`` (SCP: LTR);
* exit:  ``CSI 8 h`` when the terminal was implicit before (or we could not tell: implicit
  is the recommendation's default) + ``CSI 0 SP k`` (SCP: default direction).

The restore runs on every way out: normal return, exception (ctrl+c included), SIGTERM
(restore, then die of SIGTERM as if unhandled - or call a Python handler that was already
installed), and job control (SIGTSTP: restore before stopping; SIGCONT: re-apply, but
only once we are the terminal's foreground job again, so ``bg`` does not switch the
terminal under the shell). Signals whose disposition is SIG_IGN, or was set outside Python,
are left alone, and every disposition is put back on exit. Signal handlers can only be
installed from the main thread; elsewhere the guard only covers return and exception.

Sequences are written with a single ``os.write`` each, so they never split inside another
thread's write (Textual writes from its own writer thread) and are safe in signal handlers.
A terminal that has gone away (EIO, EPIPE) cannot be restored; that error is logged, not
raised.

Working with Textual (checked against textual 8.2 ``drivers/linux_driver.py``):

* ``LinuxDriver.__init__`` - run inside ``App.run()`` - replaces the SIGTSTP and SIGCONT
  handlers with its own (SIGTSTP: leave application mode, then ``SIGSTOP`` itself; SIGCONT:
  re-enter application mode) and never puts the old ones back. It installs nothing for
  SIGTERM.
* Textual clears ISIG, so ctrl+z is an ordinary key; SIGTSTP arrives only through
  ``App.action_suspend_process`` (if the app binds it) or ``kill -TSTP``.
* So: enter `explicit_bidi` around ``App.run()``; once the driver exists (``on_mount``) call
  `BidiGuard.chain_job_control`, which wraps Textual's handlers instead of replacing them:
  ours restore BDSM, then Textual's suspend runs; on SIGCONT ours re-apply, then Textual's
  resume redraws. Without that call Textual's handlers simply win during the run and BDSM
  stays explicit while the app is stopped. On exit the dispositions saved on enter are
  reinstated, which also removes Textual's stale handlers.
* ``App.suspend()`` (to run ``$EDITOR``) hands the terminal to another program without any
  signal: wrap it in `BidiGuard.paused`.

Usage in the launcher::

    with explicit_bidi(sys.__stderr__, choice.previous_bdsm) as guard:
        app.bidi_guard = guard          # on_mount: self.bidi_guard.chain_job_control()
        app.run()
"""

from __future__ import annotations

import io
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import TextIO

from reader.terminal.probe import BdsmState

ENTER_EXPLICIT = "\x1b[8l\x1b[1 k"
"""BDSM reset (explicit: the app reorders) then SCP 1 (paragraphs left to right)."""
SET_IMPLICIT = "\x1b[8h"
"""BDSM set: the terminal reorders and shapes by itself."""
DEFAULT_DIRECTION = "\x1b[0 k"
"""SCP 0: the terminal's default paragraph direction."""

_log = logging.getLogger(__name__)

_Handler = Callable[[int, FrameType | None], object] | int | None
"""What `signal.getsignal` returns: a Python callable, SIG_DFL/SIG_IGN, or None (set in C)."""


@dataclass(frozen=True)
class TerminalSwitch:
    """A terminal's own way to stop doing bidi while the reader runs, and to start again."""

    enter: str
    leave: str


MLTERM_LAYOUT_OFF = TerminalSwitch("\x1b]5379;use_ctl=false\x07", "\x1b]5379;use_ctl=true\x07")
"""mlterm has no BDSM; its configuration sequence (OSC 5379) turns its complex text layout
- bidi and shaping over whole rows - off, and on again (its default; the earlier value
cannot be read without mlterm's challenge file). mlterm re-draws the screen at once."""


def restore_sequence(previous: BdsmState) -> str:
    """What to write on exit to give the terminal back in its `previous` state."""
    if previous in (BdsmState.RESET, BdsmState.PERMANENTLY_RESET, BdsmState.PERMANENTLY_SET):
        return DEFAULT_DIRECTION
    return SET_IMPLICIT + DEFAULT_DIRECTION


class _Sink:
    """Writes escape sequences to a file descriptor, or to a stream that has none."""

    def __init__(self, out: TextIO | int) -> None:
        self._stream: TextIO | None = None if isinstance(out, int) else out
        self.fd: int | None = out if isinstance(out, int) else _fileno_or_none(out)

    def write(self, text: str, *, in_signal_handler: bool = False) -> None:
        """Write `text` in one go; a vanished terminal is logged, not raised."""
        try:
            self._write(text, in_signal_handler)
        except OSError as error:
            _log.warning("could not write %r to the terminal: %s", text, error)

    def _write(self, text: str, in_signal_handler: bool) -> None:
        if self.fd is None:
            assert self._stream is not None
            self._stream.write(text)
            self._stream.flush()
            return
        if self._stream is not None and not in_signal_handler:
            # Keep order with text already buffered in the stream. Not from a signal
            # handler: the interrupted code may be inside that very stream's flush.
            self._stream.flush()
        data = memoryview(text.encode())
        while data:
            data = data[os.write(self.fd, data) :]


def _fileno_or_none(stream: TextIO) -> int | None:
    """The stream's file descriptor, or None for in-memory streams."""
    try:
        return stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return None


def _in_foreground(fd: int | None) -> bool:
    """False only when `fd` is our controlling tty and another job owns it."""
    if fd is None or not os.isatty(fd):
        return True
    try:
        return os.tcgetpgrp(fd) == os.getpgrp()
    except OSError:
        return True  # not our controlling terminal: job control does not apply


class BidiGuard:
    """Explicit bidi that can be paused and resumed; handed out by `explicit_bidi`."""

    def __init__(self, sink: _Sink, previous: BdsmState, switch: TerminalSwitch | None = None) -> None:
        self._sink = sink
        self.previous = previous
        self._switch = switch or TerminalSwitch(ENTER_EXPLICIT, restore_sequence(previous))
        self.applied = False
        self._closed = False
        self._signals: _SignalHooks | None = None

    def pause(self, *, in_signal_handler: bool = False) -> None:
        """Give the terminal back its previous bidi mode (no-op if already given back)."""
        if self.applied:
            self.applied = False
            self._sink.write(self._switch.leave, in_signal_handler=in_signal_handler)

    def resume(self, *, in_signal_handler: bool = False) -> None:
        """Switch to explicit bidi again, if paused, still open, and in the foreground."""
        if self.applied or self._closed or not _in_foreground(self._sink.fd):
            return
        self.applied = True
        self._sink.write(self._switch.enter, in_signal_handler=in_signal_handler)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Previous bidi mode inside the block, e.g. around Textual's ``App.suspend()``."""
        self.pause()
        try:
            yield
        finally:
            self.resume()

    def chain_job_control(self) -> None:
        """Wrap the SIGTSTP/SIGCONT handlers installed since entering (Textual's driver).

        Call from the main thread once they are in place, e.g. in ``App.on_mount``.
        Calling again is harmless.
        """
        if self._signals is not None:
            self._signals.chain_job_control()

    def _open(self, signals: _SignalHooks | None) -> None:
        self._signals = signals
        self.resume()

    def _close(self) -> None:
        self._closed = True  # first, so a SIGCONT arriving now cannot re-apply
        self.pause()
        if self._signals is not None:
            self._signals.uninstall()


class _SignalHooks:
    """Our SIGTERM/SIGTSTP/SIGCONT handlers for one guard, and the dispositions they replaced."""

    def __init__(self, guard: BidiGuard) -> None:
        self._guard = guard
        self._saved: dict[int, _Handler] = {}
        self._next: dict[int, _Handler] = {}
        self._ours: dict[int, Callable[[int, FrameType | None], None]] = {
            signal.SIGTERM: self._on_terminate,
        }
        if hasattr(signal, "SIGTSTP"):
            self._ours[signal.SIGTSTP] = self._on_stop
            self._ours[signal.SIGCONT] = self._on_continue

    def install(self) -> None:
        """Put our handlers in front of the current ones (SIG_IGN and C handlers excepted)."""
        for signum, handler in self._ours.items():
            current = signal.getsignal(signum)
            if current is None or current == signal.SIG_IGN:
                continue
            self._saved[signum] = current
            self._next[signum] = current
            signal.signal(signum, handler)

    def chain_job_control(self) -> None:
        """Re-wrap job-control handlers someone installed over ours."""
        for signum in self._saved:
            if signum == signal.SIGTERM:
                continue
            current = signal.getsignal(signum)
            if current is None or current == self._ours[signum]:
                continue
            self._next[signum] = current
            signal.signal(signum, self._ours[signum])

    def uninstall(self) -> None:
        """Reinstate the dispositions found by `install`."""
        for signum, previous in self._saved.items():
            assert previous is not None
            signal.signal(signum, previous)
        self._saved.clear()
        self._next.clear()

    def _on_terminate(self, signum: int, frame: FrameType | None) -> None:
        self._guard.pause(in_signal_handler=True)
        following = self._next.get(signum, signal.SIG_DFL)
        if callable(following):
            following(signum, frame)
            self._guard.resume(in_signal_handler=True)  # that handler chose to go on
            return
        _redeliver_by_default(signum, self._ours[signum])

    def _on_stop(self, signum: int, frame: FrameType | None) -> None:
        self._guard.pause(in_signal_handler=True)
        following = self._next.get(signum, signal.SIG_DFL)
        if callable(following):
            following(signum, frame)  # Textual's: leaves app mode, SIGSTOPs, returns on SIGCONT
        else:
            _redeliver_by_default(signum, self._ours[signum])
        self._guard.resume(in_signal_handler=True)

    def _on_continue(self, signum: int, frame: FrameType | None) -> None:
        self._guard.resume(in_signal_handler=True)
        following = self._next.get(signum, signal.SIG_DFL)
        if callable(following):
            following(signum, frame)


def _redeliver_by_default(signum: int, ours: Callable[[int, FrameType | None], None]) -> None:
    """Let `signum` take its default action now (terminate, stop), then re-arm `ours`.

    Signals sent to oneself are delivered before ``kill`` returns, so when this returns
    the process has already been stopped and continued (SIGTSTP).
    """
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    signal.signal(signum, ours)


@contextmanager
def explicit_bidi(out: TextIO | int, previous: BdsmState, switch: TerminalSwitch | None = None) -> Iterator[BidiGuard]:
    """Explicit bidi + LTR paragraphs inside the block; `previous` restored on every exit.

    `out` is the terminal: a file descriptor or a text stream (the one the app draws on).
    `previous` is what `reader.terminal.probe.probe_bdsm` answered before the switch.
    `switch`: another terminal's sequences instead of BDSM's (`MLTERM_LAYOUT_OFF`).
    """
    guard = BidiGuard(_Sink(out), previous, switch)
    hooks = _SignalHooks(guard) if _on_main_thread() else None
    if hooks is not None:
        hooks.install()
    try:
        guard._open(hooks)
        yield guard
    finally:
        guard._close()


def _on_main_thread() -> bool:
    """Python only lets the main thread install signal handlers."""
    return threading.current_thread() is threading.main_thread()
