"""`reader check PATH...`: validate article files; print each problem as path:line:col: message."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.article.check import run_check
from reader.commands.options import add_max_size_option


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader check",
        description="Validate article files and folders; print each problem as path:line:col: message.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_max_size_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    return run_check(args.paths, max_size=args.max_size)
