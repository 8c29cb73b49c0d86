"""The reader sees how far into the article they are: a percentage under the body pane."""

from __future__ import annotations

from reader.article.model import Article
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp


def progress(app: object) -> str:
    body = app.screen.query_one("#body", TextPane)  # type: ignore[attr-defined]
    return str(body.border_subtitle)


async def test_the_percentage_follows_the_reader(make_app: MakeApp, english: Article) -> None:
    app = make_app(english)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert progress(app) == "0%"
        await pilot.press("space")
        await pilot.pause()
        middle = int(progress(app).rstrip("%"))
        assert 0 < middle < 100
        await pilot.press("G")
        await pilot.pause()
        assert progress(app) == "100%"
        await pilot.press("g")
        await pilot.pause()
        assert progress(app) == "0%"


async def test_a_short_article_that_fits_shows_no_percentage(make_app: MakeApp) -> None:
    app = make_app(Article(title="Short", body=("One paragraph.",), language="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert progress(app) == ""
