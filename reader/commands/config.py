"""`reader config`: where the config file is, the settings in effect, the themes, and the state folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import PACKAGE_DATA
from reader.commands.options import add_config_dir_option, add_state_dir_option
from reader.config import config_dir, describe, folder_problems, load_config
from reader.state.store import DB_NAME, state_dir
from reader.theme_files import theme_names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader config",
        description="Print where the config file is and the settings in effect (exit 1 if it has problems).",
    )
    add_config_dir_option(parser)
    add_state_dir_option(parser)
    return parser


def describe_places(directory: Path, state_directory: Path) -> tuple[list[str], list[str]]:
    """The lines on the themes and the state folder, and the problems with theme files."""
    user_themes = directory / "themes"
    names, problems = theme_names([PACKAGE_DATA / "themes", user_themes])
    lines = [
        f"themes folder: {user_themes}{'' if user_themes.is_dir() else ' (none yet)'}",
        f"themes available: {', '.join(names)}",
        f"state folder: {state_directory} (reading state, bookmarks, the library index: {DB_NAME})",
    ]
    return lines, problems


def run(args: argparse.Namespace) -> int:
    directory = config_dir(args.config_dir)
    loaded = load_config(directory)
    places, theme_problems = describe_places(directory, state_dir(args.state_dir))
    for line in [*describe(loaded), *places]:
        print(line)
    problems = (*loaded.problems, *folder_problems(loaded), *theme_problems)
    for problem in problems:
        print(f"reader: {problem}", file=sys.stderr)
    return 1 if problems else 0
