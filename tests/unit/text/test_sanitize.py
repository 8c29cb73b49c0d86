"""Article strings can never act on the terminal, and Arabic keeps what it needs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text.sanitize import sanitize_text

HOSTILE = {
    "window title": "\x1b]0;PWNED\x07",
    "clipboard write": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "clear screen": "\x1b[2J",
    "leave alternate screen": "\x1b[?1049l",
    "8-bit CSI": "\u009b2J",
    "DCS string": "\x1bP1$r0m\x1b\\",
    "hand-made OSC 8 link": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "carriage return": "Safe\rEVIL",
    "backspaces": "abc\b\b\bXYZ",
    "delete": "a\x7fb",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_control_character_survives(name: str) -> None:
    cleaned = sanitize_text(HOSTILE[name])
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in cleaned)


def test_an_escape_shows_as_a_visible_picture() -> None:
    assert sanitize_text("\x1b]0;PWNED\x07") == "␛]0;PWNED␇"
    assert sanitize_text("Safe\rEVIL") == "Safe␍EVIL"


def test_override_controls_are_removed_but_arabic_needs_are_kept() -> None:
    assert sanitize_text("photo\u202egpj.exe") == "photogpj.exe"
    persian = "می\u200cخواهم \u200f(ALM\u061c) \u200dـ \u2067isolate\u2069"
    assert sanitize_text(persian) == persian


def test_tabs_newlines_and_line_separators_become_spaces() -> None:
    assert sanitize_text("a\tb\nc\u2028d\u2029e") == "a b c d e"


@given(st.text())
def test_sanitized_text_is_always_printable(text: str) -> None:
    cleaned = sanitize_text(text)
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in cleaned)
    assert not any(0xD800 <= ord(char) <= 0xDFFF for char in cleaned)
    assert not any(char in "\u202a\u202b\u202c\u202d\u202e" for char in cleaned)
    assert sanitize_text(cleaned) == cleaned
