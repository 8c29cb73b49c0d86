"""Each installed terminal program shows the bundled article right with the mode `auto` picks.

The terminal runs `reader --bidi-info` (its answer names the mode) and then `reader` on the
bundled article; the screenshot's body pane is read with Tesseract's Arabic OCR and scored
against the article's logical text (`harness.score`). `PASS_MARK` was set between the
known-good and known-broken runs measured on 2026-12-06 (docs/terminals.md): xterm
`--bidi visual` 0.90 / 0.95, xterm `--bidi logical` 0.00, Konsole before its `rows` mode
0.50 / 0.51; correct runs elsewhere scored 0.80 to 0.95.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.realterm.harness import (
    DRAW_DEADLINE,
    TerminalSpec,
    article_pairs,
    load_article,
    reader_executable,
    run_reader,
    score,
    spec_named,
    terminal,
    wait_until,
)

pytestmark = pytest.mark.realterm

PASS_MARK = 0.7
SIZES = [(120, 36), (80, 36)]  # the wide layout (body beside the side column) and the narrow one
AUTO_MODE = {
    "xterm": "visual",
    "xfce4-terminal": "visual",  # after the BDSM probe switched VTE to explicit
    "konsole": "rows",
    "mlterm": "visual",  # after OSC 5379 switched mlterm's own layout off
    "kitty": "runs",
    "alacritty": "visual",
}
PAIRS = article_pairs(load_article())


def installed(name: str) -> TerminalSpec:
    spec = spec_named(name)
    if not spec.installed():
        pytest.skip(f"{spec.program} is not installed (apt install {spec.package})")
    return spec


@pytest.mark.parametrize(("columns", "rows"), SIZES, ids=["wide", "narrow"])
@pytest.mark.parametrize("name", list(AUTO_MODE))
def test_the_article_reads_right_with_the_mode_auto_picks(
    name: str, columns: int, rows: int, display: str, tmp_path: Path
) -> None:
    shot = run_reader(installed(name), display, tmp_path, columns=columns, rows=rows)
    assert shot.mode == AUTO_MODE[name], shot.bidi_info
    value = score(shot.ocr, PAIRS)
    assert value >= PASS_MARK, (
        f"{name} {columns}x{rows}: {value:.2f} of the word pairs read are the article's"
        f" (screenshot: {shot.screenshot})\n{shot.ocr}"
    )


def test_the_score_fails_a_known_broken_layout(display: str, tmp_path: Path) -> None:
    """Logical text on xterm (no bidi): every Arabic word drawn backwards."""
    shot = run_reader(installed("xterm"), display, tmp_path, columns=120, rows=36, reader_args=["--bidi", "logical"])
    assert score(shot.ocr, PAIRS) < PASS_MARK / 2


def test_kitty_with_force_ltr_reads_right_in_the_mode_calibrate_offers(display: str, tmp_path: Path) -> None:
    """kitty's `force_ltr yes` cannot be seen from outside: `reader calibrate` picks visual there."""
    shot = run_reader(installed("kitty-force-ltr"), display, tmp_path, reader_args=["--bidi", "visual"])
    assert score(shot.ocr, PAIRS) >= PASS_MARK


@pytest.mark.parametrize("name", ["xfce4-terminal", "mlterm"])
def test_calibrate_saves_nothing_where_the_reader_switches_the_terminal_itself(
    name: str, display: str, tmp_path: Path
) -> None:
    """VTE answers BDSM, mlterm is switched by OSC 5379: calibrate must not offer samples that
    the terminal's own bidi would make look right. It returns at once, with no key pressed."""
    spec = installed(name)
    config, finished = tmp_path / "config", tmp_path / "finished"
    command = f"{shlex.quote(reader_executable())} calibrate --config-dir {shlex.quote(str(config))}; touch {finished}"
    with terminal(spec, display, tmp_path, command) as process:
        wait_until(lambda: finished.exists() or process.poll() is not None, DRAW_DEADLINE, "calibrate to return")
    assert finished.exists(), "reader calibrate waited for a choice"
    assert not (config / "config.yaml").exists()


NUMBERS_ARTICLE = """\
title: أرقام ملتصقة بالكلمات
language: ar
direction: rtl
body:
  - كتب كتاباً جميلاً (عام 2019م) للطلاب.
  - ارتفع بنسبة 25% أو 25٪ إلى ١٠٠ألف دولار.
  - بلغت الحرارة -3 درجات و(2024) عاماً.
  - في 2025/10/25م أعلنت الشركة الـiPhone الجديد.
  - العدد ٢٠١٩ و٢٠١٩م و(٢٠١٩) و2019، هل؟2019
  - مُحَمَّدٌ كَتَبَ 12مَرَّةً (3أَيَّامٍ).
"""


def test_kitty_draws_numbers_glued_to_arabic_words_as_they_should_read(display: str, tmp_path: Path) -> None:
    """kitty reverses every cell of a chunk that starts with an Arabic letter, digits included
    (`(عام 2019م)` once read `9102`). In `runs` its body pane must be pixel for pixel what
    `visual` draws on a kitty that does no bidi (`force_ltr yes`: each cell drawn as sent)."""
    article = tmp_path / "numbers.yaml"
    article.write_text(NUMBERS_ARTICLE, encoding="utf-8")
    runs = run_reader(installed("kitty"), display, tmp_path / "runs", article=article)
    visual = run_reader(
        installed("kitty-force-ltr"), display, tmp_path / "visual", reader_args=["--bidi", "visual"], article=article
    )
    assert runs.mode == "runs", runs.bidi_info
    with Image.open(runs.body_png) as drawn, Image.open(visual.body_png) as expected:
        assert ImageChops.difference(drawn.convert("RGB"), expected.convert("RGB")).getbbox() is None, (
            f"{runs.body_png} differs from {visual.body_png}"
        )
