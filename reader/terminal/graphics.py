"""Asking the terminal which pictures it can draw: one round trip, before the app starts.

Three queries go out together: the Kitty graphics protocol's query (a 1×1 image that is
checked, never shown), the cell size in pixels (``CSI 16 t``) and Primary Device
Attributes (``CSI c``). Every terminal answers Device Attributes, and answers in order,
so its reply ends the wait: a terminal that knows neither graphics query costs one round
trip, not a timeout. Attribute 4 in that reply is Sixel. The round trip is
`reader.terminal.probe.ask_terminal`'s, as for the BDSM probe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.terminal.probe import TIMEOUT, ask_terminal

KITTY_QUERY_ID = 31
QUERY = f"\x1b_Gi={KITTY_QUERY_ID},s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\".encode() + b"\x1b[16t"
"""The Kitty graphics query and the cell size; `ask_terminal` adds Device Attributes."""
_KITTY_REPLY = re.compile(rb"\x1b_Gi=" + str(KITTY_QUERY_ID).encode() + rb";([^\x1b]*)\x1b\\")
_CELL_REPLY = re.compile(rb"\x1b\[6;(\d+);(\d+)t")
_DA1_REPLY = re.compile(rb"\x1b\[\?([\d;]*)c")


@dataclass(frozen=True)
class GraphicsReply:
    """What the terminal said it can draw (all False when it did not answer)."""

    kitty: bool = False
    sixel: bool = False
    cell_pixels: tuple[int, int] | None = None  # (width, height) of a cell


def parse_graphics_reply(received: bytes) -> GraphicsReply | None:
    """The terminal's answers in `received`, once its Device Attributes reply is there."""
    attributes = _DA1_REPLY.search(received)
    if attributes is None:
        return None
    kitty = _KITTY_REPLY.search(received)
    cell = _CELL_REPLY.search(received)
    cell_pixels = (int(cell.group(2)), int(cell.group(1))) if cell else None
    if cell_pixels is not None and min(cell_pixels) <= 0:
        cell_pixels = None
    return GraphicsReply(
        kitty=kitty is not None and kitty.group(1) == b"OK",
        sixel="4" in attributes.group(1).decode().split(";"),
        cell_pixels=cell_pixels,
    )


def query_graphics(fd_in: int, fd_out: int, timeout: float = TIMEOUT) -> GraphicsReply:
    """Ask the terminal on `fd_in`/`fd_out`; `GraphicsReply()` when it cannot be asked or is silent."""
    answers = ask_terminal(fd_in, fd_out, QUERY, timeout)
    reply = parse_graphics_reply(answers) if answers is not None else None
    return reply or GraphicsReply()
