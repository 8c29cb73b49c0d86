"""A server whose `Content-Type` charset lies about its bytes (its default `iso-8859-1`
on a windows-1256 site): `reader import URL` and `reader fetch` still give Arabic text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.article.model import Article
from reader.cli import main
from tests.unit.web.builders import Item, rss
from tests.unit.web.conftest import Cli, WebServer, article_files
from tests.unit.web.page_builders import ARABIC_PARAGRAPHS, Page

LYING = "text/html; charset=iso-8859-1"
META_1256 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
TITLE = "افتتاح مستشفى جديد في صفاقس"


def loaded(path: Path) -> Article:
    article = load_article(path).article
    assert article is not None
    return article


@pytest.mark.parametrize("charset_meta", [META_1256, ""], ids=["right meta", "no meta"])
def test_an_imported_page_whose_header_says_latin_reads_as_arabic(
    charset_meta: str, capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    url = web.serve("/news/hospital", Page(charset_meta=charset_meta).bytes("windows-1256"), content_type=LYING)
    output = tmp_path / "hospital.yaml"
    assert main(["import", url, "-o", str(output)]) == 0
    capsys.readouterr()
    article = loaded(output)
    assert (article.title, article.body) == (TITLE, ARABIC_PARAGRAPHS)


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-8"])
@pytest.mark.parametrize("declared", [True, False], ids=["xml declaration", "no declaration"])
def test_a_feed_and_its_page_whose_header_lies_read_as_arabic(
    declared: bool, charset: str, cli: Cli, web: WebServer, data_dir: Path
) -> None:
    web.serve("/news/1", Page(charset_meta="").bytes("windows-1256"), content_type=f"text/html; charset={charset}")
    item = Item(title=TITLE, link=web.url("/news/1"), description="<p>مستشفى جديد</p>", guid="urn:news:1")
    feed = rss("أخبار المثال", [item], encoding="windows-1256")
    if not declared:
        feed = feed.replace(b' encoding="windows-1256"', b"")
    url = web.serve("/feed.xml", feed, content_type=f"application/rss+xml; charset={charset}")
    assert cli("feeds", "add", url, "--name", "news").code == 0
    assert cli("fetch").code == 0
    [file] = article_files(data_dir, "news")
    article = loaded(file)
    assert (article.title, article.body) == (TITLE, ARABIC_PARAGRAPHS)
