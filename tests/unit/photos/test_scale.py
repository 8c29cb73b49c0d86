"""Fitting photos into cells, and their half-block colours."""

from __future__ import annotations

from reader.photos.cells import half_block_rows
from reader.photos.scale import CellBox, fit_cells
from tests import photo_files


def test_a_landscape_photo_takes_the_width_and_keeps_its_aspect() -> None:
    # 160×100 pixels at 40 columns of 10×20-pixel cells: 400×250 pixels, 12.5 rows.
    assert fit_cells((160, 100), 40, 30) == CellBox(40, 12)


def test_a_tall_photo_is_narrowed_to_the_height_limit() -> None:
    box = fit_cells((100, 400), 40, 10)
    assert box.rows == 10
    assert box.columns == 5  # 5 columns × 10 px : 10 rows × 20 px = 50 : 200 = 100 : 400


def test_the_cell_shape_from_the_terminal_changes_the_rows() -> None:
    assert fit_cells((100, 100), 20, 50, cell_pixels=(8, 16)).rows == 10
    assert fit_cells((100, 100), 20, 50, cell_pixels=(10, 10)).rows == 20


def test_a_tiny_photo_is_not_enlarged_past_a_pixel_per_column() -> None:
    assert fit_cells((4, 4), 40, 30).columns == 4


def test_half_blocks_give_the_upper_and_lower_colours() -> None:
    rows = half_block_rows(photo_files.quadrants((160, 100)), CellBox(4, 2))
    assert len(rows) == 2 and all(len(row) == 4 for row in rows)
    assert rows[0][0] == (photo_files.RED, photo_files.RED)
    assert rows[0][3] == (photo_files.GREEN, photo_files.GREEN)
    assert rows[1][0] == (photo_files.BLUE, photo_files.BLUE)
    assert rows[1][3] == (photo_files.YELLOW, photo_files.YELLOW)
