"""The article writer's fast emitter: the YAML text libyaml would write for an article's
fields, written directly, when every value is simple; otherwise it declines (None) and the
writer asks PyYAML.

`reader fetch` writes thousands of articles, and PyYAML spends most of an article's time in
its Python representer before libyaml's emitter sees a node. The shapes here are the
article format's (a mapping of texts, lists of texts, mappings, and lists of mappings),
generic over their keys. A text is simple when it is one line of printable characters with
no space at either end and starts with no YAML indicator: libyaml writes it plain, or in
single quotes when it holds `: ` or ` #` or YAML would read it plain as something else
(`2025-10-25`, `null`, `NO`). That the output is byte for byte libyaml's, or None, is what
`tests/unit/article/test_writer_roundtrip.py` checks over hostile strings.
"""

from __future__ import annotations

from reader.article.yaml_source import STR_TAG, plain_scalar_tag

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


def simple_yaml(fields: dict[str, object]) -> str | None:
    """The fields' YAML as the writer's libyaml path writes it, or None when a value is not
    simple (the caller then uses the library)."""
    lines: list[str] = []
    for key, value in fields.items():
        if not _is_key(key) or not _entry(lines, "", key, value):
            return None
    return "".join(lines)


def _entry(lines: list[str], indent: str, key: str, value: object) -> bool:
    """`key: value` at `indent`; False when something in it is not simple."""
    scalar = _scalar(value)
    if scalar is not None:
        lines.append(f"{indent}{key}: {scalar}\n")
        return True
    if isinstance(value, dict) and value:
        lines.append(f"{indent}{key}:\n")
        return all(_is_key(name) and _entry(lines, indent + "  ", name, item) for name, item in value.items())
    if isinstance(value, list) and value:
        lines.append(f"{indent}{key}:\n")
        return all(_item(lines, indent + "  ", item) for item in value)
    return False


def _item(lines: list[str], indent: str, value: object) -> bool:
    """`- value` at `indent`: a scalar, or a mapping whose first key follows the dash."""
    scalar = _scalar(value)
    if scalar is not None:
        lines.append(f"{indent}- {scalar}\n")
        return True
    if not isinstance(value, dict) or not value:
        return False
    for number, (name, item) in enumerate(value.items()):
        item_scalar = _scalar(item)
        if not _is_key(name) or item_scalar is None:
            return False
        lines.append(f"{indent}{'- ' if number == 0 else '  '}{name}: {item_scalar}\n")
    return True


def _is_key(key: object) -> bool:
    return isinstance(key, str) and key.isidentifier() and key.isascii() and _scalar(key) == key


def _scalar(value: object) -> str | None:
    """A simple value as libyaml writes it; None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str) or not _is_simple(value):
        return None
    if _plain_allowed(value) and plain_scalar_tag(value) == STR_TAG:
        return value
    return "'" + value.replace("'", "''") + "'"


def _is_simple(text: str) -> bool:
    """One line of printable characters of the Basic Multilingual Plane (libyaml escapes the
    others; Python's printable ones are all libyaml's), no space at either end, and no
    indicator or `...` to start with."""
    return (
        text.isprintable()
        and max(text, default=" ") <= "\uffff"
        and text[:1] not in _INDICATORS
        and text[:1] not in ("", " ")
        and text[-1] != " "
        and not text.startswith("...")
    )


def _plain_allowed(text: str) -> bool:
    """Whether libyaml writes a simple text plain in a block (else in single quotes)."""
    return text[-1] != ":" and ": " not in text and " #" not in text
