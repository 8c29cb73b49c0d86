"""Real terminals under Xvfb: start one running `reader`, photograph it, read the photo back.

Owns what the real-terminal suite (`tests/realterm/`) and its runner (`tools/realterm.py`)
share: how to start each terminal program at a given size on a private X display, how to
know the reader has finished drawing (the screen stops changing), the screenshot, the
Arabic OCR of the body pane (`tesseract -l ara`), and the score of what was read against
the article's logical text.

The score is the fraction of the word pairs read on screen that are consecutive words of
the article, in reading order, after folding harakat and letter forms
(`reader.text.normalize`). Reversed letters, words in the wrong order, a lam-alef split
by a blank and text of another pane drawn into the body's rows all break pairs.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from reader.article import loader
from reader.article.model import Article
from reader.screens.reading import NARROW_WIDTH, SIDE_WIDTH
from reader.text.normalize import normalize_for_search

REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_ARTICLE = REPO_ROOT / "reader" / "data" / "articles" / "hanoi-convention.yaml"
DISPLAYS = range(40, 50)
"""Private X display numbers (other sessions on the machine use other ones)."""
FONT = "DejaVu Sans Mono"
FONT_SIZE = 11
DRAW_DEADLINE = 40.0
POLL = 0.4
FINGERPRINTS = (
    "TMUX",
    "STY",
    "TERM_PROGRAM",
    "TERM_PROGRAM_VERSION",
    "VTE_VERSION",
    "KONSOLE_VERSION",
    "KONSOLE_DBUS_SESSION",
    "KITTY_WINDOW_ID",
    "KITTY_PID",
    "MLTERM",
    "XTERM_VERSION",
    "ALACRITTY_WINDOW_ID",
    "ALACRITTY_SOCKET",
    "WEZTERM_PANE",
    "WT_SESSION",
    "COLORTERM",
    "COLUMNS",
    "LINES",
    "READER_BIDI",
    "READER_CONFIG_DIR",
    "READER_STATE_DIR",
)
"""Variables a terminal sets for the programs in it: none may leak in from the caller."""

Argv = Callable[[int, int, str], list[str]]


@dataclass(frozen=True)
class TerminalSpec:
    """How to start one terminal program: `argv(columns, rows, shell_command)`."""

    name: str
    program: str
    argv: Argv
    version_argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    package: str = ""

    def installed(self) -> bool:
        return shutil.which(self.program) is not None

    def version(self) -> str:
        """The program's own version line."""
        result = subprocess.run(
            [self.program, *self.version_argv],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            env={**os.environ, **dict(self.env), "QT_QPA_PLATFORM": "offscreen"},
        )
        lines = (result.stdout + result.stderr).strip().splitlines()
        return lines[0].strip() if lines else "unknown"


def _xterm(columns: int, rows: int, command: str) -> list[str]:
    return ["xterm", "-geometry", f"{columns}x{rows}", "-fa", FONT, "-fs", str(FONT_SIZE), "-e", "sh", "-c", command]


def _vte(columns: int, rows: int, command: str) -> list[str]:
    return [
        "xfce4-terminal",
        "--disable-server",
        "--hide-menubar",
        "--hide-toolbar",
        "--hide-scrollbar",
        f"--geometry={columns}x{rows}",
        f"--font={FONT} {FONT_SIZE}",
        "-x",
        "sh",
        "-c",
        command,
    ]


def _konsole(columns: int, rows: int, command: str) -> list[str]:
    profile = f"TerminalColumns={columns};TerminalRows={rows};Font={FONT},{FONT_SIZE};ScrollBarPosition=2"
    return [
        "konsole",
        "--nofork",
        "--hide-menubar",
        "--hide-tabbar",
        "--separate",
        "-p",
        profile,
        "-e",
        "sh",
        "-c",
        command,
    ]


def _mlterm(columns: int, rows: int, command: str) -> list[str]:
    return ["mlterm", "-g", f"{columns}x{rows}", "-w", str(FONT_SIZE + 3), "-e", "sh", "-c", command]


def _mlterm_without_ctl(columns: int, rows: int, command: str) -> list[str]:
    """mlterm with its complex text layout (bidi and shaping) off: ``ctl = false`` in ~/.mlterm/main."""
    return ["mlterm", "--ctl=false", *_mlterm(columns, rows, command)[1:]]


def _kitty(columns: int, rows: int, command: str) -> list[str]:
    return [
        "kitty",
        "--config",
        "NONE",
        "-o",
        f"initial_window_width={columns}c",
        "-o",
        f"initial_window_height={rows}c",
        "-o",
        "remember_window_size=no",
        "-o",
        f"font_family={FONT}",
        "-o",
        f"font_size={FONT_SIZE}",
        "-o",
        "placement_strategy=top-left",
        "-o",
        "window_padding_width=0",
        "sh",
        "-c",
        command,
    ]


def _kitty_force_ltr(columns: int, rows: int, command: str) -> list[str]:
    argv = _kitty(columns, rows, command)
    return [*argv[:3], "-o", "force_ltr=yes", *argv[3:]]


def _alacritty(columns: int, rows: int, command: str) -> list[str]:
    return [
        "alacritty",
        "-o",
        f"window.dimensions.columns={columns}",
        "-o",
        f"window.dimensions.lines={rows}",
        "-o",
        f"font.normal.family={FONT}",
        "-o",
        f"font.size={FONT_SIZE}",
        "-e",
        "sh",
        "-c",
        command,
    ]


_SOFTWARE_GL = (("LIBGL_ALWAYS_SOFTWARE", "1"),)

TERMINALS: tuple[TerminalSpec, ...] = (
    TerminalSpec("xterm", "xterm", _xterm, ("-version",), package="xterm"),
    TerminalSpec("xfce4-terminal", "xfce4-terminal", _vte, ("--version",), package="xfce4-terminal"),
    TerminalSpec("konsole", "konsole", _konsole, ("--version",), package="konsole"),
    TerminalSpec("mlterm", "mlterm", _mlterm, ("--version",), package="mlterm"),
    TerminalSpec("mlterm-ctl-off", "mlterm", _mlterm_without_ctl, ("--version",), package="mlterm"),
    TerminalSpec("kitty", "kitty", _kitty, ("--version",), _SOFTWARE_GL, package="kitty"),
    TerminalSpec("kitty-force-ltr", "kitty", _kitty_force_ltr, ("--version",), _SOFTWARE_GL, package="kitty"),
    TerminalSpec("alacritty", "alacritty", _alacritty, ("--version",), _SOFTWARE_GL, package="alacritty"),
)

SYSTEM_TOOLS = {
    "Xvfb": "xvfb",
    "import": "imagemagick",
    "convert": "imagemagick",
    "tesseract": "tesseract-ocr",
    "xwininfo": "x11-utils",
}


def missing_tools() -> list[str]:
    """The Debian packages to install before any terminal can be looked at."""
    missing = sorted({package for tool, package in SYSTEM_TOOLS.items() if shutil.which(tool) is None})
    if shutil.which("tesseract") is not None and "ara" not in _tesseract_languages():
        missing.append("tesseract-ocr-ara")
    return missing


def _tesseract_languages() -> list[str]:
    result = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return result.stdout.split()


def spec_named(name: str) -> TerminalSpec:
    for spec in TERMINALS:
        if spec.name == name:
            return spec
    raise KeyError(name)


# -- the X display ----------------------------------------------------------------------


@contextmanager
def xvfb(width: int = 1600, height: int = 1000) -> Iterator[str]:
    """A private Xvfb display (the first free one of `DISPLAYS`), stopped on exit."""
    for number in DISPLAYS:
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    else:
        raise RuntimeError(f"no free X display in :{DISPLAYS.start}-:{DISPLAYS.stop - 1}")
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists() or server.poll() is not None, 10, "Xvfb")
        if server.poll() is not None:
            raise RuntimeError(f"Xvfb :{number} did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def wait_until(condition: Callable[[], bool], deadline_seconds: float, what: str) -> None:
    """Poll `condition` until it holds; raise TimeoutError naming `what` after the deadline."""
    deadline = time.monotonic() + deadline_seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {deadline_seconds:.0f} s waiting for {what}")
        time.sleep(POLL)


# -- one run --------------------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    """What one run of `reader` in a real terminal showed."""

    terminal: str
    columns: int
    rows: int
    bidi_info: str
    screenshot: Path
    body_png: Path
    ocr: str

    @property
    def mode(self) -> str:
        """The mode `reader --bidi-info` printed in that terminal."""
        match = re.search(r"bidi mode: (\S+)", self.bidi_info)
        return match.group(1) if match else "?"


def reader_executable() -> str:
    beside = Path(sys.executable).parent / "reader"
    found = str(beside) if beside.exists() else shutil.which("reader")
    if found is None:
        raise FileNotFoundError("the reader command is not installed in this environment")
    return found


def run_reader(
    spec: TerminalSpec,
    display: str,
    workdir: Path,
    *,
    columns: int = 120,
    rows: int = 36,
    reader_args: Sequence[str] = (),
    article: Path = BUNDLED_ARTICLE,
) -> Shot:
    """Start `spec` on `display` running `reader --bidi-info`, then `reader ARTICLE`;
    photograph the finished screen, OCR the body pane and close the terminal."""
    workdir.mkdir(parents=True, exist_ok=True)
    config, state, info = workdir / "config", workdir / "state", workdir / "bidi-info.txt"
    config.mkdir(exist_ok=True)
    (config / "config.yaml").write_text("theme: reader-light\n", encoding="utf-8")  # dark on light reads best
    reader = shlex.quote(reader_executable())
    dirs = f"--config-dir {shlex.quote(str(config))} --state-dir {shlex.quote(str(state))}"
    extra = shlex.join(reader_args)
    command = (
        f"{reader} --bidi-info {dirs} {extra} > {shlex.quote(str(info))} 2>&1;"
        f" exec {reader} {shlex.quote(str(article))} {dirs} {extra}"
    )
    with terminal(spec, display, workdir, command, columns, rows) as process:
        wait_until(
            lambda: info.exists() and info.stat().st_size > 0 or process.poll() is not None,
            DRAW_DEADLINE,
            f"{spec.name} to run reader --bidi-info",
        )
        raw = wait_for_still_screen(display, lambda: process.poll() is not None)
        shot = workdir / "screen.png"
        geometry = window_geometry(display)
        _save_png(raw, shot)
        body = workdir / "body.png"
        crop_body(shot, body, geometry, columns, rows)
        return Shot(spec.name, columns, rows, info.read_text(errors="replace"), shot, body, ocr(body))


@contextmanager
def terminal(
    spec: TerminalSpec, display: str, workdir: Path, command: str, columns: int = 120, rows: int = 36
) -> Iterator[subprocess.Popen[bytes]]:
    """`spec` running the shell `command` on `display`, closed (with all it started) on exit."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key not in FINGERPRINTS}
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "NO_AT_BRIDGE": "1", **dict(spec.env)})
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):  # no remembered window sizes
        env[variable] = str(workdir / variable.lower())
    log = (workdir / "terminal.log").open("w")
    process = subprocess.Popen(
        spec.argv(columns, rows, command), env=env, stdout=log, stderr=log, start_new_session=True
    )
    try:
        yield process
    finally:
        _stop(process)
        log.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the terminal and everything it started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(10)


def _grab(display: str) -> bytes:
    return subprocess.run(
        ["import", "-display", display, "-window", "root", "-depth", "8", "ppm:-"], capture_output=True, check=True
    ).stdout


def wait_for_still_screen(display: str, gave_up: Callable[[], bool]) -> bytes:
    """The screen once it is drawn: not blank, and the same on three grabs in a row."""
    seen: list[str] = []
    result: list[bytes] = []

    def still() -> bool:
        if gave_up():
            raise RuntimeError("the terminal exited before the reader was drawn")
        raw = _grab(display)
        digest = hashlib.sha1(raw).hexdigest()
        seen.append(digest)
        result[:] = [raw]
        return len(seen) >= 3 and len(set(seen[-3:])) == 1 and _has_text(raw)

    wait_until(still, DRAW_DEADLINE, "the screen to be drawn and still")
    return result[0]


def _has_text(raw: bytes) -> bool:
    """More than two colours on screen (a blank terminal shows one or two)."""
    body = raw.split(b"\n", 3)[3]
    return len({body[index : index + 3] for index in range(0, min(len(body), 3_000_000), 997 * 3)}) > 2


def _save_png(raw: bytes, path: Path) -> None:
    subprocess.run(["convert", "ppm:-", str(path)], input=raw, check=True)


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    x: int
    y: int


def window_geometry(display: str) -> Geometry:
    """The biggest top-level window (there is no window manager: it is the terminal)."""
    tree = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-children"], capture_output=True, text=True, check=True
    ).stdout
    found = [Geometry(*map(int, match.groups())) for match in re.finditer(r"(\d+)x(\d+)\+(-?\d+)\+(-?\d+)", tree)]
    if not found:
        raise RuntimeError(f"no window on {display}")
    return max(found, key=lambda geometry: geometry.width * geometry.height)


def crop_body(shot: Path, out: Path, window: Geometry, columns: int, rows: int) -> None:
    """The rows and columns of the body pane (all of them when narrow), grey, twice the size."""
    cell = window.width / columns
    first, last = (SIDE_WIDTH + 2, columns - 2) if columns >= NARROW_WIDTH else (0, columns - 2)
    left, right = window.x + int(first * cell), window.x + int(last * cell)
    height = int(window.height * (rows - 1) / rows)  # without the footer line
    subprocess.run(
        [
            "convert",
            str(shot),
            "-crop",
            f"{right - left}x{height}+{left}+{window.y}",
            "+repage",
            "-colorspace",
            "gray",
            "-resize",
            "200%",
            str(out),
        ],
        check=True,
    )


def ocr(image: Path) -> str:
    """The Arabic text Tesseract reads in `image`."""
    result = subprocess.run(["tesseract", str(image), "-", "-l", "ara"], capture_output=True, text=True, check=True)
    return result.stdout


# -- scoring ----------------------------------------------------------------------------

_ARABIC_WORD = re.compile("[\u0621-\u064a\u066e-\u06d3]{2,}")


def words(text: str) -> list[str]:
    """The Arabic words of `text`, folded as search folds them (harakat, alef forms...)."""
    return _ARABIC_WORD.findall(normalize_for_search(text))


def article_texts(article: Article) -> Iterator[str]:
    """Every piece of text of the article the reader may show, in logical order: read from
    the article itself, not from the reader's blocks, so the score stays independent of
    the code it measures."""
    yield article.title
    yield from (paragraph for paragraph in article.body)
    yield from article.facts
    for image in article.images:
        yield image.caption
        if image.credit:
            yield image.credit


def article_pairs(article: Article) -> set[tuple[str, str]]:
    """Each pair of consecutive words of each text of the article."""
    pairs: set[tuple[str, str]] = set()
    for text in article_texts(article):
        found = words(text)
        pairs.update(pairwise(found))
    return pairs


def load_article(path: Path = BUNDLED_ARTICLE) -> Article:
    article = loader.load_article(path).article
    assert article is not None, f"{path} does not load"
    return article


def score(read: str, pairs: set[tuple[str, str]]) -> float:
    """The fraction of word pairs read (line by line, top to bottom) that are the article's."""
    found = [pair for line in _lines(read) for pair in pairwise(line)]
    if not found:
        return 0.0
    return sum(pair in pairs for pair in found) / len(found)


def _lines(read: str) -> Iterable[list[str]]:
    return (words(line) for line in read.splitlines())
