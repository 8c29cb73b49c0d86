"""The `reader` command line: argument parsing and dispatch to the sub-commands.

Heavy modules (Textual above all) are imported only by the sub-command that needs them,
so `reader check` and `reader dump` start fast and never load the TUI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__, startup_gc

SUBCOMMANDS = ("check", "import", "dump", "config", "calibrate")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "A terminal news reader for Arabic, Persian, Urdu, Hebrew and other languages. "
            "With no PATH, opens ./articles when it exists, else the bundled articles.\n\n"
            "Sub-commands: reader check PATH..., reader import FILE.txt, reader dump PATH, "
            "reader config, reader calibrate (each has its own --help)."
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
    _add_max_size_option(parser)
    _add_dir_options(parser)
    return parser


def _add_dir_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config-dir", type=Path, default=None, help="folder of config.yaml and themes/ (also READER_CONFIG_DIR)"
    )
    parser.add_argument(
        "--state-dir", type=Path, default=None, help="folder of the reader's database (also READER_STATE_DIR)"
    )


def _build_config_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader config",
        description="Print where the config file is and the settings in effect (exit 1 if it has problems).",
    )
    parser.add_argument("--config-dir", type=Path, default=None, help="folder of config.yaml (also READER_CONFIG_DIR)")
    return parser


def _build_calibrate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader calibrate",
        description="Show an Arabic sentence in each bidi mode; the number you press is saved as this "
        "terminal's mode, used by --bidi auto before any guess.",
    )
    parser.add_argument("--reset", action="store_true", help="forget the saved choice")
    parser.add_argument("--config-dir", type=Path, default=None, help="folder of config.yaml (also READER_CONFIG_DIR)")
    return parser


def _build_check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader check",
        description="Validate article files and folders; print each problem as path:line:col: message.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _add_max_size_option(parser)
    return parser


def _add_max_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size", type=int, default=None, metavar="BYTES", help="largest article file read (default 5,000,000)"
    )


def _build_import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader import",
        description="Turn a plain-text news report into article YAML.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.txt")
    parser.add_argument("-o", "--output", type=Path, help="where to write (default: FILE.yaml)")
    parser.add_argument("--title", help="the article's title (default: a headline first line)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    return parser


def _build_dump_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader dump",
        description="Print an article as the reader shows it, as plain text.",
    )
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument("--width", type=int, default=None, help="columns (default: the terminal's, else 80)")
    parser.add_argument("--bidi", choices=["visual", "logical", "runs", "rows"], default="visual")
    parser.add_argument("--no-harakat", action="store_true", help="leave out Arabic diacritics")
    _add_max_size_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        command, rest = args[0], args[1:]
        if command == "check":
            from reader.article.check import run_check

            ns = _build_check_parser().parse_args(rest)
            return run_check(ns.paths, max_size=ns.max_size)
        if command == "config":
            from reader.config import run_config_command

            return run_config_command(_build_config_parser().parse_args(rest).config_dir)
        if command == "calibrate":
            from reader.calibrate import run_calibrate

            ns = _build_calibrate_parser().parse_args(rest)
            return run_calibrate(reset=ns.reset, config_dir=ns.config_dir)
        if command == "import":
            from reader.article.importer import run_import

            ns = _build_import_parser().parse_args(rest)
            return run_import(ns.file, output=ns.output, title=ns.title, force=ns.force)
        startup_gc.pause()
        from reader.dump import run_dump

        startup_gc.resume()
        ns = _build_dump_parser().parse_args(rest)
        return run_dump(ns.path, width=ns.width, bidi=ns.bidi, harakat=not ns.no_harakat, max_size=ns.max_size)

    ns = _build_parser().parse_args(args)
    startup_gc.pause()  # until the first paint
    if ns.bidi_info:
        from reader.launch import print_bidi_info

        return print_bidi_info(ns.bidi, ns.config_dir)
    from reader.terminal.select_mode import start_probe_early

    probe = start_probe_early(ns.bidi, os.environ)  # its wait passes while the app is imported
    try:
        from reader.launch import run_app

        return run_app(
            ns.path,
            bidi=ns.bidi,
            harakat=not ns.no_harakat,
            config_dir=ns.config_dir,
            state_dir=ns.state_dir,
            max_size=ns.max_size,
            early_probe=probe,
        )
    finally:
        if probe is not None:
            probe.finish()
