"""What `reader` opens and in which bidi mode, without Textual: shared by the app's launch
and `reader dump` (which prints what `reader` would show).

`plan_launch`: the whole "what to open" step of `reader [PATH]` (pure but for reading the
file system; tested on its own): one article loaded at once, or folders for the library.

`library_identities`: what the state database is told of the articles opened at once.

`choose_sources`: PATH, else the user's library (the config's folders that exist plus the
fetched articles), else `./articles`, else the bundled ones. `decide_bidi`: `--bidi`, then
`READER_BIDI`, then the config, then the terminal itself (`reader.terminal.select_mode`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reader import PACKAGE_DATA
from reader.article.identity import article_identity
from reader.article.library import Library
from reader.article.loader import DEFAULT_MAX_SIZE, find_article_files, load_articles, size_limit
from reader.article.model import Severity
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


def load_library(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Library | str:
    """The library at `path`, or the message to print when there is nothing to open."""
    if not path.exists():
        return f"reader: {path}: no such file or folder"
    library = Library.from_results(load_articles([path], max_size=max_size))
    if not library.count and not library.broken:
        return f"reader: {path}: no article files (*.yaml, *.yml) found"
    return library


def library_identities(library: Library) -> dict[str, str]:
    """Each loaded article's key and identity, for the state database (`Store.identify`):
    an article opened on its own after its file moved finds its read mark and place."""
    loaded = (index for index in range(library.count) if library.is_loaded(index))
    return {library.listings[index].key: article_identity(library.article(index)) for index in loaded}


def check_sources(paths: list[Path]) -> str | None:
    """The message to print when `paths` hold nothing to open; None when they do."""
    for path in paths:
        if not path.exists():
            return f"reader: {path}: no such file or folder"
    files, problems = find_article_files(paths, enough=1)  # one is enough to know: a 10,000-file walk is not
    if not files and not any(problem.severity is Severity.ERROR for problem in problems):
        return f"reader: {', '.join(map(str, paths))}: no article files (*.yaml, *.yml) found"
    return None


@dataclass(frozen=True)
class LaunchPlan:
    """What `reader [PATH]` opens: one article loaded at once, or folders for the library
    screen to index (`library` is then empty)."""

    library: Library
    sources: tuple[Path, ...]
    max_size: int


def plan_launch(
    path: Path | None, config: Config, cwd: Path, max_size: int | None, fetched: Path | None = None
) -> LaunchPlan | str:
    """What to open, or the message to print when there is nothing (exit code 2); `fetched`
    is the folder of the articles `reader fetch` saved. Pure but for reading the file
    system: no terminal, no state, no Textual."""
    try:
        limit = size_limit(max_size)
    except ValueError as error:
        return f"reader: {error}"
    sources = choose_sources(path, config, cwd, fetched)
    problem = check_sources(sources)
    if problem is not None:
        return problem
    if path is not None and path.is_file():
        library = load_library(path, limit)
        return library if isinstance(library, str) else LaunchPlan(library, (), limit)
    return LaunchPlan(Library(()), tuple(sources), limit)
