"""`reader import URL` and `reader import FILE.html`: what a user runs, sees and gets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.article.model import Article
from reader.cli import main
from reader.text.direction import Direction
from reader.web.page_import import file_name_for
from tests.unit.web.conftest import WebServer
from tests.unit.web.page_builders import ARABIC_PARAGRAPHS, Page

TITLE = "افتتاح مستشفى جديد في صفاقس"


def run_import(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    status = main(["import", *map(str, args)])
    return status, capsys.readouterr().err


def loaded(path: Path) -> Article:
    result = load_article(path)
    assert result.problems == () and result.article is not None
    return result.article


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "hospital.html"
    path.write_bytes(Page().bytes())
    return path


@pytest.fixture
def link_wall() -> bytes:
    links = "".join(f'<li><a href="/news/{n}">عنوان الخبر رقم {n} عن الأحداث الجارية</a></li>' for n in range(40))
    return Page(paragraphs=(), in_article=f"<ul>{links}</ul>").bytes()


def test_an_html_file_becomes_an_article_beside_it(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    status, err = run_import(capsys, page_file)
    output = page_file.with_suffix(".yaml")
    assert (status, err) == (0, f"wrote {output}: 3 paragraphs, 0 images (ar, rtl)\n")
    article = loaded(output)
    assert (article.title, article.body, article.direction) == (TITLE, ARABIC_PARAGRAPHS, Direction.RTL)
    assert article.fetched is None  # read from a file, not fetched


def test_html_is_recognised_by_its_content_whatever_the_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    saved = tmp_path / "saved-page"
    saved.write_bytes(b"\xef\xbb\xbf  <!-- saved -->\n" + Page().bytes())
    status, _ = run_import(capsys, saved, "-o", tmp_path / "out.yaml")
    assert status == 0 and loaded(tmp_path / "out.yaml").title == TITLE


def test_a_plain_text_file_still_goes_to_the_text_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("عنوان التقرير\nفقرة أولى من التقرير.\n", encoding="utf-8")
    status, err = run_import(capsys, report)
    assert (status, err) == (0, f"wrote {report.with_suffix('.yaml')}: 1 paragraphs, 0 images\n")


def test_output_title_and_force_follow_the_text_import_rules(
    capsys: pytest.CaptureFixture[str], page_file: Path
) -> None:
    output = page_file.parent / "chosen.yaml"
    output.write_text("keep me\n", encoding="utf-8")
    status, err = run_import(capsys, page_file, "-o", output)
    assert (status, err) == (1, f"reader import: {output} already exists; use --force to overwrite it\n")
    assert output.read_text(encoding="utf-8") == "keep me\n"
    status, _ = run_import(capsys, page_file, "-o", output, "--force", "--title", "عنوان آخر")
    assert status == 0 and loaded(output).title == "عنوان آخر"


def test_a_page_that_is_not_an_article_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, link_wall: bytes
) -> None:
    page = tmp_path / "front.html"
    page.write_bytes(link_wall)
    status, err = run_import(capsys, page)
    assert status == 1
    assert err.startswith(f"reader import: {page}: a list of ") and err.endswith(
        " links, not an article; nothing written\n"
    )
    assert list(tmp_path.iterdir()) == [page]


def test_a_url_is_fetched_and_saved_under_its_headline(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = Page(charset_meta="", head='<link rel="canonical" href="/news/hospital">')
    url = web.serve("/news/hospital", page.bytes("windows-1256"), content_type="text/html; charset=windows-1256")
    monkeypatch.chdir(tmp_path)
    status, err = run_import(capsys, f"{url}?from=feed")
    output = Path("افتتاح-مستشفى-جديد-في-صفاقس.yaml")
    assert (status, err) == (0, f"wrote {output}: 3 paragraphs, 0 images (ar, rtl)\n")
    article = loaded(tmp_path / output)
    assert article.body == ARABIC_PARAGRAPHS
    assert article.source is not None and article.source.url == web.url("/news/hospital")
    assert article.fetched is not None
    assert "rtl-news-reader" in web.requests[0].headers["user-agent"]


def test_a_url_that_fails_says_why_in_one_line(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    url = web.serve("/gone", "", status=404, content_type="text/html")
    status, err = run_import(capsys, url, "-o", tmp_path / "out.yaml")
    assert (status, err) == (1, f"reader import: {url}: the server answered 404 Not Found\n")
    assert not (tmp_path / "out.yaml").exists()


def test_a_url_that_is_not_a_page_is_refused(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    url = web.serve("/photo.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    status, err = run_import(capsys, url, "-o", tmp_path / "out.yaml")
    assert (status, err) == (1, f"reader import: {url}: not a web page (image/jpeg)\n")


def test_a_url_to_a_link_wall_writes_nothing(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path, link_wall: bytes
) -> None:
    url = web.serve("/", link_wall, content_type="text/html; charset=utf-8")
    status, err = run_import(capsys, url, "-o", tmp_path / "out.yaml")
    assert status == 1 and "links, not an article; nothing written" in err
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("address", ["ftp://news.example/page.html", "file:///etc/passwd"])
def test_only_http_addresses_are_imported(capsys: pytest.CaptureFixture[str], address: str) -> None:
    status, err = run_import(capsys, address)
    assert (status, err) == (1, f"reader import: {address}: only http:// and https:// addresses can be imported\n")


def test_the_text_import_does_not_load_the_web_stack(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("عنوان التقرير\nفقرة أولى من التقرير.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"assert main(['import', {str(report)!r}]) == 0\n"
        "loaded = [m for m in ('trafilatura', 'lxml', 'httpx', 'charset_normalizer') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_reading_checking_and_dumping_never_load_the_page_stack() -> None:
    code = (
        "import sys\n"
        "import reader.cli, reader.commands.check, reader.commands.dump, reader.commands.read\n"
        "import reader.commands.import_\n"
        "stack = ('trafilatura', 'lxml', 'httpx', 'charset_normalizer', 'reader.web.page')\n"
        "assert not [m for m in stack if m in sys.modules], [m for m in stack if m in sys.modules]\n"
        "import reader.web.page, reader.web.page_import\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'the page import loads Textual'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_saved_page_keeps_its_canonical_address_as_the_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_bytes(Page(site_name=None, head='<link rel="canonical" href="https://www.news.example/a/1">').bytes())
    status, _ = run_import(capsys, saved)
    source = loaded(saved.with_suffix(".yaml")).source
    assert status == 0 and source is not None
    assert (source.name, source.url) == ("news.example", "https://www.news.example/a/1")


def test_a_feed_address_is_pointed_to_reader_feeds_add(
    capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    url = web.serve("/rss.xml", "<rss version='2.0'><channel/></rss>")
    status, err = run_import(capsys, url, "-o", tmp_path / "out.yaml")
    assert (status, err) == (1, f"reader import: {url}: a feed, not a page; follow it with: reader feeds add {url}\n")


def test_a_folder_that_cannot_be_written_is_one_line(
    capsys: pytest.CaptureFixture[str], page_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    status, err = run_import(capsys, page_file, "-o", blocker / "out.yaml")
    assert status == 1 and err.startswith(f"reader import: {blocker / 'out.yaml'}: ") and err.count("\n") == 1


def test_the_real_command_imports_a_page_from_a_local_server(web: WebServer, tmp_path: Path) -> None:
    url = web.serve("/news/hospital", Page().bytes(), content_type="text/html; charset=utf-8")
    output = tmp_path / "hospital.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", url, "-o", str(output)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == f"wrote {output}: 3 paragraphs, 0 images (ar, rtl)\n"
    assert loaded(output).title == TITLE


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("شعر وردي يُشعل السخرية… لغز لون شعر", "شعر-وردي-يشعل-السخرية-لغز-لون-شعر.yaml"),  # harakat and punctuation go
        ("می‌کند: «خبر»", "می-کند-خبر.yaml"),
        ("x" * 200, "x" * 80 + ".yaml"),
        ("!!!", "article.yaml"),
    ],
)
def test_a_url_is_saved_under_a_name_made_of_its_headline(title: str, name: str) -> None:
    assert file_name_for(title) == name
