"""The `reader` command line: find the sub-command in `reader.commands.COMMANDS` and run it.

Each command's module is imported only when it runs, so `reader check` and `reader dump`
start fast and never load the TUI; `reader` with no command name opens the reading screen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader import startup_gc
from reader.commands import COMMANDS, READ


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(args[0]) if args else None
    if command is not None:
        args = args[1:]
    startup_gc.pause()  # the reading screen keeps it paused until the first paint
    module = (command or READ).load()
    if command is not None:
        startup_gc.resume()
    return module.run(module.build_parser().parse_args(args))
