"""`reader config`: where the config file is, and the settings in effect."""

from __future__ import annotations

import argparse
import sys

from reader.commands.options import add_config_dir_option
from reader.config import config_dir, describe, folder_problems, load_config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader config",
        description="Print where the config file is and the settings in effect (exit 1 if it has problems).",
    )
    add_config_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    loaded = load_config(config_dir(args.config_dir))
    for line in describe(loaded):
        print(line)
    problems = (*loaded.problems, *folder_problems(loaded))
    for problem in problems:
        print(f"reader: {problem}", file=sys.stderr)
    return 1 if problems else 0
