"""A reader who reorganises the library keeps what they did: read, bookmarked, the place."""

from __future__ import annotations

from pathlib import Path

from reader.app import ReaderApp
from reader.article.library import Library
from reader.screens.library import LibraryScreen
from reader.screens.library_rows import BOOKMARK_MARK, UNREAD_MARK
from reader.screens.reading import ReadingScreen
from reader.session import Session
from reader.state.store import SqliteStore
from reader.text.layout import LayoutOptions
from reader.widgets.text_pane import TextPane
from tests.app.conftest import library_rows
from tests.unit.state.conftest import news_yaml

PARAGRAPHS = [f"الفقرة {number} من التقرير، طويلة بما يكفي لتلتف على شاشة ضيقة." for number in range(60)]


def first_row(app: ReaderApp) -> str:
    """The first line of the first row: the title and its marks (at its right, in Arabic)."""
    assert isinstance(app.screen, LibraryScreen)
    return library_rows(app)[0].split("\n")[0]


async def run_reader(library_folder: Path, database: Path, keys: list[str]) -> tuple[str, int]:
    """Start the reader on the folder, press `keys`, quit: the first row and the body's scroll."""
    store = SqliteStore(database)
    app = ReaderApp(Library(()), LayoutOptions(), Session(store=store, sources=(library_folder,)))
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = first_row(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press(*keys)
        scroll = int(app.screen.query_one("#body", TextPane).scroll_y)
        await pilot.press("q")
    store.close()
    return row, scroll


async def test_a_moved_article_is_still_read_bookmarked_and_opens_at_its_place(tmp_path: Path) -> None:
    library_folder = tmp_path / "news"
    library_folder.mkdir()
    article = library_folder / "hanoi.yaml"
    article.write_text(news_yaml("خبر طويل", PARAGRAPHS, published="2025-10-25"), encoding="utf-8")
    (library_folder / "older.yaml").write_text(news_yaml("خبر أقدم", ["نص قصير."]), encoding="utf-8")
    database = tmp_path / "state" / "state.sqlite3"
    database.parent.mkdir()
    first, left_at = await run_reader(library_folder, database, ["pagedown", "pagedown", "m"])
    assert UNREAD_MARK in first and BOOKMARK_MARK not in first and left_at > 0
    (library_folder / "2025" / "october").mkdir(parents=True)
    article.rename(library_folder / "2025" / "october" / "the hanoi report.yaml")
    again, opened_at = await run_reader(library_folder, database, [])
    assert UNREAD_MARK not in again and BOOKMARK_MARK in again
    assert opened_at == left_at
