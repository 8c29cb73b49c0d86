"""An article as a sequence of displayable blocks: the one place that decides what is shown.

The reading screen's panes and `reader dump` both draw these blocks, so the terminal
view and the plain-text dump can never disagree on what an article contains. Every
block's text is sanitized and in logical order; the text engine lays it out.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from reader.article.model import Article
from reader.article.presentation import byline, caption_with_credit, labels_for
from reader.article.urls import MAX_URL_LENGTH
from reader.text.bidi import first_strong_level
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


@dataclass(frozen=True)
class Block:
    text: str
    part: Part
    role: Role
    direction: Direction = Direction.AUTO
    image: int | None = None  # a PHOTO block: the index of its image in `Article.images`
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


def body_blocks(article: Article) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in article.body:
        text = sanitize_text(paragraph)
        if len(text) <= MAX_PIECE:
            blocks.append(Block(text, Part.BODY, Role.PARAGRAPH, article.direction))
            continue
        direction = article.direction
        if direction is Direction.AUTO:  # every piece keeps the whole paragraph's direction
            direction = Direction.RTL if first_strong_level(text) == 1 else Direction.LTR
        for number, piece in enumerate(paragraph_pieces(text)):
            role = Role.CONTINUATION if number else Role.PARAGRAPH
            blocks.append(Block(piece, Part.BODY, role, direction))
    return blocks


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
