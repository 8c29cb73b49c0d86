"""`reader import URL` downloads the page's photo beside the article; a saved page's
photos are not fetched (a file import never goes to the network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.cli import main
from tests import photo_files
from tests.unit.web.conftest import WebServer
from tests.unit.web.page_builders import Page

PHOTO_HEAD = '<meta property="og:image" content="/photo.png"><meta property="og:image:alt" content="المستشفى">'


def test_a_pages_photo_is_downloaded_beside_the_article(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    web.serve("/photo.png", photo_files.png_bytes(), content_type="image/png")
    url = web.serve("/news/hospital", Page(head=PHOTO_HEAD).bytes(), content_type="text/html; charset=utf-8")
    output = tmp_path / "hospital.yaml"
    assert main(["import", url, "-o", str(output)]) == 0
    capsys.readouterr()
    article = load_article(output).article
    assert article is not None and [image.file for image in article.images] == ["images/hospital-1.png"]
    assert (tmp_path / "images" / "hospital-1.png").read_bytes() == photo_files.png_bytes()


def test_an_imported_pages_photo_is_on_disk_before_the_article_that_names_it(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path, fsynced: set[int]
) -> None:
    web.serve("/photo.png", photo_files.png_bytes(), content_type="image/png")
    url = web.serve("/news/hospital", Page(head=PHOTO_HEAD).bytes(), content_type="text/html; charset=utf-8")
    assert main(["import", url, "-o", str(tmp_path / "hospital.yaml")]) == 0
    capsys.readouterr()
    assert (tmp_path / "images" / "hospital-1.png").stat().st_ino in fsynced


def test_a_photo_that_is_not_there_is_a_note_and_the_caption_stays(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    url = web.serve("/news/hospital", Page(head=PHOTO_HEAD).bytes(), content_type="text/html; charset=utf-8")
    output = tmp_path / "hospital.yaml"
    assert main(["import", url, "-o", str(output)]) == 0
    assert f"reader import: photo 1 ({web.url('/photo.png')}): " in capsys.readouterr().err
    article = load_article(output).article
    assert article is not None and len(article.images) == 1 and article.images[0].file is None


def test_a_saved_page_file_fetches_no_photo(capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path) -> None:
    page = tmp_path / "hospital.html"
    page.write_bytes(Page(head=PHOTO_HEAD.replace("/photo.png", web.url("/photo.png"))).bytes())
    web.serve("/photo.png", photo_files.png_bytes(), content_type="image/png")
    assert main(["import", str(page)]) == 0
    capsys.readouterr()
    assert web.requests == []


def test_when_the_article_cannot_be_written_its_downloaded_photo_is_removed(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.web.page_import.write_article", refuse)
    web.serve("/photo.png", photo_files.png_bytes(), content_type="image/png")
    url = web.serve("/news/hospital", Page(head=PHOTO_HEAD).bytes(), content_type="text/html; charset=utf-8")
    assert main(["import", url, "-o", str(tmp_path / "hospital.yaml")]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert not (tmp_path / "images" / "hospital-1.png").exists()
