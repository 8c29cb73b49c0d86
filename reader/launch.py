"""Start the TUI: what to open (`reader.opening.plan_launch`), the bidi mode, the state,
then the app.

`reader` with no path opens the user's library: the config's `folders` plus the articles
`reader fetch` saved (`<data>/articles`); when that is empty, `./articles` when the working
directory has one, else the articles bundled with the package. A folder is indexed by the
library screen (`reader.state`); a single file is loaded at once. A path that does not
exist or holds no article is an error message and exit code 2, never a traceback. Textual
is imported only here, once we know there is something to show.

The bidi mode comes from `--bidi`, `READER_BIDI`, or the terminal itself
(`reader.terminal.select_mode`). A terminal that can switch to explicit bidi (VTE, mintty)
is switched for the whole run and restored on every way out.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.config import carry_old_settings, folder_problems, load_config
from reader.config import config_dir as find_config_dir
from reader.opening import decide_bidi, library_identities, plan_launch
from reader.session import Session
from reader.state.store import open_store
from reader.state.store import state_dir as find_state_dir
from reader.terminal.bdsm import BidiGuard, explicit_bidi
from reader.terminal.probe import probe_bdsm
from reader.terminal.select_mode import (
    BackgroundProbe,
    ModeChoice,
    default_probe,
)
from reader.text.layout import LayoutOptions
from reader.user_folders import data_folder, fetched_articles

if TYPE_CHECKING:
    from reader.config import Config
    from reader.photos.setting import ImagesChoice

# What to open and the bidi mode are decided in `reader.opening` (shared with `reader dump`).

EXIT_BAD_PATH = 2


_NOT_IDENTIFIED = (
    "The article could not be recorded in the reader's database "
    "(its read mark and place will not follow its file if it moves): "
)


def decide_images(cli_value: str | None, config: Config, *, interactive: bool) -> ImagesChoice:
    """How photos are drawn: `--images` beats the config; `auto` asks the terminal (only
    when stdin and stdout are terminals, after the bidi probe, before the app reads input)."""
    from reader.photos.setting import ImagesSetting, choose_images
    from reader.terminal.graphics import GraphicsReply, query_graphics

    setting = ImagesSetting(cli_value) if cli_value is not None else config.images
    reply = GraphicsReply()
    if setting is ImagesSetting.AUTO and interactive:
        reply = query_graphics(sys.stdin.fileno(), sys.stdout.fileno())
    elif setting is not ImagesSetting.OFF and interactive:
        reply = GraphicsReply(cell_pixels=_cell_pixels(sys.stdout.fileno()))
    return choose_images(setting, reply, os.environ)


class _ImagesDecision(threading.Thread):
    """`decide_images` in a thread: its round trip to the terminal (30 ms inside tmux)
    passes while the store opens and the app finishes importing. Started only once the
    bidi probe has given the terminal back."""

    def __init__(self, cli_value: str | None, config: Config) -> None:
        super().__init__(name="images-query", daemon=True)
        self._arguments = (cli_value, config)
        self.choice: ImagesChoice | None = None

    def run(self) -> None:
        cli_value, config = self._arguments
        self.choice = decide_images(cli_value, config, interactive=_interactive())

    def result(self) -> ImagesChoice:
        """The choice, once the thread is done (photos off if it failed)."""
        from reader.photos.setting import ImageProtocol, ImagesChoice

        return self.choice or ImagesChoice(ImageProtocol.OFF, "the terminal could not be asked")


def _decide_images_meanwhile(cli_value: str | None, config: Config) -> _ImagesDecision:
    decision = _ImagesDecision(cli_value, config)
    decision.start()
    return decision


def _interactive() -> bool:
    """Whether stdin and stdout are both terminals (the graphics query needs both)."""
    try:
        return os.isatty(sys.stdin.fileno()) and os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return False


def _cell_pixels(fd: int) -> tuple[int, int] | None:
    """A cell's size in pixels from the tty's window size, when the terminal fills it in."""
    import fcntl
    import struct
    import termios

    try:
        rows, columns, width, height = struct.unpack("HHHH", fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8))
    except OSError:
        return None
    if not (rows and columns and width and height):
        return None
    return width // columns, height // rows


def print_bidi_info(cli_value: str | None, config_dir: Path | None = None) -> int:
    """Print the mode and why. With stdout redirected (`reader --bidi-info > file`), the
    terminal is still asked, on the controlling terminal: the answer is about it."""
    config = load_config(find_config_dir(config_dir)).config
    with _controlling_terminal() as terminal:
        if terminal is None:
            choice = decide_bidi(cli_value, config)
        else:
            choice = decide_bidi(cli_value, config, lambda: probe_bdsm(terminal, terminal), interactive=True)
    if isinstance(choice, str):
        print(choice, file=sys.stderr)
        return EXIT_BAD_PATH
    print(f"bidi mode: {choice.mode.value}")
    print(f"why: {choice.reason}")
    print(f"terminal switched to explicit bidi: {'yes' if choice.switch_to_explicit else 'no'}")
    return 0


@contextlib.contextmanager
def _controlling_terminal() -> Iterator[int | None]:
    """/dev/tty, opened, when stdin is a terminal but stdout is not; else None."""
    descriptor = None
    if sys.stdin.isatty() and not sys.stdout.isatty():
        with contextlib.suppress(OSError):
            descriptor = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    try:
        yield descriptor
    finally:
        if descriptor is not None:
            os.close(descriptor)


@contextlib.contextmanager
def terminal_bidi(choice: ModeChoice) -> Iterator[BidiGuard | None]:
    """Explicit bidi for the run when the terminal supports switching; nothing otherwise."""
    if not choice.switch_to_explicit:
        yield None
        return
    with explicit_bidi(sys.__stderr__ or sys.stderr, choice.previous_bdsm, choice.switch) as guard:
        yield guard


def _import_the_app_meanwhile() -> threading.Thread:
    """Import the TUI (about 0.3 s) while the terminal is probed, instead of after."""
    thread = threading.Thread(target=importlib.import_module, args=("reader.app",), daemon=True)
    thread.start()
    return thread


def run_app(
    path: Path | None,
    *,
    bidi: str | None,
    harakat: bool,
    config_dir: Path | None = None,
    state_dir: Path | None = None,
    max_size: int | None = None,
    early_probe: BackgroundProbe | None = None,
    images: str | None = None,
) -> int:
    """`harakat` False is `--no-harakat`; else the config's choice. `max_size`: the largest
    article file read (`--max-size`; None: the default). `early_probe`: the BDSM probe,
    already started (`start_probe_early`). `images`: `--images` (None: the config's `images:`)."""
    configured = load_config(find_config_dir(config_dir))
    config = configured.config
    data = data_folder()
    plan = plan_launch(path, config, Path.cwd(), max_size, fetched_articles(data))
    if isinstance(plan, str):
        print(plan, file=sys.stderr)
        return EXIT_BAD_PATH
    importing = _import_the_app_meanwhile()
    choice = decide_bidi(bidi, config, early_probe or default_probe)  # the terminal's round trip (at most 0.5 s)
    if early_probe is not None:
        early_probe.finish()  # the terminal is the app's from now on
    if isinstance(choice, str):
        print(choice, file=sys.stderr)
        return EXIT_BAD_PATH
    options = LayoutOptions(mode=choice.mode, harakat=harakat and config.harakat)
    photos = _decide_images_meanwhile(images, config)  # the terminal answers while the store opens
    try:
        opened = open_store(find_state_dir(state_dir))
        importing.join()
    finally:
        photos.join()  # the terminal is given back before anything else can happen to it
    try:
        config, carried = carry_old_settings(opened.old_settings, config, find_config_dir(config_dir))
        options = replace(options, harakat=options.harakat and config.harakat)
        not_identified = opened.store.identify(library_identities(plan.library))
        from reader.app import ReaderApp

        with terminal_bidi(choice) as guard:
            session = Session(
                store=opened.store,
                bidi_description=choice.describe(),
                bidi_guard=guard,
                sources=plan.sources,
                theme_name=config.theme,
                config_dir=find_config_dir(config_dir),
                data_dir=data,
                digits=config.digits,
                startup_messages=(
                    *configured.problems,
                    *(folder_problems(configured) if path is None else ()),
                    *([opened.message] if opened.message else []),
                    *carried,
                    *([_NOT_IDENTIFIED + not_identified] if not_identified else []),
                ),
                max_size=plan.max_size,
                images=photos.result(),
                measure=config.measure,
                sort=config.sort,
                sort_reversed=config.sort_reversed,
            )
            app = ReaderApp(plan.library, options, session)
            app.run()
    finally:
        opened.store.close()
    return app.return_code or 0
