"""The user's configuration file: where it lives, what it may say, and reading it safely.

`config.yaml` in the user config directory (`platformdirs.user_config_dir("rtl-news-reader")`),
or in `--config-dir` / `READER_CONFIG_DIR`. Every key is optional:

    folders: [~/news, ~/archive]   # opened by `reader` with no PATH
    theme: reader-sepia            # reader-dark, reader-light, reader-high-contrast, ...
    bidi: auto                     # auto | visual | logical | runs
    harakat: true                  # show Arabic diacritics
    digits: as-written             # as-written | western | arabic-indic
    calibrations:                  # written by `reader calibrate`, per terminal
      "kitty; TERM=xterm-kitty": visual
    calibrated_bidi: visual        # older, one for every terminal: still read (docs/terminals.md)
    measure: 80                    # the widest line of article text, in cells (0: no limit)
    sort: date                     # the library's order: date | title | source (`s` saves it)
    sort_reversed: false           # oldest first, Z to A (`S` saves it)
    images: auto                   # auto | kitty | sixel | blocks | off (photos)

Reading never fails: a file that is not valid YAML gives one message with its
`path:line:col` and the defaults; a bad value gives a message naming the key and the
accepted values, and that key's default. `save_setting` changes one key in place,
keeping the rest of the file (comments included), and writes atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_dir

from reader.article.library import SortOrder
from reader.files import write_atomically
from reader.photos.setting import ImagesSetting
from reader.terminal.modes import BidiMode, BidiSetting
from reader.text.digits import DigitStyle
from reader.user_folders import chosen_folder

ENV_VARIABLE = "READER_CONFIG_DIR"
FILE_NAME = "config.yaml"
DEFAULT_THEME = "reader-dark"
DEFAULT_MEASURE = 80  # cells: a readable line of article text
MEASURE_RANGE = (40, 400)


@dataclass(frozen=True)
class Config:
    """The settings in effect (defaults for whatever the file does not say)."""

    folders: tuple[Path, ...] = ()
    theme: str = DEFAULT_THEME
    bidi: BidiSetting = BidiSetting.AUTO
    harakat: bool = True
    digits: DigitStyle = DigitStyle.AS_WRITTEN
    calibrated_bidi: BidiMode | None = None
    measure: int = DEFAULT_MEASURE
    sort: SortOrder = SortOrder.DATE
    sort_reversed: bool = False
    calibrations: tuple[tuple[str, BidiMode], ...] = ()
    """(terminal identity, mode) pairs saved by `reader calibrate`."""
    images: ImagesSetting = ImagesSetting.AUTO


@dataclass(frozen=True)
class LoadedConfig:
    """The config, the file it came from, and a message per problem found in it."""

    config: Config
    path: Path
    problems: tuple[str, ...] = field(default=())
    found: bool = False


class ConfigError(ValueError):
    """A setting that cannot be saved: unknown key, bad value, or an unreadable file."""


def config_dir(cli_value: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """`--config-dir`, else `READER_CONFIG_DIR`, else the platform's user config folder."""
    return chosen_folder(cli_value, env, ENV_VARIABLE, user_config_dir)


def config_file(directory: Path) -> Path:
    return directory / FILE_NAME


# -- values ----------------------------------------------------------------------------


def _choice(enum_type: Any, key: str) -> Callable[[object], object]:
    accepted = ", ".join(member.value for member in enum_type)

    def parse(value: object) -> object:
        for member in enum_type:
            if isinstance(value, str) and member.value == value.strip().lower():
                return member
        raise ValueError(f"{key}: {value!r} is not accepted; expected one of: {accepted}")

    return parse


def _theme(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"theme: {value!r} is not accepted; expected a theme name such as {DEFAULT_THEME}")
    return value.strip()


def _boolean(key: str) -> Callable[[object], bool]:
    def parse(value: object) -> bool:
        if isinstance(value, bool):
            return value
        raise ValueError(f"{key}: {value!r} is not accepted; expected one of: true, false")

    return parse


def _images(value: object) -> object:
    """`images: off` unquoted is YAML's false: it means off, as the user wrote it."""
    return ImagesSetting.OFF if value is False else _choice(ImagesSetting, "images")(value)


def _folders(value: object) -> tuple[Path, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
        raise ValueError(f"folders: {value!r} is not accepted; expected a list of folder paths")
    return tuple(Path(os.path.expanduser(item)) for item in items)


def _measure(value: object) -> int:
    low, high = MEASURE_RANGE
    if isinstance(value, int) and not isinstance(value, bool) and (value == 0 or low <= value <= high):
        return value
    raise ValueError(
        f"measure: {value!r} is not accepted; expected a number of cells from {low} to {high}, or 0 (no limit)"
    )


def _calibrations(value: object) -> tuple[tuple[str, BidiMode], ...]:
    parse_mode = _choice(BidiMode, "calibrations")
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise ValueError(f"calibrations: {value!r} is not accepted; expected terminal: mode pairs")
    pairs = []
    for key, mode in value.items():
        parsed = parse_mode(mode)
        assert isinstance(parsed, BidiMode)
        pairs.append((key, parsed))
    return tuple(pairs)


PARSERS: dict[str, Callable[[object], object]] = {
    "folders": _folders,
    "theme": _theme,
    "bidi": _choice(BidiSetting, "bidi"),
    "harakat": _boolean("harakat"),
    "digits": _choice(DigitStyle, "digits"),
    "calibrated_bidi": _choice(BidiMode, "calibrated_bidi"),
    "measure": _measure,
    "sort": _choice(SortOrder, "sort"),
    "sort_reversed": _boolean("sort_reversed"),
    "calibrations": _calibrations,
    "images": _images,
}


def parse_value(key: str, value: object) -> object:
    """The typed value of one setting. Raises ValueError naming the key and what it accepts."""
    if key not in PARSERS:
        raise ValueError(f"unknown setting {key!r}; known settings: {', '.join(PARSERS)}")
    return PARSERS[key](value)


# -- reading ---------------------------------------------------------------------------


def load_config(directory: Path | None = None) -> LoadedConfig:
    """The config in `directory` (default: `config_dir()`); never raises on a bad file."""
    path = config_file(directory if directory is not None else config_dir())
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedConfig(Config(), path)
    except (OSError, UnicodeDecodeError) as error:
        return LoadedConfig(Config(), path, (f"{path}: cannot read the config ({error}); using the defaults",), True)
    return _parse_config(text, path)


def _parse_config(text: str, path: Path) -> LoadedConfig:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LoadedConfig(Config(), path, (), True)
        if not isinstance(node, yaml.MappingNode):
            raise _NotAMapping(node)
        pairs = [(key, value, loader.construct_object(value, deep=True)) for key, value in node.value]
    except yaml.MarkedYAMLError as error:
        return LoadedConfig(Config(), path, (_yaml_error_message(path, error),), True)
    except _NotAMapping as error:
        return LoadedConfig(
            Config(),
            path,
            (f"{_where(path, error.node)}: the config must be a mapping of settings; using the defaults",),
            True,
        )
    finally:
        loader.dispose()
    return _settings_from_pairs(pairs, path)


class _NotAMapping(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _where(path: Path, node: yaml.Node) -> str:
    mark = node.start_mark
    return f"{path}:{mark.line + 1}:{mark.column + 1}"


def _yaml_error_message(path: Path, error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    return f"{where}: not valid YAML ({error.problem or error.context}); using the defaults"


def _settings_from_pairs(pairs: list[tuple[yaml.Node, yaml.Node, object]], path: Path) -> LoadedConfig:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key_node, value_node, value in pairs:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
        try:
            values[key] = _relative_to(path.parent, parse_value(key, value))
        except ValueError as error:
            problems.append(f"{_where(path, value_node if key in PARSERS else key_node)}: {error}; using the default")
    return LoadedConfig(replace(Config(), **values), path, tuple(problems), True)


def _relative_to(folder: Path, value: object) -> object:
    """Relative folders in the config are relative to the config file's folder."""
    if isinstance(value, tuple):
        return tuple(folder / item if isinstance(item, Path) else item for item in value)
    return value


# -- writing ---------------------------------------------------------------------------


def save_setting(key: str, value: str | bool | list[str] | dict[str, str], directory: Path | None = None) -> Path:
    """Set `key` to `value` in the config file (created if needed); returns the file's path.

    Other keys, comments and blank lines are kept. The file is replaced atomically.

    Raises:
        ConfigError: unknown key, bad value, a config that is not valid YAML (it is not
            overwritten), or a file that cannot be written.
    """
    try:
        parse_value(key, value)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    rendered = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, sort_keys=False)
    return _rewrite(directory, lambda text: _replace_key(text, key, rendered.rstrip("\n")))


def forget_setting(key: str, directory: Path | None = None) -> Path:
    """Remove `key` from the config file (its default applies again); returns the file's path.

    Raises:
        ConfigError: unknown key, a config that is not valid YAML, or a file that cannot be written.
    """
    if key not in PARSERS:
        raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(PARSERS)}")
    return _rewrite(directory, lambda text: _replace_key(text, key, None))


def _rewrite(directory: Path | None, change: Callable[[str], str]) -> Path:
    path = config_file(directory if directory is not None else config_dir())
    loaded = load_config(path.parent)
    if any("not valid YAML" in problem or "must be a mapping" in problem for problem in loaded.problems):
        raise ConfigError(f"{loaded.problems[0]}: fix the file first, it was not changed")
    old_text = path.read_text(encoding="utf-8") if loaded.found else ""
    try:
        write_atomically(path, change(old_text))
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the config: {error.strerror or error}") from None
    return path


def _replace_key(text: str, key: str, rendered: str | None) -> str:
    """`text` with the top-level `key` (its value too, even a block list) replaced by `rendered`
    (None: removed); appended when the key is not there."""
    lines = text.splitlines()
    new = [rendered] if rendered is not None else []
    start = next((number for number, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
    if start is None:
        return "\n".join([*lines, *new]) + "\n" if new else text
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep the blank lines that separate it from the next key
    return "\n".join([*lines[:start], *new, *lines[end:]]) + "\n"


# -- folders ---------------------------------------------------------------------------


def carry_old_settings(
    old: Mapping[str, str], config: Config, directory: Path | None = None
) -> tuple[Config, tuple[str, ...]]:
    """Save into the config file the theme and harakat an older reader kept in its database,
    where the file still has the default: the config with them, and a message for each
    carried over (or that could not be saved: it holds for this run all the same)."""
    theme = old.get("theme") if config.theme == DEFAULT_THEME and old.get("theme") != DEFAULT_THEME else None
    harakat_off = old.get("harakat") == "off" and config.harakat
    wanted: dict[str, str | bool] = {
        **({"theme": theme} if theme else {}),
        **({"harakat": False} if harakat_off else {}),
    }
    messages = []
    for key, value in wanted.items():
        try:
            path = save_setting(key, value, directory)
        except ConfigError as error:
            messages.append(f"Your earlier {key} choice could not be moved to the config file: {error}")
            continue
        shown = "off" if value is False else value
        messages.append(f"Your earlier {key} choice ({shown}) now lives in the config file: {path}")
    carried = replace(config, theme=theme or config.theme, harakat=config.harakat and not harakat_off)
    return carried, tuple(messages)


def missing_folders(config: Config) -> tuple[Path, ...]:
    """The configured folders that do not exist (`reader` skips them)."""
    return tuple(folder for folder in config.folders if not folder.exists())


def folder_problems(loaded: LoadedConfig) -> tuple[str, ...]:
    """A warning per configured folder that does not exist."""
    missing = missing_folders(loaded.config)
    return tuple(f"{loaded.path}: folders: {folder}: no such folder; skipped" for folder in missing)


# -- `reader config` -------------------------------------------------------------------


def describe(loaded: LoadedConfig) -> list[str]:
    """The lines `reader config` prints: the file, then each setting in effect."""
    config = loaded.config
    status = "" if loaded.found else " (not found: built-in defaults)"
    missing = missing_folders(config)
    shown = [f"{folder} (missing: skipped)" if folder in missing else str(folder) for folder in config.folders]
    folders = ", ".join(shown) or "(none: ./articles, else the bundled articles)"
    unset = "(none)" if config.calibrations else "(none: run `reader calibrate`)"
    calibrated = config.calibrated_bidi.value if config.calibrated_bidi else unset
    return [
        f"config file: {loaded.path}{status}",
        f"folders: {folders}",
        f"theme: {config.theme}",
        f"bidi: {config.bidi.value}",
        f"harakat: {'on' if config.harakat else 'off'}",
        f"digits: {config.digits.value}",
        f"calibrated_bidi: {calibrated}",
        f"measure: {config.measure or '0 (no limit)'}",
        f"sort: {config.sort.value}{' (reversed)' if config.sort_reversed else ''}",
        *(f"calibration for {terminal}: {mode.value}" for terminal, mode in config.calibrations),
        f"images: {config.images.value}",
    ]
