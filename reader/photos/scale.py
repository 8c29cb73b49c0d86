"""How many terminal cells a photo takes: scaled to a width, keeping its aspect.

A terminal cell is about twice as tall as it is wide; the cell's real pixel size (from
the terminal, when it says) makes the aspect exact.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_CELL_PIXELS = (10, 20)
"""Width and height of a cell in pixels when the terminal does not say (a VT340's)."""


@dataclass(frozen=True)
class CellBox:
    """A photo's size in cells."""

    columns: int
    rows: int


def fit_cells(
    pixel_size: tuple[int, int],
    max_columns: int,
    max_rows: int,
    cell_pixels: tuple[int, int] = DEFAULT_CELL_PIXELS,
) -> CellBox:
    """The largest box at most `max_columns` wide and `max_rows` tall that keeps the
    photo's aspect (a photo is never enlarged beyond one pixel per half cell)."""
    width, height = max(1, pixel_size[0]), max(1, pixel_size[1])
    cell_width, cell_height = max(1, cell_pixels[0]), max(1, cell_pixels[1])
    columns = max(1, min(max_columns, width))
    rows = _rows_for(columns, width, height, cell_width, cell_height)
    if rows > max_rows:
        rows = max(1, max_rows)
        columns = max(1, min(columns, round(rows * cell_height * width / (height * cell_width))))
    return CellBox(columns, rows)


def _rows_for(columns: int, width: int, height: int, cell_width: int, cell_height: int) -> int:
    return max(1, round(columns * cell_width * height / (width * cell_height)))
