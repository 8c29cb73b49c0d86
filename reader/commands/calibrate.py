"""`reader calibrate`: let the reader's own eyes pick the bidi mode for their terminal.

Terminals disagree on right-to-left text (see docs/terminals.md) and not all of them can
be asked. So we show one Arabic sentence laid out in each mode, numbered, and the user
presses the number of the line that reads correctly: right to left, letters joined,
brackets facing the words. The choice is saved in the config (`calibrated_bidi`) and
`--bidi auto` uses it before any guess; `reader calibrate --reset` forgets it.

The lines are written straight to the terminal (no TUI): that is the point, the terminal
shows each one with whatever bidi it does itself.
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
from reader.config import ConfigError, forget_setting, save_setting
from reader.terminal.modes import BidiMode
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions, layout_paragraph

SAMPLE = "وقّعت 60 دولة على «اتفاقية هانوي» (2024) في العاصمة"
MODES = (BidiMode.VISUAL, BidiMode.LOGICAL, BidiMode.RUNS)
SETTING = "calibrated_bidi"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader calibrate",
        description="Show an Arabic sentence in each bidi mode; the number you press is saved as this "
        "terminal's mode, used by --bidi auto before any guess.",
    )
    parser.add_argument("--reset", action="store_true", help="forget the saved choice")
    add_config_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    return run_calibrate(reset=args.reset, config_dir=args.config_dir)


def calibration_lines(sample: str = SAMPLE) -> list[tuple[BidiMode, str]]:
    """The sample as each mode sends it to the terminal."""
    return [
        (mode, layout_paragraph(sample, 200, Direction.RTL, LayoutOptions(mode=mode))[0].text)
        for mode in MODES
    ]


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
) -> int:
    out = out or sys.stdout
    try:
        if reset:
            path = forget_setting(SETTING, config_dir)
            print(f"Calibration forgotten ({path}): the bidi mode is detected again.", file=out)
            return 0
        return _ask_and_save(out, read_key or (lambda: read_choice(sys.stdin)), config_dir)
    except ConfigError as error:
        print(f"reader calibrate: {error}", file=sys.stderr)
        return 1


def _ask_and_save(out: TextIO, read_key: Callable[[], str], config_dir: Path | None) -> int:
    lines = calibration_lines()
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
    path = save_setting(SETTING, mode.value, config_dir)
    print(f"Saved: bidi mode '{mode.value}' for this terminal ({path}).", file=out)
    print("`reader calibrate --reset` forgets it.", file=out)
    return 0
