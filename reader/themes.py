"""The reader's themes: the bundled theme files, the user's own, and registering them.

Bundled (`reader/data/themes/*.yaml`): `reader-dark` (the default), `reader-light`,
`reader-high-contrast` and `reader-sepia` (warm paper for long reading). The user's
themes are `<config dir>/themes/*.yaml`, in the same format (`reader.theme_files`); one
with the name of a bundled theme replaces it. A broken file is reported with its
`path:line:col` and left out. Every bundled theme keeps body text, titles, headings,
muted text and search highlights at WCAG AA contrast (4.5:1) or better.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App
from textual.theme import Theme

from reader.config import DEFAULT_THEME
from reader.theme_files import ThemeSpec, read_theme_specs

FALLBACK_THEME = DEFAULT_THEME


@dataclass(frozen=True)
class LoadedThemes:
    themes: tuple[Theme, ...]
    problems: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(theme.name for theme in self.themes)


def to_theme(spec: ThemeSpec) -> Theme:
    colors = spec.colors
    return Theme(
        name=spec.name,
        primary=colors["primary"],
        secondary=colors.get("secondary"),
        accent=colors.get("accent"),
        warning=colors.get("warning"),
        error=colors.get("error"),
        success=colors.get("success"),
        foreground=colors.get("foreground"),
        background=colors.get("background"),
        surface=colors.get("surface"),
        panel=colors.get("panel"),
        boost=colors.get("boost"),
        dark=spec.dark,
        variables=dict(spec.variables),
    )


def load_themes(config_directory: Path | None = None) -> LoadedThemes:
    """The bundled themes, then the user's (a user theme replaces a bundled one of its name)."""
    specs, problems = read_theme_specs(config_directory)
    return LoadedThemes(tuple(to_theme(spec) for spec in specs), problems)


def register_themes(app: App[Any], loaded: LoadedThemes) -> None:
    for theme in loaded.themes:
        app.register_theme(theme)


def next_theme(names: tuple[str, ...], current: str) -> str:
    """The theme after `current` in `names`, wrapping round (the first if `current` is not one)."""
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]
