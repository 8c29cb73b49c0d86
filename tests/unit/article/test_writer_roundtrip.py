"""The writer's promise without parsing its own output: whatever text it writes, the loader
accepts and reads back as the same article, and whatever it refuses, the loader would have
refused. Hostile strings: control characters, YAML indicators, `: ` and ` #`, quotes,
leading `-`, words YAML 1.1 reads as other types, bidi marks, line separators, byte order
marks, lone surrogates, very long lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article.loader import parse_article_bytes
from reader.article.model import Article, Image, Source
from reader.article.simple_yaml import simple_yaml
from reader.article.writer import (
    InvalidArticle,
    _has_line_breaks,
    _library_yaml,
    _NodeCounter,
    _yaml_text,
    article_fields,
    article_yaml,
)
from reader.article.yaml_source import YamlList, YamlMapping, YamlNode, compose_article_text
from reader.text.direction import Direction

PATH = Path("article.yaml")
HOSTILE_PIECES = [
    ": ",
    " #",
    "#",
    "- ",
    "-",
    "? ",
    "'",
    '"',
    "\\",
    "&a",
    "*a",
    "!tag",
    "%",
    "@",
    "`",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    ",",
    "~",
    "null",
    "NO",
    "yes",
    "1:30",
    "3.10",
    "0x1F",
    "2024-01-02",
    "...",
    "---",
    "<<",
    "=",
    " ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x85",
    "\u2028",
    "\u2029",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x9b",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2067",
    "\u061c",
    "\u200c",
    "عنوان",
    "می‌گویند",
    "שלום",
    "😀",
    "a",
]
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES), max_size=12).map("".join) | st.text(max_size=40)
long_text = st.tuples(hostile_text, st.integers(1, 3000)).map(lambda pair: pair[0] * pair[1])
any_text = hostile_text | long_text
urls = st.sampled_from(["https://example.org/a?b=c#d", "http://example.org/ا", "javascript:alert(1)", "ftp://x"])


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = tuple(draw(st.lists(any_text, max_size=4)))
    images = draw(
        st.lists(
            st.builds(
                Image,
                caption=any_text,
                credit=st.none() | any_text,
                file=st.none() | st.sampled_from(["images/a.jpg", "../x.jpg"]),
                url=st.none() | urls,
                after=st.none() | st.integers(0, len(body)),
            ),
            max_size=2,
        )
    )
    return Article(
        title=draw(any_text),
        body=body,
        summary=draw(st.none() | any_text),
        language=draw(st.none() | st.sampled_from(["ar", "fa-IR", "not a tag"])),
        authors=tuple(draw(st.lists(hostile_text, max_size=2))),
        source=draw(st.none() | st.builds(Source, url=urls, name=st.none() | hostile_text)),
        images=tuple(images),
        facts=tuple(draw(st.lists(hostile_text, max_size=2))),
        tags=tuple(draw(st.lists(hostile_text, max_size=2))),
    )


def _as_loaded(article: Article) -> Article:
    """The article as the loader reads it back: every text stripped."""
    strip = str.strip
    return replace(
        article,
        title=article.title.strip(),
        body=tuple(map(strip, article.body)),
        summary=article.summary and article.summary.strip(),
        authors=tuple(map(strip, article.authors)),
        source=article.source
        and Source(article.source.url.strip(), article.source.name.strip() if article.source.name else None),
        images=tuple(
            replace(image, caption=image.caption.strip(), credit=image.credit and image.credit.strip())
            for image in article.images
        ),
        facts=tuple(map(strip, article.facts)),
        tags=tuple(map(strip, article.tags)),
    )


def _loader_verdict(article: Article) -> Article | None:
    """What the loader makes of the writer's text when it is not checked first (None: refused)."""
    try:
        data = _yaml_text(article_fields(article)).encode("utf-8")
    except UnicodeEncodeError:
        return None
    return parse_article_bytes(data, PATH).article


@settings(max_examples=400, deadline=None)
@given(articles())
def test_what_the_writer_writes_loads_back_and_what_it_refuses_the_loader_refuses(article: Article) -> None:
    try:
        text = article_yaml(article)
    except InvalidArticle:
        assert _loader_verdict(article) is None
        return
    loaded = parse_article_bytes(text.encode("utf-8"), PATH)
    assert loaded.errors == ()
    if not _has_line_breaks(article_fields(article)):  # YAML folds a line break in a text into a space
        assert loaded.article == _as_loaded(article)


@settings(max_examples=200, deadline=None)
@given(st.lists(any_text, min_size=1, max_size=3), any_text, st.integers(0, 3))
def test_hostile_paragraphs_with_a_plain_title_are_kept_letter_for_letter(
    body: list[str], title: str, place: int
) -> None:
    """…and the photo among them keeps its place (`after`)."""
    photo = Image(caption="صورة", url="https://news.example/a.jpg", after=min(place, len(body)))
    article = Article(title=f"t{title}", body=tuple(f"p{text}." for text in body), images=(photo,))
    if _has_line_breaks(article_fields(article)):
        return
    verdict = _loader_verdict(article)
    try:
        text = article_yaml(article)
    except InvalidArticle:
        assert verdict is None
        return
    assert parse_article_bytes(text.encode("utf-8"), PATH).article == _as_loaded(article) == verdict


def _shape(node: YamlNode) -> object:
    """A node tree without positions and styles: what the field rules look at."""
    if isinstance(node, YamlMapping):
        return [(_shape(key), _shape(value)) for key, value in node.pairs]
    if isinstance(node, YamlList):
        return [_shape(item) for item in node.items]
    return (node.value, node.tag)


@settings(max_examples=300, deadline=None)
@given(articles(), st.integers(-(10**20), 10**20) | st.booleans())
def test_the_checked_tree_is_the_tree_the_written_text_composes_into(article: Article, number: int) -> None:
    """What `check_fields` judges is what the loader will see (a number too, as a field
    such as a photo's place, `after`, holds: any integer or a boolean)."""
    fields = article_fields(article)
    fields["images"] = [{**image, "after": number} for image in fields.get("images", [])]
    try:
        checked = _NodeCounter().node(fields)
    except InvalidArticle:  # a lone surrogate: the writer refuses it
        return
    if _has_line_breaks(fields):  # YAML folds a line break in a text into a space
        return
    assert _shape(compose_article_text(_yaml_text(fields))) == _shape(checked)


@settings(max_examples=400, deadline=None)
@given(articles(), st.integers(-(10**20), 10**20) | st.booleans())
def test_the_fast_emitter_writes_what_the_library_writes_or_declines(article: Article, number: int) -> None:
    fields = article_fields(article)
    fields["images"] = [{**image, "after": number} for image in fields.get("images", [])]
    fast = simple_yaml(fields)
    if fast is not None:
        assert fast == _library_yaml(fields)


def test_a_fetched_article_takes_the_fast_emitter() -> None:
    article = Article(
        title="خبر 3-7: أعلنت الحكومة اليوم عن خطة",
        body=("أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام، تشمل خطوط حافلات (1).", "NO"),
        summary="أعلنت الحكومة",
        language="ar",
        direction=Direction.RTL,
        published=datetime(2026, 12, 1, 9, 45, tzinfo=UTC),
        fetched=datetime(2026, 12, 7, 0, 0, tzinfo=UTC),
        authors=("مراسل",),
        source=Source(url="https://news.example/page/3/7?x=1#a", name="Feed 3"),
        images=(Image(caption="صورة", credit="وكالة", url="https://news.example/a.jpg"),),
    )
    fast = simple_yaml(article_fields(article))
    assert fast is not None and fast == _library_yaml(article_fields(article))
    assert "published: '2026-12-01T09:45:00+00:00'\n" in fast and "  - 'NO'\n" in fast


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(), min_size=1, max_size=30))
def test_any_text_the_fast_emitter_writes_is_what_the_library_writes(text: str) -> None:
    fields: dict[str, object] = {
        "title": text,
        "body": [text, "x"],
        "source": {"name": text, "url": "https://a.example/"},
    }
    fast = simple_yaml(fields)
    if fast is not None:
        assert fast == _library_yaml(fields)
