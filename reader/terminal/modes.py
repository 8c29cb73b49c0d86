"""The vocabulary of bidi handling: which layout the reader sends, and what the user asked for.

`BidiMode` is the layout the renderer produces:

* ``visual``  - the reader shapes Arabic and reorders every line itself; the terminal must
  draw cells exactly left to right (xterm, Alacritty, WezTerm, Windows Terminal, Ghostty,
  and VTE/mintty once switched to explicit mode with BDSM).
* ``logical`` - text in logical (memory) order, unshaped; the terminal does bidi and shaping
  (Konsole, mlterm, VTE and mintty in their default implicit mode).
* ``runs``    - for kitty, which reverses each run of RTL letters itself: the reader orders
  the runs visually but leaves the letters inside each run in logical order.

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


class BidiSetting(StrEnum):
    """A user's bidi setting: a fixed `BidiMode`, or ``auto``."""

    VISUAL = "visual"
    LOGICAL = "logical"
    RUNS = "runs"
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
