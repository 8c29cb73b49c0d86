"""A broken article file opens an error view with its path:line:col messages, no crash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from reader.article.library import Library
from reader.article.loader import load_article
from reader.screens.problems import ProblemsScreen
from tests.app.conftest import MakeApp
from tests.conftest import WriteArticle


async def test_a_broken_file_shows_its_problems(make_app: MakeApp, write_article: WriteArticle, tmp_path: Path) -> None:
    path = write_article("title: Broken\nbody:\n  - ok\n  - [not, text]\ntitle: again\n\x1b]0;X\n")
    result = load_article(path)
    assert result.article is None
    app = make_app(library=Library.from_results([result]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = str(app.screen.query_one(Static).render())
        for problem in result.problems:
            assert f"{path}:{problem.line}:{problem.column}:" in shown
        assert "\x1b" not in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)
        await pilot.press("q")
    assert app.return_code == 0
