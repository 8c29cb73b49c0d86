"""Which desktop clipboard tool the reader hands copied text to."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from reader.clipboard import clipboard_command, copy_with


def installed(*programs: str) -> Callable[[str], str | None]:
    return lambda name: f"/usr/bin/{name}" if name in programs else None


@pytest.mark.parametrize(
    ("env", "platform", "programs", "expected"),
    [
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", ("wl-copy", "xclip"), ["/usr/bin/wl-copy"]),
        ({"DISPLAY": ":0"}, "linux", ("xclip",), ["/usr/bin/xclip", "-selection", "clipboard"]),
        ({"DISPLAY": ":0"}, "linux", ("xsel",), ["/usr/bin/xsel", "--clipboard", "--input"]),
        ({}, "darwin", ("pbcopy",), ["/usr/bin/pbcopy"]),
        ({}, "linux", ("xclip", "wl-copy"), None),  # a console or ssh: OSC 52 alone
        ({"DISPLAY": ":0"}, "linux", (), None),  # no tool installed
    ],
)
def test_the_tool_matches_the_session(
    env: dict[str, str], platform: str, programs: tuple[str, ...], expected: list[str] | None
) -> None:
    assert clipboard_command(env, platform, installed(*programs)) == expected


def test_a_tool_that_fails_is_said_in_one_line() -> None:
    problem = copy_with([sys.executable, "-c", "raise SystemExit(3)"], "نص")
    assert problem is not None and "exit status 3" in problem and "\n" not in problem
