"""The base direction of a paragraph: a notion of the text engine that articles use."""

from __future__ import annotations

import enum


class Direction(enum.Enum):
    """The base direction of an article's paragraphs."""

    AUTO = "auto"  # per paragraph, from its first strong character (UAX #9 P2/P3)
    RTL = "rtl"
    LTR = "ltr"
