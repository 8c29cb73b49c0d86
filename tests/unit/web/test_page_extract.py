"""`extract_article` on small pages written here: what a reader sees of each page part."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from reader.article.model import Article, Image, Source
from reader.text.direction import Direction
from reader.web.page import NotAnArticle, extract_article
from tests.unit.web.page_builders import ARABIC_PARAGRAPHS, HEBREW_PARAGRAPHS, PERSIAN_PARAGRAPHS, Page, hebrew_page

URL = "https://news.example/2026/12/06/hospital"
FETCHED = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)


def article_of(page: Page | bytes, url: str = URL, **options: str) -> Article:
    data = page.bytes() if isinstance(page, Page) else page
    found = extract_article(data, url, fetched=FETCHED, **options)
    assert isinstance(found, Article), found
    return found


def test_a_plain_article_page_gives_its_title_body_source_and_language() -> None:
    article = article_of(Page())
    assert article.title == "افتتاح مستشفى جديد في صفاقس"  # the site name after it in <title> is gone
    assert article.body == ARABIC_PARAGRAPHS
    assert article.source == Source(url=URL, name="أخبار المثال")
    assert (article.language, article.direction) == ("ar", Direction.RTL)
    assert article.fetched == FETCHED


def test_the_canonical_address_is_the_source_url() -> None:
    page = Page(head='<link rel="canonical" href="/2026/12/06/hospital-canonical">')
    assert article_of(page, URL + "?utm_source=feed").source == Source(
        url="https://news.example/2026/12/06/hospital-canonical", name="أخبار المثال"
    )


def test_a_hebrew_page_declared_en_us_is_hebrew_and_right_to_left() -> None:
    page = hebrew_page(lang="en-us")
    article = article_of(page)
    assert (article.language, article.direction) == ("he", Direction.RTL)
    assert article.body == HEBREW_PARAGRAPHS


def test_an_arabic_page_in_windows_1256_with_its_charset_only_in_http_equiv() -> None:
    page = Page(charset_meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    article = article_of(page.bytes("windows-1256"))
    assert article.title == "افتتاح مستشفى جديد في صفاقس"
    assert article.body == ARABIC_PARAGRAPHS


def test_a_hebrew_page_in_windows_1255_whose_server_says_so() -> None:
    page = hebrew_page(charset_meta="")
    article = article_of(page.bytes("windows-1255"), content_type="text/html; charset=windows-1255")
    assert article.body == HEBREW_PARAGRAPHS


def test_persian_keeps_every_zwnj_and_the_bidi_marks() -> None:
    with_marks = (PERSIAN_PARAGRAPHS[0], "نسخه\u200f ۲.۰ \u200eGPT-4\u200e منتشر شد و کاربران آن را آزمودند؛ " * 3)
    page = Page(title="گشایش بیمارستان تازه در شیراز", paragraphs=with_marks, lang="fa")
    article = article_of(page)
    assert article.body == tuple(" ".join(paragraph.split()) for paragraph in with_marks)
    assert "\u200c" in article.body[0] and "می‌کند" in article.body[0]


def test_marks_written_as_character_references_are_kept() -> None:
    written = tuple(paragraph.replace("\u200c", "&zwnj;") for paragraph in PERSIAN_PARAGRAPHS)
    page = Page(title="گشایش بیمارستان", paragraphs=written, lang="fa")
    assert article_of(page).body == PERSIAN_PARAGRAPHS


def test_a_copyright_year_is_never_the_publication_date() -> None:
    assert article_of(Page()).published is None  # the footer says © 2013, the page says nothing else


def test_the_published_time_keeps_its_offset() -> None:
    page = Page(extra_meta=['<meta property="article:published_time" content="2026-12-06T09:45:00+03:30">'])
    assert article_of(page).published == datetime(2026, 12, 6, 9, 45, tzinfo=timezone(timedelta(hours=3, minutes=30)))


def test_json_ld_date_published_comes_first() -> None:
    script = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-12-05"}</script>'
    page = Page(head=script, extra_meta=['<meta name="date" content="2020-01-01">'])
    assert article_of(page).published == date(2026, 12, 5)


def test_a_printed_dateline_gives_the_date_with_its_gmt_offset() -> None:
    dateline = '<div class="story-timestamp">الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>'
    assert article_of(Page(in_article=dateline)).published == datetime(
        2013, 8, 28, 14, 0, tzinfo=timezone(timedelta(hours=4))
    )


def test_a_date_after_the_fetch_is_not_believed() -> None:
    page = Page(extra_meta=['<meta property="article:published_time" content="2031-01-01T00:00:00Z">'])
    assert article_of(page).published is None


def test_site_boilerplate_is_left_out() -> None:
    furniture = (
        "تابعونا على فيسبوك وتويتر",
        "شارك على واتساب",
        "عدد المشاهدات: 1520",
        "ترحب الشبكة بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها ننصحك بقراءة الإرشادات.",
        "الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.",
    )
    article = article_of(Page(paragraphs=ARABIC_PARAGRAPHS + furniture))
    assert article.body == ARABIC_PARAGRAPHS


def test_a_sentence_that_uses_a_boilerplate_word_stays() -> None:
    sentence = "شارك الرئيس في حفل الافتتاح الذي أقيم صباح اليوم بحضور عدد من الوزراء والسفراء."
    assert sentence in article_of(Page(paragraphs=(*ARABIC_PARAGRAPHS, sentence))).body


def test_the_description_is_the_summary_unless_it_says_nothing() -> None:
    described = Page(extra_meta=['<meta property="og:description" content="مستشفى جديد بمئتي سرير في الجنوب التونسي">'])
    assert article_of(described).summary == "مستشفى جديد بمئتي سرير في الجنوب التونسي"
    empty = Page(extra_meta=['<meta name="description" content="| Example News">'])
    assert article_of(empty).summary is None


def test_authors_are_people_not_the_site() -> None:
    page = Page(extra_meta=['<meta name="author" content="سامي بن علي">'])
    assert article_of(page).authors == ("سامي بن علي",)
    site_as_author = Page(extra_meta=['<meta name="author" content="أخبار المثال">'])
    assert article_of(site_as_author).authors == ()


def test_a_figure_gives_an_image_with_its_caption_credit_and_address() -> None:
    figure = (
        '<figure><img src="/photos/hospital.jpg" alt="">'
        '<figcaption>مدخل المستشفى الجديد في صفاقس <span class="credit">تصوير: منى الهادي</span></figcaption></figure>'
    )
    article = article_of(Page(in_article=figure))
    assert article.images == (
        Image(
            caption="مدخل المستشفى الجديد في صفاقس",
            credit="تصوير: منى الهادي",
            url="https://news.example/photos/hospital.jpg",
            after=0,  # before the first paragraph
        ),
    )


def test_a_bracketed_credit_in_a_figcaption_is_split_off() -> None:
    figure = (
        '<figure><img data-src="https://cdn.example/a.jpg">'
        "<figcaption>الوزير يقص الشريط (صورة: وكالة الأنباء)</figcaption></figure>"
    )
    assert article_of(Page(in_article=figure)).images == (
        Image(caption="الوزير يقص الشريط", credit="صورة: وكالة الأنباء", url="https://cdn.example/a.jpg", after=0),
    )


def test_the_og_image_is_the_lead_image_captioned_by_its_alt_text() -> None:
    page = Page(
        extra_meta=[
            '<meta property="og:image" content="https://cdn.example/lead.jpg">',
            '<meta property="og:image:alt" content="المستشفى من الخارج">',
        ]
    )
    assert article_of(page).images == (Image(caption="المستشفى من الخارج", url="https://cdn.example/lead.jpg"),)


def test_an_uncaptioned_figure_and_figures_in_related_links_are_left_out() -> None:
    bare = '<figure><img src="/a.jpg"></figure>'
    related = '<aside><figure><img src="/b.jpg"><figcaption>خبر آخر</figcaption></figure></aside>'
    assert article_of(Page(in_article=bare, after_article=related)).images == ()


def test_stated_highlights_become_facts_and_nothing_else_does() -> None:
    highlights = '<ul class="story-highlights"><li>مئتا سرير</li><li>قسم طوارئ يعمل على مدار الساعة</li></ul>'
    assert article_of(Page(in_article=highlights)).facts == ("مئتا سرير", "قسم طوارئ يعمل على مدار الساعة")
    headed = "<h3>أبرز النقاط</h3><ul><li>مئتا سرير</li></ul>"
    assert article_of(Page(in_article=headed)).facts == ("مئتا سرير",)
    assert article_of(Page()).facts == ()


def test_a_wall_of_links_is_not_an_article() -> None:
    links = "".join(
        f'<li><a href="/news/{n}">عنوان الخبر رقم {n} عن الأحداث الجارية في المنطقة</a></li>' for n in range(48)
    )
    page = Page(paragraphs=(), in_article=f"<ul>{links}</ul>")
    found = extract_article(page.bytes(), URL)
    assert isinstance(found, NotAnArticle)
    assert found.reason.startswith("a list of ") and found.reason.endswith(" links, not an article")


def test_a_forum_listing_is_not_an_article() -> None:
    rows = "".join(
        f'<tr><td><a href="/thread/{n}">موضوع رقم {n}: سؤال عن تسجيل السيارات</a></td><td>{n} ردود</td></tr>'
        for n in range(30)
    )
    page = Page(title="منتدى السيارات", paragraphs=(), in_article=f"<table>{rows}</table>")
    found = extract_article(page.bytes(), URL)
    assert isinstance(found, NotAnArticle) and "links, not an article" in found.reason


def test_a_video_page_with_no_text_is_not_an_article() -> None:
    player = '<iframe src="https://www.youtube.com/embed/abc"></iframe><p>فيديو</p>'
    page = Page(paragraphs=(), in_article=player, extra_meta=['<meta property="og:type" content="video.other">'])
    assert extract_article(page.bytes(), URL) == NotAnArticle("a video page with no text")


@pytest.mark.parametrize("data", [b"", b"   ", b"<html></html>"])
def test_an_empty_page_is_not_an_article(data: bytes) -> None:
    assert isinstance(extract_article(data, URL), NotAnArticle)


def test_a_byline_paragraph_names_the_author_and_leaves_the_body() -> None:
    article = article_of(Page(paragraphs=("بقلم سامي بن علي", *ARABIC_PARAGRAPHS)))
    assert (article.authors, article.body) == (("سامي بن علي",), ARABIC_PARAGRAPHS)


def test_a_short_first_sentence_is_no_byline() -> None:
    first = "كتب الوزير رسالة إلى النواب"
    article = article_of(Page(paragraphs=(first, *ARABIC_PARAGRAPHS)))
    assert (article.authors, article.body[0]) == ((), first)


def test_a_site_with_no_name_is_named_by_its_host() -> None:
    assert article_of(Page(site_name=None), "https://www.news.example/a").source == Source(
        url="https://www.news.example/a", name="news.example"
    )


def test_a_today_widget_above_the_headline_is_not_the_date() -> None:
    widget = '<div id="date-widget">الأربعاء 19 فبراير 2020</div>'
    dateline = '<div class="article-date">الجمعة 8 فبراير 2019</div>'
    assert article_of(Page(before_article=widget, in_article=dateline)).published == date(2019, 2, 8)


def test_highlighted_stories_are_no_facts() -> None:
    stories = (
        '<ul class="highlighted-stories"><li><a href="/1">خبر آخر عن الصحة</a></li><li><a href="/2">خبر</a></li></ul>'
    )
    assert article_of(Page(in_article=stories)).facts == ()


def test_an_xhtml_page_declares_its_encoding_in_the_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="windows-1256"?>\n' + Page(charset_meta="").html()
    assert article_of(page.encode("windows-1256")).body == ARABIC_PARAGRAPHS


def test_a_jalali_publication_time_is_read_as_the_local_time_it_is() -> None:
    page = Page(
        title="گشایش بیمارستان تازه در شیراز",
        paragraphs=PERSIAN_PARAGRAPHS,
        lang="fa",
        extra_meta=['<meta property="article:published_time" content="۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹">'],
    )
    assert article_of(page).published == datetime(2020, 5, 10, 18, 59)


def test_a_short_brief_on_a_site_with_a_menu_is_too_short_not_a_link_list() -> None:
    menu = " ".join(f'<a href="/section/{n}">قسم {n}</a>' for n in range(12))
    brief = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في صفاقس يضم مئتي سرير وقسما للطوارئ."
    found = extract_article(Page(paragraphs=(brief,), nav=menu).bytes(), URL)
    assert isinstance(found, NotAnArticle) and found.reason.startswith("too little text for an article")


def test_zwnj_is_kept_in_the_title_summary_and_captions_too() -> None:
    title = "بیمارستانی که شبانه‌روز کار می‌کند"
    page = Page(
        title=title,
        paragraphs=PERSIAN_PARAGRAPHS,
        lang="fa",
        extra_meta=[
            '<meta property="og:description" content="بیمارستان تازهٔ شیراز شبانه‌روز به بیماران خدمت می‌دهد">',
            '<meta property="og:image" content="https://cdn.example/a.jpg">',
            '<meta property="og:image:alt" content="ورودی بیمارستان که هنوز ساخته می‌شود">',
        ],
    )
    article = article_of(page)
    assert article.title == title
    assert article.summary == "بیمارستان تازهٔ شیراز شبانه‌روز به بیماران خدمت می‌دهد"
    assert article.images[0].caption == "ورودی بیمارستان که هنوز ساخته می‌شود"


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضًا: وزير الصحة يزور المستشفى",
        "الكلمات المفتاحية: صحة، مستشفيات",
        "ما را در اینستاگرام دنبال کنید",
        "کد خبر: ۷۳۴۹۹۲۶",
        "انتهای پیام/",
        "ہمیں فالو کریں",
        "مزید پڑھیں",
        "تبصرے (4)",
        "עקבו אחרינו בטוויטר",
        "הצטרפו לערוץ הטלגרם שלנו",
        "Share on WhatsApp",
        "1,204 views",
    ],
)
def test_each_kind_of_site_line_is_left_out(line: str) -> None:
    assert article_of(Page(paragraphs=(*ARABIC_PARAGRAPHS[:2], line, ARABIC_PARAGRAPHS[2]))).body == ARABIC_PARAGRAPHS


def test_an_urdu_dateline_is_read() -> None:
    dateline = '<span class="date">اتوار 12 جنوری 2025</span>'
    assert article_of(Page(in_article=dateline)).published == date(2025, 1, 12)


def test_a_credit_beside_the_caption_and_a_picture_source_are_read() -> None:
    figure = (
        '<figure><picture><source srcset="https://cdn.example/b.webp 1x, https://cdn.example/b2.webp 2x">'
        '<img alt="الوزير في المستشفى"></picture><span class="photo-credit">تصوير: منى الهادي</span></figure>'
    )
    assert article_of(Page(in_article=figure)).images == (
        Image(caption="الوزير في المستشفى", credit="تصوير: منى الهادي", url="https://cdn.example/b.webp", after=0),
    )


def test_a_related_stories_list_at_the_end_is_left_out() -> None:
    related = (
        "<h3>مواضيع ذات صلة</h3><ul>"
        '<li><a href="/news/1">وزير الصحة يتفقد المستشفيات الجهوية في الجنوب</a></li>'
        '<li><a href="/news/2">افتتاح قسم جديد للأطفال في مستشفى القيروان</a></li></ul>'
    )
    page = Page(paragraphs=(*ARABIC_PARAGRAPHS, related))
    assert article_of(page).body == ARABIC_PARAGRAPHS


@pytest.mark.parametrize(
    "declared",
    [
        "افتتاح مستشفى جديد في صفاقس | أخبار المثال",
        "أخبار المثال - افتتاح مستشفى جديد في صفاقس",
        "افتتاح مستشفى جديد في صفاقس — news.example",
    ],
)
def test_the_site_name_before_or_after_a_declared_title_goes(declared: str) -> None:
    page = Page(extra_meta=[f'<meta property="og:title" content="{declared}">'])
    assert article_of(page).title == "افتتاح مستشفى جديد في صفاقس"


def test_a_dash_inside_a_headline_stays() -> None:
    title = "غزة - قصف إسرائيلي على المستشفى الأهلي"
    assert article_of(Page(title=title)).title == title


def test_a_picture_with_a_caption_beside_it_outside_a_figure() -> None:
    photo = (
        '<div class="article-photo"><img src="/photos/ward.jpg">'
        '<p class="photo-caption">جناح الأطفال في المستشفى (صورة: منى الهادي)</p></div>'
    )
    assert article_of(Page(in_article=photo)).images == (
        Image(
            caption="جناح الأطفال في المستشفى",
            credit="صورة: منى الهادي",
            url="https://news.example/photos/ward.jpg",
            after=0,
        ),
    )


def test_a_forum_thread_is_not_an_article_however_much_text_it_has() -> None:
    page = Page(extra_meta=['<meta name="generator" content="vBulletin 4.2.5">'])
    assert extract_article(page.bytes(), URL) == NotAnArticle("a forum page, not an article")


@pytest.mark.parametrize(
    ("printed", "caption", "credit"),
    [
        ("الوزير يقص الشريط (رويترز)", "الوزير يقص الشريط", "رويترز"),
        ("الوزير يقص الشريط. تصوير: منى الهادي", "الوزير يقص الشريط", "تصوير: منى الهادي"),
        ("ورودی بیمارستان (عکس: ایرنا)", "ورودی بیمارستان", "عکس: ایرنا"),
        ("השר בבית החולים (צילום: פלאש 90)", "השר בבית החולים", "צילום: פלאש 90"),
        ("الوزير يقص الشريط (في صفاقس)", "الوزير يقص الشريط (في صفاقس)", None),
    ],
)
def test_a_credit_printed_in_the_caption_is_split_off(printed: str, caption: str, credit: str | None) -> None:
    figure = f'<figure><img src="/a.jpg"><figcaption>{printed}</figcaption></figure>'
    image = article_of(Page(in_article=figure)).images[0]
    assert (image.caption, image.credit) == (caption, credit)


def test_the_articles_own_header_holds_its_dateline_and_lead_photo() -> None:
    header = (
        '<header><time class="published">28 آب 2013 14:00 GMT+0400</time>'
        '<figure><img src="/lead.jpg"><figcaption>مدخل المستشفى</figcaption></figure></header>'
    )
    article = article_of(Page(in_article=header))
    assert article.published == datetime(2013, 8, 28, 14, 0, tzinfo=timezone(timedelta(hours=4)))
    assert article.images == (Image(caption="مدخل المستشفى", url="https://news.example/lead.jpg", after=0),)
