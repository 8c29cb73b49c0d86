"""Opening and copying the source link: only safe links, never a browser over the app."""

from __future__ import annotations

import dataclasses

import pytest

from reader.article.model import Article, Source
from tests.app.conftest import MakeApp

DANTRI = "https://dantri.com.vn/thoi-su/khai-mac-le-mo-ky-cong-uoc-ha-noi-20251025094537779.htm"


@pytest.fixture
def graphical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


async def test_o_opens_the_exact_source_url(
    make_app: MakeApp, hanoi: Article, opened_urls: list[str], graphical: None
) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
    assert opened_urls == [DANTRI]


async def test_with_browser_set_the_app_gives_the_terminal_away(
    make_app: MakeApp, hanoi: Article, opened_urls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER", "w3m")
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
    assert opened_urls == [DANTRI]  # headless: suspending is not possible, the link still opens


async def test_without_any_browser_the_link_is_copied_instead(
    make_app: MakeApp,
    hanoi: Article,
    opened_urls: list[str],
    clipboard: list[str],
    notifications: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
    assert opened_urls == []
    assert clipboard == [DANTRI]
    assert "copied to the clipboard" in notifications[-1]


async def test_y_copies_the_link(make_app: MakeApp, hanoi: Article, clipboard: list[str]) -> None:
    app = make_app(hanoi)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("y")
    assert clipboard == [DANTRI]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "only http and https links are opened ('javascript:')"),
        ("file:///etc/passwd", "only http and https links are opened ('file:')"),
        ("https://example.com/\u202egnp.exe", "invisible or control character (U+202E"),
        ("https://trusted.example@evil.example/", "user info"),
        ("-new-window https://x", "only http and https links are opened (no scheme)"),
    ],
)
async def test_unsafe_links_are_refused_with_the_reason(
    make_app: MakeApp,
    hanoi: Article,
    opened_urls: list[str],
    clipboard: list[str],
    notifications: list[str],
    graphical: None,
    url: str,
    reason: str,
) -> None:
    article = dataclasses.replace(hanoi, source=Source(url=url, name="Evil"))
    app = make_app(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o", "y")
    assert opened_urls == [] and clipboard == []
    assert notifications[-1].startswith("Not opening the source:")
    assert reason in notifications[-1]


async def test_an_article_without_source_says_so(
    make_app: MakeApp, hanoi: Article, opened_urls: list[str], notifications: list[str]
) -> None:
    app = make_app(dataclasses.replace(hanoi, source=None))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
    assert opened_urls == []
    assert notifications[-1] == "This article has no source link."
