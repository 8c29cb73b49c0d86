"""Options that several sub-commands share, defined once."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_max_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size", type=int, default=None, metavar="BYTES", help="largest article file read (default 5,000,000)"
    )


def add_config_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config-dir", type=Path, default=None, help="folder of config.yaml and themes/ (also READER_CONFIG_DIR)"
    )


def add_state_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--state-dir", type=Path, default=None, help="folder of the reader's database (also READER_STATE_DIR)"
    )
