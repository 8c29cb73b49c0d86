"""Fixtures for the TUI tests: libraries of typed articles and a factory for the app."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.loader import load_article
from reader.article.model import Article, Image, LoadResult, Source
from reader.config import DEFAULT_THEME
from reader.session import Session
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions
from tests.conftest import BUNDLED_ARTICLE

MakeApp = Callable[..., ReaderApp]

ENGLISH = Article(
    title="Hanoi hosts the signing of the UN cybercrime convention",
    body=(
        "On the morning of 25 October, the signing ceremony of the United Nations Convention "
        "against Cybercrime opened at the National Convention Center in Hanoi.",
        "Representatives of 60 countries were expected to sign the convention, which was adopted "
        "by the General Assembly on 24 December 2024.",
    )
    + tuple(f"Paragraph {number} of the report, long enough to wrap on a narrow screen." for number in range(3, 30)),
    language="en",
    direction=Direction.AUTO,
    published=date(2025, 10, 25),
    source=Source(url="https://example.com/hanoi-convention", name="Example News"),
    images=(Image(caption="Delegates pose for a group photo", credit="Photo: Manh Quan"),),
    facts=("About 110 countries attended", "60 states signed"),
)


@pytest.fixture
def hanoi() -> Article:
    result = load_article(BUNDLED_ARTICLE)
    assert result.article is not None, result.problems
    return result.article


def library_of(*articles: Article) -> Library:
    return Library.from_results(LoadResult(BUNDLED_ARTICLE, article) for article in articles)


@pytest.fixture
def make_app() -> MakeApp:
    """`make_app(article, ...)`: a ReaderApp on a library of those articles."""

    def make(*articles: Article, options: LayoutOptions = LayoutOptions(), library: Library | None = None) -> ReaderApp:
        return ReaderApp(
            library or library_of(*articles),
            options,
            Session(bidi_description="visual (tests)", theme_name=DEFAULT_THEME),
        )

    return make


@pytest.fixture
def english() -> Article:
    return ENGLISH


@pytest.fixture
def notifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app shows to the reader, in order."""
    messages: list[str] = []
    original = ReaderApp.notify

    def record(self: ReaderApp, message: str, **kwargs: object) -> None:
        messages.append(str(message))
        original(self, message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ReaderApp, "notify", record)
    return messages


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs the app handed to the browser launcher (nothing is really opened)."""
    urls: list[str] = []
    monkeypatch.setattr(ReaderApp, "open_url", lambda self, url, new_tab=True: urls.append(url))
    return urls


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app copied with OSC 52 (no desktop clipboard tool is used)."""
    copied: list[str] = []
    monkeypatch.setattr(ReaderApp, "copy_to_clipboard", lambda self, text: copied.append(text))
    monkeypatch.setattr("reader.app.clipboard_command", lambda env, platform, which: None)
    return copied
