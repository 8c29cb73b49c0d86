"""Which way photos are drawn: the `images` setting and the terminal's answer decide.

`--images` beats the config's `images:`; `auto` takes Kitty graphics when the terminal
answers the Kitty query and draws Unicode placeholders (kitty, Ghostty: Konsole and
WezTerm answer the query but do not draw placeholders, so they get the next choice),
else Sixel when the terminal reports it (half blocks in the panes, Sixel in the
full-screen view), else half blocks wherever 256 or more colours are shown, else
nothing (a 16-colour terminal would draw a photo as coloured noise). Pure: no Pillow,
no Textual.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported only where the terminal is asked: not on every start
    from reader.terminal.graphics import GraphicsReply


class ImagesSetting(enum.Enum):
    AUTO = "auto"
    KITTY = "kitty"
    SIXEL = "sixel"
    BLOCKS = "blocks"
    OFF = "off"


class ImageProtocol(enum.Enum):
    """How the photos of this run are drawn."""

    KITTY = "kitty"  # Kitty graphics protocol, with Unicode placeholders (cells, so it scrolls)
    SIXEL = "sixel"  # half blocks in the panes, Sixel in the full-screen view
    BLOCKS = "blocks"  # `▀` cells in 24-bit colour (256 colours where that is all there is)
    OFF = "off"  # captions only

    @property
    def draws(self) -> bool:
        return self is not ImageProtocol.OFF


@dataclass(frozen=True)
class ImagesChoice:
    protocol: ImageProtocol
    reason: str
    cell_pixels: tuple[int, int] | None = None


def shows_256_colours(env: Mapping[str, str]) -> bool:
    """Whether the terminal shows at least 256 colours, as Rich and Textual judge it."""
    if env.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return True
    if env.get("TEXTUAL_COLOR_SYSTEM", "").strip().lower() in ("truecolor", "256"):
        return True
    term = env.get("TERM", "").lower()
    return "256" in term or "truecolor" in term or "direct" in term or term.startswith(("kitty", "wezterm"))


def draws_kitty_placeholders(env: Mapping[str, str]) -> bool:
    """Whether the terminal is one known to draw Kitty graphics' Unicode placeholders."""
    term = env.get("TERM", "").lower()
    program = env.get("TERM_PROGRAM", "").lower()
    return "kitty" in term or "ghostty" in term or bool(env.get("KITTY_WINDOW_ID")) or program == "ghostty"


def choose_images(setting: ImagesSetting, reply: GraphicsReply, env: Mapping[str, str]) -> ImagesChoice:
    """The protocol for this run, and why (for `reader config` and the help screen)."""
    cells = reply.cell_pixels
    if setting is not ImagesSetting.AUTO:
        return ImagesChoice(ImageProtocol(setting.value), f"images={setting.value} from the setting", cells)
    if reply.kitty and draws_kitty_placeholders(env):
        return ImagesChoice(ImageProtocol.KITTY, "the terminal answered the Kitty graphics query", cells)
    if reply.sixel:
        return ImagesChoice(ImageProtocol.SIXEL, "the terminal reports Sixel graphics", cells)
    if shows_256_colours(env):
        return ImagesChoice(ImageProtocol.BLOCKS, "no graphics protocol answered; half blocks in colour", cells)
    return ImagesChoice(ImageProtocol.OFF, "a terminal of 16 colours: photos off (set images: blocks to try)", cells)
