"""Opening a photo file safely: size and type checked before Pillow sees it, then decoded
with Pillow's decompression-bomb limit, a hard pixel limit and truncated files refused.

Every failure is a `Refused` with a one-line reason for the reader; nothing here raises
for a bad file. An animated image gives its first frame.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage

MAX_FILE_BYTES = 20_000_000
"""Larger files are not read at all (a news photo is well under 5 MB)."""
MAX_PIXELS = 40_000_000
"""More pixels than this (a 100-megapixel image) are refused from the header alone."""
HEAD_BYTES = 16

# The formats a news photo comes in, by their first bytes (never by the file's name).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


@dataclass(frozen=True)
class Refused:
    """A photo that is not shown, and why (one line, for the reader)."""

    reason: str


@dataclass(frozen=True)
class Decoded:
    """A decoded photo: RGB pixels, and whether it was the first frame of an animation."""

    image: PILImage.Image
    animated: bool = False

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size


def sniff(head: bytes) -> str | None:
    """The image format that `head` (the file's first bytes) starts, or None."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def describe_content(head: bytes) -> str:
    """What a file that is not an image seems to be, for the reason shown."""
    text = head.lstrip().lower()
    if text.startswith((b"<svg", b"<?xml")):
        return "an SVG or XML file"
    if text.startswith((b"<!doctype", b"<html", b"<")):
        return "an HTML page"
    return "not an image this reader knows (PNG, JPEG, GIF, WebP)"


def check_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str | Refused:
    """The file's format when it may be decoded; else why not (missing, too big, not an image)."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            return Refused(f"{path.name} is not a file")
        if size > max_bytes:
            return Refused(f"{path.name} is {size / 1_000_000:.0f} MB, over the {max_bytes / 1_000_000:.0f} MB limit")
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except FileNotFoundError:
        return Refused(f"{path.name} does not exist")
    except OSError as error:
        return Refused(f"{path.name} cannot be read ({error.strerror or error})")
    kind = sniff(head)
    if kind is None:
        return Refused(f"{path.name} is {describe_content(head)}")
    return kind


def decode(path: Path, *, max_bytes: int = MAX_FILE_BYTES, max_pixels: int = MAX_PIXELS) -> Decoded | Refused:
    """The photo at `path` as RGB pixels (first frame), or why it is not shown."""
    kind = check_file(path, max_bytes)
    if isinstance(kind, Refused):
        return kind
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path, formats=[kind]) as opened:
                width, height = opened.size
                if width * height > max_pixels:
                    return Refused(f"{path.name} is {width}×{height} ({width * height / 1e6:.0f} megapixels): too large")
                animated = bool(getattr(opened, "is_animated", False))
                opened.seek(0)
                opened.load()
                return Decoded(opened.convert("RGB"), animated)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return Refused(f"{path.name} has too many pixels to decode safely")
    except (OSError, SyntaxError, ValueError) as error:
        return Refused(f"{path.name} cannot be decoded ({_short(error)})")


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:80]
