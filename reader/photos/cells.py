"""A photo as half-block cells: each cell's upper and lower colour (drawn as `▀`).

Computed in a worker thread; the widget only turns the colours into styled cells.
"""

from __future__ import annotations

from PIL import Image as PILImage

from reader.photos.scale import CellBox

Rgb = tuple[int, int, int]
CellRow = tuple[tuple[Rgb, Rgb], ...]


def half_block_rows(image: PILImage.Image, box: CellBox) -> tuple[CellRow, ...]:
    """The (upper, lower) colours of each cell of `image` scaled into `box`."""
    scaled = image.convert("RGB").resize((box.columns, box.rows * 2), PILImage.Resampling.BOX)
    pixels = scaled.load()
    assert pixels is not None
    rows: list[CellRow] = []
    for row in range(box.rows):
        upper, lower = row * 2, row * 2 + 1
        rows.append(tuple((_rgb(pixels[x, upper]), _rgb(pixels[x, lower])) for x in range(box.columns)))
    return tuple(rows)


def _rgb(pixel: object) -> Rgb:
    assert isinstance(pixel, tuple)
    red, green, blue = pixel[:3]
    return int(red), int(green), int(blue)
