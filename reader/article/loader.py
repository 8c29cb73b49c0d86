"""Loading article files: finding them in folders, reading them safely, and typing them.

This module owns the file system side: which paths are article files (`*.yaml`, `*.yml`,
found recursively, sorted, hidden entries skipped, symlink loops walked once), the size cap
checked before anything is read, and unreadable files. The YAML side is `yaml_source`; the
fields are `fields`. Nothing here raises on bad input: every problem is a `Problem`.

Problems about a whole path (missing, unreadable, too big, empty) are placed at 1:1.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from reader.article.fields import build_article
from reader.article.model import LoadResult, Problem, Severity
from reader.article.yaml_source import (
    EMPTY_FILE_MESSAGE,
    SourceError,
    compose_article_text,
    decode_article_bytes,
)

DEFAULT_MAX_SIZE = 5_000_000
"""The largest article file read, in bytes."""

ARTICLE_SUFFIXES = (".yaml", ".yml")


def size_limit(max_size: int | None) -> int:
    """The limit a `--max-size` option asks for (None: the default); ValueError when it is
    not a positive number of bytes."""
    if max_size is None:
        return DEFAULT_MAX_SIZE
    if max_size < 1:
        raise ValueError("--max-size must be a positive number of bytes")
    return max_size


def load_article(path: Path, *, max_size: int = DEFAULT_MAX_SIZE) -> LoadResult:
    """The article in one file, with every problem found; never raises on bad input."""
    try:
        data = read_article_bytes(path, max_size)
    except SourceError as error:
        return LoadResult(path, None, (_problem(path, error),))
    return parse_article_bytes(data, path)


def parse_article_bytes(data: bytes, path: Path) -> LoadResult:
    """The article in a file's bytes (already read); `path` names it in problems."""
    try:
        root = compose_article_text(decode_article_bytes(data))
    except SourceError as error:
        return LoadResult(path, None, (_problem(path, error),))
    article, problems = build_article(root, str(path), path)
    in_file_order = sorted(problems, key=lambda problem: (problem.line, problem.column))
    return LoadResult(path, article, tuple(in_file_order))


def read_article_bytes(path: Path, max_size: int) -> bytes:
    """A regular file's bytes, refused before reading when it is larger than `max_size`."""
    try:
        info = path.stat()
        _check_file_info(info, max_size)
        with path.open("rb") as stream:
            data = stream.read(info.st_size + 1)
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror or error}") from None
    if len(data) > info.st_size:
        raise SourceError("the file changed while it was read; check it again")
    return data


def _check_file_info(info: os.stat_result, max_size: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise SourceError("is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("not a regular file")
    if info.st_size > max_size:
        raise SourceError(_too_big_message(info.st_size, max_size))
    if info.st_size == 0:
        raise SourceError(EMPTY_FILE_MESSAGE)


def _too_big_message(size: int, max_size: int) -> str:
    return f"the file is {size:,} bytes, larger than the limit of {max_size:,} bytes"


def _problem(path: Path, error: SourceError, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(str(path), error.line, error.column, error.message, severity)


def load_articles(paths: Iterable[Path], *, max_size: int = DEFAULT_MAX_SIZE) -> list[LoadResult]:
    """Every article file under `paths`, loaded in order.

    A path error (missing path, unreadable folder…) comes as a result with no article; path
    warnings (an empty folder…) are left to `reader check`.
    """
    files, path_problems = find_article_files(paths)
    errors = (problem for problem in path_problems if problem.severity is Severity.ERROR)
    results = [LoadResult(Path(problem.path), None, (problem,)) for problem in errors]
    results.extend(load_article(file, max_size=max_size) for file in files)
    return results


def find_article_files(paths: Iterable[Path], *, enough: int | None = None) -> tuple[list[Path], list[Problem]]:
    """The article files named by `paths` (files as given, folders searched), and path
    problems; with `enough`, the search stops once it has found that many files."""
    finder = _ArticleFinder(enough)
    for path in paths:
        if finder.done:
            break
        finder.add(path)
    return finder.files, finder.problems


def is_article_name(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


class _ArticleFinder:
    """Walks folders depth first in name order, visiting each real folder once."""

    def __init__(self, enough: int | None = None) -> None:
        self._enough = enough
        self.files: list[Path] = []
        self.problems: list[Problem] = []
        self._seen_files: set[Path] = set()
        self._seen_folders: set[tuple[int, int]] = set()

    def add(self, path: Path) -> None:
        info = self._stat(path)
        if info is None:
            return
        if not stat.S_ISDIR(info.st_mode):
            self._add_file(path)
            return
        found_before = len(self.files)
        self._walk(path, info)
        if len(self.files) == found_before:
            self._report(path, "no article files (*.yaml, *.yml) in this folder", Severity.WARNING)

    def _stat(self, path: Path) -> os.stat_result | None:
        try:
            return path.stat()
        except FileNotFoundError:
            message = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        except OSError as error:
            message = f"cannot access: {error.strerror or error}"
        self._report(path, message)
        return None

    def _walk(self, folder: Path, info: os.stat_result) -> None:
        identity = (info.st_dev, info.st_ino)
        if identity in self._seen_folders:
            return  # a symlink loop, or a folder reached twice
        self._seen_folders.add(identity)
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError as error:
            self._report(folder, f"cannot read the folder: {error.strerror or error}")
            return
        for name in names:
            if self.done:
                return
            if not name.startswith("."):
                self._visit(folder / name)

    def _visit(self, path: Path) -> None:
        looks_like_article = is_article_name(path.name)
        if not looks_like_article and not _is_folder(path):
            return
        info = self._stat(path)
        if info is None:
            return
        if not stat.S_ISDIR(info.st_mode):
            self._add_file(path)
            return
        if looks_like_article:
            self._report(path, "is a folder, not an article file; searching inside it", Severity.WARNING)
        self._walk(path, info)

    @property
    def done(self) -> bool:
        return self._enough is not None and len(self.files) >= self._enough

    def _add_file(self, path: Path) -> None:
        if path not in self._seen_files:
            self._seen_files.add(path)
            self.files.append(path)

    def _report(self, path: Path, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(str(path), 1, 1, message, severity))


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
