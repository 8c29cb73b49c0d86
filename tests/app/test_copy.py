"""Copying: `c` copies the paragraph being read, as written (logical order), to the
terminal's clipboard (OSC 52) and to the desktop's clipboard tool when there is one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.article.model import Article
from reader.widgets.text_pane import TextPane
from tests.app.conftest import MakeApp


async def top_block_text(pilot: Pilot[None]) -> str:
    await pilot.pause()
    body = pilot.app.screen.query_one("#body", TextPane)
    return body.blocks[body.top_place()[0]].text


async def test_c_copies_the_paragraph_at_the_top_as_written(
    make_app: MakeApp, hanoi: Article, clipboard: list[str], notifications: list[str]
) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert clipboard == [hanoi.body[0]]  # logical order, unshaped: what the author wrote
        assert notifications[-1] == f"Copied the paragraph ({len(hanoi.body[0]):,} characters)."
        await pilot.press("space", "space")
        later = await top_block_text(pilot)
        await pilot.press("c")
        assert clipboard[-1] == later and later != hanoi.body[0] and later in hanoi.body


async def test_the_desktop_clipboard_tool_gets_the_text_too(
    make_app: MakeApp, hanoi: Article, clipboard: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "clipboard"
    tool = [sys.executable, "-c", f"import sys; open({str(received)!r}, 'wb').write(sys.stdin.buffer.read())"]
    monkeypatch.setattr("reader.app.clipboard_command", lambda env, platform, which: tool)
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await app.workers.wait_for_complete()
    assert received.read_text(encoding="utf-8") == hanoi.body[0] == clipboard[0]
