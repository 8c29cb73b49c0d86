"""`reader calibrate`: let the reader's own eyes pick the bidi mode for their terminal.

Terminals disagree on right-to-left text (see docs/terminals.md) and not all of them can
be asked. A terminal that answers the BDSM probe can: the reader switches it to explicit
bidi and lays the text out itself, so it needs no calibration, and nothing is saved (its
own bidi would make a wrong sample look right). Elsewhere we show one Arabic sentence laid
out in each mode, numbered, and the user presses the number of the line that reads
correctly. The choice is saved for this terminal (`reader.terminal.calibration`) and
`--bidi auto` uses it before any guess; `reader calibrate --reset` forgets it.

The lines are written straight to the terminal (no TUI): that is the point, the terminal
shows each one with whatever bidi it does itself, as it will show the reader's lines.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import termios
import tty
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from reader.commands.options import add_config_dir_option
from reader.config import Config, ConfigError, forget_setting, load_config, save_setting
from reader.config import config_dir as find_config_dir
from reader.terminal.calibration import LEGACY_SETTING, SETTING, terminal_identity
from reader.terminal.modes import BidiMode
from reader.terminal.probe import BdsmState
from reader.terminal.select_mode import default_probe, own_switch
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions, layout_paragraph

SAMPLE = "وقّعت 60 دولة على «اتفاقية هانوي» (2024) في العاصمة، لاتفاقية؟"
MODES = (BidiMode.VISUAL, BidiMode.LOGICAL, BidiMode.RUNS, BidiMode.ROWS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader calibrate",
        description="Show an Arabic sentence in each bidi mode; the number you press is saved as this "
        "terminal's mode (for this terminal only), used by --bidi auto before any guess. A terminal that "
        "can be switched (BDSM, mlterm) needs no calibration.",
    )
    parser.add_argument("--reset", action="store_true", help="forget this terminal's saved choice")
    add_config_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    return run_calibrate(reset=args.reset, config_dir=args.config_dir)


def calibration_lines(sample: str = SAMPLE) -> list[tuple[BidiMode, str]]:
    """The sample as each mode sends it to the terminal."""
    return [(mode, layout_paragraph(sample, 200, Direction.RTL, LayoutOptions(mode=mode))[0].text) for mode in MODES]


@contextlib.contextmanager
def _single_keys(stream: TextIO) -> Iterator[None]:
    """Read keys one at a time, without waiting for Enter, when input is a terminal."""
    if not stream.isatty():
        yield
        return
    descriptor = stream.fileno()
    saved = termios.tcgetattr(descriptor)
    try:
        tty.setcbreak(descriptor)
        yield
    finally:
        termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)


def read_choice(stream: TextIO) -> str:
    """One key from a terminal, or one line from a pipe."""
    with _single_keys(stream):
        if stream.isatty():
            return os.read(stream.fileno(), 1).decode(errors="replace")
        return stream.readline().strip()


def run_calibrate(
    *,
    reset: bool,
    config_dir: Path | None,
    out: TextIO | None = None,
    read_key: Callable[[], str] | None = None,
    probe: Callable[[], BdsmState] | None = None,
    env: dict[str, str] | None = None,
) -> int:
    """`probe` asks the terminal about BDSM (default: when stdin and stdout are terminals)."""
    out = out or sys.stdout
    identity = terminal_identity(os.environ if env is None else env)
    try:
        if reset:
            path = _forget(identity, config_dir)
            print(f"Calibration for {identity} forgotten ({path}): the bidi mode is detected again.", file=out)
            return 0
        if own_switch(os.environ if env is None else env) is not None:
            print(
                f"This terminal ({identity}) is mlterm: reader switches its own bidi off while it runs and"
                " lays the text out itself, so it needs no calibration. Nothing saved.",
                file=out,
            )
            return 0
        state = (probe or _probe_if_terminal)()
        if state.switchable:
            print(
                f"This terminal ({identity}) answers the BDSM probe: reader switches it to explicit bidi and"
                " lays the text out itself, so it needs no calibration. Nothing saved.",
                file=out,
            )
            return 0
        return _ask_and_save(out, read_key or (lambda: read_choice(sys.stdin)), config_dir, identity)
    except ConfigError as error:
        print(f"reader calibrate: {error}", file=sys.stderr)
        return 1


def _probe_if_terminal() -> BdsmState:
    if sys.stdin.isatty() and sys.stdout.isatty():
        return default_probe()
    return BdsmState.NO_ANSWER


def _saved(config: Config) -> dict[str, str]:
    return {terminal: mode.value for terminal, mode in config.calibrations}


def _config(config_dir: Path | None) -> Config:
    return load_config(find_config_dir(config_dir)).config


def _forget(identity: str, config_dir: Path | None) -> Path:
    """Forget this terminal's calibration, and the old global one."""
    saved = _saved(_config(config_dir))
    saved.pop(identity, None)
    if saved:
        save_setting(SETTING, saved, config_dir)
    else:
        forget_setting(SETTING, config_dir)
    return forget_setting(LEGACY_SETTING, config_dir)


def _ask_and_save(out: TextIO, read_key: Callable[[], str], config_dir: Path | None, identity: str) -> int:
    lines = calibration_lines()
    print(f"Terminal: {identity}", file=out)
    print("Which line reads correctly: right to left, letters joined, brackets facing the words?\n", file=out)
    for number, (_, text) in enumerate(lines, start=1):
        print(f"  {number}   {text}", file=out)
    print(f"\nPress 1–{len(lines)}, or q to leave without saving: ", end="", file=out, flush=True)
    answer = read_key()
    print(file=out)
    if answer not in {str(number) for number in range(1, len(lines) + 1)}:
        print("Nothing saved.", file=out)
        return 1
    mode = lines[int(answer) - 1][0]
    config = _config(config_dir)
    saved = _saved(config)
    saved[identity] = mode.value
    save_setting(SETTING, saved, config_dir)
    path = forget_setting(LEGACY_SETTING, config_dir)
    had_legacy = config.calibrated_bidi is not None
    print(f"Saved: bidi mode '{mode.value}' for {identity} ({path}).", file=out)
    if had_legacy:
        print(f"The old {LEGACY_SETTING} (one mode for every terminal) was removed.", file=out)
    print("`reader calibrate --reset` forgets it.", file=out)
    return 0
