"""Run every benchmark of the reader and print a markdown report (see docs/benchmarks.md).

``python -m benchmarks [--runs N] [--quick] [--output FILE]`` from the repository root.
Inputs are generated in a temporary folder. Each table compares programs measured side by
side in the same run and states ratios, since absolute times drift on a shared machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_feeds import bench_feeds  # noqa: E402
from benchmarks.harness import Timing, ratio, summarize, time_process  # noqa: E402
from benchmarks.inputs import BUNDLED, END_MARKER, REPO, GeneratedArticle, write_article, write_library  # noqa: E402
from benchmarks.tmux_paint import WIDTH, Check, contains_any, end_and_resize, find_as_you_type, first_paint  # noqa: E402

PYTHON = sys.executable
READER = (
    [str(Path(PYTHON).parent / "reader")] if (Path(PYTHON).parent / "reader").exists() else [PYTHON, "-m", "reader"]
)
FIRST_BODY_PHRASE = "التوقيع والمؤتمر رفيع"
TITLE_PHRASE = "اتفاقية الأمم المتحدة"
MB = 1_000_000


def visual(text: str) -> str:
    """How the reader draws a short RTL phrase (one line), for finding it on screen."""
    from reader.text.direction import Direction
    from reader.text.layout import layout_paragraph

    return layout_paragraph(text, 500, Direction.RTL)[0].text


def mark(value: float, target: float) -> str:
    return f"{value:.2f}× (target ≤ {target:g}×: {'met' if value <= target else 'not met'})"


class Report:
    """Markdown collected as the benchmarks run (and echoed to stderr as progress)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, text: str = "") -> None:
        self.parts.append(text)
        print(text, file=sys.stderr, flush=True)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(header) + " |")
        self.add("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            self.add("| " + " | ".join(row) + " |")
        self.add()

    def text(self) -> str:
        return "\n".join(self.parts)


def installed_reader() -> str:
    """Where the measured `reader` imports from: an editable checkout pays an import hook
    (and, with PYTHONDONTWRITEBYTECODE, recompiles changed modules) at every start."""
    where = subprocess.run(
        [PYTHON, "-c", "import reader; print(reader.__file__)"], capture_output=True, text=True, cwd="/", check=False
    ).stdout.strip()
    kind = "editable (the checkout)" if where.startswith(str(REPO)) else "regular (site-packages)"
    return f"{kind}, `{where}`"


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{os.cpu_count()} CPUs (nproc {os.cpu_count()}), {cpu}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {datetime.date.today().isoformat()}"
    )


# --- 1. first paint ----------------------------------------------------------------------


def paint_median(command: list[str], check: Check, runs: int) -> tuple[Timing, float | None]:
    samples, rss = [], None
    for _ in range(runs):
        elapsed, rss = first_paint(command, check, cwd=REPO)
        samples.append(elapsed)
    return summarize(samples, rss), rss


def floor_text(folder: Path) -> Path:
    """What the floor app shows: the bundled article as `reader dump` draws it, one screen."""
    command = [*READER, "dump", "--bidi", "visual", "--width", "74", str(BUNDLED)]
    dumped = subprocess.run(command, capture_output=True, text=True, check=True)
    path = folder / "floor.txt"
    path.write_text("\n".join(dumped.stdout.splitlines()[:36]), encoding="utf-8")
    return path


def startup_breakdown(report: Report) -> None:
    """Import times (-X importtime) of what `reader` loads before the first paint."""
    result = subprocess.run([PYTHON, "-X", "importtime", "-c", "import reader.app"], capture_output=True, text=True)
    cumulative: dict[str, int] = {}
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match:
            cumulative[match.group(4)] = int(match.group(2))
    names = [
        "reader.app",
        "textual.app",
        "reader.screens.library",
        "reader.screens.reading",
        "reader.text.layout",
        "reader.text.bidi",
        "reader.text.shaping",
        "arabic_reshaper",
        "reader.article.loader",
        "yaml",
        "reader.launch",
        "reader.terminal",
    ]
    rows = [[f"`{name}`", f"{cumulative[name] / 1000:.1f} ms"] for name in names if name in cumulative]
    report.add("Import time, cumulative (`python -X importtime -c 'import reader.app'`, one run):")
    report.add()
    report.table(["module", "cumulative import"], rows)


def probe_cost(folder: Path) -> str:
    """How long `decide_bidi` (the BDSM probe) takes inside tmux, where it has a real tty."""
    out = folder / "probe.txt"
    code = (
        "import time; t = time.perf_counter(); from reader.opening import decide_bidi; c = decide_bidi(None); "
        f"open({str(out)!r}, 'w')"
        ".write(f'{(time.perf_counter() - t) * 1000:.0f} ms: {c.mode.value} ({c.reason})')"
    )
    from benchmarks.tmux_paint import Session

    session = Session.start([PYTHON, "-c", code], cwd=REPO)
    deadline = time.perf_counter() + 10
    while not out.exists() and time.perf_counter() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)
    session.stop()
    return out.read_text() if out.exists() else "not measured"


def bench_first_paint(report: Report, folder: Path, runs: int) -> Timing:
    report.add("## 1. First paint (tmux 120×40)")
    report.add()
    body = contains_any(visual(FIRST_BODY_PHRASE))
    floor, floor_rss = paint_median(
        [PYTHON, str(REPO / "benchmarks" / "floor_app.py"), str(floor_text(folder))], body, runs
    )
    bundled, bundled_rss = paint_median([*READER, str(BUNDLED)], body, runs)
    logical, _ = paint_median([*READER, "--bidi", "logical", str(BUNDLED)], contains_any(FIRST_BODY_PHRASE), runs)
    report.table(
        ["program", "first paint (median)", "range", "peak RSS", "ratio to floor"],
        [
            ["floor: Textual app with one `Static`", floor.ms(), floor.spread(), _mb(floor_rss), "1.00×"],
            [
                "`reader articles/hanoi-convention.yaml`",
                bundled.ms(),
                bundled.spread(),
                _mb(bundled_rss),
                mark(ratio(bundled, floor), 1.3),
            ],
            [
                "`reader --bidi logical …` (no BDSM probe)",
                logical.ms(),
                logical.spread(),
                "",
                f"{ratio(logical, floor):.2f}×",
            ],
        ],
    )
    report.add(f"BDSM probe inside tmux (`decide_bidi`, before the app starts): {probe_cost(folder)}.")
    report.add()
    startup_breakdown(report)
    return bundled


# --- 1b. an article with a photo ---------------------------------------------------------


def photo_article(folder: Path) -> Path:
    """The bundled article with a 1200×800 JPEG (a Mandelbrot set: it compresses like a
    photo, not like a flat colour) as the file of its first image."""
    from PIL import Image

    images = folder / "photo-article" / "images"
    images.mkdir(parents=True, exist_ok=True)
    fractal = Image.effect_mandelbrot((1200, 800), (-2.2, -1.2, 1.0, 1.2), 200)
    Image.merge("RGB", (fractal, fractal.rotate(180), fractal.transpose(Image.Transpose.FLIP_LEFT_RIGHT))).save(
        images / "photo.jpg", quality=85
    )
    text = BUNDLED.read_text(encoding="utf-8")
    first_credit = text.index("    credit:", text.index("images:"))
    line_end = text.index("\n", first_credit) + 1
    article = folder / "photo-article" / "article.yaml"
    article.write_text(text[:line_end] + "    file: images/photo.jpg\n" + text[line_end:], encoding="utf-8")
    return article


def photo_paint(command: list[str], body: Check, runs: int) -> tuple[Timing, Timing]:
    """First paint (the text) and the photo's half blocks on screen, each from the start."""
    texts, photos = [], []
    from benchmarks.tmux_paint import Session

    for _ in range(runs):
        start = time.perf_counter()
        session = Session.start(command, cwd=REPO)
        try:
            session.wait_for(body)
            texts.append(time.perf_counter() - start)
            session.wait_for(contains_any("▀"))
            photos.append(time.perf_counter() - start)
        finally:
            session.stop()
    return summarize(texts), summarize(photos)


def bench_photos(report: Report, folder: Path, runs: int) -> None:
    report.add("## 1b. First paint of an article with a photo (tmux 120×40)")
    report.add()
    article = str(photo_article(folder))
    body = contains_any(visual(FIRST_BODY_PHRASE))
    off, _ = paint_median([*READER, "--images", "off", article], body, runs)
    text, photo = photo_paint([*READER, "--images", "blocks", article], body, runs)
    report.table(
        ["program", "text on screen (median)", "range", "photo on screen (median)", "ratio to photos off"],
        [
            ["`reader --images off` (captions only)", off.ms(), off.spread(), "", "1.00×"],
            [
                "`reader --images blocks` (1200×800 JPEG, half blocks)",
                text.ms(),
                text.spread(),
                photo.ms(),
                f"{ratio(text, off):.2f}×",
            ],
        ],
    )


# --- 2. huge article -----------------------------------------------------------------------


def bench_huge(report: Report, huge: GeneratedArticle, bundled_paint: Timing, runs: int) -> None:
    report.add(f"## 2. Huge article ({huge.size / MB:.1f} MB, {huge.paragraphs:,} paragraphs, unique variant)")
    report.add()
    body = contains_any(visual(FIRST_BODY_PHRASE))
    marker = visual(END_MARKER)
    at_end = contains_any(marker)

    def widened(lines: list[str]) -> bool:
        return any(marker in line and len(line.rstrip()) > WIDTH + 2 for line in lines)

    rows = []
    for settle, label in ((0.0, "End pressed at first paint"), (3.0, "End pressed 3 s after first paint")):
        paints, ends, resizes, rss = [], [], [], None
        for _ in range(runs):
            # A fresh state folder each run: the article opens at its top, not where the
            # last run left it (the end).
            fresh_state = tempfile.mkdtemp(prefix="state-", dir=huge.yaml_path.parent)
            command = [*READER, "--state-dir", fresh_state, str(huge.yaml_path)]
            result = end_and_resize(command, body, at_end, widened, cwd=REPO, settle=settle)
            paints.append(result.first_paint)
            ends.append(result.end)
            resizes.append(result.resize)
            rss = result.peak_rss_mb
        paint, end, resize = summarize(paints), summarize(ends), summarize(resizes)
        rows.append(
            [
                label,
                paint.ms(),
                mark(ratio(paint, bundled_paint), 1.5),
                _target_ms(end, 150),
                _target_ms(resize, 150),
                f"{_mb(rss)} ({'met' if rss is not None and rss <= 200 else 'not met'})",
            ]
        )
    report.table(
        ["scenario", "first paint", "ratio to bundled", "End redrawn", "resize 120→140 redrawn", "peak RSS (≤ 200 MB)"],
        rows,
    )
    bench_find(report, huge, body, runs)


def bench_find(report: Report, huge: GeneratedArticle, painted: Check, runs: int) -> None:
    """Find as you type in the huge article: from the query typed to the match count shown."""
    rows = []
    for query, label in (
        ("ا", "one letter, `ا` (150,000 matches)"),
        ("الاختباري", "`الاختباري` typed at once (9 keys, 1 match)"),
    ):
        times = []
        for _ in range(runs):
            fresh_state = tempfile.mkdtemp(prefix="state-", dir=huge.yaml_path.parent)
            command = [*READER, "--state-dir", fresh_state, str(huge.yaml_path)]
            times.append(find_as_you_type(command, painted, query, contains_any("match 1 of"), cwd=REPO))
        rows.append([label, summarize(times).ms()])
    report.add("Find as you type in the same article (`/`, then the query sent in one `tmux send-keys -l`):")
    report.add()
    report.table(["query", "match count on screen after"], rows)


# --- 3. dump throughput --------------------------------------------------------------------


def bench_dump(report: Report, articles: list[tuple[str, GeneratedArticle]], runs: int) -> None:
    report.add("## 3. `reader dump --width 80` against FriBidi and the naive pipeline")
    report.add()
    rows = []
    for label, article in articles:
        fribidi = time_process(["fribidi", "--rtl", "--nobreak", "--nopad", str(article.text_path)], runs)
        reader = time_process([*READER, "dump", "--bidi", "visual", "--width", "80", str(article.yaml_path)], runs)
        naive = time_process([PYTHON, str(REPO / "benchmarks" / "naive_dump.py"), str(article.yaml_path), "80"], runs)
        rows.append(
            [
                label,
                fribidi.ms(),
                f"{reader.ms()} ({_mb(reader.peak_rss_mb)})",
                mark(ratio(reader, fribidi), 5),
                naive.ms(),
                f"{ratio(naive, fribidi):.1f}×",
            ]
        )
    report.table(
        ["article", "fribidi", "reader dump (peak RSS)", "reader / fribidi", "naive pipeline", "naive / fribidi"], rows
    )


# --- 4. library ----------------------------------------------------------------------------


def bench_library(report: Report, folder: Path, count: int, bundled_paint: Timing, timeout: float) -> None:
    report.add(f"## 4. Library of {count:,} articles")
    report.add()
    library = write_library(folder / "library", count)
    check = time_process([*READER, "check", str(library)], 1, rss=False) if count else None
    painted: dict[str, str] = {}
    for run in ("cold (first open: indexes every file)", "warm (unchanged files: from the index)"):
        try:
            elapsed, rss = first_paint(
                [*READER, str(library)], contains_any(visual(TITLE_PHRASE)), cwd=REPO, timeout=timeout
            )
            painted[run] = (
                f"{elapsed * 1000:,.0f} ms ({elapsed / bundled_paint.median:.1f}× the single article;"
                f" peak RSS {_mb(rss)})"
            )
        except TimeoutError:
            painted[run] = f"not painted within {timeout:.0f} s"
    rows = []
    if check is not None:
        rows.append(
            [
                "`reader check` over the folder (cold-indexing proxy)",
                check.ms(),
                f"{count / check.median:,.0f} articles/s",
            ]
        )
    for run, paint_time in painted.items():
        target = " (target ≤ 1.5×)" if run.startswith("warm") else ""
        rows.append([f"`reader FOLDER`, {run}: titles painted{target}", paint_time, ""])
    report.table(["measure", "time", "rate / ratio"], rows)


# --- 5. scaling ----------------------------------------------------------------------------


def bench_scaling(report: Report, folder: Path, sizes: list[int], runs: int) -> None:
    report.add("## 5. Scaling (unique variant)")
    report.add()
    body = contains_any(visual(FIRST_BODY_PHRASE))
    rows = []
    base: Timing | None = None
    for size in sizes:
        article = write_article(folder / "scaling", f"scale-{size}", size, unique=True)
        # Over the loader's default 5 MB limit, both commands are told the file's size.
        limit = ["--max-size", str(article.yaml_path.stat().st_size)]
        command = [*READER, "dump", "--bidi", "visual", "--width", "80", *limit, str(article.yaml_path)]
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            dump = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit {result.returncode}"
            rows.append([_size(size), f"refused: {dump}", "", "", ""])
            continue
        timing = time_process(command, runs, rss=False)
        try:
            opened = [*READER, *limit, str(article.yaml_path)]
            paint = summarize([first_paint(opened, body, cwd=REPO)[0] for _ in range(runs)])
            paint_text = paint.ms()
        except TimeoutError:
            paint_text = "not painted"
        base = base or timing
        per_mb = timing.median / (article.size / MB)
        rows.append(
            [_size(article.size), timing.ms(), f"{per_mb * 1000:,.0f} ms/MB", paint_text, f"{ratio(timing, base):.1f}×"]
        )
    report.table(["article", "dump --width 80", "dump per MB", "first paint", "dump vs smallest"], rows)


# --- helpers -------------------------------------------------------------------------------


def _mb(value: float | None) -> str:
    return f"{value:,.0f} MB" if value is not None else "n/a"


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size / 1000:.0f} KB"


def _target_ms(timing: Timing, target_ms: float) -> str:
    value = timing.median * 1000
    return f"{value:,.0f} ms ({'met' if value <= target_ms else 'not met'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and a 1,000-article library")
    parser.add_argument("--library", type=int, default=10_000, help="articles in the generated library")
    parser.add_argument("--library-timeout", type=float, default=300, help="seconds to wait for the library screen")
    parser.add_argument(
        "--only", nargs="*", default=None, help="sections: paint photos huge dump library scaling feeds search"
    )
    parser.add_argument("--output", type=Path, help="also write the markdown report here")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else args.runs
    only: Callable[[str], bool] = lambda name: args.only is None or name in args.only  # noqa: E731
    for tool in ("tmux", "fribidi"):
        if shutil.which(tool) is None:
            print(f"benchmarks: {tool} is required", file=sys.stderr)
            return 2
    report = Report()
    report.add("# Benchmark run")
    report.add()
    report.add(
        f"Command: `{' '.join(['python', '-m', 'benchmarks', *(argv if argv is not None else sys.argv[1:])])}`  "
    )
    report.add(f"Machine: {machine()}  ")
    report.add(f"Measured install: {installed_reader()}")
    report.add()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as name:
        folder = Path(name)
        # The reader's state (reading positions, the library index) goes to a fresh folder,
        # never the user's: the library's first open is cold, the second one warm.
        os.environ["READER_STATE_DIR"] = str(folder / "state")
        bundled = bench_first_paint(report, folder, runs) if only("paint") or only("huge") or only("library") else None
        if only("photos"):
            bench_photos(report, folder, runs)
        huge = write_article(folder, "huge-2mb-unique", 2 * MB, unique=True)
        if only("huge") and bundled is not None:
            bench_huge(report, huge, bundled, max(2, runs // 2))
        if only("dump"):
            articles = [
                ("2 MB, repeated seed", write_article(folder, "huge-2mb", 2 * MB, unique=False)),
                ("2 MB, unique paragraphs", huge),
                ("1.2 MB, repeated seed", write_article(folder, "big-1.2mb", 1_200_000, unique=False)),
                ("1.2 MB, unique paragraphs", write_article(folder, "big-1.2mb-unique", 1_200_000, unique=True)),
            ]
            bench_dump(report, articles, runs)
        if only("library") and bundled is not None:
            bench_library(report, folder, 1000 if args.quick else args.library, bundled, args.library_timeout)
        if only("scaling"):
            bench_scaling(report, folder, [10_000, 100_000, MB, 10 * MB], max(2, runs // 2))
        if only("feeds"):
            bench_feeds(report, runs)
        if only("search"):
            from benchmarks.bench_search import bench_search  # imports the app: only when asked for

            bench_search(report, 1000 if args.quick else args.library, max(1, runs // 2))
    if args.output:
        args.output.write_text(report.text() + "\n", encoding="utf-8")
    print(report.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
