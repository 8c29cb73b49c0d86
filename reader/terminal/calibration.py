"""Which terminal a saved calibration belongs to, and finding it again.

A calibration is the mode a person picked by looking at samples in one terminal, so it is
kept per terminal: `terminal_identity` names the terminal from its environment (the
terminal `reader.terminal.identity` recognises, and ``TERM_PROGRAM`` / ``TERM``), and the
config's ``calibrations`` maps each name to its mode.

Older versions saved one global ``calibrated_bidi`` for every terminal. It is still read,
as a fallback for terminals without a calibration of their own, but never on a terminal
that answers the BDSM probe: there the reader lays out the text itself in explicit mode,
which is right, and a sample picked without that switch (the trap of the old calibrate on
VTE) is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reader.terminal.identity import mode_from_environment
from reader.terminal.modes import BidiMode

LEGACY_SETTING = "calibrated_bidi"
SETTING = "calibrations"


def terminal_identity(env: Mapping[str, str]) -> str:
    """A name for the terminal `env` describes, e.g. ``kitty; TERM=xterm-kitty``."""
    parts: list[str] = []
    detection = mode_from_environment(env)
    if detection is not None:
        parts.append(detection.terminal)
    for variable in ("TERM_PROGRAM", "TERM"):
        value = env.get(variable, "").strip()
        if value:
            parts.append(f"{variable}={value}")
    return "; ".join(parts) or "unknown terminal"


@dataclass(frozen=True)
class SavedCalibration:
    """A calibration that applies to this terminal."""

    mode: BidiMode
    legacy: bool
    """True for the old global ``calibrated_bidi`` (not picked in this terminal)."""

    def reason(self, identity: str) -> str:
        if self.legacy:
            return f"saved calibration (global {LEGACY_SETTING}: {self.mode.value}, from an older reader calibrate)"
        return f"saved calibration for {identity}: {self.mode.value}"


def saved_calibration(
    calibrations: Mapping[str, BidiMode], legacy: BidiMode | None, identity: str
) -> SavedCalibration | None:
    """This terminal's calibration, else the legacy global one, else None."""
    mode = calibrations.get(identity)
    if mode is not None:
        return SavedCalibration(mode, legacy=False)
    if legacy is not None:
        return SavedCalibration(legacy, legacy=True)
    return None
