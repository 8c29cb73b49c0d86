"""Which bidi mode the terminal needs, judged from environment variables alone.

Owns the table of terminal fingerprints (``TERM``, ``TERM_PROGRAM``, ``VTE_VERSION``,
``KONSOLE_VERSION``, ``KITTY_WINDOW_ID``, ...) and the mode each terminal needs *when the
BDSM probe got no usable answer*. That context matters for VTE and mintty: they do
implicit bidi by default, so without a successful BDSM switch they need logical text.

Environment variables are inherited: a terminal started from another terminal's shell,
or a tmux/screen session attached from a different terminal than the one that created
it, carries stale fingerprints. So rules are ordered from freshest to stalest - ``TERM``
(rewritten by every terminal) before ``TERM_PROGRAM`` (rewritten by the terminals that
set it) before per-terminal variables - and a `Detection` names the other fingerprints it
saw and says when it may be stale. Callers should trust the probe before this.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.terminal.modes import BidiMode

VTE_FIRST_BIDI_VERSION = 5800
"""VTE_VERSION of VTE 0.58, the first release with implicit bidi and BDSM."""


@dataclass(frozen=True)
class Detection:
    """A mode guessed from the environment, and why."""

    mode: BidiMode
    terminal: str
    reason: str
    """Human sentence, e.g. "VTE_VERSION=7600: GNOME Terminal-like, does its own bidi"."""
    possibly_stale: bool = False
    """True when the evidence may describe another terminal (multiplexer, several hits)."""


@dataclass(frozen=True)
class _Hit:
    """One fingerprint found in the environment."""

    mode: BidiMode
    terminal: str
    evidence: str
    explanation: str


_Rule = Callable[[Mapping[str, str]], "_Hit | None"]


def mode_from_environment(env: Mapping[str, str]) -> Detection | None:
    """The mode the terminal described by `env` needs, or None if it is not recognised."""
    hits = [hit for rule in _RULES if (hit := rule(env)) is not None]
    if not hits:
        return None
    return _detection(hits[0], hits[1:], multiplexer_name(env))


def multiplexer_name(env: Mapping[str, str]) -> str | None:
    """ "tmux" or "screen" when running inside one (their panes hide the real terminal)."""
    term = env.get("TERM", "")
    if "TMUX" in env or term.startswith("tmux") or env.get("TERM_PROGRAM") == "tmux":
        return "tmux"
    if "STY" in env or term.startswith("screen"):
        return "screen"
    return None


def _detection(best: _Hit, others: list[_Hit], multiplexer: str | None) -> Detection:
    """Turn the winning fingerprint into a Detection, noting doubts about it."""
    reason = f"{best.evidence}: {best.explanation}"
    if multiplexer is not None:
        reason += (
            f" (inside {multiplexer}: {best.evidence} was inherited when the session began"
            " and may be stale if it was attached from another terminal)"
        )
    shadowed = [hit.evidence for hit in others if hit.terminal != best.terminal]
    if shadowed:
        reason += f"; also set, possibly inherited: {', '.join(shadowed)}"
    return Detection(
        mode=best.mode,
        terminal=best.terminal,
        reason=reason,
        possibly_stale=multiplexer is not None or bool(shadowed),
    )


def _term_is(value: str, mode: BidiMode, terminal: str, explanation: str) -> _Rule:
    """A rule matching TERM exactly (TERM is unreliable inside multiplexers)."""

    def rule(env: Mapping[str, str]) -> _Hit | None:
        if env.get("TERM") != value:
            return None
        return _Hit(mode, terminal, f"TERM={value}", explanation)

    return rule


def _term_program_is(value: str, mode: BidiMode, terminal: str, explanation: str) -> _Rule:
    """A rule matching TERM_PROGRAM (compared case-insensitively)."""

    def rule(env: Mapping[str, str]) -> _Hit | None:
        found = env.get("TERM_PROGRAM", "")
        if found.lower() != value.lower():
            return None
        return _Hit(mode, terminal, f"TERM_PROGRAM={found}", explanation)

    return rule


def _variable_set(name: str, mode: BidiMode, terminal: str, explanation: str) -> _Rule:
    """A rule matching the mere presence of a terminal's own variable."""

    def rule(env: Mapping[str, str]) -> _Hit | None:
        if name not in env:
            return None
        value = env[name]
        evidence = f"{name}={value}" if value and len(value) <= 20 else f"{name} set"
        return _Hit(mode, terminal, evidence, explanation)

    return rule


def _vte(env: Mapping[str, str]) -> _Hit | None:
    """VTE (GNOME Terminal, Tilix, xfce4-terminal...): bidi from 0.58 on."""
    raw = env.get("VTE_VERSION")
    if raw is None or not raw.strip().isdigit():
        return None
    evidence = f"VTE_VERSION={raw}"
    if int(raw) >= VTE_FIRST_BIDI_VERSION:
        return _Hit(BidiMode.LOGICAL, "VTE", evidence, "GNOME Terminal-like, does its own bidi")
    return _Hit(BidiMode.VISUAL, "VTE", evidence, "VTE older than 0.58, does no bidi")


_KONSOLE = (
    "Konsole runs bidi over each whole row and does not mirror: each line is sent as its own"
    " embedding, shaped, brackets mirrored"
)
_MLTERM = "mlterm does its own bidi and shaping (over whole rows: see docs/terminals.md)"

_RULES: tuple[_Rule, ...] = (
    # TERM: rewritten by every terminal, so the freshest evidence outside multiplexers.
    _term_is("xterm-kitty", BidiMode.RUNS, "kitty", "kitty reverses runs of RTL letters itself"),
    _term_is("xterm-ghostty", BidiMode.VISUAL, "Ghostty", "Ghostty does no bidi"),
    _term_is("alacritty", BidiMode.VISUAL, "Alacritty", "Alacritty does no bidi"),
    _term_is("wezterm", BidiMode.VISUAL, "WezTerm", "WezTerm does no bidi by default"),
    _term_is("mlterm", BidiMode.LOGICAL, "mlterm", _MLTERM),
    # TERM_PROGRAM: rewritten by the terminals that set it.
    _term_program_is("mintty", BidiMode.LOGICAL, "mintty", "mintty does its own bidi"),
    _term_program_is("WezTerm", BidiMode.VISUAL, "WezTerm", "WezTerm does no bidi by default"),
    _term_program_is("ghostty", BidiMode.VISUAL, "Ghostty", "Ghostty does no bidi"),
    _term_program_is(
        "iTerm.app",
        BidiMode.VISUAL,
        "iTerm2",
        "iTerm2's bidi support is experimental and off by default (use --bidi logical if you turned it on)",
    ),
    # Per-terminal variables: inherited by anything started from that terminal.
    _variable_set("KITTY_WINDOW_ID", BidiMode.RUNS, "kitty", "kitty reverses runs of RTL letters itself"),
    _variable_set("KONSOLE_VERSION", BidiMode.ROWS, "Konsole", _KONSOLE),
    _variable_set("MLTERM", BidiMode.LOGICAL, "mlterm", _MLTERM),
    _vte,
    _variable_set("XTERM_VERSION", BidiMode.VISUAL, "xterm", "xterm does no bidi"),
    _variable_set("ALACRITTY_WINDOW_ID", BidiMode.VISUAL, "Alacritty", "Alacritty does no bidi"),
    _variable_set("WEZTERM_PANE", BidiMode.VISUAL, "WezTerm", "WezTerm does no bidi by default"),
    # Last: WSL passes it to everything started inside Windows Terminal.
    _variable_set("WT_SESSION", BidiMode.VISUAL, "Windows Terminal", "Windows Terminal does no bidi"),
)
