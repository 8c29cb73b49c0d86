"""Theme files: the YAML a theme is written in, read and checked without Textual.

A theme file names the theme, says whether it is dark, and gives its colours:

    name: reader-sepia
    dark: false
    colors:
      primary: "#8a4b14"      # required
      background: "#f4ecd8"   # and any of: secondary, accent, warning, error, success,
      foreground: "#2b2118"   #   foreground, background, surface, panel, boost
    variables:                # optional: any Textual design variable, e.g.
      text-muted: "#5c4a36"   #   text-primary, text-accent, text-muted

Colours are `#rgb`, `#rrggbb` or `#rrggbbaa`. A file that cannot be used gives a
`ThemeFileError` whose message starts with `path:line:col`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reader import PACKAGE_DATA
from reader.article.yaml_source import SAFE_LOADER

BUNDLED_THEMES = ("reader-dark", "reader-light", "reader-high-contrast", "reader-sepia")

COLOR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
TOP_LEVEL_KEYS = ("name", "dark", "colors", "variables")
_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class ThemeSpec:
    """A theme as its file describes it."""

    name: str
    dark: bool
    colors: dict[str, str]
    variables: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message starts with `path:line:col`."""


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def _fail(path: Path, node: yaml.Node, message: str) -> ThemeFileError:
    return ThemeFileError(f"{_where(path, node)}: {message}")


def parse_theme_text(text: str, path: Path) -> ThemeSpec:
    """Raises ThemeFileError for invalid YAML or an invalid theme."""
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ThemeFileError(f"{where}: not valid YAML ({error.problem or error.context})") from None
    if not isinstance(root, yaml.MappingNode):
        raise ThemeFileError(f"{path}:1:1: a theme file is a mapping with name, dark and colors")
    fields = _mapping(path, root, TOP_LEVEL_KEYS)
    if "name" not in fields:
        raise _fail(path, root, "the theme has no name")
    if "colors" not in fields:
        raise _fail(path, root, "the theme has no colors")
    name = _name(path, fields["name"])
    dark = _bool(path, fields["dark"]) if "dark" in fields else True
    colors = _strings(path, fields["colors"], COLOR_KEYS, check_color=True)
    if "primary" not in colors:
        raise _fail(path, fields["colors"], "colors: primary is required")
    variables = _strings(path, fields["variables"], None, check_color=False) if "variables" in fields else {}
    return ThemeSpec(name, dark, colors, variables, path)


def read_theme_file(path: Path) -> ThemeSpec:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ThemeFileError(f"{path}:1:1: cannot read the theme file ({error})") from None
    return parse_theme_text(text, path)


def _mapping(path: Path, node: yaml.MappingNode, allowed: tuple[str, ...] | None) -> dict[str, yaml.Node]:
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(path, key, "keys must be plain names")
        if allowed is not None and key.value not in allowed:
            raise _fail(path, key, f"unknown key {key.value!r}; expected one of: {', '.join(allowed)}")
        fields[key.value] = value
    return fields


def _scalar(path: Path, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, f"{what} must be a single value")
    return str(node.value)


def _name(path: Path, node: yaml.Node) -> str:
    name = _scalar(path, node, "name")
    if not _NAME.fullmatch(name):
        raise _fail(path, node, f"name {name!r}: use lower-case letters, digits and hyphens")
    return name


def _bool(path: Path, node: yaml.Node) -> bool:
    value = _scalar(path, node, "dark").lower()
    if value not in ("true", "false"):
        raise _fail(path, node, f"dark: {value!r} is not accepted; expected true or false")
    return value == "true"


def _strings(path: Path, node: yaml.Node, allowed: tuple[str, ...] | None, *, check_color: bool) -> dict[str, str]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, "expected a mapping of names to colours")
    values: dict[str, str] = {}
    for key, value_node in _mapping(path, node, allowed).items():
        value = _scalar(path, value_node, key)
        if check_color and not _HEX_COLOR.fullmatch(value):
            raise _fail(path, value_node, f"{key}: {value!r} is not a colour; expected #rgb, #rrggbb or #rrggbbaa")
        values[key] = value
    return values


# -- where theme files are ---------------------------------------------------------------


def bundled_theme_dir() -> Path:
    return PACKAGE_DATA / "themes"


def user_theme_dir(config_directory: Path) -> Path:
    return config_directory / "themes"


def _theme_files(folder: Path) -> list[Path]:
    try:
        return sorted(path for path in folder.iterdir() if path.suffix in (".yaml", ".yml") and path.is_file())
    except OSError:
        return []


def read_theme_specs(config_directory: Path | None) -> tuple[tuple[ThemeSpec, ...], tuple[str, ...]]:
    """The bundled themes (in their order), then the user's (a user theme replaces a
    bundled one of its name), and a message for each file left out."""
    folders = [bundled_theme_dir()]
    if config_directory is not None:
        folders.append(user_theme_dir(config_directory))
    by_name: dict[str, ThemeSpec] = {}
    problems: list[str] = []
    for folder in folders:
        for path in _theme_files(folder):
            try:
                spec = read_theme_file(path)
            except ThemeFileError as error:
                problems.append(f"{error}; theme left out")
                continue
            by_name[spec.name] = spec
    order = {name: position for position, name in enumerate(BUNDLED_THEMES)}
    specs = sorted(by_name.values(), key=lambda spec: order.get(spec.name, len(order)))
    return tuple(specs), tuple(problems)
