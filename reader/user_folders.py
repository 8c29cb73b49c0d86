"""Where the reader keeps its own files (config, state, fetched articles): a command-line
option, else an environment variable, else the platform's user folder (platformdirs)."""

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


DATA_VARIABLE = "READER_DATA_DIR"


def data_folder(cli_value: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where fetched articles and the followed feeds live: `cli_value`, else
    `$READER_DATA_DIR`, else `platformdirs.user_data_dir("rtl-news-reader")`."""
    from platformdirs import user_data_dir

    return chosen_folder(cli_value, env, DATA_VARIABLE, user_data_dir)


def fetched_articles(data: Path) -> Path:
    """The folder of articles taken from the web (`reader fetch`), one subfolder per feed."""
    return data / "articles"
