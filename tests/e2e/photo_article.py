"""An article file with one generated photo, for the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

from tests import photo_files

CAPTION = "Delegates pose for a group photo"

ARTICLE = f"""\
title: Hanoi hosts the signing of the UN cybercrime convention
language: en
body:
  - On the morning of 25 October, the signing ceremony opened in Hanoi.
  - Representatives of 60 countries were expected to sign the convention.
images:
  - caption: {CAPTION}
    credit: 'Photo: Manh Quan'
    file: images/delegates.png
"""


def write_photo_article(folder: Path) -> Path:
    photo_files.write_photo(folder / "images" / "delegates.png")
    path = folder / "article.yaml"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
