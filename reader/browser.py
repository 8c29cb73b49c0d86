"""How a link can be opened on this machine: which kind of browser `webbrowser` would use.

The reader must never let a console browser (w3m, lynx…) draw over its screen:
- a graphical session (or macOS, Windows): the browser opens beside the terminal;
- `BROWSER` set: it may be a console browser, so the app suspends itself around it;
- neither (a Linux console, SSH without X forwarding): there is nothing to open the link
  with, so the app copies it to the clipboard instead and says so.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class BrowserKind(enum.Enum):
    GRAPHICAL = "graphical"
    CONSOLE = "console"
    NONE = "none"


def browser_kind(env: Mapping[str, str], platform: str) -> BrowserKind:
    """Which kind of browser opening a link would start, from the environment."""
    if env.get("BROWSER", "").strip():
        return BrowserKind.CONSOLE
    if not platform.startswith("linux") and not platform.startswith("freebsd"):
        return BrowserKind.GRAPHICAL
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return BrowserKind.GRAPHICAL
    return BrowserKind.NONE
