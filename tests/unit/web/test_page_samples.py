"""`reader import` of the real pages in ../shared/web-samples: the article a user gets from each.

For the two pages whose article text another project keeps (newspaper4k's CNN Arabic,
fundus's LBCI), at least 90% of its sentences must be in the body and none of the site's
furniture; every page must have its title, date (with its offset), language and direction
right; the Persian page keeps every ZWNJ of its article text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html

from reader.article.loader import load_article
from reader.article.model import Article
from reader.cli import main
from reader.text.direction import Direction
from tests.unit.web.conftest import SAMPLES, WebServer

PAGES = SAMPLES / "pages"
EXPECTED = PAGES / "expected"
CNN = "ar_cnnarabic_2013-08_newspaper4k.html"
LBCI = "ar_lbcgroup-tv-lb_2026-01_fundus.html"
ASSABAH = "ar_assabah-com-tn_trafilatura-eval.html"
YJC = "fa_yjc-ir_2020-05_htmldate-testset.html"
MIN_SENTENCE_RECALL = 0.9


def zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# file: (title, published, language)
RIGHT_ANSWERS = {
    CNN: ("معارضون يسيطرون على مخازن للصواريخ بريف دمشق", datetime(2013, 8, 28, 14, 0, tzinfo=zone(4)), "ar"),
    LBCI: (
        "شعر وردي يُشعل السخرية… لغز لون شعر دونالد ترامب يربك الجمهور وخبير يشرح السبب",
        datetime(2026, 1, 8, 11, 42, 50, tzinfo=zone(0)),
        "ar",
    ),
    ASSABAH: (
        "الناشط الحقوقي السوداني خالد عبد الكريم ماسا لـ«الصباح»: كل الشروط متوفرة لثورة سودانية ولا حاجة لنستورد شيئا",
        datetime(2019, 2, 8, 0, 0, tzinfo=zone(1)),  # the page header's "today" widget says 19 Feb 2020
        "ar",
    ),
    YJC: (
        "از کشف ۷۲ دستگاه موتور قاچاق در مهریز تا دستگیری سارق ۱۰۰ میلیون ریالی طلاجات منزل در بافق",
        datetime(2020, 5, 10, 18, 59, 1, tzinfo=zone(4.5)),  # the JSON-LD date, not the Jalali metadata
        "fa-IR",
    ),
}

# What the site shows around each article, which must not reach the body.
BOILERPLATE = {
    CNN: ("ترحب شبكة CNN بالنقاش", "الآراء الواردة أدناه", "الأكثر تصفحاً", "Cable News Network", "الطبعة"),
    LBCI: ("LBCI", "Lebanon News", "تابعونا"),
    ASSABAH: ("نسخة للطباعة", "جميع الحقوق", "جريدة الصباح بتاريخ"),
    YJC: ("انتهای پیام", "باشگاه خبرنگاران جوان مشاهده کنید"),
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    """Each sample page imported once with `reader import PAGE -o OUT.yaml`, then loaded as the reader loads it."""
    if not PAGES.is_dir():
        pytest.skip(f"web samples not found at {PAGES.resolve()}")
    folder = tmp_path_factory.mktemp("imported")
    articles: dict[str, Article] = {}
    for name in RIGHT_ANSWERS:
        output = folder / f"{name}.yaml"
        assert main(["import", str(PAGES / name), "-o", str(output)]) == 0
        result = load_article(output)
        assert result.problems == () and result.article is not None
        articles[name] = result.article
    return articles


def normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def sentences(text: str) -> list[str]:
    parts = re.split(r'(?<=[.!?؟])["»”]?\s+|\n+', text)
    return [normalized(part) for part in parts if len(normalized(part)) > 15]


def expected_text(name: str) -> str:
    if name == CNN:
        return (EXPECTED / "ar_cnnarabic_2013-08_newspaper4k.expected.txt").read_text(encoding="utf-8")
    data = json.loads((EXPECTED / "ar_lbcgroup-tv-lb_2026-01_fundus.expected.json").read_text(encoding="utf-8"))
    return "\n".join(paragraph for section in data["V1"]["body"]["sections"] for paragraph in section["paragraphs"])


@pytest.mark.parametrize("name", [CNN, LBCI])
def test_the_body_holds_the_expected_sentences_and_no_boilerplate(imported: dict[str, Article], name: str) -> None:
    body = normalized(" ".join(imported[name].body))
    wanted = sentences(expected_text(name))
    found = [sentence for sentence in wanted if sentence in body]
    assert len(found) / len(wanted) >= MIN_SENTENCE_RECALL, set(wanted) - set(found)
    assert not [line for line in BOILERPLATE[name] if line in body]


@pytest.mark.parametrize("name", list(RIGHT_ANSWERS))
def test_title_date_language_and_direction_are_right(imported: dict[str, Article], name: str) -> None:
    article = imported[name]
    assert (article.title, article.published, article.language) == RIGHT_ANSWERS[name]
    assert article.direction is Direction.RTL


@pytest.mark.parametrize("name", [ASSABAH, YJC])
def test_the_body_is_the_article_text_of_the_page_without_the_site(imported: dict[str, Article], name: str) -> None:
    """Without an expected text: every paragraph (and line) of the page's article element is in the body."""
    container = {ASSABAH: "//div[contains(@class, 'field-name-body')]", YJC: "//div[@class='body']"}[name]
    tree = html.fromstring((PAGES / name).read_text(encoding="utf-8"))
    for line_break in tree.xpath("//br"):
        line_break.tail = "\n" + (line_break.tail or "")
    page_lines = [line for p in tree.xpath(f"{container}//p") for line in p.text_content().split("\n")]
    page_paragraphs = [normalized(line) for line in page_lines if len(normalized(line)) > 40]
    body = normalized(" ".join(imported[name].body))
    assert page_paragraphs and all(paragraph in body for paragraph in page_paragraphs)
    assert not [line for line in BOILERPLATE[name] if line in body]


def test_the_persian_page_keeps_every_zwnj_of_its_article_text(imported: dict[str, Article]) -> None:
    tree = html.fromstring((PAGES / YJC).read_text(encoding="utf-8"))
    article_text = normalized(tree.xpath("//div[@class='body']")[0].text_content())
    body = imported[YJC].body
    words_with_zwnj = re.findall(r"\S*\u200c\S*", article_text)
    assert len(words_with_zwnj) >= 9
    assert sum(paragraph.count("\u200c") for paragraph in body) == article_text.count("\u200c")
    assert all(word in " ".join(body) for word in words_with_zwnj)
    assert "می‌نمایند" in body[0]  # trafilatura alone gives "مینمایند"


def test_the_interview_byline_becomes_its_author(imported: dict[str, Article]) -> None:
    assert imported[ASSABAH].authors == ("آسيا العتروس",)
    assert not imported[ASSABAH].body[0].startswith("حوار")


def test_the_source_is_the_site_and_the_canonical_address(imported: dict[str, Article]) -> None:
    source = imported[CNN].source
    assert source is not None
    assert (source.name, source.url) == (
        "CNNArabic",
        "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html",
    )
    yjc = imported[YJC].source
    assert yjc is not None and yjc.name == "خبرگزاری باشگاه خبرنگاران"  # not its slogan after "|"
    assert imported[YJC].authors == ()  # the site named as author is no author


def test_the_lead_photo_is_kept_with_its_address(imported: dict[str, Article]) -> None:
    lead = imported[CNN].images[0]
    assert (
        lead.url
        == "http://i.cdn.turner.com/cnn/arabic/2013/middle_east/8/3/syria.clashes/Gal.syria.assad.army.jpg_-1_-1.jpg"
    )
    assert lead.caption == RIGHT_ANSWERS[CNN][0]


def test_the_summary_does_not_repeat_the_byline(imported: dict[str, Article]) -> None:
    summary = imported[ASSABAH].summary
    assert summary is not None and summary.startswith("مالذي يحدث في السودان؟")


def test_a_sample_page_served_over_http_imports_the_same(
    imported: dict[str, Article], web: WebServer, tmp_path: Path
) -> None:
    url = web.serve("/2013/syria.clashes/index.html", (PAGES / CNN).read_bytes(), content_type="text/html")
    output = tmp_path / "cnn.yaml"
    assert main(["import", url, "-o", str(output)]) == 0
    result = load_article(output)
    assert result.article is not None
    assert (result.article.title, result.article.body) == (imported[CNN].title, imported[CNN].body)
    assert result.article.fetched is not None and imported[CNN].fetched is None
