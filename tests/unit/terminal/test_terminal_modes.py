"""Mode from the environment, the user's setting, and the order choose_mode trusts them in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.terminal import select_mode
from reader.terminal.calibration import SavedCalibration
from reader.terminal.identity import mode_from_environment
from reader.terminal.modes import BidiMode, BidiSetting
from reader.terminal.probe import BdsmState
from reader.terminal.select_mode import ModeChoice, choose_mode, resolve_setting

GNOME_TERMINAL = {"TERM": "xterm-256color", "VTE_VERSION": "7600", "COLORTERM": "truecolor"}
KITTY = {"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}
XTERM = {"TERM": "xterm-256color", "XTERM_VERSION": "XTerm(390)"}


@pytest.mark.parametrize(
    ("env", "mode", "terminal"),
    [
        (GNOME_TERMINAL, BidiMode.LOGICAL, "VTE"),
        ({"TERM": "xterm-256color", "VTE_VERSION": "5202"}, BidiMode.VISUAL, "VTE"),
        ({"TERM": "xterm-256color", "KONSOLE_VERSION": "230804"}, BidiMode.ROWS, "Konsole"),
        ({"TERM": "xterm", "MLTERM": "3.9.3"}, BidiMode.LOGICAL, "mlterm"),
        ({"TERM": "xterm", "TERM_PROGRAM": "mintty"}, BidiMode.LOGICAL, "mintty"),
        (KITTY, BidiMode.RUNS, "kitty"),
        ({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "3"}, BidiMode.RUNS, "kitty"),
        (XTERM, BidiMode.VISUAL, "xterm"),
        ({"TERM": "alacritty"}, BidiMode.VISUAL, "Alacritty"),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, BidiMode.VISUAL, "WezTerm"),
        ({"TERM": "xterm-256color", "WT_SESSION": "0c1d"}, BidiMode.VISUAL, "Windows Terminal"),
        ({"TERM": "xterm-ghostty", "TERM_PROGRAM": "ghostty"}, BidiMode.VISUAL, "Ghostty"),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"}, BidiMode.VISUAL, "iTerm2"),
    ],
)
def test_terminal_recognised_from_environment(env: dict[str, str], mode: BidiMode, terminal: str) -> None:
    detection = mode_from_environment(env)

    assert detection is not None
    assert (detection.mode, detection.terminal) == (mode, terminal)
    assert not detection.possibly_stale


def test_reason_names_the_evidence() -> None:
    detection = mode_from_environment(GNOME_TERMINAL)

    assert detection is not None
    assert detection.reason == "VTE_VERSION=7600: GNOME Terminal-like, does its own bidi"


def test_unknown_terminal_is_not_guessed() -> None:
    assert mode_from_environment({"TERM": "xterm-256color"}) is None
    assert mode_from_environment({"TERM": "xterm", "VTE_VERSION": "garbage"}) is None


@pytest.mark.parametrize(
    "env",
    [
        {"TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "tmux-256color", "TERM_PROGRAM": "tmux"},
        {"STY": "1234.pts-0.host", "TERM": "screen-256color"},
    ],
)
def test_inside_a_multiplexer_inherited_identity_is_flagged_stale(env: dict[str, str]) -> None:
    stale = {**env, "VTE_VERSION": "7600"}

    detection = mode_from_environment(stale)

    assert detection is not None
    assert detection.mode is BidiMode.LOGICAL
    assert detection.possibly_stale
    assert "stale" in detection.reason
    assert "VTE_VERSION=7600" in detection.reason


def test_multiplexer_alone_is_not_guessed() -> None:
    assert mode_from_environment({"TMUX": "/tmp/tmux,1,0", "TERM": "screen"}) is None


def test_terminal_started_from_another_prefers_its_own_term() -> None:
    # kitty launched from a GNOME Terminal shell inherits VTE_VERSION.
    detection = mode_from_environment({**GNOME_TERMINAL, **KITTY})

    assert detection is not None
    assert detection.mode is BidiMode.RUNS
    assert detection.possibly_stale
    assert "VTE_VERSION=7600" in detection.reason


# --- choose_mode -------------------------------------------------------------------------


class ProbeSpy:
    """A probe answering `state`, counting calls."""

    def __init__(self, state: BdsmState) -> None:
        self.state = state
        self.calls = 0

    def __call__(self) -> BdsmState:
        self.calls += 1
        return self.state


Choose = Callable[..., ModeChoice]


@pytest.fixture
def choose() -> Choose:
    """choose_mode in an interactive session, with sensible defaults."""

    def run(
        setting: BidiSetting = BidiSetting.AUTO,
        env: dict[str, str] | None = None,
        calibration: BidiMode | None = None,
        probe: ProbeSpy | None = None,
        interactive: bool = True,
    ) -> ModeChoice:
        return choose_mode(
            setting,
            {} if env is None else env,
            None if calibration is None else SavedCalibration(calibration, legacy=False),
            probe or ProbeSpy(BdsmState.NO_ANSWER),
            interactive=interactive,
        )

    return run


@pytest.mark.parametrize("state", [BdsmState.SET, BdsmState.RESET])
def test_bdsm_terminal_gets_visual_and_is_switched(choose: Choose, state: BdsmState) -> None:
    choice = choose(env=GNOME_TERMINAL, probe=ProbeSpy(state))

    assert (choice.mode, choice.switch_to_explicit, choice.previous_bdsm) == (
        BidiMode.VISUAL,
        True,
        state,
    )


def test_probe_beats_stale_identity_in_tmux(choose: Choose) -> None:
    env = {"TMUX": "/tmp/tmux,1,0", "TERM": "tmux-256color", "KONSOLE_VERSION": "230804"}

    choice = choose(env=env, probe=ProbeSpy(BdsmState.SET))

    assert choice.mode is BidiMode.VISUAL
    assert choice.switch_to_explicit


def test_no_probe_answer_falls_back_to_identity(choose: Choose) -> None:
    choice = choose(env=GNOME_TERMINAL, probe=ProbeSpy(BdsmState.NO_ANSWER))

    assert choice == ModeChoice(
        BidiMode.LOGICAL,
        "VTE_VERSION=7600: GNOME Terminal-like, does its own bidi",
        False,
        BdsmState.NO_ANSWER,
    )


def test_unknown_answer_falls_back_to_identity(choose: Choose) -> None:
    choice = choose(env=KITTY, probe=ProbeSpy(BdsmState.UNKNOWN))

    assert (choice.mode, choice.switch_to_explicit) == (BidiMode.RUNS, False)


def test_permanent_bdsm_answers_are_obeyed(choose: Choose) -> None:
    always = choose(env=XTERM, probe=ProbeSpy(BdsmState.PERMANENTLY_SET))
    never = choose(env=KITTY, probe=ProbeSpy(BdsmState.PERMANENTLY_RESET))

    assert (always.mode, always.switch_to_explicit) == (BidiMode.LOGICAL, False)
    assert (never.mode, never.switch_to_explicit) == (BidiMode.VISUAL, False)


def test_unrecognised_terminal_gets_visual(choose: Choose) -> None:
    choice = choose(env={"TERM": "xterm-256color"})

    assert (choice.mode, choice.switch_to_explicit) == (BidiMode.VISUAL, False)
    assert "calibrate" in choice.reason


def test_calibration_beats_probe_and_identity(choose: Choose) -> None:
    probe = ProbeSpy(BdsmState.SET)

    choice = choose(env=KITTY, calibration=BidiMode.LOGICAL, probe=probe)

    assert (choice.mode, choice.switch_to_explicit) == (BidiMode.LOGICAL, False)
    assert probe.calls == 0, "logical text must not switch the terminal off its own bidi"


@pytest.mark.parametrize("setting", [BidiSetting.LOGICAL, BidiSetting.RUNS])
def test_explicit_setting_beats_everything(choose: Choose, setting: BidiSetting) -> None:
    probe = ProbeSpy(BdsmState.SET)

    choice = choose(setting=setting, env=XTERM, calibration=BidiMode.VISUAL, probe=probe)

    assert choice.mode.value == setting.value
    assert not choice.switch_to_explicit
    assert probe.calls == 0


def test_explicit_visual_still_switches_a_bdsm_terminal(choose: Choose) -> None:
    choice = choose(setting=BidiSetting.VISUAL, env=KITTY, probe=ProbeSpy(BdsmState.SET))

    assert (choice.mode, choice.switch_to_explicit) == (BidiMode.VISUAL, True)


def test_no_probe_without_a_terminal(choose: Choose) -> None:
    probe = ProbeSpy(BdsmState.SET)

    choice = choose(env=GNOME_TERMINAL, probe=probe, interactive=False)

    assert probe.calls == 0
    assert (choice.mode, choice.switch_to_explicit) == (BidiMode.LOGICAL, False)


def test_probe_runs_once(choose: Choose) -> None:
    probe = ProbeSpy(BdsmState.SET)

    choose(calibration=BidiMode.VISUAL, probe=probe)

    assert probe.calls == 1


@pytest.mark.parametrize(
    ("cli_value", "env", "started"),
    [
        (None, {}, True),
        ("visual", {}, True),  # visual still switches a BDSM terminal: it must be asked
        ("logical", {}, False),
        (None, {"READER_BIDI": "runs"}, False),
        ("bogus", {}, False),  # reported later, when the setting is read for real
    ],
)
def test_the_probe_starts_early_only_when_the_run_will_ask(
    monkeypatch: pytest.MonkeyPatch, cli_value: str | None, env: dict[str, str], started: bool
) -> None:
    monkeypatch.setattr(select_mode, "_stdio_are_ttys", lambda: True)
    monkeypatch.setattr(select_mode, "default_probe", ProbeSpy(BdsmState.SET))

    probe = select_mode.start_probe_early(cli_value, env)

    assert (probe is not None) == started
    if probe is not None:
        assert probe() is BdsmState.SET  # the answer the run's choice then uses


def test_the_early_probe_asks_the_terminal_once(choose: Choose) -> None:
    spy = ProbeSpy(BdsmState.SET)
    early = select_mode.BackgroundProbe(spy)

    choice = choose(env=XTERM, probe=early)
    early.finish()

    assert spy.calls == 1 and choice.switch_to_explicit


# --- resolve_setting ---------------------------------------------------------------------


def test_command_line_beats_environment_beats_config() -> None:
    env = {"READER_BIDI": "logical"}

    assert resolve_setting("runs", env, "visual").setting is BidiSetting.RUNS
    assert resolve_setting(None, env, "visual").setting is BidiSetting.LOGICAL
    assert resolve_setting(None, {}, " Visual ").setting is BidiSetting.VISUAL
    assert resolve_setting(None, {}, None).setting is BidiSetting.AUTO


def test_bad_setting_names_its_source() -> None:
    expected = "READER_BIDI.*expected one of: visual, logical, runs, rows, auto"
    with pytest.raises(ValueError, match=expected):
        resolve_setting(None, {"READER_BIDI": "rtl"}, None)
