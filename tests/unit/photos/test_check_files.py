"""`reader check` warns about an image file that does not exist, at the `file` value."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests import photo_files

ARTICLE = """\
title: A title
body:
  - A paragraph.
images:
  - caption: Here
    file: images/here.png
  - caption: Gone
    file: images/gone.png
"""


def test_a_missing_image_file_is_a_warning_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    photo_files.write_photo(tmp_path / "images" / "here.png")
    article = tmp_path / "a.yaml"
    article.write_text(ARTICLE, encoding="utf-8")
    status = main(["check", str(article)])
    captured = capsys.readouterr()
    assert status == 0
    assert captured.out.splitlines() == [
        f"{article}:8:11: warning: images[1].file: images/gone.png does not exist (next to the article: {tmp_path})"
    ]
    assert "1 warning" in captured.err


def test_the_reader_itself_does_not_look_for_the_files(tmp_path: Path) -> None:
    from reader.article.loader import load_article

    article = tmp_path / "a.yaml"
    article.write_text(ARTICLE, encoding="utf-8")
    assert load_article(article).problems == ()
