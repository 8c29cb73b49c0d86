"""`reader fetch` downloads each item's photos beside its article file; a photo that is
not an image, or not there, leaves the caption and a note; `--no-photos` downloads none."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_the_photos_are_not_synced_one_by_one_the_fetchs_one_sync_covers_them(
    cli: Cli, photo_feed: str, data_dir: Path, fsynced: set[int]
) -> None:
    assert cli("fetch", "--no-full-text").code == 0
    photos = list((data_dir / "articles" / "news" / "images").iterdir())
    assert photos and not {photo.stat().st_ino for photo in photos} & fsynced


def test_no_photos_downloads_none(cli: Cli, photo_feed: str, web: WebServer, data_dir: Path) -> None:
    assert cli("fetch", "--no-full-text", "--no-photos").code == 0
    assert not any(request.path.startswith(("/photo", "/page")) for request in web.requests)
    assert all(file is None for article in article_files(data_dir, "news") for file in photo_files_of(article))


def test_in_a_process_of_its_own_the_workers_leave_the_photos_to_the_feeds_thread(
    cli: Cli, photo_feed: str, web: WebServer, data_dir: Path
) -> None:
    """`reader fetch` from a shell parses and writes in worker processes (it runs no other
    thread when it forks them); an item with photos is written once they are downloaded."""
    web.serve(
        "/plain.xml", rss("بلا صور", [Item(f"خبر {n}", web.url(f"/p/{n}"), "نص", guid=f"urn:p{n}") for n in range(3)])
    )
    assert cli("feeds", "add", web.url("/plain.xml"), "--name", "plain").code == 0
    env = {**os.environ, "READER_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "reader", "fetch", "--no-full-text", "--jobs", "2"]
    ran = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert "news: 2 new" in ran.stdout and "plain: 3 new" in ran.stdout
    saved = [file for article in article_files(data_dir, "news") for file in photo_files_of(article)]
    assert saved.count(None) == 1 and len(saved) == 2
    assert len(article_files(data_dir, "plain")) == 3
    assert cli("check", str(data_dir / "articles")).code == 0
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert again.stdout.splitlines() == ["news: 0 new", "plain: 0 new"]


def test_when_an_article_cannot_be_written_its_downloaded_photos_are_removed(
    cli: Cli, photo_feed: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.web.fetch.write_article", refuse)
    ran = cli("fetch", "--no-full-text")
    assert "No space left on device" in ran.out
    assert list((data_dir / "articles").rglob("*.png")) == []
