"""Downloading an article's photos: saved beside the article when they are images, a
one-line reason (and the caption kept) when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.model import Article, Image
from reader.web.photos import download_photos
from tests import photo_files

PHOTO_URL = "https://example.com/delegates.png"


def article_with(*images: Image) -> Article:
    return Article(title="A title", body=("A paragraph.",), images=images)


class FakeWeb:
    """The fetcher: answers from a table of URL -> body; raises for anything else."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.asked.append(url)
        if url not in self.pages:
            raise OSError("HTTP 404 Not Found")
        return self.pages[url]


@pytest.fixture
def web() -> FakeWeb:
    return FakeWeb({PHOTO_URL: photo_files.png_bytes(), "https://example.com/page.jpg": b"<!DOCTYPE html><html>"})


def test_a_photo_is_saved_beside_the_article_and_named_in_it(tmp_path: Path, web: FakeWeb) -> None:
    article, reasons = download_photos(article_with(Image("Delegates", url=PHOTO_URL)), tmp_path, fetch=web, name="x")
    assert reasons == []
    assert article.images[0].file == "images/x-1.png"
    assert (tmp_path / "images" / "x-1.png").read_bytes() == photo_files.png_bytes()


def test_html_named_jpg_is_not_saved(tmp_path: Path, web: FakeWeb) -> None:
    url = "https://example.com/page.jpg"
    article, reasons = download_photos(article_with(Image("Page", url=url)), tmp_path, fetch=web)
    assert article.images[0].file is None and article.images[0].caption == "Page"
    assert reasons == [f"photo 1 ({url}): the server sent an HTML page"]
    assert not (tmp_path / "images").exists()


def test_a_fetch_error_is_the_reason(tmp_path: Path, web: FakeWeb) -> None:
    url = "https://example.com/gone.jpg"
    article, reasons = download_photos(article_with(Image("Gone", url=url)), tmp_path, fetch=web)
    assert reasons == [f"photo 1 ({url}): HTTP 404 Not Found"]
    assert article.images[0].file is None


def test_too_big_a_photo_is_not_saved(tmp_path: Path) -> None:
    fetch = FakeWeb({PHOTO_URL: b"\x89PNG\r\n\x1a\n" + b"\0" * 1992})
    _, reasons = download_photos(article_with(Image("Big", url=PHOTO_URL)), tmp_path, fetch=fetch, max_bytes=1000)
    assert reasons == [f"photo 1 ({PHOTO_URL}): 2,000 bytes, over the limit of 1,000"]
    assert not (tmp_path / "images").exists()


def test_photos_with_a_file_or_without_a_url_are_left_alone(tmp_path: Path, web: FakeWeb) -> None:
    images = (Image("Here", file="images/here.jpg", url=PHOTO_URL), Image("No address"))
    article, reasons = download_photos(article_with(*images), tmp_path, fetch=web)
    assert article.images == images and reasons == [] and web.asked == []


def test_a_non_web_address_is_not_fetched(tmp_path: Path, web: FakeWeb) -> None:
    _, reasons = download_photos(article_with(Image("Local", url="file:///etc/passwd")), tmp_path, fetch=web)
    assert web.asked == [] and len(reasons) == 1 and "not fetched" in reasons[0]


def test_the_name_cannot_leave_the_folder(tmp_path: Path, web: FakeWeb) -> None:
    article, _ = download_photos(article_with(Image("D", url=PHOTO_URL)), tmp_path, fetch=web, name="../../etc/x")
    assert article.images[0].file == "images/etc-x-1.png"
