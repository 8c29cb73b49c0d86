"""Look at `reader` in every installed real terminal and print what each one showed.

Usage: python tools/realterm.py [TERMINAL...] [--size 120x36] [--size 80x36] [--bidi MODE] [--out DIR]

For each terminal (default: all installed; see `tests/realterm/harness.py` for the list) and
size, starts the terminal under a private Xvfb, runs `reader --bidi-info` and then `reader`
on the bundled article, photographs the screen, reads the body pane with `tesseract -l ara`
and prints the mode `auto` picked there and the score (the fraction of word pairs read that
are the article's, in order). Screenshots and OCR text are kept under --out for a person to
look at. The pass mark and measured figures are in docs/terminals.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.realterm.harness import TERMINALS, article_pairs, load_article, missing_tools, run_reader, score, xvfb


def _size(text: str) -> tuple[int, int]:
    columns, rows = text.lower().split("x")
    return int(columns), int(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("terminals", nargs="*", help="names (default: every installed one)")
    parser.add_argument("--size", type=_size, action="append", help="COLUMNSxROWS (default 120x36 and 80x36)")
    parser.add_argument("--bidi", default=None, help="pass --bidi MODE to reader (default: auto)")
    parser.add_argument("--out", type=Path, default=None, help="keep screenshots and OCR here")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"missing system packages: apt install {' '.join(missing)}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="realterm-"))
    sizes = args.size or [(120, 36), (80, 36)]
    chosen = [spec for spec in TERMINALS if not args.terminals or spec.name in args.terminals]
    pairs = article_pairs(load_article())
    reader_args = ["--bidi", args.bidi] if args.bidi else []
    print(f"{'terminal':16} {'version':34} {'size':7} {'mode':8} {'score':>6} {'seconds':>7}")
    with xvfb() as display:
        for spec in chosen:
            if not spec.installed():
                print(f"{spec.name:16} not installed (apt install {spec.package})")
                continue
            for columns, rows in sizes:
                started = time.monotonic()
                folder = out / f"{spec.name}-{columns}x{rows}{'-' + args.bidi if args.bidi else ''}"
                try:
                    shot = run_reader(spec, display, folder, columns=columns, rows=rows, reader_args=reader_args)
                except (RuntimeError, TimeoutError) as error:
                    print(f"{spec.name:16} {columns}x{rows}: {error}")
                    continue
                (folder / "ocr.txt").write_text(shot.ocr, encoding="utf-8")
                value = score(shot.ocr, pairs)
                elapsed = time.monotonic() - started
                print(
                    f"{spec.name:16} {spec.version()[:34]:34} {columns}x{rows:<4} {shot.mode:8} {value:6.2f}"
                    f" {elapsed:7.1f}"
                )
    print(f"screenshots and OCR: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
