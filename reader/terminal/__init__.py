"""Terminal bidi support: what the terminal does with RTL text and how we adapt to it.

* `modes`       - `BidiMode` (visual / logical / runs) and `BidiSetting` (+ auto).
* `identity`    - the mode guessed from environment variables.
* `probe`       - the BDSM DECRQM round trip (`probe_bdsm`, `BdsmState`).
* `bdsm`        - `explicit_bidi`: switch a VTE/mintty-like terminal to explicit bidi and
  restore it on every exit path.
* `select_mode` - `choose_mode`: the order in which all of the above is trusted.

Pure modules: nothing here imports Textual.
"""

from reader.terminal.bdsm import BidiGuard, explicit_bidi
from reader.terminal.identity import Detection, mode_from_environment
from reader.terminal.modes import BidiMode, BidiSetting
from reader.terminal.probe import BdsmState, probe_bdsm
from reader.terminal.select_mode import (
    ModeChoice,
    ResolvedSetting,
    choose_mode,
    default_probe,
    resolve_setting,
)

__all__ = [
    "BdsmState",
    "BidiGuard",
    "BidiMode",
    "BidiSetting",
    "Detection",
    "ModeChoice",
    "ResolvedSetting",
    "choose_mode",
    "default_probe",
    "explicit_bidi",
    "mode_from_environment",
    "probe_bdsm",
    "resolve_setting",
]
