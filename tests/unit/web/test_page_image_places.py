"""`reader import FILE.html`: the figures inside the article text keep their place among its
paragraphs; a picture whose place the page does not show (the lead image) gets none."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.cli import main
from tests.unit.web.page_builders import ARABIC_PARAGRAPHS, Page


def figure(name: str, caption: str) -> str:
    picture = f'<img src="https://news.example/photos/{name}.jpg">'
    return f"<figure>{picture}<figcaption>{caption} (صورة: رويترز)</figcaption></figure>"


FIRST, SECOND, THIRD = ARABIC_PARAGRAPHS
IN_ARTICLE = (
    figure("top", "مدخل المستشفى الجديد")
    + f"<p>{FIRST}</p><p>{SECOND}</p>"
    + figure("ward", "قسم الطوارئ في المستشفى")
    + f"<p>{THIRD}</p>"
    + '<div class="photo"><img src="https://news.example/photos/end.jpg">'
    + '<p class="caption">الوزير يتحدث إلى الصحفيين</p></div>'
)
LEAD = '<meta property="og:image" content="https://news.example/photos/lead.jpg">'


@pytest.fixture
def page_with_figures(tmp_path: Path) -> Path:
    path = tmp_path / "hospital.html"
    path.write_bytes(Page(paragraphs=(), in_article=IN_ARTICLE, extra_meta=[LEAD]).bytes())
    return path


def test_figures_between_paragraphs_keep_their_place(
    page_with_figures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(page_with_figures)]) == 0
    result = load_article(page_with_figures.with_suffix(".yaml"))
    assert result.problems == () and result.article is not None
    article = result.article
    assert article.body == ARABIC_PARAGRAPHS
    places = {Path(image.url or "").name: image.after for image in article.images}
    assert places == {"lead.jpg": None, "top.jpg": 0, "ward.jpg": 2, "end.jpg": 3}


def test_text_the_body_does_not_hold_is_passed_over_and_a_repeated_paragraph_gives_no_place() -> None:
    from lxml.html import document_fromstring

    from reader.web.page_images import page_images

    html = (
        f"<html><body><article><p>{FIRST}</p><p>اشترك في النشرة</p>{figure('x', 'صورة المبنى')}</article></body></html>"
    )
    tree = document_fromstring(html)
    assert [image.after for image in page_images(tree, "https://news.example/a", None, (FIRST,))] == [1]
    repeated = (FIRST, SECOND, FIRST)  # which of the two the figure follows is not clear
    assert [image.after for image in page_images(tree, "https://news.example/a", None, repeated)] == [None]


def test_a_fetched_item_keeps_the_page_figures_places_and_its_feed_photo_has_none() -> None:
    from reader.article.model import Article, Image
    from reader.web.fetch import with_page_text

    page = Article(
        title="t", body=ARABIC_PARAGRAPHS, images=(Image(caption="قسم", url="https://a.example/1.jpg", after=2),)
    )
    item = Article(title="t", body=("ملخص",), images=(Image(caption="photo", url="https://a.example/thumb.jpg"),))
    assert [image.after for image in with_page_text(item, page).images] == [2, None]
