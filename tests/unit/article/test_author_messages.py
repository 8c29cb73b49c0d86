"""Messages for authors: the colon hint, missing image files, a .txt given to check, a UTF-16 import."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article.loader import load_article
from reader.cli import main
from tests.conftest import WriteArticle


def test_an_unquoted_colon_in_a_paragraph_says_to_quote_it(write_article: WriteArticle) -> None:
    path = write_article("title: خبر\nbody:\n  - مقدمة\n  - قال الوزير: إن الاتفاق مهم\n")
    result = load_article(path)
    messages = [str(problem) for problem in result.problems]
    hinted = [m for m in messages if "body[1]: expected text, got a mapping" in m and "put the text in quotes" in m]
    assert hinted, messages


def test_check_flags_an_image_file_that_is_not_there(
    write_article: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "here.jpg").write_bytes(b"\xff\xd8")
    path = write_article(
        "title: خبر\nbody: [نص]\nimages:\n  - caption: موجودة\n    file: here.jpg\n"
        "  - caption: بلا ملف\n  - caption: مفقودة\n    file: gone.jpg\n"
    )
    assert main(["check", str(path)]) == 0  # a warning: the article still opens
    out = capsys.readouterr().out
    assert f"{path}:8:11: warning: images[2].file: gone.jpg does not exist" in out
    assert "here.jpg" not in out


def test_check_of_a_text_file_suggests_reader_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("عنوان\n\nنص الخبر.\n", encoding="utf-8")
    assert main(["check", str(notes)]) == 1
    assert f"reader import {notes}" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_import_of_a_utf16_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes("عنوان الخبر\n\nنص الخبر هنا.\n".encode(encoding))
    assert main(["import", str(report), "-o", str(tmp_path / "out.yaml")]) == 1
    assert "UTF-16" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()
