"""Library search: the query as the index sees it, the text it indexes, and snippets.

Search is a substring search on text folded by `reader.text.normalize.normalize_for_search`,
exactly like in-article find (which uses `find_matches` from the same module): searching
`اتفاقية` finds `الاتفاقيةِ`, and whatever an article's find would highlight, the library
search finds. The index (`reader.state.store`) does it with SQLite's FTS5 `trigram`
tokenizer over the folded text; needles shorter than three characters, which trigrams
cannot look up, are scanned for instead. A trailing `*` is accepted and ignored: every
search already matches the beginning of words (`اتفاق*` and `اتفاق` find the same).

Snippets are cut from the article's own text (sanitized, logical order, harakat and
spelling as written), with the match spans given so the UI can highlight them after
shaping. The match's body paragraph is given too, so the article can open there.

Indexing folds whole bodies with `normalize_for_search` (one `str.translate`, without a
Python call per character: that was half of the time of a first indexing).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.article.model import Article
from reader.text.normalize import find_matches, normalize_for_search
from reader.text.sanitize import sanitize_text

SNIPPET_CHARS = 120
CONTEXT_BEFORE = 40
ELLIPSIS = "…"
MIN_TRIGRAM_NEEDLE = 3


class Part(enum.Enum):
    TITLE = "title"
    BODY = "body"
    CAPTIONS = "captions"
    FACTS = "facts"


@dataclass(frozen=True)
class Snippet:
    """A piece of an article around a match: logical text and the match spans in it."""

    text: str
    spans: tuple[tuple[int, int], ...]
    part: Part
    block: int | None  # the body paragraph, when the match is in the body


@dataclass(frozen=True)
class SearchColumns:
    """An article's text as the index stores it: folded, one column per part."""

    title: str
    body: str
    captions: str
    facts: str


def clean_query(query: str) -> str:
    """The query as typed, without surrounding blanks or a trailing `*`."""
    return query.strip().rstrip("*").strip()


def search_needle(query: str) -> str:
    """The folded text every match must contain ("" when there is nothing to search)."""
    return normalize_for_search(clean_query(query))


def fts_phrase(needle: str) -> str:
    """An FTS5 query matching `needle` as one substring (quotes doubled, as FTS5 wants)."""
    return '"' + needle.replace('"', '""') + '"'


def needs_scan(needle: str) -> bool:
    """Trigrams cannot look up needles of one or two characters."""
    return len(needle) < MIN_TRIGRAM_NEEDLE


def _fold(parts: Iterable[str]) -> str:
    return "\n".join(normalize_for_search(sanitize_text(part)) for part in parts)


def search_columns(article: Article) -> SearchColumns:
    header = [article.title] + ([article.summary] if article.summary else [])
    captions = [image.caption for image in article.images] + [image.credit or "" for image in article.images]
    return SearchColumns(_fold(header), _fold(article.body), _fold(captions), _fold(article.facts))


def _searchable_texts(article: Article) -> Iterator[tuple[Part, int | None, str]]:
    yield Part.TITLE, None, article.title
    if article.summary:
        yield Part.TITLE, None, article.summary
    for index, paragraph in enumerate(article.body):
        yield Part.BODY, index, paragraph
    for image in article.images:
        yield Part.CAPTIONS, None, image.caption
        if image.credit:
            yield Part.CAPTIONS, None, image.credit
    for fact in article.facts:
        yield Part.FACTS, None, fact


def make_snippet(article: Article, query: str, width: int = SNIPPET_CHARS) -> Snippet | None:
    """The first place `query` occurs in the article, with some context; None if nowhere."""
    cleaned = clean_query(query)
    if not search_needle(cleaned):
        return None
    for part, block, raw in _searchable_texts(article):
        text = sanitize_text(raw)
        matches = find_matches(text, cleaned)
        if matches:
            return _cut(text, matches, part, block, width)
    return None


def _cut(text: str, matches: list[tuple[int, int]], part: Part, block: int | None, width: int) -> Snippet:
    first_start = matches[0][0]
    start = 0 if first_start <= CONTEXT_BEFORE else _word_start(text, first_start - CONTEXT_BEFORE)
    end = len(text) if len(text) - start <= width else _word_end(text, start + width, matches[0][1])
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    spans = tuple((s + shift, e + shift) for s, e in matches if s >= start and e <= end)
    return Snippet(prefix + text[start:end] + suffix, spans, part, block)


def _word_start(text: str, position: int) -> int:
    """The start of the word after the first space at or after `position`."""
    space = text.find(" ", position)
    return position if space == -1 else space + 1


def _word_end(text: str, position: int, at_least: int) -> int:
    """The end of the word before the last space at or before `position` (keeping the match)."""
    space = text.rfind(" ", at_least, position + 1)
    return max(at_least, position) if space == -1 else space


def search_articles(articles: Iterable[Article], query: str) -> list[tuple[int, Snippet]]:
    """Search without an index (no database): (position in `articles`, snippet) per match."""
    hits: list[tuple[int, Snippet]] = []
    for index, article in enumerate(articles):
        snippet = make_snippet(article, query)
        if snippet is not None:
            hits.append((index, snippet))
    return hits
