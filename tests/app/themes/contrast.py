"""WCAG 2 contrast of the colours a theme really gives the reading panes."""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

AA_NORMAL_TEXT = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Color) -> float:
    return 0.2126 * _channel(color.r) + 0.7152 * _channel(color.g) + 0.0722 * _channel(color.b)


def contrast_ratio(first: Color, second: Color) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def resolve(value: str, under: Color) -> Color:
    """A design variable's colour as drawn over `under`: `auto N%` and alpha resolved."""
    words = value.split()
    if words[0] == "auto":
        color = under.get_contrast_text(1.0)
    else:
        color = Color.parse(words[0])
    if len(words) > 1 and words[1].endswith("%"):
        color = color.with_alpha(float(words[1][:-1]) / 100)
    return under + color


def pane_contrasts(theme: Theme) -> dict[str, float]:
    """Contrast against its background of each text style the TextPane draws."""
    variables = theme.to_color_system().generate()
    background = Color.parse(variables["background"])
    match_background = background + Color.parse(variables["warning"]).with_alpha(0.4)
    foreground = resolve(variables["foreground"], background)
    return {
        "foreground": contrast_ratio(foreground, background),
        "text": contrast_ratio(resolve(variables["text"], background), background),
        "text-primary": contrast_ratio(resolve(variables["text-primary"], background), background),
        "text-accent": contrast_ratio(resolve(variables["text-accent"], background), background),
        "text-muted": contrast_ratio(resolve(variables["text-muted"], background), background),
        "match": contrast_ratio(resolve(variables["foreground"], match_background), match_background),
        "current-match": contrast_ratio(background, Color.parse(variables["warning"])),
    }
