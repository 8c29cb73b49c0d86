"""What each command loads when it starts: the layering itself is import-linter's contracts
(`[tool.importlinter]` in pyproject.toml, run by .ci/run); these check the imports that
happen at run time, lazy ones included, where a user would feel them as start-up time."""

from __future__ import annotations

import subprocess
import sys

WEB_STACK = ("httpx", "feedparser", "trafilatura", "lxml", "PIL", "textual_image")


def loaded_after(code: str) -> set[str]:
    """The top-level packages loaded after running `code` in a fresh interpreter."""
    script = f"import sys\n{code}\nprint(' '.join(sorted({{name.split('.')[0] for name in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_check_and_dump_do_not_load_the_tui() -> None:
    """`reader check` and `reader dump` start fast: no Textual import on their path."""
    assert "textual" not in loaded_after("from reader.commands import COMMANDS\nCOMMANDS['check'].load()")
    assert "textual" not in loaded_after("from reader.commands import COMMANDS\nCOMMANDS['dump'].load()")


def test_the_reading_screen_does_not_load_the_web_stack() -> None:
    """Opening an article never pays for HTTP, feed or HTML parsing, nor for image decoding."""
    loaded = loaded_after("import reader.app, reader.launch, reader.commands.read")
    assert "textual" in loaded
    assert not loaded & set(WEB_STACK)
