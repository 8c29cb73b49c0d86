"""`Session`: what one run of the reader was started with, handed to the app and its screens.

Built once by `reader.launch` from the command line, the config file and the state folder;
fixed for the run. What changes while the reader runs (the layout options, the theme)
lives on the app, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.article.library import SortOrder
from reader.article.loader import DEFAULT_MAX_SIZE
from reader.config import DEFAULT_MEASURE
from reader.photos.setting import ImageProtocol, ImagesChoice
from reader.state.store import NullStore, Store
from reader.terminal.bdsm import BidiGuard
from reader.text.digits import DigitStyle


@dataclass(frozen=True)
class Session:
    """`sources`: the folders the library screen indexes (none when one file was opened);
    `theme_name` None keeps Textual's default theme; `config_dir` is where `t` and `h`
    save their choice (None: the user's config folder); `data_dir` holds the followed feeds
    and their articles (None: `READER_DATA_DIR`, else the platform's user data folder,
    looked up when `r` is pressed); `startup_messages` are shown once
    the app runs (config problems, a state database that could not be opened); `images`
    is how photos are drawn, and why (off unless the launch chose otherwise)."""

    store: Store = field(default_factory=NullStore)
    bidi_description: str = "visual"
    bidi_guard: BidiGuard | None = None
    sources: tuple[Path, ...] = ()
    theme_name: str | None = None
    config_dir: Path | None = None
    data_dir: Path | None = None
    digits: DigitStyle = DigitStyle.AS_WRITTEN
    startup_messages: tuple[str, ...] = ()
    max_size: int = DEFAULT_MAX_SIZE
    measure: int = DEFAULT_MEASURE  # the widest line of article text, in cells (0: no limit)
    sort: SortOrder = SortOrder.DATE  # the library's order, as the config says (`s` and `S` change it)
    sort_reversed: bool = False
    images: ImagesChoice = ImagesChoice(ImageProtocol.OFF, "not chosen")
