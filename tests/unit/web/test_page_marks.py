"""ZWNJ and the bidi marks survive trafilatura: the placeholders are printable and come back."""

from __future__ import annotations

import trafilatura

from reader.web.page_marks import KEPT_MARKS, MarkGuard

PERSIAN = "وزارت بهداشت از گشایش بیمارستانی تازه خبر داد که بخش اورژانس آن شبانه‌روز کار می‌کند و به مردم خدمت می‌دهد."


def test_the_placeholders_are_printable_so_trafilatura_keeps_them() -> None:
    guard = MarkGuard.for_text(PERSIAN)
    assert all(placeholder.isprintable() for placeholder in guard.placeholders)
    page = (
        f"<html><body><article><p>{guard.protect(PERSIAN)}</p><p>{guard.protect(PERSIAN)}</p></article></body></html>"
    )
    extracted = trafilatura.extract(page)
    assert extracted is not None
    assert guard.restore(extracted).split("\n")[0] == PERSIAN


def test_every_kept_mark_and_its_character_references_round_trip() -> None:
    text = "".join(KEPT_MARKS) + " &zwnj; &#8204; &#x200C; &lrm; &rlm; &#x61C;"
    guard = MarkGuard.for_text(text)
    protected = guard.protect(text)
    assert not any(mark in protected for mark in KEPT_MARKS)
    assert guard.restore(protected) == "".join(KEPT_MARKS) + " \u200c \u200c \u200c \u200e \u200f \u061c"


def test_a_page_that_uses_the_first_placeholders_gets_others() -> None:
    first = MarkGuard.for_text("").placeholders
    guard = MarkGuard.for_text(f"{first[0]} {PERSIAN}")
    assert not set(guard.placeholders) & set(first)
    assert guard.restore(guard.protect(f"{first[0]} {PERSIAN}")) == f"{first[0]} {PERSIAN}"
