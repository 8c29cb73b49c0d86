"""`LazyTable`: a ``str.translate`` table that works out a character's entry the first
time the character is seen, then keeps it.

The text engine classifies and folds text with ``str.translate`` (C speed) instead of a
Python step per character; a table of every code point would cost start-up time, so the
tables fill themselves.
"""

from __future__ import annotations

from collections.abc import Callable


class LazyTable(dict[int, str]):
    """code point -> `entry(character)`, computed on first use."""

    def __init__(self, entry: Callable[[str], str]) -> None:
        super().__init__()
        self._entry = entry

    def __missing__(self, code_point: int) -> str:
        value = self[code_point] = self._entry(chr(code_point))
        return value
