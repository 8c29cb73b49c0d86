"""`reader config`: where the config file is, the settings in effect, the themes, and the state folder."""

from __future__ import annotations

import argparse
import sys

from reader.commands.options import add_config_dir_option, add_state_dir_option
from reader.config import DEFAULT_THEME, config_dir, describe, folder_problems, load_config
from reader.state.store import DB_NAME, state_dir
from reader.theme_files import read_theme_specs, user_theme_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader config",
        description="Print where the config file is and the settings in effect (exit 1 if it has problems).",
    )
    add_config_dir_option(parser)
    add_state_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    directory = config_dir(args.config_dir)
    loaded = load_config(directory)
    themes, theme_problems = read_theme_specs(directory)
    names = [spec.name for spec in themes]
    for line in describe(loaded):
        print(line)
    print(f"themes available: {', '.join(names)} (your own go in {user_theme_dir(directory)})")
    print(f"state folder: {state_dir(args.state_dir)} (reading state, bookmarks, the library index: {DB_NAME})")
    problems = [*loaded.problems, *folder_problems(loaded), *theme_problems]
    if loaded.config.theme not in names:
        problems.append(f"{loaded.path}: theme: unknown theme {loaded.config.theme!r}; the app uses {DEFAULT_THEME}")
    for problem in problems:
        print(f"reader: {problem}", file=sys.stderr)
    return 1 if problems else 0
