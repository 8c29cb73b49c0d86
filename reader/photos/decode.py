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

from reader.photos.files import MAX_FILE_BYTES, Refused, check_file

MAX_PIXELS = 40_000_000
"""More pixels than this (a 100-megapixel image) are refused from the header alone."""


@dataclass(frozen=True)
class Decoded:
    """A decoded photo: RGB pixels, and whether it was the first frame of an animation."""

    image: PILImage.Image
    animated: bool = False

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size


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
                    return Refused(
                        f"{path.name} is {width}×{height} ({width * height / 1e6:.0f} megapixels): too large"
                    )
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
