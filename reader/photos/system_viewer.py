"""Opening a photo with the system's image viewer, as safely as a link is opened.

Only a file whose first bytes are an image's is handed over (an HTML page named `.jpg`
would open in a browser), by its absolute path (never taken for an option), as one
argument with no shell. Like links, only where a graphical session can show it: on a
Linux console or over SSH a viewer would take the terminal, so the reader says so instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reader.photos.files import Refused, check_file


def viewer_command(path: Path, env: Mapping[str, str], platform: str) -> list[str] | Refused:
    """The command that opens `path` in the system's viewer, or why it is not opened."""
    kind = check_file(path)
    if isinstance(kind, Refused):
        return kind
    target = str(path.resolve())
    if platform == "darwin":
        return ["open", "--", target]
    if not platform.startswith(("linux", "freebsd")):
        return Refused("no system viewer known on this platform")
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return Refused("no graphical session to show the photo in")
    return ["xdg-open", target]
