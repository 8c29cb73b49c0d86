"""Interleaved A/B first paint: two installs of `reader`, run in turns, medians side by side.

``python -m benchmarks.ab_paint --runs 15 A/bin/reader B/bin/reader [-- ARGS...]`` from the
repository root. Runs alternate (A, B, A, B…) so that a change in the machine's load hits
both alike; on a shared machine that is the only comparison worth reporting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import summarize  # noqa: E402
from benchmarks.inputs import BUNDLED, REPO  # noqa: E402
from benchmarks.run import FIRST_BODY_PHRASE, visual  # noqa: E402
from benchmarks.tmux_paint import contains_any, first_paint  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ab_paint", description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("readers", nargs=2, help="two `reader` executables (A, then B)")
    parser.add_argument("args", nargs="*", help="after --: the reader's arguments (default: the bundled article)")
    options = parser.parse_args(argv)
    arguments = options.args or [str(BUNDLED)]
    body = contains_any(visual(FIRST_BODY_PHRASE))
    samples: list[list[float]] = [[] for _ in options.readers]  # by position: A and B may be one path
    for _ in range(options.runs):
        for reader, runs in zip(options.readers, samples):
            runs.append(first_paint([reader, *arguments], body, cwd=REPO)[0])
    first, second = timings = [summarize(runs) for runs in samples]
    print(f"| install | first paint (median of {options.runs}, interleaved) | range |")
    print("|---|---|---|")
    for label, reader, timing in zip("AB", options.readers, timings):
        print(f"| {label}: `{reader} {' '.join(arguments)}` | {timing.ms()} | {timing.spread()} |")
    difference = (second.median - first.median) * 1000
    print(f"\nB − A: {difference:+.0f} ms ({second.median / first.median:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
