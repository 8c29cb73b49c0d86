"""The site's regions and the article's: class names on <body> and menu links do not hide the article's parts."""

from __future__ import annotations

from datetime import date

from tests.unit.web.page_builders import ARABIC_PARAGRAPHS, Page
from tests.unit.web.test_page_extract import article_of

FIGURE = '<figure><img src="/lead.jpg"><figcaption>مدخل المستشفى الجديد</figcaption></figure>'
DATELINE = '<div class="article-date">الجمعة 8 فبراير 2019</div>'
HIGHLIGHTS = '<ul class="story-highlights"><li>مئتا سرير</li><li>قسم طوارئ</li></ul>'


def test_a_sidebar_class_on_body_or_article_leaves_the_figure_date_and_highlights() -> None:
    page = Page(body_class="single right-sidebar has-comments", in_article=FIGURE + DATELINE + HIGHLIGHTS)
    page_html = page.html().replace("<article>", '<article class="post comments-open">')
    article = article_of(page_html.encode())
    assert [(image.caption, image.url) for image in article.images] == [
        ("مدخل المستشفى الجديد", "https://news.example/lead.jpg")
    ]
    assert article.published == date(2019, 2, 8)
    assert article.facts == ("مئتا سرير", "قسم طوارئ")


def test_a_heading_named_like_a_menu_link_stays_in_the_body() -> None:
    nav = '<a href="/">الرئيسية</a> <a href="/economy">الاقتصاد</a>'
    paragraphs = (ARABIC_PARAGRAPHS[0], "الاقتصاد", *ARABIC_PARAGRAPHS[1:])
    page_html = Page(nav=nav, paragraphs=paragraphs).html().replace("<p>الاقتصاد</p>", "<h2>الاقتصاد</h2>")
    assert "الاقتصاد" in article_of(page_html.encode()).body


def test_a_line_that_is_only_a_link_in_the_article_is_still_left_out() -> None:
    pointer = '<a href="/2026/12/07/school">افتتاح مدرسة جديدة في القيروان</a>'
    paragraphs = (*ARABIC_PARAGRAPHS, pointer)
    assert "افتتاح مدرسة جديدة في القيروان" not in article_of(Page(paragraphs=paragraphs)).body
