"""An article as the reader shows it, as plain-text lines (what `reader dump` prints).

For pipes and scripts (like `w3m -dump`), and the reference output tests compare with.
Blocks are separated by blank lines; RTL lines are right-aligned by padding them to the
width in visual mode. A photo placed in the text shows as its caption line at its place
(`▢ caption (credit)`), and again among the captions. Colour (a bold title, dim byline and
placed captions, bold headings) only when stdout is a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.article.document import Role, article_blocks, in_digit_style, needs_gap_before
from reader.article.model import Article
from reader.terminal.modes import BidiMode
from reader.text.digits import DigitStyle
from reader.text.layout import LayoutOptions, layout_paragraph

_STYLE_BY_ROLE = {Role.TITLE: "\x1b[1m", Role.BYLINE: "\x1b[2m", Role.HEADING: "\x1b[1m", Role.FIGURE: "\x1b[2m"}
_RESET = "\x1b[0m"


def dump_chunks(
    article: Article,
    width: int,
    options: LayoutOptions,
    *,
    colour: bool = False,
    digits: DigitStyle = DigitStyle.AS_WRITTEN,
) -> Iterator[list[str]]:
    """The article's lines, one list per block; a blank line separates blocks. `digits`: the
    configured digit style (the source keeps its own), as the reading screen shows them.

    Lines come a block at a time: a 2 MB article has tens of thousands of them.
    """
    pad = options.mode is not BidiMode.LOGICAL
    blocks = in_digit_style(article_blocks(article), digits, article.language)  # no PHOTO blocks: no pictures
    for number, block in enumerate(blocks):
        lines = [""] if number and needs_gap_before(block) else []
        laid_out = layout_paragraph(block.text, width, block.direction, options)
        if pad:
            lines.extend(" " * (width - line.width) + line.text if line.rtl else line.text for line in laid_out)
        else:
            lines.extend(line.text for line in laid_out)
        style = _STYLE_BY_ROLE.get(block.role) if colour else None
        yield [f"{style}{line}{_RESET}" for line in lines] if style else lines


def dump_lines(article: Article, width: int, options: LayoutOptions, *, colour: bool = False) -> Iterator[str]:
    """The article's lines, blocks separated by one blank line."""
    for chunk in dump_chunks(article, width, options, colour=colour):
        yield from chunk
