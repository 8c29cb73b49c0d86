"""What explicit_bidi writes to the terminal on entry and on every way out."""

from __future__ import annotations

import io
import os
import select
import signal
import sys
import textwrap
from collections.abc import Callable, Iterator

import pytest

from reader.terminal.bdsm import explicit_bidi
from reader.terminal.probe import BdsmState
from tests.pty_child import HANG_GUARD, Child

StartChild = Callable[[str], Child]

ENTER = b"\x1b[8l\x1b[1 k"
RESTORE_IMPLICIT = b"\x1b[8h\x1b[0 k"
RESTORE_DIRECTION_ONLY = b"\x1b[0 k"


# --- in-process: normal return, exception, pause ------------------------------------------


class Pipe:
    """A pipe standing in for the terminal; `take()` returns what was written so far."""

    def __init__(self) -> None:
        self.read_end, self.write_end = os.pipe()

    def take(self) -> bytes:
        data = b""
        while select.select([self.read_end], [], [], 0)[0]:
            data += os.read(self.read_end, 4096)
        return data


@pytest.fixture
def pipe() -> Iterator[Pipe]:
    fake = Pipe()
    yield fake
    os.close(fake.read_end)
    os.close(fake.write_end)


def test_switches_before_the_body_and_restores_after(pipe: Pipe) -> None:
    with explicit_bidi(pipe.write_end, BdsmState.SET):
        on_entry = pipe.take()

    assert on_entry == ENTER
    assert pipe.take() == RESTORE_IMPLICIT


def test_restores_when_the_body_raises(pipe: Pipe) -> None:
    with pytest.raises(KeyboardInterrupt):
        with explicit_bidi(pipe.write_end, BdsmState.SET):
            raise KeyboardInterrupt

    assert pipe.take() == ENTER + RESTORE_IMPLICIT


def test_terminal_already_explicit_is_left_explicit(pipe: Pipe) -> None:
    with explicit_bidi(pipe.write_end, BdsmState.RESET):
        pass

    assert pipe.take() == ENTER + RESTORE_DIRECTION_ONLY


@pytest.mark.parametrize("previous", [BdsmState.UNKNOWN, BdsmState.NO_ANSWER])
def test_unknown_previous_state_restores_the_default_implicit_mode(pipe: Pipe, previous: BdsmState) -> None:
    with explicit_bidi(pipe.write_end, previous):
        pass

    assert pipe.take() == ENTER + RESTORE_IMPLICIT


def test_text_stream_without_a_file_descriptor() -> None:
    stream = io.StringIO()

    with explicit_bidi(stream, BdsmState.SET):
        stream.write("drawn")

    assert stream.getvalue().encode() == ENTER + b"drawn" + RESTORE_IMPLICIT


def test_paused_gives_the_terminal_back_to_a_child_program(pipe: Pipe) -> None:
    with explicit_bidi(pipe.write_end, BdsmState.SET) as guard:
        with guard.paused():
            during_editor = pipe.take()
        after_editor = pipe.take()

    assert during_editor == ENTER + RESTORE_IMPLICIT
    assert after_editor == ENTER
    assert pipe.take() == RESTORE_IMPLICIT


def test_signal_dispositions_are_put_back(pipe: Pipe) -> None:
    signals = (signal.SIGTERM, signal.SIGTSTP, signal.SIGCONT)
    before = {sig: signal.getsignal(sig) for sig in signals}

    with explicit_bidi(pipe.write_end, BdsmState.SET) as guard:
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)  # someone (Textual) replaces ours
        guard.chain_job_control()

    after = {sig: signal.getsignal(sig) for sig in before}
    assert after == before


# --- child processes on a pty: SIGTERM, SIGTSTP/SIGCONT -----------------------------------


@pytest.fixture
def child() -> Iterator[StartChild]:
    started: list[Child] = []

    class Tracked(Child):
        def __init__(self, script: str) -> None:
            super().__init__([sys.executable, "-c", textwrap.dedent(script)])
            started.append(self)

    yield Tracked
    for each in started:
        each.close()


WAIT_IN_EXPLICIT_MODE = """
    import os, signal, sys
    from reader.terminal.bdsm import explicit_bidi
    from reader.terminal.probe import BdsmState
    {setup}
    with explicit_bidi(sys.stdout, BdsmState.SET) as guard:
        {inside}
        os.write(1, b"<ready>")
        sys.stdin.readline()
    os.write(1, b"<done>")
"""


def script(setup: str = "", inside: str = "") -> str:
    return WAIT_IN_EXPLICIT_MODE.format(setup=setup or "pass", inside=inside or "pass")


def assert_in_order(output: bytes, *parts: bytes) -> None:
    position = 0
    for part in parts:
        found = output.find(part, position)
        assert found >= 0, f"{part!r} missing after byte {position} in {output!r}"
        position = found + len(part)


def test_sigterm_restores_then_dies_of_sigterm(child: StartChild) -> None:
    proc = child(script())
    proc.read_until(b"<ready>")

    proc.send(signal.SIGTERM)
    output = proc.read_to_end()

    assert_in_order(output, ENTER, b"<ready>", RESTORE_IMPLICIT)
    assert b"<done>" not in output
    assert proc.process.wait(HANG_GUARD) == -signal.SIGTERM


def test_sigterm_chains_to_an_existing_handler(child: StartChild) -> None:
    setup = "signal.signal(signal.SIGTERM, lambda *_: os.write(1, b'<app-term>') and sys.exit(3))"
    proc = child(script(setup=setup))
    proc.read_until(b"<ready>")

    proc.send(signal.SIGTERM)
    output = proc.read_to_end()

    assert_in_order(output, ENTER, b"<ready>", RESTORE_IMPLICIT, b"<app-term>")
    assert output.count(RESTORE_IMPLICIT) == 1
    assert proc.process.wait(HANG_GUARD) == 3


def test_ctrl_z_restores_and_fg_reapplies(child: StartChild) -> None:
    proc = child(script())
    proc.read_until(b"<ready>")

    proc.send(signal.SIGTSTP)
    proc.wait_stopped()
    proc.read_until(RESTORE_IMPLICIT)
    proc.send(signal.SIGCONT)
    proc.read_until(ENTER)
    proc.type(b"q\n")
    output = proc.read_to_end()

    assert_in_order(output, ENTER, b"<ready>", RESTORE_IMPLICIT, ENTER, RESTORE_IMPLICIT, b"<done>")
    assert proc.process.wait(HANG_GUARD) == 0


TEXTUAL_LIKE_HANDLERS = """
    def tui_stop(signum, frame):  # like textual's LinuxDriver._sigtstp_application
        os.write(1, b"<tui-suspend>")
        os.kill(os.getpid(), signal.SIGSTOP)
    def tui_continue(signum, frame):  # like LinuxDriver._sigcont_application
        os.write(1, b"<tui-resume>")
"""


def test_ctrl_z_cooperates_with_textual_handlers(child: StartChild) -> None:
    inside = (
        "signal.signal(signal.SIGTSTP, tui_stop); signal.signal(signal.SIGCONT, tui_continue)\n"
        "        guard.chain_job_control()"
    )
    textual_setup = textwrap.dedent(TEXTUAL_LIKE_HANDLERS).strip().replace("\n", "\n    ")
    proc = child(script(setup=textual_setup, inside=inside))
    proc.read_until(b"<ready>")

    proc.send(signal.SIGTSTP)
    proc.wait_stopped()
    proc.read_until(b"<tui-suspend>")
    proc.send(signal.SIGCONT)
    proc.read_until(b"<tui-resume>")
    proc.type(b"q\n")
    output = proc.read_to_end()

    assert_in_order(
        output,
        ENTER,
        b"<ready>",
        RESTORE_IMPLICIT,  # ours first: the terminal is given back before the app stops
        b"<tui-suspend>",
        ENTER,  # re-applied before Textual redraws
        b"<tui-resume>",
        RESTORE_IMPLICIT,
        b"<done>",
    )
    assert proc.process.wait(HANG_GUARD) == 0
