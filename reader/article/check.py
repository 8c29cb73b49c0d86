"""`reader check PATH...`: validate article files and folders, as a linter would.

Each problem goes to stdout as `path:line:col: message` (warnings say `warning:`), then a
summary line to stderr. Exit status: 0 when every file is valid (warnings allowed); 1 when
any file has an error, a path does not exist, or no article file was found at all; 2 for
a bad --max-size. Beyond what loading finds, `check` says when an image's `file:` is not
there, and, for a file that is not named *.yaml or *.yml (a plain-text report), how to
make an article of it with `reader import`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from reader.article.loader import find_article_files, is_article_name, load_article, read_article_bytes, size_limit
from reader.article.model import Problem, Severity
from reader.article.yaml_source import (
    SourceError,
    YamlList,
    YamlMapping,
    YamlNode,
    YamlScalar,
    compose_article_text,
    decode_article_bytes,
)

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


@dataclass
class CheckTally:
    """What a check run found, for the summary line and the exit status."""

    files: int = 0
    files_with_errors: int = 0
    warnings: int = 0
    path_errors: int = 0

    @property
    def valid(self) -> bool:
        return self.files > 0 and self.files_with_errors == 0 and self.path_errors == 0

    def summary(self) -> str:
        text = f"{self.files} {_plural(self.files, 'file')} checked, {self.files_with_errors} with errors"
        if self.warnings:
            text += f", {self.warnings} {_plural(self.warnings, 'warning')}"
        return text


def run_check(paths: list[Path], max_size: int | None) -> int:
    """Check every article file under `paths`; print problems and a summary; return the exit status."""
    try:
        limit = size_limit(max_size)
    except ValueError as error:
        print(f"reader check: {error}", file=sys.stderr)
        return EXIT_USAGE
    tally = CheckTally()
    files, path_problems = find_article_files(paths)
    _report(path_problems, tally)
    tally.path_errors = sum(problem.severity is Severity.ERROR for problem in path_problems)
    for file in files:
        if not is_article_name(file.name):
            _report((_import_hint(file),), tally)
            tally.files += 1
            tally.files_with_errors += 1
            continue
        result = load_article(file, max_size=limit)
        names_files = result.article is not None and any(image.file for image in result.article.images)
        problems = (*result.problems, *missing_image_files(file, limit)) if names_files else result.problems
        _report(problems, tally)
        tally.files += 1
        tally.files_with_errors += any(problem.severity is Severity.ERROR for problem in problems)
    print(tally.summary(), file=sys.stderr)
    return EXIT_VALID if tally.valid else EXIT_INVALID


def _report(problems: tuple[Problem, ...] | list[Problem], tally: CheckTally) -> None:
    for problem in problems:
        print(problem)
        tally.warnings += problem.severity is Severity.WARNING


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _import_hint(file: Path) -> Problem:
    return Problem(
        str(file),
        1,
        1,
        f"not an article file (*.yaml, *.yml); to make an article of a plain-text report: reader import {file}",
    )


def missing_image_files(file: Path, limit: int) -> list[Problem]:
    """A warning per `images[i].file` that is not there, relative to the article's folder
    (the file is read again for the value's line and column: only when an image names a file)."""
    try:
        root = compose_article_text(decode_article_bytes(read_article_bytes(file, limit)))
    except SourceError:
        return []  # loading has said what is wrong
    problems: list[Problem] = []
    for index, node in _image_files(root):
        if not (file.parent / node.value.strip()).exists():
            message = f"images[{index}].file: {node.value.strip()} does not exist (next to the article: {file.parent})"
            problems.append(Problem(str(file), node.line, node.column, message, Severity.WARNING))
    return problems


def _image_files(root: YamlNode) -> list[tuple[int, YamlScalar]]:
    """(index, `file` value) of each of the article's images that names a file."""
    images = _value(root, "images")
    if not isinstance(images, YamlList):
        return []
    found: list[tuple[int, YamlScalar]] = []
    for index, image in enumerate(images.items):
        value = _value(image, "file")
        if isinstance(value, YamlScalar) and value.value.strip():
            found.append((index, value))
    return found


def _value(mapping: YamlNode, key: str) -> YamlNode | None:
    if not isinstance(mapping, YamlMapping):
        return None
    return next((value for name, value in mapping.pairs if isinstance(name, YamlScalar) and name.value == key), None)
