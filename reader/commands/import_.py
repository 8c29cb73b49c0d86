"""`reader import SOURCE`: turn a news report (plain text), a saved page or a page on the web into article YAML.

A plain-text file goes to `reader.article.importer`; an http(s) address, a `.html`/`.htm`
file or a file whose first bytes are HTML goes to `reader.web.page_import`, which is
imported only then (the web stack never loads for a text import).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
SNIFF_BYTES = 1024
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader import",
        description="Turn a news report (plain text), a saved news page (HTML) or a page on the web into article YAML.",
    )
    parser.add_argument("source", metavar="FILE.txt|FILE.html|URL")
    parser.add_argument(
        "-o", "--output", type=Path, help="where to write (default: FILE.yaml; for a URL, the headline)"
    )
    parser.add_argument("--title", help="the article's title (default: a headline first line, or the page's)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    return parser


def run(args: argparse.Namespace) -> int:
    source: str = args.source
    if _is_page(source):
        from reader.web.page_import import run_page_import

        return run_page_import(source, output=args.output, title=args.title, force=args.force)
    from reader.article.importer import run_import

    return run_import(Path(source), output=args.output, title=args.title, force=args.force)


def _is_page(source: str) -> bool:
    """An http(s) address (or any `scheme://`, refused there), or a file that is HTML by name or content."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", source):
        return True
    path = Path(source)
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False  # the text import reports the missing or unreadable file
    return _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")) is not None
