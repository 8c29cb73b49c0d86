"""Time ``reorder_line`` on realistic lines: the Arabic seed article wrapped at 80 columns.

Run from the repository root: ``python benchmarks/bench_bidi.py [path]``.
Prints microseconds per line for the whole article and for a synthetic
"typical" line (Arabic with digits, a Latin word, punctuation and brackets).
"""

from __future__ import annotations

import sys
import textwrap
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.text.bidi import first_strong_level, reorder_line  # noqa: E402

SEED = Path("/work/shared/seed/000_0827eb51e4625dd6.txt")
# An 80-character Arabic line with digits, a Latin word, punctuation and brackets.
TYPICAL_LINE = "وقال غوتيريش (الأمين العام) في كلمته يوم 25 أكتوبر إن اتفاقية UNCC تاريخية حقاً."
# A denser line: five left-to-right runs, a bracket pair, a percent sign.
DENSE_LINE = "قال الرئيس (لونغ كوونغ) في 25 أكتوبر 2024: إن اتفاقية UN-CC رقم 79/243 تمثل 45% من الجهود."


def wrapped_lines(text: str, width: int = 80) -> list[str]:
    """The article's paragraphs wrapped to ``width`` columns, as the reader would."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    return lines


def layout_all(lines: list[str], levels: list[int]) -> None:
    for line, level in zip(lines, levels):
        reorder_line(line, level)


def microseconds_per_line(lines: list[str], repeat: int = 7) -> float:
    levels = [first_strong_level(line) or 0 for line in lines]
    best = min(timeit.repeat(lambda: layout_all(lines, levels), number=1, repeat=repeat))
    return best / max(len(lines), 1) * 1e6


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    lines = wrapped_lines(path.read_text(encoding="utf-8"))
    characters = sum(map(len, lines))
    per_line = microseconds_per_line(lines)
    total = per_line * len(lines) / 1e6
    print(f"{path.name}: {len(lines)} lines, {characters} chars: {per_line:.1f} µs per line, {total:.3f} s in all")
    scaled = per_line * 8500 / 1e6
    print(f"  extrapolated to 8,500 lines (1.2 MB article): {scaled:.3f} s")
    for name, line in (("typical", TYPICAL_LINE), ("dense", DENSE_LINE)):
        per_line = microseconds_per_line([line] * 2000)
        print(f"{name} {len(line)}-char mixed Arabic line: {per_line:.1f} µs per line")


if __name__ == "__main__":
    main()
