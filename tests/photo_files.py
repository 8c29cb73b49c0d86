"""Test photos made with Pillow on demand: a generated picture and the hostile files.

The generated photo has four coloured quadrants, so a drawing of it is recognisable by
its colours: red and green above, blue and yellow below.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image

CAPTION = "Delegates pose for a group photo"
ARTICLE = """\
title: Hanoi hosts the signing of the UN cybercrime convention
language: en
body:
  - On the morning of 25 October, the signing ceremony opened in Hanoi.
  - Representatives of 60 countries were expected to sign the convention.
images:
  - caption: {caption}
    credit: 'Photo: Manh Quan'
    file: images/{file}
"""
"""An article with one photo, `images/{file}` beside it (`write_photo_article`)."""

RED, GREEN, BLUE, YELLOW = (220, 30, 30), (30, 200, 60), (30, 60, 220), (240, 220, 40)
QUADRANT_COLOURS = (RED, GREEN, BLUE, YELLOW)


def quadrants(size: tuple[int, int] = (160, 100)) -> Image.Image:
    """Red, green / blue, yellow quadrants."""
    width, height = size
    image = Image.new("RGB", size, RED)
    image.paste(GREEN, (width // 2, 0, width, height // 2))
    image.paste(BLUE, (0, height // 2, width // 2, height))
    image.paste(YELLOW, (width // 2, height // 2, width, height))
    return image


def write_photo(path: Path, size: tuple[int, int] = (160, 100), format: str = "PNG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    quadrants(size).save(path, format=format)
    return path


def png_bytes(size: tuple[int, int] = (160, 100)) -> bytes:
    buffer = io.BytesIO()
    quadrants(size).save(buffer, format="PNG")
    return buffer.getvalue()


def write_truncated(path: Path) -> Path:
    data = png_bytes((400, 300))
    path.write_bytes(data[: len(data) // 2])
    return path


def write_huge_pixels(path: Path, width: int = 10_000, height: int = 10_000) -> Path:
    """A 100-megapixel PNG that is small on disk (one colour compresses to almost nothing)."""
    Image.new("1", (width, height), 0).save(path, format="PNG", optimize=False)
    return path


def write_big_file(path: Path, size: int = 50_000_000) -> Path:
    """A 50 MB file that starts like a PNG (sparse: it costs no disk)."""
    with path.open("wb") as file:
        file.write(png_bytes((8, 8)))
        file.truncate(size)
    return path


def write_svg_as_jpg(path: Path) -> Path:
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    )
    return path


def write_html_as_jpg(path: Path) -> Path:
    path.write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    return path


def write_animated_gif(path: Path) -> Path:
    """Two frames: red first, then blue."""
    frames = [Image.new("RGB", (40, 20), RED), Image.new("RGB", (40, 20), BLUE)]
    frames[0].save(path, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def write_photo_article(folder: Path, write: Callable[[Path], Path] | None = None, file: str = "delegates.png") -> Path:
    """`folder/article.yaml`, whose one image is `images/<file>`, made by `write` (default:
    the generated photo)."""
    photo = folder / "images" / file
    photo.parent.mkdir(parents=True, exist_ok=True)
    (write or write_photo)(photo)
    path = folder / "article.yaml"
    path.write_text(ARTICLE.format(caption=CAPTION, file=file), encoding="utf-8")
    return path
