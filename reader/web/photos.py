"""Downloading an article's photos from the web into the folder beside the article file.

`download_photos` takes each image that has a `url` and no `file`, fetches it (through the
`fetch` it is given: the reader's HTTP with its size caps and timeouts), checks the size
and the type from the first bytes (never from the address or the server's word) and writes
it as `images/<article>-<n>.<ext>`. Nothing is decoded here. A photo that cannot be had
keeps its caption and gives one line saying why; the article is never lost for a photo.

Each photo is written atomically; `durable` (fsync each photo) is for `reader import URL`,
which writes its article, durably, right after. `reader fetch` passes `durable=False`: its
one `os.sync()` before the feeds' state is saved covers the photos with the articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.article.model import Article, Image
from reader.article.urls import check_url
from reader.files import write_bytes_atomically
from reader.photos.files import HEAD_BYTES, MAX_FILE_BYTES, describe_content, sniff

Fetch = Callable[[str], bytes]
"""GET a URL and return the body; raises with a one-line message when it cannot."""


def web_fetch(client: Any = None, total_timeout: float | None = None) -> Fetch:
    """The reader's HTTP (`reader.web.http.fetch`) for photos: at most `MAX_FILE_BYTES`,
    as received and as decompressed, within `total_timeout` (default: `Limits`'); `client`
    shared with the fetch it is part of."""
    from reader.web.http import Limits, fetch

    timeout = Limits.total_timeout if total_timeout is None else total_timeout
    limits = Limits(total_timeout=timeout, max_bytes=MAX_FILE_BYTES, max_decoded_bytes=MAX_FILE_BYTES)

    def get(url: str) -> bytes:
        return fetch(url, limits=limits, client=client).body

    return get


PHOTO_FOLDER = "images"
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def download_photos(
    article: Article,
    folder: Path,
    *,
    fetch: Fetch,
    name: str = "article",
    max_bytes: int = MAX_FILE_BYTES,
    durable: bool = True,
) -> tuple[Article, list[str]]:
    """The article with `Image.file` set for each photo downloaded into `folder`
    (`folder/images/<name>-<n>.<ext>`), and one line per photo that was not; `durable`
    False leaves the sync to the caller (`write_bytes_atomically`)."""
    images: list[Image] = []
    reasons: list[str] = []
    for number, image in enumerate(article.images):
        if image.file is not None or image.url is None:
            images.append(image)
            continue
        try:
            file = _download(image.url, folder, f"{_safe(name)}-{number + 1}", fetch, max_bytes, durable)
        except PhotoNotSaved as why:
            images.append(image)
            reasons.append(f"photo {number + 1} ({image.url}): {why}")
        else:
            images.append(replace(image, file=file))
    return replace(article, images=tuple(images)), reasons


def remove_downloaded(before: Article, after: Article, folder: Path) -> None:
    """Remove the photo files `download_photos` wrote into `folder` for `after` (those
    `before` did not have): the article they were for could not be written."""
    kept = {image.file for image in before.images}
    for image in after.images:
        if image.file is not None and image.file not in kept:
            (folder / image.file).unlink(missing_ok=True)


class PhotoNotSaved(Exception):
    """Why one photo was not downloaded (one line)."""


def _download(url: str, folder: Path, stem: str, fetch: Fetch, max_bytes: int, durable: bool) -> str:
    """Fetch, check and write one photo; its file relative to `folder`."""
    check = check_url(url)
    if not check.ok:
        raise PhotoNotSaved(f"not fetched: {check.reason}")
    try:
        data = fetch(url)
    except Exception as error:  # the fetcher's own error, whatever it is: one line for the reader
        raise PhotoNotSaved(str(error).splitlines()[0] if str(error) else type(error).__name__) from error
    if len(data) > max_bytes:
        raise PhotoNotSaved(f"{len(data):,} bytes, over the limit of {max_bytes:,}")
    kind = sniff(data[:HEAD_BYTES])
    if kind is None:
        raise PhotoNotSaved(f"the server sent {describe_content(data[:HEAD_BYTES])}")
    relative = f"{PHOTO_FOLDER}/{stem}.{EXTENSIONS[kind]}"
    try:
        write_bytes_atomically(folder / relative, data, durable=durable)
    except OSError as error:
        raise PhotoNotSaved(f"cannot write {relative}: {error.strerror or error}") from error
    return relative


def _safe(name: str) -> str:
    """A file name part made of letters, digits, dots and dashes only."""
    return _UNSAFE_NAME.sub("-", name).strip(".-") or "article"
