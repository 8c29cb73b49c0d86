"""Export the README screenshot: the bundled article on the reading screen, 120×40.

Usage: python tools/screenshot.py  (writes docs/screenshot.svg, and docs/screenshot.png
when rsvg-convert is installed: apt install librsvg2-bin)

SVG viewers apply the Unicode bidi algorithm to each text run, which would reverse our
already-reordered Arabic a second time (the very bug the reader avoids in terminals). The
PNG is therefore rendered from a copy with `unicode-bidi: bidi-override`, so it shows the
cells exactly as a terminal draws them.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
from pathlib import Path

from reader.app import ReaderApp
from reader.article.library import Library
from reader.article.loader import load_articles
from reader.config import DEFAULT_THEME
from reader.session import Session
from reader.text.layout import LayoutOptions

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NO_SVG_BIDI = "<style>\ntext { unicode-bidi: bidi-override; direction: ltr; }\n"


async def export_svg(path: Path, size: tuple[int, int] = (120, 40)) -> None:
    library = Library.from_results(load_articles([ROOT / "articles" / "hanoi-convention.yaml"]))
    app = ReaderApp(library, LayoutOptions(), Session(theme_name=DEFAULT_THEME))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.save_screenshot(filename=path.name, path=str(path.parent))


def svg_to_png(svg: Path, png: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        terminal_like = Path(folder) / svg.name
        terminal_like.write_text(svg.read_text(encoding="utf-8").replace("<style>", NO_SVG_BIDI, 1), encoding="utf-8")
        subprocess.run(["rsvg-convert", str(terminal_like), "-o", str(png)], check=True)


def main() -> None:
    svg = DOCS / "screenshot.svg"
    asyncio.run(export_svg(svg))
    if shutil.which("rsvg-convert"):
        svg_to_png(svg, DOCS / "screenshot.png")
    print(f"wrote {svg}")


if __name__ == "__main__":
    main()
