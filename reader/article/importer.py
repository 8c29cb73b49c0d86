"""`reader import FILE.txt`: turn a plain-text news report into an article YAML file.

This module owns the command: reading the text file, choosing the title, writing readable
YAML (UTF-8, block style, fields in the documented order) that loads with no errors, and
never overwriting a file without --force. Which line is what is `plaintext`'s business.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from reader.article.loader import DEFAULT_MAX_SIZE
from reader.article.model import Article, Source
from reader.article.plaintext import PlainReport, read_plain_report, source_name
from reader.article.writer import InvalidArticle, article_yaml
from reader.article.yaml_source import text_position, wide_encoding
from reader.files import write_atomically

EXIT_OK = 0
EXIT_FAILED = 1


class ImportFailed(Exception):
    """Why an import cannot go on; the message is shown as `reader import: …`."""


def run_import(file: Path, output: Path | None, title: str | None, force: bool) -> int:
    """Import `file`; write the article to `output` (default: FILE.yaml); return the exit status."""
    try:
        target = _output_path(file, output, force)
        report = read_plain_report(read_text_file(file), find_headline=title is None)
        for warning in report.warnings:
            print(f"reader import: warning: {warning}", file=sys.stderr)
        chosen_title = _choose_title(title, report, file)
        text = report_yaml(chosen_title, report, target)
        write_atomically(target, text)
    except ImportFailed as failure:
        print(f"reader import: {failure}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {target}: {len(report.paragraphs)} paragraphs, {len(report.images)} images", file=sys.stderr)
    return EXIT_OK


def read_text_file(file: Path) -> str:
    """A UTF-8 text file's content (a BOM is dropped), within the article size limit."""
    try:
        size = file.stat().st_size
        if size > DEFAULT_MAX_SIZE:
            raise ImportFailed(f"{file}: the file is {size:,} bytes, larger than {DEFAULT_MAX_SIZE:,} bytes")
        data = file.read_bytes()
    except OSError as error:
        raise ImportFailed(f"{file}: {error.strerror or error}") from None
    encoding = wide_encoding(data)
    if encoding is not None:
        raise ImportFailed(
            f"{file}: the file is {encoding} (it starts with a {encoding} byte order mark); "
            "save it as UTF-8 and import it again"
        )
    if b"\x00" in data:
        raise ImportFailed(
            f"{file}: the file holds NUL bytes: is it UTF-16 without a byte order mark? save it as UTF-8"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        valid_prefix = data[: error.start].decode("utf-8-sig")
        line, column = text_position(valid_prefix, len(valid_prefix))
        raise ImportFailed(f"{file}:{line}:{column}: not UTF-8 text (byte 0x{data[error.start]:02x})") from None


def _output_path(file: Path, output: Path | None, force: bool) -> Path:
    target = output if output is not None else file.with_suffix(".yaml")
    if target.exists() and target.resolve() == file.resolve():
        raise ImportFailed(f"{target}: the output would overwrite the input; choose another with -o")
    if target.exists() and not force:
        raise ImportFailed(f"{target} already exists; use --force to overwrite it")
    return target


def _choose_title(title: str | None, report: PlainReport, file: Path) -> str:
    if title is not None:
        if not title.strip():
            raise ImportFailed("--title must not be empty")
        return title.strip()
    if report.headline is not None:
        return report.headline
    print(
        f"reader import: warning: {file} has no headline line; using {file.stem!r} as the title "
        "(give one with --title)",
        file=sys.stderr,
    )
    return file.stem


def report_article(title: str, report: PlainReport) -> Article:
    """The article a plain-text report makes, titled `title`."""
    url = report.source_url
    return Article(
        title=title,
        body=tuple(report.paragraphs),
        language=report.language,
        direction=report.direction,
        source=Source(url=url, name=source_name(url)) if url is not None else None,
        images=tuple(report.images),
    )


def report_yaml(title: str, report: PlainReport, target: Path) -> str:
    """The article YAML of the report; `ImportFailed` when it would not load back."""
    if not report.paragraphs:
        raise ImportFailed("no paragraphs found in the text")
    try:
        return article_yaml(replace(report_article(title, report), path=target))
    except InvalidArticle as error:
        raise ImportFailed(f"the generated article does not load: {error}") from None
