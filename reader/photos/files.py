"""Is this file a photo the reader may decode? Its size and first bytes say (never its name).

No Pillow here: `reader check` and the system viewer use these checks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 20_000_000
"""Larger files are not read at all (a news photo is well under 5 MB)."""
HEAD_BYTES = 16

# The formats a news photo comes in, by their first bytes (never by the file's name).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


@dataclass(frozen=True)
class Refused:
    """A photo that is not shown, and why (one line, for the reader)."""

    reason: str


def sniff(head: bytes) -> str | None:
    """The image format that `head` (the file's first bytes) starts, or None."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def describe_content(head: bytes) -> str:
    """What a file that is not an image seems to be, for the reason shown."""
    text = head.lstrip().lower()
    if text.startswith((b"<svg", b"<?xml")):
        return "an SVG or XML file"
    if text.startswith((b"<!doctype", b"<html", b"<")):
        return "an HTML page"
    return "not an image this reader knows (PNG, JPEG, GIF, WebP)"


def check_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str | Refused:
    """The file's format when it may be decoded; else why not (missing, too big, not an image)."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            return Refused(f"{path.name} is not a file")
        if size > max_bytes:
            return Refused(f"{path.name} is {size / 1_000_000:.0f} MB, over the {max_bytes / 1_000_000:.0f} MB limit")
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except FileNotFoundError:
        return Refused(f"{path.name} does not exist")
    except OSError as error:
        return Refused(f"{path.name} cannot be read ({error.strerror or error})")
    kind = sniff(head)
    if kind is None:
        return Refused(f"{path.name} is {describe_content(head)}")
    return kind
