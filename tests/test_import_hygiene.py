"""Pure code never imports Textual: the engine, model and loader work without a UI."""

from __future__ import annotations

import subprocess
import sys

PURE_MODULES = [
    "reader.article.model",
    "reader.article.loader",
    "reader.article.check",
    "reader.article.importer",
    "reader.article.document",
    "reader.article.library",
    "reader.article.urls",
    "reader.text.bidi",
    "reader.text.shaping",
    "reader.text.layout",
    "reader.text.sanitize",
    "reader.text.normalize",
    "reader.terminal.select_mode",
    "reader.terminal.bdsm",
    "reader.article.text_dump",
    "reader.commands.dump",
    "reader.browser",
    "reader.user_folders",
    "reader.config",
    "reader.theme_files",
    "reader.text.digits",
    "reader.startup_gc",
    "reader.text.lazy_table",
    "reader.state.store",
    "reader.state.index",
    "reader.state.search",
    "reader.state.codec",
]


def test_pure_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {PURE_MODULES!r}:\n"
        "    __import__(name)\n"
        "    loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "    assert not loaded, f'{name} imports textual'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_and_dump_do_not_load_the_tui() -> None:
    """`reader check` and `reader dump` start fast: no Textual import on their path."""
    code = (
        "import sys\n"
        "from reader import cli\n"
        "cli.main(['check', '--help'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "usage: reader check" in result.stdout
    code = "import sys, reader.cli, reader.commands.dump; assert 'textual' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
