"""`reader [PATH]`: open an article or a library on the reading screen (the default command)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from reader import __version__
from reader.commands import COMMANDS
from reader.commands.options import (
    add_config_dir_option,
    add_max_size_option,
    add_state_dir_option,
)


def build_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  reader {command.name:<10} {command.summary}" for command in COMMANDS.values())
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "A terminal news reader for Arabic, Persian, Urdu, Hebrew and other languages. "
            "With no PATH, opens ./articles when it exists, else the bundled articles.\n\n"
            f"Sub-commands (each has its own --help):\n{commands}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("path", nargs="?", type=Path, help="an article file or a folder of articles")
    parser.add_argument(
        "--bidi",
        choices=["auto", "visual", "logical", "runs", "rows"],
        default=None,
        help="auto (default; also READER_BIDI): ask the terminal, else recognise it; "
        "visual: the reader shapes and reorders (terminals without bidi); "
        "logical: logical order (terminals that do bidi themselves); "
        "runs: for kitty, which reverses each run of RTL letters itself; "
        "rows: for Konsole, which reorders whole rows. See docs/terminals.md",
    )
    parser.add_argument(
        "--bidi-info", action="store_true", help="print the bidi mode this terminal gets, and why, then exit"
    )
    parser.add_argument("--no-harakat", action="store_true", help="hide Arabic diacritics")
    parser.add_argument(
        "--images",
        choices=["auto", "kitty", "sixel", "blocks", "off"],
        default=None,
        help="how photos are drawn: auto (default; also the config's images:) asks the terminal: "
        "kitty graphics, else half blocks in colour, else off on a 16-colour terminal; off: captions only",
    )
    add_max_size_option(parser)
    add_config_dir_option(parser)
    add_state_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    if args.bidi_info:
        from reader.launch import print_bidi_info

        return print_bidi_info(args.bidi, args.config_dir)
    from reader.terminal.select_mode import start_probe_early

    probe = start_probe_early(args.bidi, os.environ)  # its wait passes while the app is imported
    try:
        from reader.launch import run_app

        return run_app(
            args.path,
            bidi=args.bidi,
            harakat=not args.no_harakat,
            config_dir=args.config_dir,
            state_dir=args.state_dir,
            max_size=args.max_size,
            early_probe=probe,
            images=args.images,
        )
    finally:
        if probe is not None:
            probe.finish()
