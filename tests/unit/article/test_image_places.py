"""Photos keep their place in the text: `images[].after` is loaded, checked, written, imported
from a plain-text report, shown at its place by `reader dump`, and kept by the index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.article.document import Block, Part, Role, body_blocks, place_block, text_place
from reader.article.loader import load_article
from reader.article.model import Article, Image, LoadResult
from reader.article.text_dump import dump_lines
from reader.article.writer import article_yaml, write_article
from reader.cli import main
from reader.state.codec import result_from_json, result_to_json
from reader.terminal.modes import BidiMode
from reader.text.layout import LayoutOptions
from tests.conftest import WriteArticle

THREE_PARAGRAPHS = "title: T\nbody:\n  - One.\n  - Two.\n  - Three.\n"
PLACED = Article(
    title="T",
    body=("One.", "Two.", "Three."),
    images=(
        Image(caption="At the top", after=0),
        Image(caption="Second", credit="Photo: A", after=2),
        Image(caption="Lead, no place"),
        Image(caption="At the end", after=3),
    ),
)


def with_images(images: str) -> str:
    return THREE_PARAGRAPHS + "images:\n" + images


def problem_lines(result: LoadResult) -> list[str]:
    return [f"{problem.line}:{problem.column}: {problem.message}" for problem in result.problems]


# --- the format ------------------------------------------------------------------------------


def test_after_counts_the_paragraphs_before_the_photo(write_article: WriteArticle) -> None:
    path = write_article(with_images("  - caption: a\n    after: 0\n  - caption: b\n    after: 3\n  - caption: c\n"))
    result = load_article(path)
    assert result.problems == ()
    assert result.article is not None
    assert [image.after for image in result.article.images] == [0, 3, None]


def test_a_place_in_a_body_given_as_one_text_counts_its_paragraphs(write_article: WriteArticle) -> None:
    path = write_article("title: T\nbody: |\n  One.\n\n  Two.\nimages:\n  - caption: a\n    after: 2\n")
    result = load_article(path)
    assert result.problems == ()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("4", "images[0].after: the body has 3 paragraphs, so a photo cannot stand after paragraph 4"),
        ("-1", "images[0].after: must not be negative (0: before the first paragraph), got '-1'"),
        (
            "two",
            "images[0].after: expected a number of body paragraphs in digits (0: before the first paragraph), "
            "got 'two'",
        ),
        (
            "1.5",
            "images[0].after: expected a number of body paragraphs in digits (0: before the first paragraph), "
            "got '1.5'",
        ),
        (
            "[1]",
            "images[0].after: expected a number of body paragraphs in digits (0: before the first paragraph), "
            "got a list",
        ),
    ],
)
def test_a_wrong_place_is_an_error_at_its_value(write_article: WriteArticle, value: str, message: str) -> None:
    result = load_article(write_article(with_images(f"  - caption: a\n    after: {value}\n")))
    assert problem_lines(result) == [f"8:12: {message}"]
    assert result.article is None


def test_check_names_the_image_whose_place_is_wrong(
    write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article(with_images("  - caption: a\n    after: 1\n  - caption: b\n    after: 9\n"))
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:10:12: images[1].after: the body has 3 paragraphs, so a photo cannot stand after paragraph 9\n"
    )


def test_places_are_written_and_load_back_the_same(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    write_article(PLACED, target)
    assert load_article(target).article == PLACED
    assert "  - caption: Second\n    credit: 'Photo: A'\n    after: 2\n" in article_yaml(PLACED)


def test_the_index_keeps_the_places(tmp_path: Path) -> None:
    result = LoadResult(tmp_path / "a.yaml", PLACED)
    assert result_from_json(result_to_json(result)) == result


# --- plain-text import -----------------------------------------------------------------------


def test_importing_the_seed_keeps_each_caption_after_its_paragraph(
    seed_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    shutil.copyfile(seed_file, report)
    assert main(["import", str(report), "--title", "عنوان"]) == 0
    article = load_article(report.with_suffix(".yaml")).article
    assert article is not None
    assert [image.after for image in article.images] == [2, 6, 10]
    # Each caption followed the paragraph it now stands after.
    lines = [line.strip() for line in seed_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    for image in article.images:
        assert image.after is not None
        caption_line = next(number for number, line in enumerate(lines) if line.startswith(image.caption))
        assert lines[caption_line - 1] == article.body[image.after - 1]


def test_a_photo_before_the_first_paragraph_stands_at_the_top(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Headline here\nA crowd (Photo: B).\nFirst.\nSecond.\nA hall (Photo: C).\n", encoding="utf-8")
    assert main(["import", str(report)]) == 0
    article = load_article(report.with_suffix(".yaml")).article
    assert article is not None
    assert [(image.caption, image.after) for image in article.images] == [("A crowd", 0), ("A hall", 2)]


# --- display -------------------------------------------------------------------------------


def test_the_body_shows_each_placed_caption_at_its_place() -> None:
    blocks = body_blocks(PLACED)
    assert [(block.role, block.text) for block in blocks] == [
        (Role.FIGURE, "▢ At the top"),
        (Role.PARAGRAPH, "One."),
        (Role.PARAGRAPH, "Two."),
        (Role.FIGURE, "▢ Second (Photo: A)"),
        (Role.PARAGRAPH, "Three."),
        (Role.FIGURE, "▢ At the end"),
    ]
    assert [block.image for block in blocks if block.role is Role.FIGURE] == [0, 1, 3]


def test_places_in_the_body_count_paragraphs_not_placed_captions() -> None:
    blocks = body_blocks(PLACED)
    assert [text_place(blocks, index) for index in range(len(blocks))] == [0, 0, 1, 2, 2, 2]
    assert [place_block(blocks, place) for place in range(3)] == [1, 2, 4]


def test_places_skip_what_comes_before_the_text_and_count_on_after_it() -> None:
    blocks = [Block("• fact", Part.FACTS, Role.FACT), *body_blocks(PLACED), Block("Photos", Part.IMAGES, Role.HEADING)]
    assert text_place(blocks, 0) == -1
    assert text_place(blocks, 2) == 0
    assert text_place(blocks, 7) == 3  # the heading after the text: one past the last paragraph
    assert place_block(blocks, 3) == 7


def test_dump_prints_each_placed_caption_at_its_place() -> None:
    lines = list(dump_lines(PLACED, 40, LayoutOptions(mode=BidiMode.LOGICAL)))
    body_start = lines.index("▢ At the top")
    assert lines[body_start:] == [
        "▢ At the top",
        "",
        "One.",
        "",
        "Two.",
        "",
        "▢ Second (Photo: A)",
        "",
        "Three.",
        "",
        "▢ At the end",
        "",
        "Photos",
        "At the top",
        "Second (Photo: A)",
        "Lead, no place",
        "At the end",
    ]
