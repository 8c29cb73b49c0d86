"""`reader check PATH...`: validate article files and folders, as a linter would.

Each problem goes to stdout as `path:line:col: message` (warnings say `warning:`), then a
summary line to stderr. Exit status: 0 when every file is valid (warnings allowed); 1 when
any file has an error, a path does not exist, or no article file was found at all; 2 for
a bad --max-size.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from reader.article.loader import find_article_files, load_article, size_limit
from reader.article.model import Problem, Severity

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
        problems = load_article(file, max_size=limit, check_files=True).problems
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
