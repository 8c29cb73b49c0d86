"""`reader import FILE.txt`: turn a plain-text news report into an article YAML file.

This module owns the command: reading the text file, choosing the title, writing readable
YAML (UTF-8, block style, fields in the documented order) that loads with no errors, and
never overwriting a file without --force. Which line is what is `plaintext`'s business.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from reader.article.fields import ARTICLE_FIELDS
from reader.article.loader import DEFAULT_MAX_SIZE, parse_article_bytes
from reader.article.model import Direction, Image
from reader.article.plaintext import PlainReport, read_plain_report, source_name
from reader.article.yaml_source import text_position
from reader.files import write_atomically

EXIT_OK = 0
EXIT_FAILED = 1


class ImportFailed(Exception):
    """Why an import cannot go on; the message is shown as `reader import: …`."""


class _ReadableDumper(yaml.SafeDumper):
    """Indents list items under their key (`body:\\n  - …`), as people write YAML."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def run_import(file: Path, output: Path | None, title: str | None, force: bool) -> int:
    """Import `file`; write the article to `output` (default: FILE.yaml); return the exit status."""
    try:
        target = _output_path(file, output, force)
        report = read_plain_report(read_text_file(file), find_headline=title is None)
        for warning in report.warnings:
            print(f"reader import: warning: {warning}", file=sys.stderr)
        chosen_title = _choose_title(title, report, file)
        text = article_yaml(chosen_title, report)
        _validate(text, target)
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


def article_fields(title: str, report: PlainReport) -> dict[str, Any]:
    """The article as plain data, keys in the documented order, empty fields left out."""
    fields: dict[str, Any] = {"title": title}
    if report.language is not None:
        fields["language"] = report.language
    if report.direction is not Direction.AUTO:
        fields["direction"] = report.direction.value
    if report.source_url is not None:
        fields["source"] = _source_fields(report.source_url)
    fields["body"] = list(report.paragraphs)
    if report.images:
        fields["images"] = [_image_fields(image) for image in report.images]
    return {key: fields[key] for key in ARTICLE_FIELDS if key in fields}


def _source_fields(url: str) -> dict[str, str]:
    name = source_name(url)
    return {"name": name, "url": url} if name else {"url": url}


def _image_fields(image: Image) -> dict[str, str]:
    return {"caption": image.caption, "credit": image.credit} if image.credit else {"caption": image.caption}


def article_yaml(title: str, report: PlainReport) -> str:
    """The article YAML: UTF-8 letters as themselves, block style, one paragraph per line."""
    if not report.paragraphs:
        raise ImportFailed("no paragraphs found in the text")
    return yaml.dump(
        article_fields(title, report),
        Dumper=_ReadableDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
    )


def _validate(text: str, target: Path) -> None:
    """Refuse to write YAML that the loader would not accept."""
    result = parse_article_bytes(text.encode("utf-8"), target)
    if result.errors:
        details = "; ".join(str(problem) for problem in result.errors)
        raise ImportFailed(f"the generated article does not load: {details}")
