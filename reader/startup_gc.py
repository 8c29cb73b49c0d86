"""The cyclic garbage collector waits while the reader starts.

Importing Textual and building the first screen allocate hundreds of thousands of
objects, almost none of them garbage, and the collector would walk them again and again:
about 15 ms of a start-up. `pause` stops it; `resume` (after the first paint) freezes
what start-up made, so later collections skip it, and starts it again.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start the collector again if `pause` stopped it (a no-op otherwise, as in tests)."""
    global _paused
    if _paused:
        gc.freeze()
        gc.enable()
        _paused = False
