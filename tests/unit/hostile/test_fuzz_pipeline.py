"""Arbitrary text through the whole pipeline: load, sanitize, lay out, print.

Whatever an article contains (any plane, controls, bidi controls, combining marks, lone
surrogates written as YAML escapes), the reader must not raise, must not let a control
character reach the terminal, and must not draw a line wider than its pane.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.article.loader import load_article
from reader.article.text_dump import dump_lines
from reader.terminal.modes import BidiMode
from reader.text.layout import LayoutOptions

ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.sampled_from("\x1b\x9b\r\b\x07\u202e\u202d\u2066\u2067\u2069\u200c\u200d\u200f\u061c\u0651\u064b\u0640"),
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x0590, max_codepoint=0x05FF),
    ),
    min_size=1,
    max_size=60,
)


def is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=ANY_TEXT,
    paragraphs=st.lists(ANY_TEXT, min_size=1, max_size=4),
    fact=ANY_TEXT,
    width=st.integers(min_value=2, max_value=140),  # 2 cells: room for one wide character
    mode=st.sampled_from(list(BidiMode)),
    harakat=st.booleans(),
)
def test_any_article_text_is_shown_safely(
    tmp_path: Path, title: str, paragraphs: list[str], fact: str, width: int, mode: BidiMode, harakat: bool
) -> None:
    document = {"title": title, "body": paragraphs, "facts": [fact], "images": [{"caption": fact}]}
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8", errors="surrogatepass")
    result = load_article(path)
    if result.article is None:
        event("refused by the loader")
        assert result.problems  # refused, with a reason: fine
        return
    event("laid out")
    for line in dump_lines(result.article, width, LayoutOptions(mode=mode, harakat=harakat)):
        assert not any(is_control(char) for char in line), repr(line)
        assert cell_len(line) <= width
