"""`reader import URL` and `reader import FILE.html`: one news page becomes one article file.

This module owns the command's side of the page import: getting the bytes (fetched with
`reader.web.http.fetch`, or read from a file within the article size limit), the output
path (`-o`; else FILE.yaml beside an HTML file, or a name made of the headline in the
current folder for a URL), the `--force` rule, `--title`, and the one-line messages. A
page that is not an article is said so, with exit 1, and nothing is written.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reader.article.model import Article
from reader.article.writer import InvalidArticle, write_article
from reader.web.page import NotAnArticle, extract_article

EXIT_OK = 0
EXIT_FAILED = 1
MAX_PAGE_BYTES = 10_000_000  # as the web fetch allows
FILE_NAME_CHARS = 80
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"})


class PageImportFailed(Exception):
    """Why the import cannot go on; shown as `reader import: …`."""


def run_page_import(source: str, output: Path | None, title: str | None, force: bool) -> int:
    """Import the page at `source` (an http(s) URL or an HTML file); return the exit status."""
    try:
        article, target = _imported(source, output, title, force)
    except PageImportFailed as failure:
        print(f"reader import: {failure}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"wrote {target}: {len(article.body)} paragraphs, {len(article.images)} images"
        f" ({article.language or 'language unknown'}, {article.direction.value})",
        file=sys.stderr,
    )
    return EXIT_OK


def _with_photos(article: Article, target: Path) -> Article:
    """The article with its photos downloaded beside `target`, over one client; a line on
    stderr for each photo that was not."""
    from reader.web.http import new_client
    from reader.web.photos import download_photos, web_fetch

    with new_client() as client:
        article, notes = download_photos(article, target.parent, fetch=web_fetch(client), name=target.stem)
    for note in notes:
        print(f"reader import: {note}", file=sys.stderr)
    return article


def _written(article: Article, with_photos: Article, target: Path) -> None:
    """Write `with_photos` to `target`; when that fails, the photos downloaded for it
    (those `article` had not) are removed."""
    from reader.web.photos import remove_downloaded

    try:
        write_article(replace(with_photos, path=target), target)
    except InvalidArticle as error:
        remove_downloaded(article, with_photos, target.parent)
        raise PageImportFailed(f"the page gives an article that does not load: {error}") from None
    except OSError as error:
        remove_downloaded(article, with_photos, target.parent)
        raise PageImportFailed(f"{target}: {error.strerror or error}") from None


def _imported(source: str, output: Path | None, title: str | None, force: bool) -> tuple[Article, Path]:
    """Read or fetch the page, make its article and write it; the article and where it went."""
    if title is not None and not title.strip():
        raise PageImportFailed("--title must not be empty")
    is_url = is_web_address(source)
    if not is_url and "://" in source:
        raise PageImportFailed(f"{source}: only http:// and https:// addresses can be imported")
    target = output if output is not None else (None if is_url else Path(source).with_suffix(".yaml"))
    if target is not None:
        _check_target(target, None if is_url else Path(source), force)
    article = _page_article(source, is_url)
    if title is not None:
        article = replace(article, title=title.strip())
    if target is None:
        target = Path(file_name_for(article.title))
        _check_target(target, None, force)
    with_photos = _with_photos(article, target) if is_url else article  # a saved file never goes to the network
    _written(article, with_photos, target)
    return with_photos, target


def is_web_address(source: str) -> bool:
    """Whether the argument names a page on the web rather than a file."""
    return re.match(r"https?://", source, re.IGNORECASE) is not None


def _page_article(source: str, is_url: bool) -> Article:
    if is_url:
        data, url, content_type = _fetched(source)
    else:
        path = Path(source)
        data, url, content_type = read_html_file(path), path.resolve().as_uri(), None
    found = extract_article(data, url, content_type=content_type, fetched=datetime.now(UTC) if is_url else None)
    if isinstance(found, NotAnArticle):
        raise PageImportFailed(f"{source}: {found.reason}; nothing written")
    return found


def _fetched(url: str) -> tuple[bytes, str, str | None]:
    from reader.web.http import FetchError, fetch, is_page_type, media_type

    try:
        response = fetch(url)
    except FetchError as error:
        raise PageImportFailed(f"{url}: {error}") from None
    content_type = response.headers.get("content-type")
    media = media_type(content_type)
    if media in FEED_TYPES:
        raise PageImportFailed(f"{url}: a feed, not a page; follow it with: reader feeds add {url}")
    if not is_page_type(content_type):
        raise PageImportFailed(f"{url}: not a web page ({media})")
    return response.body, response.url, content_type


def read_html_file(path: Path) -> bytes:
    """An HTML file's bytes, refused when over the size limit a fetched page has."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageImportFailed(f"{path}: the file is {size:,} bytes, larger than {MAX_PAGE_BYTES:,} bytes")
        return path.read_bytes()
    except OSError as error:
        raise PageImportFailed(f"{path}: {error.strerror or error}") from None


def _check_target(target: Path, source: Path | None, force: bool) -> None:
    if source is not None and target.exists() and target.resolve() == source.resolve():
        raise PageImportFailed(f"{target}: the output would overwrite the input; choose another with -o")
    if target.exists() and not force:
        raise PageImportFailed(f"{target} already exists; use --force to overwrite it")


def file_name_for(title: str) -> str:
    """A file name made of the headline's words (any script), e.g. `معارضون-يسيطرون-على.yaml`."""
    bare = "".join(character for character in title if unicodedata.category(character) != "Mn")  # no harakat
    words = re.findall(r"[^\W_]+", bare)
    name = words[0][:FILE_NAME_CHARS] if words else "article"
    for word in words[1:]:
        if len(name) + 1 + len(word) > FILE_NAME_CHARS:
            break
        name = f"{name}-{word}"
    return f"{name}.yaml"
