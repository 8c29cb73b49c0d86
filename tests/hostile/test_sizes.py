"""Huge strings are shown (cut or wrapped) without freezing the reader."""

from __future__ import annotations

from reader.article.document import MAX_SHORT_TEXT, body_blocks, header_blocks, paragraph_pieces
from reader.article.model import Article, Source
from reader.screens.reading import ReadingScreen
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp

HUGE = Article(
    title="ع" * 1_000_000,
    body=("البداية " + "كلمة " * 400_000 + "النهاية",),
    language="ar",
    source=Source(url="https://example.com/" + "a" * 100_000, name="Big"),
)


def test_a_huge_title_is_cut_with_an_ellipsis() -> None:
    title = header_blocks(HUGE)[0].text
    assert len(title) == MAX_SHORT_TEXT + 1 and title.endswith("…")


def test_a_huge_paragraph_is_cut_into_pieces_at_spaces_and_loses_nothing() -> None:
    paragraph = HUGE.body[0]
    pieces = paragraph_pieces(paragraph)
    assert len(pieces) > 50
    assert " ".join(pieces) == paragraph
    blocks = body_blocks(HUGE)
    assert {block.direction.value for block in blocks} == {"rtl"}


async def test_the_reader_stays_usable_with_huge_strings(
    make_app: MakeApp, notifications: list[str]
) -> None:
    app = make_app(HUGE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        body = app.screen.query_one("#body", TextPane)
        assert body.displayed_lines()[0].endswith("ﺔﻳﺍﺪﺒﻟﺍ")  # البداية, first word, on the right
        await pilot.press("o")
        assert "links over 4,096 are not opened" in notifications[-1]
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert body.layout_complete
        assert body.displayed_lines()[-1].lstrip().startswith("ﺔﻳﺎﻬﻨﻟﺍ")  # النهاية, last word
        await pilot.press("q")
