"""Terminal bidi support: what the terminal does with RTL text and how we adapt to it.

* `modes`       - `BidiMode` (visual / logical / runs) and `BidiSetting` (+ auto).
* `identity`    - the mode guessed from environment variables.
* `probe`       - the BDSM DECRQM round trip (`probe_bdsm`, `BdsmState`).
* `bdsm`        - `explicit_bidi`: switch a VTE/mintty-like terminal to explicit bidi and
  restore it on every exit path.
* `select_mode` - `choose_mode`: the order in which all of the above is trusted.

Pure modules: nothing here imports Textual. Import the submodule you need: this package
imports nothing itself, so `reader dump` does not pay for the probe and signal handling.
"""
