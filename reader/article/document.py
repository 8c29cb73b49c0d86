"""An article as a sequence of displayable blocks: the one place that decides what is shown.

The reading screen's panes and `reader dump` both draw these blocks, so the terminal
view and the plain-text dump can never disagree on what an article contains. Every
block's text is sanitized and in logical order; the text engine lays it out.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.article.model import Article
from reader.article.presentation import byline, caption_with_credit, labels_for
from reader.article.urls import MAX_URL_LENGTH
from reader.text.bidi import first_strong_level
from reader.text.digits import DigitStyle, convert_digits
from reader.text.direction import Direction
from reader.text.sanitize import sanitize_text

RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "ckb", "dv", "arc", "syr"})


class Part(enum.Enum):
    """Where a block belongs: the reading screen gives each part its own pane."""

    HEADER = "header"
    BODY = "body"
    IMAGES = "images"
    FACTS = "facts"
    SOURCE = "source"


class Role(enum.Enum):
    TITLE = "title"
    BYLINE = "byline"
    SUMMARY = "summary"
    PARAGRAPH = "paragraph"
    CONTINUATION = "continuation"  # the next piece of a paragraph too long to lay out at once
    HEADING = "heading"
    CAPTION = "caption"
    FACT = "fact"
    LINK = "link"
    PHOTO = "photo"  # the picture of `Block.image`: `rows` lines the pane draws, no text
    FIGURE = "figure"  # in the body, at its place: the caption of `Block.image` (not article text)


@dataclass(frozen=True)
class Block:
    text: str
    part: Part
    role: Role
    direction: Direction = Direction.AUTO
    image: int | None = None  # a PHOTO or FIGURE block: the index of its image in `Article.images`
    rows: int = 1  # a PHOTO block: how many lines its picture takes


# Facts, captions and the link follow each other (and their heading) without blank lines.
_LIST_ITEM_ROLES = frozenset({Role.FACT, Role.CAPTION, Role.LINK, Role.CONTINUATION})


def needs_gap_before(block: Block) -> bool:
    """Whether a blank line separates this block from the one before it."""
    return block.role not in _LIST_ITEM_ROLES


def article_is_rtl(article: Article) -> bool:
    """Whether the article as a whole reads right to left (it mirrors the page layout)."""
    if article.direction is not Direction.AUTO:
        return article.direction is Direction.RTL
    if article.language:
        return article.language.split("-")[0].lower() in RTL_LANGUAGES
    return first_strong_level(article.title + " " + " ".join(article.body[:1])) == 1


def in_digit_style(blocks: list[Block], digits: DigitStyle, language: str | None) -> list[Block]:
    """The blocks with their digits in the configured style, one character for one (so search
    spans stay valid); the source, its name and its link, keeps the digits as written."""
    if digits is DigitStyle.AS_WRITTEN:
        return blocks
    return [
        block if block.part is Part.SOURCE else replace(block, text=convert_digits(block.text, digits, language))
        for block in blocks
    ]


def article_blocks(article: Article) -> list[Block]:
    """Every block of the article, in reading order."""
    return [
        *header_blocks(article),
        *body_blocks(article),
        *image_blocks(article),
        *fact_blocks(article),
        *source_blocks(article),
    ]


# A title, caption, fact or link longer than this is shown cut, with an ellipsis: a
# megabyte-long "title" must not take seconds to lay out. Body paragraphs are never cut.
MAX_SHORT_TEXT = 1_000


def shortened(text: str, limit: int = MAX_SHORT_TEXT) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _block(article: Article, text: str, part: Part, role: Role) -> Block:
    if role is not Role.PARAGRAPH:
        text = shortened(text)
    return Block(sanitize_text(text), part, role, article.direction)


def header_blocks(article: Article) -> list[Block]:
    blocks = [
        _block(article, article.title, Part.HEADER, Role.TITLE),
        Block(shortened(byline(article)), Part.HEADER, Role.BYLINE, _heading_direction(article)),
    ]
    if article.summary:
        blocks.append(_block(article, article.summary, Part.HEADER, Role.SUMMARY))
    return blocks


# A paragraph longer than this is shown as consecutive pieces cut at spaces, so that the
# reading screen can lay a 2 MB paragraph out lazily, piece by piece, like many paragraphs.
MAX_PIECE = 20_000


FIGURE_MARK = "▢"  # before a placed photo's caption in the body (one cell wide everywhere)


def body_blocks(article: Article) -> list[Block]:
    """The paragraphs (a long one in pieces), each placed photo's caption (a FIGURE block)
    after the paragraphs it follows."""
    figures = figure_blocks(article)
    blocks = list(figures.get(0, ()))
    direction = article.direction
    for number, paragraph in enumerate(article.body, start=1):
        text = sanitize_text(paragraph)
        if len(text) <= MAX_PIECE:
            blocks.append(Block(text, Part.BODY, Role.PARAGRAPH, direction))
        else:
            blocks.extend(long_paragraph_blocks(article, text))
        if figures and number in figures:
            blocks.extend(figures[number])
    return blocks


def is_article_text(block: Block) -> bool:
    """Whether a block is the article's own text: a body block that is no FIGURE."""
    return block.part is Part.BODY and block.role is not Role.FIGURE


# A place in the body is counted in the article's text blocks (paragraphs and their
# pieces, not the FIGURE lines among them), whatever else a pane shows around them: a
# place saved or found in one layout is the same text in another (wide or narrow, with
# the key facts before the text, with captions placed in it or not).


def text_place(blocks: Sequence[Block], index: int) -> int:
    """The text place of the pane's block `index`: a FIGURE line counts as the text block
    after it (the last one, at the end); blocks before the body give -1, blocks after it
    count on from its end."""
    places = [number for number, block in enumerate(blocks) if is_article_text(block)]
    body = [number for number, block in enumerate(blocks) if block.part is Part.BODY]
    if not body or index < body[0]:
        return -1
    if index > body[-1]:
        return len(places) + index - body[-1] - 1
    return min(bisect_left(places, index), len(places) - 1)  # a FIGURE line at the end: the last text


def place_block(blocks: Sequence[Block], place: int) -> int:
    """The pane's block at text place `place` (`text_place` the other way round)."""
    places = [number for number, block in enumerate(blocks) if is_article_text(block)]
    if place < len(places):
        return places[place]
    body = [number for number, block in enumerate(blocks) if block.part is Part.BODY]
    return (body[-1] + 1 if body else 0) + place - len(places)


def figure_blocks(article: Article) -> dict[int, list[Block]]:
    """The placed photos' caption lines, by how many paragraphs come before them."""
    placed: dict[int, list[Block]] = {}
    for number, image in enumerate(article.images):
        if image.after is not None:
            text = sanitize_text(f"{FIGURE_MARK} {shortened(caption_with_credit(image, with_file=False))}")
            placed.setdefault(image.after, []).append(
                Block(text, Part.BODY, Role.FIGURE, article.direction, image=number)
            )
    return placed


def long_paragraph_blocks(article: Article, text: str) -> list[Block]:
    """A paragraph too long to lay out at once, as pieces in the whole paragraph's direction."""
    direction = article.direction
    if direction is Direction.AUTO:  # every piece keeps the whole paragraph's direction
        direction = Direction.RTL if first_strong_level(text) == 1 else Direction.LTR
    return [
        Block(piece, Part.BODY, Role.CONTINUATION if number else Role.PARAGRAPH, direction)
        for number, piece in enumerate(paragraph_pieces(text))
    ]


def paragraph_pieces(text: str, size: int = MAX_PIECE) -> list[str]:
    """Cut a long paragraph into pieces of about `size` characters, at spaces when it has any."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        end = cut if cut != -1 else start + size
        pieces.append(text[start:end])
        start = end + 1 if cut != -1 else end
    pieces.append(text[start:])
    return pieces


def image_blocks(article: Article, *, photos: bool = False) -> list[Block]:
    """The captions under their heading; with `photos`, each caption that has a picture
    file comes after a PHOTO block for it (one line until the pane knows its size)."""
    if not article.images:
        return []
    blocks = [Block(labels_for(article.language).images, Part.IMAGES, Role.HEADING, _heading_direction(article))]
    for number, image in enumerate(article.images):
        if photos and image.file:
            blocks.append(Block("", Part.IMAGES, Role.PHOTO, Direction.LTR, image=number))
        caption = caption_with_credit(image, with_file=not photos)
        blocks.append(Block(shortened(caption), Part.IMAGES, Role.CAPTION, article.direction))
    return blocks


def fact_blocks(article: Article) -> list[Block]:
    if not article.facts:
        return []
    heading = Block(labels_for(article.language).facts, Part.FACTS, Role.HEADING, _heading_direction(article))
    facts = [_block(article, f"• {fact}", Part.FACTS, Role.FACT) for fact in article.facts]
    return [heading, *facts]


def source_blocks(article: Article) -> list[Block]:
    source = article.source
    if source is None:
        return []
    heading_direction = _heading_direction(article)
    label = labels_for(article.language).source
    title = f"{label}: {source.name}" if source.name else label
    return [
        Block(sanitize_text(shortened(title)), Part.SOURCE, Role.HEADING, heading_direction),
        Block(sanitize_text(shortened(source.url, MAX_URL_LENGTH)), Part.SOURCE, Role.LINK, Direction.LTR),
    ]


def _heading_direction(article: Article) -> Direction:
    """Labels the reader adds follow the article's direction, not their own letters."""
    return Direction.RTL if article_is_rtl(article) else Direction.LTR
