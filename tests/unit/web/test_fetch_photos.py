"""`reader fetch` downloads each item's photos beside its article file; a photo that is
not an image, or not there, leaves the caption and a note; `--no-photos` downloads none."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.loader import load_article
from tests import photo_files
from tests.unit.web.builders import Item, rss
from tests.unit.web.conftest import Cli, WebServer, article_files


@pytest.fixture
def photo_feed(cli: Cli, web: WebServer) -> str:
    """A followed feed of two items: one with a photo the server has, one with an HTML page as its photo."""
    web.serve("/photo.png", photo_files.png_bytes(), content_type="image/png")
    web.serve("/page.jpg", "<!DOCTYPE html><html><body>gone</body></html>", content_type="image/jpeg")
    items = [
        Item(
            title=f"خبر رقم {number}",
            link=web.url(f"/news/{number}"),
            description=f"<p>الفقرة الأولى من الخبر {number}.</p>",
            guid=web.url(f"/id/{number}"),
            extra=f'<media:content url="{web.url(photo)}" medium="image"/>',
        )
        for number, photo in ((2, "/page.jpg"), (1, "/photo.png"))
    ]
    url = web.serve("/feed.xml", rss("أخبار", items))
    assert cli("feeds", "add", url, "--name", "news").code == 0
    return url


def photo_files_of(article: Path) -> list[str | None]:
    loaded = load_article(article).article
    assert loaded is not None
    return [image.file for image in loaded.images]


def test_photos_are_saved_beside_the_articles(cli: Cli, photo_feed: str, web: WebServer, data_dir: Path) -> None:
    ran = cli("fetch", "--no-full-text")
    assert ran.code == 0
    assert "photo 1 (" in ran.out and "/page.jpg): the server sent an HTML page" in ran.out
    files = article_files(data_dir, "news")
    saved = [file for article in files for file in photo_files_of(article)]
    assert saved.count(None) == 1  # the HTML "photo": caption kept, no file
    [name] = [file for file in saved if file is not None]
    photo = files[0].parent / name
    assert photo.read_bytes() == photo_files.png_bytes()
    assert cli("check", str(data_dir / "articles")).code == 0


def test_no_photos_downloads_none(cli: Cli, photo_feed: str, web: WebServer, data_dir: Path) -> None:
    assert cli("fetch", "--no-full-text", "--no-photos").code == 0
    assert not any(request.path.startswith(("/photo", "/page")) for request in web.requests)
    assert all(file is None for article in article_files(data_dir, "news") for file in photo_files_of(article))
