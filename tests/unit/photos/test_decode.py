"""Decoding photos: a good photo decodes; each hostile file is refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.photos.decode import Decoded, decode
from reader.photos.files import Refused, sniff
from tests import photo_files


def test_a_png_decodes_to_rgb(tmp_path: Path) -> None:
    result = decode(photo_files.write_photo(tmp_path / "photo.png"))
    assert isinstance(result, Decoded)
    assert result.size == (160, 100)
    assert result.image.getpixel((0, 0)) == photo_files.RED
    assert not result.animated


def test_a_jpeg_named_png_still_decodes_by_its_content(tmp_path: Path) -> None:
    result = decode(photo_files.write_photo(tmp_path / "photo.png", format="JPEG"))
    assert isinstance(result, Decoded)


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    result = decode(photo_files.write_truncated(tmp_path / "cut.png"))
    assert isinstance(result, Refused)
    assert "cut.png cannot be decoded" in result.reason


def test_100_megapixel_image_is_refused(tmp_path: Path) -> None:
    result = decode(photo_files.write_huge_pixels(tmp_path / "huge.png"))
    assert result == Refused("huge.png has too many pixels to decode safely")


def test_our_pixel_limit_refuses_from_the_header_without_pillows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    result = decode(photo_files.write_huge_pixels(tmp_path / "huge.png"))
    assert result == Refused("huge.png is 10000×10000 (100 megapixels): too large")


def test_decompression_bomb_limit_applies_below_our_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    result = decode(photo_files.write_photo(tmp_path / "photo.png"))
    assert result == Refused("photo.png has too many pixels to decode safely")


def test_50_mb_file_is_refused_unread(tmp_path: Path) -> None:
    result = decode(photo_files.write_big_file(tmp_path / "big.png"))
    assert result == Refused("big.png is 50 MB, over the 20 MB limit")


def test_svg_named_jpg_is_refused(tmp_path: Path) -> None:
    result = decode(photo_files.write_svg_as_jpg(tmp_path / "photo.jpg"))
    assert result == Refused("photo.jpg is an SVG or XML file")


def test_html_named_jpg_is_refused(tmp_path: Path) -> None:
    result = decode(photo_files.write_html_as_jpg(tmp_path / "photo.jpg"))
    assert result == Refused("photo.jpg is an HTML page")


def test_animated_gif_gives_its_first_frame(tmp_path: Path) -> None:
    result = decode(photo_files.write_animated_gif(tmp_path / "anim.gif"))
    assert isinstance(result, Decoded)
    assert result.animated
    assert result.image.getpixel((5, 5)) == photo_files.RED


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert decode(tmp_path / "gone.jpg") == Refused("gone.jpg does not exist")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").mkdir()
    assert decode(tmp_path / "photo.jpg") == Refused("photo.jpg is not a file")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
        (b"GIF89a", "GIF"),
        (b"RIFF\0\0\0\0WEBPVP8 ", "WEBP"),
        (b"<svg", None),
        (b"", None),
    ],
)
def test_sniff_knows_the_formats_by_their_first_bytes(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind
