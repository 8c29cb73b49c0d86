"""ReaderApp: the Textual application; it owns the screens and the app-wide settings.

The library screen is the base of the screen stack; an article opens on top of it (at
once when the session has a single article). App-wide keys (quit, help, harakat) live
here; each screen owns its own. Help and the command palette are both built from the
bindings that are really active, so neither can drift from the keys. Screens the first
paint does not need (library, help, problems) are imported when first shown: every module
imported before the first paint delays it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from reader import startup_gc
from reader.article.library import Library
from reader.article.urls import check_url
from reader.browser import BrowserKind, browser_kind
from reader.clipboard import clipboard_command, copy_with
from reader.config import ConfigError, save_setting
from reader.screens.reading import ReadingScreen
from reader.session import Session
from reader.state.deferred import DeferredStore
from reader.text.layout import LayoutOptions
from reader.themes import FALLBACK_THEME, load_themes, next_theme, register_themes

if TYPE_CHECKING:
    from reader.screens.library import LibraryScreen

THEME_SETTING = "theme"
HARAKAT_SETTING = "harakat"


class ReaderApp(App[None]):
    """Read news articles in the terminal, right-to-left scripts included."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Keys", id="help"),
        Binding("h", "toggle_harakat", "Harakat", id="toggle-harakat"),
        Binding("t", "cycle_theme", "Theme", id="cycle-theme", show=False),
    ]

    options: reactive[LayoutOptions] = reactive(LayoutOptions, init=False)
    """The display options (bidi mode, harakat): one value that every screen watches."""

    def __init__(self, library: Library, options: LayoutOptions, session: Session | None = None) -> None:
        """`library`: the articles to show (empty when the session's sources are indexed)."""
        super().__init__()
        session = session or Session()
        # The screens' writes never wait for the database; a failure is said (StateNotSaved).
        self.store = DeferredStore(session.store, self._state_not_saved)
        self.session = replace(session, store=self.store)
        self.library = library
        self.options = options
        self.last_find = ""  # the last query of the find bar, offered again by /
        self._themes = load_themes(self.session.config_dir)
        self._theme_problems = self._start_in_theme(self.session.theme_name)

    def get_default_screen(self) -> Screen[None]:
        if not self.session.sources and self._has_one_article():
            # Straight to the article: the library screen is built only if the reader goes
            # back to it, which saves a sixth of a second before the first paint.
            return ReadingScreen(self.library, 0, self.options, self.session)
        return self._library_screen()

    def _library_screen(self) -> LibraryScreen:
        from reader.screens.library import LibraryScreen

        return LibraryScreen(self.library, self.options, self.session)

    def _has_one_article(self) -> bool:
        return self.library.count == 1 and not self.library.broken

    @dataclass
    class StateNotSaved(Message):
        """A write to the state database failed (posted from the writer thread)."""

        problem: str

    def _state_not_saved(self, problem: str) -> None:
        self.post_message(self.StateNotSaved(problem))

    def on_reader_app_state_not_saved(self, message: StateNotSaved) -> None:
        self.notify(message.problem, severity="error", timeout=8, markup=False)

    def on_unmount(self) -> None:
        """The writes queued (the place just remembered on quitting) are written before the store closes."""
        self.store.finish()

    def on_reading_screen_library_requested(self, message: ReadingScreen.LibraryRequested) -> None:
        """Back from the article the app opened with: the library comes up over it."""
        self.push_screen(self._library_screen())

    def on_mount(self) -> None:
        self.call_after_refresh(startup_gc.resume)
        if self.session.bidi_guard is not None:
            # Textual installed its ctrl+z handlers when it started: wrap them, so the
            # terminal's own bidi comes back while we are stopped.
            self.session.bidi_guard.chain_job_control()
        for problem, severity in self._theme_problems:
            self.notify(problem, severity=severity, timeout=10, markup=False)
        for message in self.session.startup_messages:
            self.notify(message, severity="warning", timeout=10, markup=False)
        self._open_single_article()

    def _open_single_article(self) -> None:
        if isinstance(self.screen, ReadingScreen):
            return  # already open (the default screen)
        if self._has_one_article():
            self.open_article(0)
        elif self.library.count == 0 and len(self.library.broken) == 1:
            from reader.screens.problems import ProblemsScreen

            self.push_screen(ProblemsScreen(self.library.broken[0]))

    def open_article(self, index: int, library: Library | None = None, start_block: int | None = None) -> None:
        self.push_screen(
            ReadingScreen(
                library or self.library,
                index,
                self.options,
                self.session,
                start_block=start_block,
                last_find=self.last_find,
            )
        )

    def on_reading_screen_find_remembered(self, message: ReadingScreen.FindRemembered) -> None:
        self.last_find = message.query

    def on_reading_screen_left(self, message: ReadingScreen.Left) -> None:
        """Back from an article: the library's highlight is on it (after [ and ] too)."""
        from reader.screens.library import LibraryScreen

        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.highlight_listing(message.key)

    def on_library_screen_article_chosen(self, message: LibraryScreen.ArticleChosen) -> None:
        self.open_article(message.index, message.library, message.start_block)

    def on_library_screen_library_loaded(self, message: LibraryScreen.LibraryLoaded) -> None:
        self.library = message.library
        self._open_single_article()

    # -- themes ----------------------------------------------------------------------------

    def _start_in_theme(self, wanted: str | None) -> list[tuple[str, SeverityLevel]]:
        """Register the themes and take the wanted one before the first screen is styled
        (setting it later restyles every widget); the problems to show once running."""
        register_themes(self, self._themes)
        problems: list[tuple[str, SeverityLevel]] = [(problem, "error") for problem in self._themes.problems]
        if wanted is not None:
            if wanted not in self.available_themes:
                problems.append((f"Unknown theme {wanted!r}; using {FALLBACK_THEME}.", "warning"))
                wanted = FALLBACK_THEME
            self.theme = wanted
        return problems

    def action_cycle_theme(self) -> None:
        """The next of the reader's themes (bundled and the user's); saved in the config file."""
        self._use_theme(next_theme(self._themes.names, self.theme))

    def action_choose_theme(self) -> None:
        """The reader's themes (bundled and the user's) in the palette; the one chosen is saved."""
        commands = [
            (name, partial(self._use_theme, name), "the current theme" if name == self.theme else "")
            for name in self._themes.names
        ]
        self.search_commands(commands, placeholder="Theme…")

    def _use_theme(self, name: str) -> None:
        self.theme = name
        self._save_setting(THEME_SETTING, name, f"Theme: {name}")

    def _save_setting(self, key: str, value: str | bool, done: str) -> None:
        """Save a choice in the config file, the one home of settings (`reader config` shows it)."""
        try:
            path = save_setting(key, value, self.session.config_dir)
        except ConfigError as error:
            self.notify(f"{done}, for this run only: {error}", severity="warning", timeout=6, markup=False)
            return
        self.notify(f"{done} (saved in {path})", timeout=3, markup=False)

    async def action_quit(self) -> None:
        """Remember where each open article was read to, then quit."""
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.remember_place()
        await super().action_quit()

    # -- links ---------------------------------------------------------------------------

    def on_library_screen_setting_chosen(self, message: LibraryScreen.SettingChosen) -> None:
        self._save_setting(message.key, message.value, message.done)

    def on_reading_screen_copy_text(self, message: ReadingScreen.CopyText) -> None:
        self.copy_text(message.text, message.done)

    def copy_text(self, text: str, done: str) -> None:
        """Copy with OSC 52 (the terminal's clipboard), and with the desktop's clipboard tool
        when there is one (in a worker: it may be slow), then say `done`."""
        self.copy_to_clipboard(text)
        command = clipboard_command(os.environ, sys.platform, shutil.which)
        if command is None:
            self.notify(done, markup=False)
            return
        self._copy_with_system_tool(command, text, done)

    @work(thread=True, group="clipboard")
    def _copy_with_system_tool(self, command: list[str], text: str, done: str) -> None:
        problem = copy_with(command, text)
        if problem is None:
            self.call_from_thread(self.notify, done, markup=False)
        else:
            self.call_from_thread(
                self.notify, f"{done} The system clipboard did not take it: {problem}", severity="warning", markup=False
            )

    def on_reading_screen_open_link(self, message: ReadingScreen.OpenLink) -> None:
        """Open a checked link without ever letting a console browser draw over the app."""
        url = message.url
        kind = browser_kind(os.environ, sys.platform)
        if kind is BrowserKind.NONE:
            self.copy_text(url, "No graphical browser here, so the link was copied to the clipboard instead.")
            return
        self.notify(f"Opening {check_url(url).display()}", markup=False)
        if kind is BrowserKind.GRAPHICAL:
            self.open_url(url)
            return
        try:
            with self.suspend(), self._terminal_bidi_paused():
                self.open_url(url)
        except SuspendNotSupported:  # headless (tests) or a web driver: nothing to give away
            self.open_url(url)

    def on_reading_screen_open_photo(self, message: ReadingScreen.OpenPhoto) -> None:
        """Open a photo file in the system's viewer (beside the terminal, never in it)."""
        from reader.photos.files import Refused
        from reader.photos.system_viewer import viewer_command

        command = viewer_command(message.path, os.environ, sys.platform)
        if isinstance(command, Refused):
            self.notify(f"Not opening the photo: {command.reason}.", severity="warning", markup=False)
            return
        self.notify(f"Opening {message.path.name}", markup=False)
        self.start_process(command)

    def start_process(self, command: list[str]) -> None:
        """Start a program beside the app, detached, with no access to the terminal."""
        import subprocess

        try:
            subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as error:
            self.notify(f"Could not start {command[0]}: {error.strerror or error}", severity="error", markup=False)

    @contextlib.contextmanager
    def _terminal_bidi_paused(self) -> Iterator[None]:
        """While another program has the terminal, give it back its own bidi mode."""
        if self.session.bidi_guard is None:
            yield
            return
        with self.session.bidi_guard.paused():
            yield

    # -- settings ---------------------------------------------------------------------

    def action_toggle_harakat(self) -> None:
        self.options = LayoutOptions(mode=self.options.mode, harakat=not self.options.harakat)  # the screens watch it
        self._save_setting(
            HARAKAT_SETTING, self.options.harakat, "Harakat shown" if self.options.harakat else "Harakat hidden"
        )

    # -- keys: help and command palette -------------------------------------------------

    def described_bindings(self, screen: Screen[object]) -> list[tuple[str, Binding, DOMNode]]:
        """(keys, binding, node) for each of the reader's own actions active on `screen`, keys
        joined. The reader's bindings all have an id; Textual's (Scroll Left, Focus Next,
        Copy selected text...) do not, and are left out."""
        groups: dict[str, tuple[list[str], Binding, DOMNode]] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or not binding.id:
                continue
            group = groups.setdefault(binding.id, ([], binding, active.node))
            key = self.get_key_display(binding)
            if key not in group[0]:
                group[0].append(key)
        return [(" ".join(keys), binding, node) for keys, binding, node in groups.values()]

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        rows = [(keys, binding.description) for keys, binding, _ in self.described_bindings(self.screen)]
        self.push_screen(HelpScreen(rows, self.session.bidi_description))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: the reader's own actions, each once, and a picker of its themes."""
        yield SystemCommand("Choose theme", "One of the reader's themes, by name", self.action_choose_theme)
        for keys, binding, node in self.described_bindings(screen):
            yield SystemCommand(binding.description, f"Key: {keys}", partial(self.run_action, binding.action, node))
