"""`reader import`: plain-text reports become article YAML that loads cleanly."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.article.model import Article, Image, LoadResult
from reader.article.plaintext import caption_line, read_plain_report
from reader.cli import main
from reader.text.direction import Direction
from reader.text.language import detect_language
from tests.conftest import BUNDLED_ARTICLE, WriteArticle


def run_import(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    status = main(["import", *map(str, args)])
    return status, capsys.readouterr().err


def loaded_cleanly(path: Path) -> Article:
    result: LoadResult = load_article(path)
    assert result.problems == ()
    assert result.article is not None
    return result.article


@pytest.fixture
def seed_copy(seed_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "report.txt"
    shutil.copyfile(seed_file, copy)
    return copy


def test_importing_the_seed_reproduces_the_bundled_article(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> None:
    status, err = run_import(capsys, seed_copy, "--title", "عنوان")
    imported = loaded_cleanly(seed_copy.with_suffix(".yaml"))
    bundled = loaded_cleanly(BUNDLED_ARTICLE)
    assert status == 0
    assert err == f"wrote {seed_copy.with_suffix('.yaml')}: 15 paragraphs, 3 images\n"
    assert imported.title == "عنوان"
    assert imported.body == bundled.body
    assert imported.images == bundled.images  # captions, credits and their places in the text
    assert [image.after for image in imported.images] == [2, 6, 10]
    assert imported.source is not None and bundled.source is not None
    assert imported.source.url == bundled.source.url
    assert (imported.language, imported.direction) == ("ar", Direction.RTL)


def test_without_a_headline_the_file_name_is_the_title_with_a_warning(
    capsys: pytest.CaptureFixture[str], seed_copy: Path
) -> None:
    status, err = run_import(capsys, seed_copy)
    assert status == 0
    assert err.splitlines()[0] == (
        f"reader import: warning: {seed_copy} has no headline line; using 'report' as the title (give one with --title)"
    )
    assert loaded_cleanly(seed_copy.with_suffix(".yaml")).title == "report"


def test_the_yaml_is_readable_utf8_block_style_in_the_documented_order(
    capsys: pytest.CaptureFixture[str], seed_copy: Path
) -> None:
    run_import(capsys, seed_copy, "--title", "عنوان")
    text = seed_copy.with_suffix(".yaml").read_text(encoding="utf-8")
    top_level_keys = re.findall(r"^(\w+):", text, re.MULTILINE)
    assert top_level_keys == ["title", "language", "direction", "source", "body", "images"]
    assert "\\u" not in text and "الجرائم الإلكترونية" in text
    assert "body:\n  - في صباح يوم 25 أكتوبر" in text
    assert "  - caption: المندوبون يتخذون وضعية لالتقاط صورة جماعية\n    credit: 'صورة: مان كوان'\n" in text


def test_an_existing_file_is_only_overwritten_with_force(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle
) -> None:
    report = write_article("Headline here\nA paragraph.\n", "report.txt")
    existing = write_article("keep me\n", "report.yaml")
    status, err = run_import(capsys, report)
    assert (status, err) == (1, f"reader import: {existing} already exists; use --force to overwrite it\n")
    assert existing.read_text() == "keep me\n"
    assert run_import(capsys, report, "--force")[0] == 0
    assert loaded_cleanly(existing).title == "Headline here"


def test_output_option_and_missing_input(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle, tmp_path: Path
) -> None:
    report = write_article("Headline here\nA paragraph.\n", "report.txt")
    out = tmp_path / "elsewhere" / "out.yml"
    out.parent.mkdir()
    assert run_import(capsys, report, "-o", out)[0] == 0
    assert loaded_cleanly(out).body == ("A paragraph.",)
    assert run_import(capsys, tmp_path / "nope.txt") == (
        1,
        f"reader import: {tmp_path / 'nope.txt'}: No such file or directory\n",
    )


def test_text_that_is_not_utf8_is_refused_with_its_position(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle
) -> None:
    report = write_article("سطر أول\nab".encode() + b"\xff\n", "report.txt")
    assert run_import(capsys, report) == (1, f"reader import: {report}:2:3: not UTF-8 text (byte 0xff)\n")
    assert not report.with_suffix(".yaml").exists()


@pytest.mark.parametrize(
    ("first_line", "headline"),
    [
        (
            "Hanoi hosts the signing of the UN cybercrime convention",
            "Hanoi hosts the signing of the UN cybercrime convention",
        ),
        ("هانوي تستضيف حفل التوقيع؟", "هانوي تستضيف حفل التوقيع؟"),
        ("A sentence that ends with a full stop.", None),
        ("A label:", None),
        (" ".join(["word"] * 16), None),
    ],
)
def test_a_first_line_is_the_headline_only_when_it_reads_as_one(first_line: str, headline: str | None) -> None:
    report = read_plain_report(f"{first_line}\nThe first paragraph.\n")
    assert report.headline == headline
    expected_body = ("The first paragraph.",) if headline else (first_line, "The first paragraph.")
    assert report.paragraphs == expected_body


def test_with_a_title_given_the_first_line_stays_in_the_body() -> None:
    report = read_plain_report("Short first line\nMore.\n", find_headline=False)
    assert (report.headline, report.paragraphs) == (None, ("Short first line", "More."))


@pytest.mark.parametrize(
    ("line", "image"),
    [
        ("المندوبون (صورة: مان كوان).", Image("المندوبون", "صورة: مان كوان")),
        ("الرئيس (الصورة: مانه كوان)", Image("الرئيس", "الصورة: مانه كوان")),
        ("رئیس جمهور در تهران (عکس: ایرنا).", Image("رئیس جمهور در تهران", "عکس: ایرنا")),
        ("Delegates pose (PHOTO:  AP ).", Image("Delegates pose", "PHOTO: AP")),
        ("ראש הממשלה (צילום: רויטרס)", Image("ראש הממשלה", "צילום: רויטרס")),
        ("المتظاهرون في الساحة (تصوير: أحمد).", Image("المتظاهرون في الساحة", "تصوير: أحمد")),
        ("Delegates pose (photo by: Jane Doe)", Image("Delegates pose", "photo by: Jane Doe")),
    ],
)
def test_caption_lines_become_images_with_their_credit_as_written(line: str, image: Image) -> None:
    report = read_plain_report(f"فقرة أولى.\n{line}\nفقرة ثانية.\n")
    assert report.images == (replace(image, after=1),)  # it follows the first paragraph
    assert report.paragraphs == ("فقرة أولى.", "فقرة ثانية.")


def test_brackets_that_are_not_credits_stay_in_the_text() -> None:
    line = "لاتفاقية الأمم المتحدة (اتفاقية هانوي ) رسمياً."
    assert read_plain_report(f"{line}\n").paragraphs == (line,)


def test_a_paragraph_ending_with_an_agency_stays_a_paragraph() -> None:
    """In a report, `(رويترز)` at a line's end names the news agency; only a web page's
    caption takes an agency alone as a photo credit."""
    line = "وقال المتحدث إن المحادثات ستستأنف الأسبوع المقبل (رويترز)."
    assert read_plain_report(f"{line}\n").paragraphs == (line,)
    assert caption_line("الرئيس في القمة (رويترز).", agency_alone=True) == Image("الرئيس في القمة", "رويترز")


@pytest.mark.parametrize("residue", ["تعليق (0)", "Comments (3)", "comment (1)", "نظر (2)", "تعليقات ( 12 )"])
def test_page_residue_is_dropped(residue: str) -> None:
    assert read_plain_report(f"فقرة.\n\n\n{residue}").paragraphs == ("فقرة.",)


@pytest.mark.parametrize("label", ["المصدر", "منبع", "Source", "SOURCE"])
def test_the_source_line_gives_the_url_and_the_host_as_name(
    capsys: pytest.CaptureFixture[str], write_article: WriteArticle, label: str
) -> None:
    report = write_article(f"Headline here\nA paragraph.\n{label}: https://www.example.com/a.htm\n", "r.txt")
    run_import(capsys, report)
    article = loaded_cleanly(report.with_suffix(".yaml"))
    assert article.body == ("A paragraph.",)
    assert article.source is not None
    assert (article.source.name, article.source.url) == ("example.com", "https://www.example.com/a.htm")


def test_an_unusable_source_address_stays_as_a_paragraph_with_a_warning() -> None:
    report = read_plain_report("فقرة.\nSource: javascript:alert(1)\n")
    assert (report.source_url, report.paragraphs) == (None, ("فقرة.", "Source: javascript:alert(1)"))
    assert report.warnings == (
        "the source line's address is not usable (only http and https links are opened ('javascript:'): "
        "'javascript:alert(1)'); kept it as a paragraph",
    )


@pytest.mark.parametrize(
    ("text", "language", "direction"),
    [
        ("ترأس الرئيس لونغ كوونغ الحفل.", "ar", Direction.RTL),
        ("پیمان سازمان ملل متحد برای مبارزه با جرایم سایبری در هانوی امضا شد.", "fa", Direction.RTL),
        ("کنونشن پر دستخط ہوئے اور یہ ایک اہم قدم ہے۔", "ur", Direction.RTL),
        ("האמנה נחתמה בהאנוי בנוכחות נציגים מ-110 מדינות.", "he", Direction.RTL),
        ("The convention was signed in Hanoi.", None, Direction.LTR),
        ("2025 — 110", None, Direction.AUTO),
        ("ترأس الرئيس الحفل بحضور ممثلين من حوالي مئة وعشر دول ومنظمات كثيرة " * 10 + "گ", "ar", Direction.RTL),
    ],
    ids=["arabic", "persian", "urdu", "hebrew", "latin", "no letters", "arabic with one persian letter"],
)
def test_language_and_direction_come_from_the_letters(text: str, language: str | None, direction: Direction) -> None:
    assert detect_language(text) == (language, direction)


def test_an_empty_report_is_refused(capsys: pytest.CaptureFixture[str], write_article: WriteArticle) -> None:
    report = write_article("\n\nتعليق (0)\n", "empty.txt")
    assert run_import(capsys, report, "--title", "T") == (1, "reader import: no paragraphs found in the text\n")
    assert not report.with_suffix(".yaml").exists()
