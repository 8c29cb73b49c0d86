"""Fixtures for the TUI tests: libraries of typed articles and a factory for the app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.loader import load_article
from reader.article.model import Article, Image, LoadResult, Source
from reader.config import DEFAULT_THEME
from reader.photos.setting import ImageProtocol, ImagesChoice
from reader.session import Session
from reader.text.direction import Direction
from reader.text.layout import LayoutOptions
from reader.widgets.row_list import RowList
from tests.conftest import BUNDLED_ARTICLE

MakeApp = Callable[..., ReaderApp]
OpenApp = Callable[..., ReaderApp]

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


def library_of(*articles: Article, folder: Path | None = None, names: Sequence[str] = ()) -> Library:
    """A library of `articles`, loaded from the bundled file, or from `folder / names[i]`."""
    if folder is None:
        return Library.from_results(LoadResult(BUNDLED_ARTICLE, article) for article in articles)
    assert len(names) == len(articles), "one file name per article"
    return Library.from_results(
        LoadResult(folder / name, article) for name, article in zip(names, articles, strict=True)
    )


def library_rows(app: ReaderApp) -> list[str]:
    """The library list's rows as drawn (plain text, one string per row), the error section included."""
    row_list = app.screen.query_one("#articles", RowList)
    return [row_list.row_text(index).plain for index in range(row_list.row_count)]


@pytest.fixture
def make_app() -> MakeApp:
    """`make_app(article, ..., library=, options=, **session_fields)`: a ReaderApp on those articles.

    The session is the tests' one (shown bidi "visual (tests)", the default theme) with
    `session_fields` replacing its fields.
    """

    def make(
        *articles: Article,
        library: Library | None = None,
        options: LayoutOptions = LayoutOptions(),
        **session_fields: Any,
    ) -> ReaderApp:
        fields: dict[str, Any] = {"bidi_description": "visual (tests)", "theme_name": DEFAULT_THEME, **session_fields}
        return ReaderApp(library if library is not None else library_of(*articles), options, Session(**fields))

    return make


@pytest.fixture
def open_app(make_app: MakeApp) -> OpenApp:
    """`open_app(path, protocol=BLOCKS)`: a ReaderApp on the article file at `path`, photos drawn with `protocol`."""

    def make(path: Path, protocol: ImageProtocol = ImageProtocol.BLOCKS) -> ReaderApp:
        return make_app(library=Library.from_results([load_article(path)]), images=ImagesChoice(protocol, "tests"))

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
