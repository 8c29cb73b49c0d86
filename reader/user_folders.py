"""Where the reader keeps its own files: a command-line option, else an environment
variable, else the platform's user folder (platformdirs)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

APP_NAME = "rtl-news-reader"


def chosen_folder(
    cli_value: Path | None,
    env: Mapping[str, str] | None,
    variable: str,
    platform_folder: Callable[[str], str],
) -> Path:
    """`cli_value`, else `$variable`, else `platform_folder(APP_NAME)`."""
    if cli_value is not None:
        return cli_value
    environ = os.environ if env is None else env
    if environ.get(variable):
        return Path(environ[variable])
    return Path(platform_folder(APP_NAME))
