"""The sub-commands of `reader`, one module each.

Each module owns its parser (`build_parser`) and its run function (`run`); `reader.cli`
finds the module in `COMMANDS` and imports it only when that command runs, so a command
loads only what it needs (`reader check` and `reader dump` never import Textual, `reader
fetch` alone imports the web stack). `read` is the command with no name: `reader [PATH]`.
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass
from typing import Protocol, cast


class CommandModule(Protocol):
    """What a module of this package provides."""

    def build_parser(self) -> argparse.ArgumentParser: ...

    def run(self, args: argparse.Namespace) -> int: ...


@dataclass(frozen=True)
class Command:
    name: str
    module: str
    summary: str

    def load(self) -> CommandModule:
        return cast(CommandModule, importlib.import_module(self.module))


READ = Command("read", "reader.commands.read", "open an article or a library (the default)")

COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command("check", "reader.commands.check", "validate article files: path:line:col: message"),
        Command("import", "reader.commands.import_", "turn a text report or a news page (file, URL) into article YAML"),
        Command("dump", "reader.commands.dump", "print an article as the reader shows it"),
        Command("config", "reader.commands.config", "where the config file is, and the settings in effect"),
        Command("calibrate", "reader.commands.calibrate", "pick this terminal's bidi mode by eye"),
        Command("feeds", "reader.commands.feeds", "the feeds you follow: list, add, remove, import, export, suggest"),
        Command("fetch", "reader.commands.fetch", "fetch the followed feeds: each new item becomes an article"),
    )
}
