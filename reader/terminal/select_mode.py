"""Deciding the bidi mode for this run, and whether to switch the terminal to explicit bidi.

Owns the order of evidence, strongest first:

1. an explicit setting (``--bidi``, ``READER_BIDI``, config - see `resolve_setting`);
2. with ``auto``, a saved calibration (the user looked at samples and picked) for this
   terminal; the old global one only if the terminal does not answer the BDSM probe;
3. the BDSM probe: a terminal that can switch (VTE >= 0.58, mintty) gets visual text and
   is switched to explicit bidi - it answers for itself, so it beats stale variables
   inside tmux/screen or in a terminal started from another one;
4. the environment fingerprint (`reader.terminal.identity`);
5. visual, right for the terminals that do no bidi (xterm, Alacritty, WezTerm...).

Whenever the result is visual - even from a setting or a calibration - a switchable
terminal is still switched to explicit, or it would reverse our visual lines a second time.
The probe only runs when stdin and stdout are both terminals.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.terminal.bdsm import MLTERM_LAYOUT_OFF, TerminalSwitch
from reader.terminal.calibration import SavedCalibration, terminal_identity
from reader.terminal.identity import mode_from_environment, multiplexer_name
from reader.terminal.modes import BidiMode, BidiSetting
from reader.terminal.probe import BdsmState, probe_bdsm

ENV_VARIABLE = "READER_BIDI"

Probe = Callable[[], BdsmState]


@dataclass(frozen=True)
class ResolvedSetting:
    """The user's bidi setting and where it came from (for messages)."""

    setting: BidiSetting
    source: str


@dataclass(frozen=True)
class ModeChoice:
    """The mode for this run and what to do to the terminal for it."""

    mode: BidiMode
    reason: str
    switch_to_explicit: bool
    """Wrap the app in `reader.terminal.bdsm.explicit_bidi` with `previous_bdsm`."""
    previous_bdsm: BdsmState
    """The probe's answer; NO_ANSWER when the probe did not run."""
    switch: TerminalSwitch | None = None
    """With `switch_to_explicit`: the terminal's own sequences instead of BDSM's (mlterm)."""

    def describe(self) -> str:
        """The mode and why, for the help screen (the reason has brackets of its own)."""
        return f"{self.mode.value}: {self.reason}"


def resolve_setting(cli_value: str | None, env: Mapping[str, str], config_value: str | None) -> ResolvedSetting:
    """``--bidi`` beats ``READER_BIDI`` beats the config file; none of them means auto.

    Raises:
        ValueError: for an unknown value, naming where it came from.
    """
    candidates = (
        (cli_value, "--bidi"),
        (env.get(ENV_VARIABLE), ENV_VARIABLE),
        (config_value, "config"),
    )
    for value, source in candidates:
        if value is not None and value.strip():
            try:
                return ResolvedSetting(BidiSetting.parse(value), source)
            except ValueError as error:
                raise ValueError(f"{source}: {error}") from error
    return ResolvedSetting(BidiSetting.AUTO, "default")


def choose_mode(
    setting: BidiSetting,
    env: Mapping[str, str],
    saved_calibration: SavedCalibration | None,
    probe: Probe,
    *,
    interactive: bool | None = None,
    setting_source: str = "setting",
) -> ModeChoice:
    """Pick the mode (see the module notes for the order).

    `probe` is only called when `interactive` - by default, stdin and stdout are ttys.
    """
    can_probe = _stdio_are_ttys() if interactive is None else interactive
    asked = _LazyProbe(probe if can_probe else None)
    forced = setting.fixed_mode()
    if forced is not None:
        return _decided(forced, f"bidi={forced.value} from {setting_source}", asked, env)
    if saved_calibration is not None:
        reason = saved_calibration.reason(terminal_identity(env))
        if not (saved_calibration.legacy and asked.answer().switchable):
            return _decided(saved_calibration.mode, reason, asked, env)
    return _detected(env, asked)


def default_probe() -> BdsmState:
    """Probe the terminal on this process's stdin and stdout."""
    return probe_bdsm(sys.stdin.fileno(), sys.stdout.fileno())


class BackgroundProbe:
    """The probe, started at once in a thread and answered when asked.

    The round trip (the terminal's answers end with its Device Attributes reply) is a few
    milliseconds; started first thing, it passes while the app is being imported."""

    def __init__(self, probe: Probe | None = None) -> None:
        self._probe = probe or default_probe
        self._answer = BdsmState.NO_ANSWER
        self._thread = threading.Thread(target=self._run, name="bdsm-probe", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._answer = self._probe()

    def __call__(self) -> BdsmState:
        """The terminal's answer, once the probe is done."""
        self.finish()
        return self._answer

    def finish(self) -> None:
        """Wait for the probe: it must give the terminal back (its settings, its reply)
        before anything else reads it, or the process ends."""
        self._thread.join()


def start_probe_early(cli_value: str | None, env: Mapping[str, str]) -> BackgroundProbe | None:
    """A background probe, when this run will almost surely ask: stdin and stdout are
    terminals and neither ``--bidi`` nor ``READER_BIDI`` chose a mode that needs none.
    (The config, read later, may still make the answer unneeded: it is then ignored.)"""
    if not _stdio_are_ttys():
        return None
    try:
        fixed = resolve_setting(cli_value, env, None).setting.fixed_mode()
    except ValueError:
        return None  # the error is reported when the setting is read for real
    if fixed is not None and fixed is not BidiMode.VISUAL:
        return None
    return BackgroundProbe()


class _LazyProbe:
    """Runs the probe at most once, and only if allowed."""

    def __init__(self, probe: Probe | None) -> None:
        self._probe = probe
        self._answer: BdsmState | None = None

    def answer(self) -> BdsmState:
        if self._probe is None:
            return BdsmState.NO_ANSWER
        if self._answer is None:
            self._answer = self._probe()
        return self._answer


def own_switch(env: Mapping[str, str]) -> TerminalSwitch | None:
    """The switch of a terminal that has its own instead of BDSM: mlterm, when the reader
    runs right in it (a multiplexer between them would not pass the sequence on)."""
    detection = mode_from_environment(env)
    if detection is None or detection.terminal != "mlterm" or multiplexer_name(env) is not None:
        return None
    return MLTERM_LAYOUT_OFF


def _decided(mode: BidiMode, reason: str, asked: _LazyProbe, env: Mapping[str, str]) -> ModeChoice:
    """A mode fixed by the user; visual still switches a switchable terminal."""
    if mode is not BidiMode.VISUAL:
        return ModeChoice(mode, reason, False, BdsmState.NO_ANSWER)
    switch = own_switch(env)
    if switch is not None:
        return ModeChoice(mode, reason + "; switching mlterm's own bidi off", True, BdsmState.NO_ANSWER, switch)
    state = asked.answer()
    if state.switchable:
        reason += "; terminal supports BDSM, switching it to explicit bidi"
    return ModeChoice(mode, reason, state.switchable, state)


def _detected(env: Mapping[str, str], asked: _LazyProbe) -> ModeChoice:
    """``auto`` without calibration: probe, then fingerprint, then visual."""
    state = asked.answer()
    if state.switchable:
        reason = f"terminal answered BDSM ({state.value}): switching it to explicit bidi"
        return ModeChoice(BidiMode.VISUAL, reason, True, state)
    if state is BdsmState.PERMANENTLY_SET:
        reason = "terminal answered BDSM permanently set: it always does its own bidi"
        return ModeChoice(BidiMode.LOGICAL, reason, False, state)
    if state is BdsmState.PERMANENTLY_RESET:
        reason = "terminal answered BDSM permanently reset: it never reorders"
        return ModeChoice(BidiMode.VISUAL, reason, False, state)
    switch = own_switch(env)
    if switch is not None:
        reason = "mlterm: switching its own bidi and shaping off (OSC 5379 use_ctl=false) for the session"
        return ModeChoice(BidiMode.VISUAL, reason, True, state, switch)
    detection = mode_from_environment(env)
    if detection is not None:
        return ModeChoice(detection.mode, detection.reason, False, state)
    reason = "terminal not recognised; assuming it does no bidi (try `reader calibrate`)"
    return ModeChoice(BidiMode.VISUAL, reason, False, state)


def _stdio_are_ttys() -> bool:
    """True when both stdin and stdout are terminals (the probe needs both)."""
    try:
        return os.isatty(sys.stdin.fileno()) and os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return False  # closed, replaced or in-memory streams
