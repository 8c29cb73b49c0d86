"""A hostile article through the real `reader` command: the terminal is never taken over.

The bytes the app writes to its pty are checked: no escape sequence that came from the
article reaches the terminal; each attempt is shown as visible placeholders instead.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pty_child import Child

HOSTILE_ARTICLE = r"""
title: "\e]0;PWNED\a exe.\u202Etxt"
language: en
source:
  name: "\e[31mRED"
  url: "https://example.com/"
body:
  - "\e]52;c;cm0gLXJmIH4K\a CLIPMARK"
  - "\e[2JCLEARMARK"
  - "\e[?1049lALTMARK"
  - "\u009b2JCSI8MARK"
  - "\ePqDCSMARK\e\\"
  - "\e]8;;https://evil.example\e\\LINKMARK\e]8;;\e\\"
  - "Safe\rEVIL"
  - "abc\b\b\bXYZ"
  - "[@click=app.quit]Read[/] [bold [/ literally"
"""

ATTACKS = {
    "window title": b"\x1b]0;PWNED",
    "clipboard write": b"\x1b]52;",
    "clear screen": b"\x1b[2JCLEARMARK",
    "leave the alternate screen": b"\x1b[?1049lALTMARK",
    "8-bit CSI": b"\xc2\x9b",
    "DCS string": b"\x1bPq",
    "hand-made link": b"\x1b]8;;https://evil",
    "carriage return": b"\rEVIL",
    "backspaces": b"\x08",
    "red text": b"\x1b[31mRED",
    "override": "\u202e".encode(),
}


@pytest.fixture
def hostile_session(tmp_path: Path) -> Iterator[Child]:
    article = tmp_path / "hostile.yaml"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    child = Child(
        [sys.executable, "-m", "reader", str(article)],
        size=(120, 40),
        env={"READER_BIDI": "visual", "TERM": "xterm-256color", "READER_STATE_DIR": str(tmp_path / "state")},
    )
    yield child
    child.close()


def test_article_escapes_never_reach_the_terminal(hostile_session: Child) -> None:
    shown = hostile_session.read_until("␛]0;PWNED".encode())
    hostile_session.read_until(b"literally")
    hostile_session.type(b"q")
    output = hostile_session.read_to_end()
    assert hostile_session.process.wait() == 0
    for name, attack in ATTACKS.items():
        assert attack not in output, f"{name}: {attack!r} reached the terminal"
    for visible in ("␛]52;c;cm0gLXJmIH4K␇", "Safe␍EVIL", "abc␈␈␈XYZ", "[@click=app.quit]Read[/]"):
        assert visible.encode() in output or visible.encode() in shown, f"{visible} is not shown"


def test_shell_characters_in_a_link_reach_the_browser_verbatim(tmp_path: Path) -> None:
    planted = tmp_path / "planted"
    url = f"https://x.example/?q=1;touch {planted}&$(touch {planted})"
    record = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {record}\necho BROWSER-DONE\n')
    browser.chmod(0o755)
    article = tmp_path / "link.yaml"
    article.write_text(f"title: Link\nbody: [text]\nsource:\n  url: '{url}'\n", encoding="utf-8")
    child = Child(
        [sys.executable, "-m", "reader", str(article)],
        size=(120, 40),
        env={"READER_BIDI": "visual", "BROWSER": str(browser), "READER_STATE_DIR": str(tmp_path / "state")},
    )
    try:
        child.read_until(b"text")
        child.type(b"o")
        child.read_until(b"BROWSER-DONE")
        child.type(b"q")
        child.read_to_end()
        assert child.process.wait() == 0
    finally:
        child.close()
    assert record.read_text() == url
    assert not planted.exists()
