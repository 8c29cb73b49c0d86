"""What `reader` opens and in which bidi mode, without Textual: shared by the app's launch
and `reader dump` (which prints what `reader` would show).

`choose_sources`: PATH, else the user's library (the config's folders that exist plus the
fetched articles), else `./articles`, else the bundled ones. `decide_bidi`: `--bidi`, then
`READER_BIDI`, then the config, then the terminal itself (`reader.terminal.select_mode`).
"""

from __future__ import annotations

import os
from pathlib import Path

from reader import PACKAGE_DATA
from reader.article.loader import find_article_files
from reader.config import Config, missing_folders
from reader.terminal.calibration import saved_calibration, terminal_identity
from reader.terminal.select_mode import ModeChoice, Probe, choose_mode, default_probe, resolve_setting


def bundled_articles() -> Path:
    """The folder of articles installed with the package."""
    return PACKAGE_DATA / "articles"


def default_articles(cwd: Path) -> Path:
    local = cwd / "articles"
    return local if local.is_dir() else bundled_articles()


def choose_sources(path: Path | None, config: Config, cwd: Path, fetched: Path | None = None) -> list[Path]:
    """PATH when given, else the user's library: the config's folders (a missing one is
    skipped with a warning, `folder_problems`) plus `fetched` (the articles `reader fetch`
    saved) when it holds any; when that is empty, ./articles, else the bundled ones. When
    no configured folder exists and nothing else does either, they are kept: the message
    then says the first is missing."""
    if path is not None:
        return [path]
    missing = missing_folders(config)
    library = [folder for folder in config.folders if folder not in missing]
    if fetched is not None and fetched not in library and _holds_articles(fetched):
        library.append(fetched)
    return library or list(config.folders) or [default_articles(cwd)]


def _holds_articles(folder: Path) -> bool:
    """Whether `folder` has an article file (stops at the first one found)."""
    return folder.is_dir() and bool(find_article_files([folder], enough=1)[0])


def decide_bidi(
    cli_value: str | None,
    config: Config = Config(),  # noqa: B008 (a frozen value)
    probe: Probe = default_probe,
    interactive: bool | None = None,
) -> ModeChoice | str:
    """The bidi mode for this run, or the message for a bad setting (`interactive`: see `choose_mode`)."""
    try:
        resolved = resolve_setting(cli_value, os.environ, config.bidi.value)
    except ValueError as error:
        return f"reader: {error}"
    saved = saved_calibration(dict(config.calibrations), config.calibrated_bidi, terminal_identity(os.environ))
    return choose_mode(
        resolved.setting, os.environ, saved, probe, interactive=interactive, setting_source=resolved.source
    )
