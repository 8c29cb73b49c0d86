"""The config is documented for users (docs/config.md) and `reader config` says where everything is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import PARSERS
from reader.theme_files import COLOR_KEYS, TOP_LEVEL_KEYS
from tests.conftest import REPO_ROOT

CONFIG_DOC = REPO_ROOT / "docs" / "config.md"


def test_every_config_key_has_a_row_in_the_docs() -> None:
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", CONFIG_DOC.read_text(encoding="utf-8"), re.MULTILINE))
    assert set(PARSERS) <= rows, set(PARSERS) - rows


def test_the_docs_give_the_themes_folder_and_every_theme_file_key() -> None:
    text = CONFIG_DOC.read_text(encoding="utf-8")
    assert "<config folder>/themes/" in text
    for key in (*TOP_LEVEL_KEYS, *COLOR_KEYS):
        assert re.search(rf"\b{key}\b", text), key


def test_reader_config_shows_the_state_folder_and_the_themes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.yaml").write_text('name: night-paper\ncolors:\n  primary: "#d9a35b"\n', encoding="utf-8")
    (themes / "broken.yaml").write_text("name: [\n", encoding="utf-8")
    status = main(["config", "--config-dir", str(tmp_path / "config"), "--state-dir", str(tmp_path / "state")])
    out, err = capsys.readouterr()
    assert f"state folder: {tmp_path / 'state'}" in out
    names = "reader-dark, reader-light, reader-high-contrast, reader-sepia, night-paper"
    assert f"themes available: {names} (your own go in {themes})" in out
    assert f"{themes / 'broken.yaml'}:" in err and status == 1
