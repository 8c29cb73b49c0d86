"""RowList: only the rows on screen are rendered; the highlight moves and chooses."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from reader.widgets.row_list import RowList

ROWS = 10_000


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowList(id="rows")

    def on_mount(self) -> None:
        row_list = self.query_one(RowList)
        row_list.set_rows([2] * ROWS + [1], ROWS, self.render_row)
        row_list.focus()

    def render_row(self, row: int, width: int, highlighted: bool) -> list[Text]:
        if row == ROWS:
            return [Text("footer row")]
        extra = [Text("more")] if highlighted else []
        return [Text(f"row {row}"), Text("meta"), *extra]

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.chosen.append(event.index)


async def test_only_visible_rows_are_drawn() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        row_list = app.query_one(RowList)
        assert row_list.drawn_rows and max(row_list.drawn_rows) < 12
        assert row_list.virtual_size.height == 2 * ROWS + 1 + 1  # the highlighted row is one line taller


async def test_keys_move_the_highlight_scroll_and_choose() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        row_list = app.query_one(RowList)
        await pilot.press("down", "down", "enter")
        assert app.chosen == [2]
        await pilot.press("end")
        await pilot.pause()
        assert row_list.highlighted == ROWS - 1  # the footer row is never highlighted
        assert row_list.scroll_y > 0 and ROWS - 1 in row_list.drawn_rows
        assert row_list.row_text(ROWS - 1).plain == f"row {ROWS - 1}\nmeta\nmore"
        await pilot.press("home", "up")
        assert row_list.highlighted == 0 and row_list.scroll_y == 0
