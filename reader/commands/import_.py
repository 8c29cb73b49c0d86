"""`reader import FILE`: turn a news report into article YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.article.importer import run_import


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader import",
        description="Turn a plain-text news report into article YAML.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.txt")
    parser.add_argument("-o", "--output", type=Path, help="where to write (default: FILE.yaml)")
    parser.add_argument("--title", help="the article's title (default: a headline first line)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    return parser


def run(args: argparse.Namespace) -> int:
    return run_import(args.file, output=args.output, title=args.title, force=args.force)
