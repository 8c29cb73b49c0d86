"""Copying text beyond the terminal: the system clipboard tool to hand it to, if any.

The app copies with OSC 52 (`App.copy_to_clipboard`), which many terminals honour and
some refuse (or leave off by default, as tmux and xterm do). So the text also goes to the
desktop's own clipboard tool when one is there: `wl-copy` on Wayland, `xclip` or `xsel`
on X, `pbcopy` on macOS. The text is given on standard input, never on a command line.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping

COPY_TIMEOUT_SECONDS = 2.0

Which = Callable[[str], str | None]


def clipboard_command(env: Mapping[str, str], platform: str, which: Which) -> list[str] | None:
    """The command that puts its standard input on the system clipboard, or None."""
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        program = which(command[0])
        if program is not None:
            return [program, *command[1:]]
    return None


def copy_with(command: list[str], text: str) -> str | None:
    """Hand `text` to `command`; None when it took it, else why not (one line)."""
    try:
        subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=COPY_TIMEOUT_SECONDS,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return f"{command[0]} did not finish within {COPY_TIMEOUT_SECONDS:g} s"
    except (OSError, subprocess.CalledProcessError) as error:
        return f"{command[0]}: {error}"
    return None
