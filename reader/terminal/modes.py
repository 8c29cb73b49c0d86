"""The vocabulary of bidi handling: which layout the reader sends, and what the user asked for.

`BidiMode` is the layout the renderer produces:

* ``visual``  - the reader shapes Arabic and reorders every line itself; the terminal must
  draw cells exactly left to right (xterm, Alacritty, WezTerm, Windows Terminal, Ghostty,
  and VTE/mintty once switched to explicit mode with BDSM).
* ``logical`` - text in logical (memory) order, unshaped; the terminal does bidi and shaping
  (Konsole, mlterm, VTE and mintty in their default implicit mode).
* ``runs``    - for kitty, which reverses each chunk of Arabic between spaces itself: the
  reader orders the words visually but leaves each such chunk in logical order (in a chunk
  with harakat, every cell filled to one length with CGJs, so kitty draws them on their letters).
* ``rows``    - for Konsole, which runs the bidi algorithm over each whole screen row (in a
  left-to-right paragraph, whatever the marks say), cannot be switched off and does not
  mirror: shaped text in logical order with brackets already mirrored, each line wrapped
  in marks and an embedding (LRM RLE ... PDF LRM), so the terminal reorders each line alone.

`BidiSetting` is what the user configured (``--bidi``, ``READER_BIDI``, config): one of the
modes, or ``auto`` to let `reader.terminal.select_mode.choose_mode` decide.
"""

from __future__ import annotations

from enum import StrEnum


class BidiMode(StrEnum):
    """The text layout the reader sends to the terminal."""

    VISUAL = "visual"
    LOGICAL = "logical"
    RUNS = "runs"
    ROWS = "rows"


class BidiSetting(StrEnum):
    """A user's bidi setting: a fixed `BidiMode`, or ``auto``."""

    VISUAL = "visual"
    LOGICAL = "logical"
    RUNS = "runs"
    ROWS = "rows"
    AUTO = "auto"

    @classmethod
    def parse(cls, text: str) -> BidiSetting:
        """Read a setting as typed by a user (case and surrounding blanks ignored).

        Raises:
            ValueError: naming the accepted values, when `text` is none of them.
        """
        cleaned = text.strip().lower()
        for member in cls:
            if member.value == cleaned:
                return member
        accepted = ", ".join(member.value for member in cls)
        raise ValueError(f"unknown bidi setting {text!r}; expected one of: {accepted}")

    def fixed_mode(self) -> BidiMode | None:
        """The mode this setting forces, or None for ``auto``."""
        if self is BidiSetting.AUTO:
            return None
        return BidiMode(self.value)
