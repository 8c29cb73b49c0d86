"""Rules W1–W7, N0–N2 and I1–I2 of UAX #9 for one isolating run sequence.

Owns the resolution of weak types, neutral types (including paired brackets)
and implicit levels.  The sequence is handled as a class string (see
``bidi_classes``) framed by its sos and eos types, so most rules are single
``re.sub``/``str.translate`` calls that run at C speed.  The result is a
*level string*: ``chr(level)`` per character of the sequence.
"""

from __future__ import annotations

import re
from typing import Final

from reader.text.bidi_brackets import OPENING_TO_CLOSING, canonical_bracket
from reader.text.bidi_classes import (
    AL,
    AN,
    BRACKETS,
    CLOSING_BRACKET,
    CS,
    EN,
    ES,
    ET,
    ISOLATE_CONTROLS,
    NEUTRALS,
    NSM,
    ON,
    OPENING_BRACKET,
    L,
    R,
)

MAX_BRACKET_PAIRING_DEPTH: Final = 63
"""BD16: size of the bracket stack."""

_NSM_RUN: Final = re.compile(f"{NSM}+")
_TAKEN_AS_ON_BY_W1: Final = ISOLATE_CONTROLS + BRACKETS
_ARABIC_CONTEXT: Final = re.compile(f"{AL}[^{L}{R}]*")
# W4 as "EN separator" -> "EN EN" followed by EN (not consumed, so that
# "1,2,3" chains); a leading literal makes the regex scan fast.
_EN_SEPARATOR_EN: Final = re.compile(f"{EN}[{ES}{CS}](?={EN})")
_AN_SEPARATOR_AN: Final = re.compile(f"{AN}{CS}(?={AN})")
_TERMINATOR_RUN: Final = re.compile(f"{ET}+")
_LEFT_CONTEXT: Final = re.compile(f"{L}[^{R}]*")
_RIGHTISH: Final = f"{R}{EN}{AN}"
"""Types counting as R for N0/N1: R, EN and AN."""
_NEUTRAL_RUN_BETWEEN: Final[dict[str, re.Pattern[str]]] = {
    # A strong type and the neutral run after it, when the run is followed by
    # the same direction, opposite to the embedding direction (the key): N1
    # gives the run that direction.  Leading with the strong type (rather than
    # a look-behind) lets the regex engine skip ahead quickly.
    R: re.compile(f"{L}[{re.escape(NEUTRALS)}]+(?={L})"),
    L: re.compile(f"[{_RIGHTISH}][{re.escape(NEUTRALS)}]+(?=[{_RIGHTISH}])"),
}
_W6_AND_W3: Final = str.maketrans({ES: ON, ET: ON, CS: ON, AL: R})
_NEUTRALS_TO: Final[dict[str, dict[int, str]]] = {
    direction: str.maketrans(dict.fromkeys(NEUTRALS, direction)) for direction in (L, R)
}


def _level_table(level: int) -> dict[int, str]:
    """I1/I2 as a translate table from resolved type to level character."""
    if level % 2 == 0:
        return str.maketrans({L: chr(level), R: chr(level + 1), EN: chr(level + 2), AN: chr(level + 2)})
    return str.maketrans({R: chr(level), L: chr(level + 1), EN: chr(level + 1), AN: chr(level + 1)})


_LEVEL_TABLES: Final = tuple(_level_table(level) for level in range(127))


def _nsm_run_replacement(match: re.Match[str]) -> str:
    """W1: a run of NSM takes the type of the character before it."""
    previous = match.string[match.start() - 1]
    if previous in _TAKEN_AS_ON_BY_W1:  # brackets: an NSM is no bracket
        previous = ON
    return previous * (match.end() - match.start())


def _en_to_an(match: re.Match[str]) -> str:
    return match.group().replace(EN, AN)


def _terminators_next_to_en(match: re.Match[str]) -> str:
    """W5: a run of ET next to an EN becomes EN (the frame keeps indices valid)."""
    types, start, end = match.string, match.start(), match.end()
    if types[start - 1] == EN or types[end] == EN:
        return EN * (end - start)
    return match.group()


def _en_to_l(match: re.Match[str]) -> str:
    return match.group().replace(EN, L)


def resolve_weak_types(types: str) -> str:
    """W1–W7 on a class string framed by sos and eos."""
    if NSM in types:
        types = _NSM_RUN.sub(_nsm_run_replacement, types)
    if EN in types and AL in types:
        types = _ARABIC_CONTEXT.sub(_en_to_an, types)
    if EN in types and (ES in types or CS in types):
        types = _EN_SEPARATOR_EN.sub(EN + EN, types)
    if AN in types and CS in types:
        types = _AN_SEPARATOR_AN.sub(AN + AN, types)
    if ET in types and EN in types:
        types = _TERMINATOR_RUN.sub(_terminators_next_to_en, types)
    types = types.translate(_W6_AND_W3)
    if EN in types and L in types:
        types = _LEFT_CONTEXT.sub(_en_to_l, types)
    return types


def _positions_of(code: str, types: str) -> list[int]:
    positions = []
    position = types.find(code)
    while position >= 0:
        positions.append(position)
        position = types.find(code, position + 1)
    return positions


def _bracket_positions(types: str) -> list[int]:
    """Positions of bracket codes, ascending (``str.find`` beats a regex here)."""
    positions = _positions_of(OPENING_BRACKET, types)
    positions += _positions_of(CLOSING_BRACKET, types)
    positions.sort()
    return positions


def find_bracket_pairs(chars: str, types: str) -> list[tuple[int, int]]:
    """BD16: positions (in the framed ``types``) of bracket pairs, by opening position.

    ``chars`` are the characters of the sequence (``types`` without its sos/eos
    frame).  Only brackets still typed as brackets (ON, not overridden) take
    part.  When the stack of open brackets overflows, pairing stops for the
    rest of the sequence; pairs already closed are kept.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for position in _bracket_positions(types):
        bracket = chars[position - 1]
        if types[position] == OPENING_BRACKET:
            if len(stack) == MAX_BRACKET_PAIRING_DEPTH:
                break
            stack.append((OPENING_TO_CLOSING[bracket], position))
        else:
            _close_pair(stack, pairs, canonical_bracket(bracket), position)
    pairs.sort()
    return pairs


def _close_pair(stack: list[tuple[str, int]], pairs: list[tuple[int, int]], closing: str, position: int) -> None:
    """Pop the stack down to the nearest opener matching ``closing``, if any."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == closing:
            pairs.append((stack[depth][1], position))
            del stack[depth:]
            return


def _contains_strong(types: str, direction: str) -> bool:
    if direction == L:
        return L in types
    return R in types or EN in types or AN in types


def _preceding_strong(types: str, position: int) -> str:
    """Direction of the last strong type before ``position`` (sos included)."""
    last_left = types.rfind(L, 0, position)
    last_right = max(types.rfind(R, 0, position), types.rfind(EN, 0, position), types.rfind(AN, 0, position))
    return L if last_left > last_right else R


def _bracket_pair_direction(types: str, opening: int, closing: int, embedding: str) -> str | None:
    """N0 b–d: the direction a bracket pair resolves to, or None to leave it."""
    inside = types[opening + 1 : closing]
    if _contains_strong(inside, embedding):
        return embedding
    opposite = R if embedding == L else L
    if not _contains_strong(inside, opposite):
        return None
    if _preceding_strong(types, opening) == opposite:
        return opposite
    return embedding


def _set_bracket(types: str, original: str, position: int, direction: str) -> str:
    """Give a bracket and the original NSMs right after it ``direction``."""
    if original[position + 1] != NSM:
        return types[:position] + direction + types[position + 1 :]
    end = position + 1
    while end < len(original) and original[end] == NSM:
        end += 1
    return types[:position] + direction * (end - position) + types[end:]


def resolve_bracket_pairs(types: str, original: str, chars: str, embedding: str) -> str:
    """N0 over a framed class string; ``original`` holds the types before W1."""
    for opening, closing in find_bracket_pairs(chars, types):
        direction = _bracket_pair_direction(types, opening, closing, embedding)
        if direction is not None:
            types = _set_bracket(types, original, opening, direction)
            types = _set_bracket(types, original, closing, direction)
    return types


def _to_l(run: re.Match[str]) -> str:
    return L * (run.end() - run.start())


def _to_r_after_first(run: re.Match[str]) -> str:
    return run.string[run.start()] + R * (run.end() - run.start() - 1)


_OPPOSITE_RUN_REPLACEMENT: Final = {L: _to_r_after_first, R: _to_l}


def resolve_neutral_types(types: str, embedding: str) -> str:
    """N1 and N2 over a framed class string with weak types resolved."""
    types = _NEUTRAL_RUN_BETWEEN[embedding].sub(_OPPOSITE_RUN_REPLACEMENT[embedding], types)
    return types.translate(_NEUTRALS_TO[embedding])


def resolve_sequence_levels(types: str, chars: str, level: int, sos: str, eos: str) -> str:
    """Resolve one isolating run sequence to a level string.

    ``types`` are the class codes of the sequence after rules X1–X9 (overrides
    applied), ``chars`` the matching characters, ``level`` its embedding
    level and ``sos``/``eos`` are ``L`` or ``R``.
    """
    framed = sos + types + eos
    embedding = R if level % 2 else L
    resolved = resolve_weak_types(framed)
    if OPENING_BRACKET in resolved:
        resolved = resolve_bracket_pairs(resolved, framed, chars, embedding)
    resolved = resolve_neutral_types(resolved, embedding)
    return resolved[1:-1].translate(_LEVEL_TABLES[level])
