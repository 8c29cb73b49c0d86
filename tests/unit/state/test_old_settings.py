"""An older reader kept the theme and harakat chosen in the app in its database: they are
carried into the config file once, unless the file says otherwise already."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.config import Config, carry_old_settings, config_file, load_config
from reader.state.store import DB_NAME, open_store


def older_database(folder: Path, settings: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / DB_NAME) as db:
        db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.executemany("INSERT INTO settings VALUES (?, ?)", settings.items())
        db.execute("PRAGMA user_version=4")


def test_the_old_settings_are_taken_out_of_the_database_once(tmp_path: Path) -> None:
    older_database(tmp_path, {"theme": "reader-sepia", "harakat": "off"})
    first = open_store(tmp_path)
    first.store.close()
    assert first.old_settings == {"theme": "reader-sepia", "harakat": "off"}
    again = open_store(tmp_path)
    again.store.close()
    assert again.old_settings == {}


def test_they_move_into_the_config_file_and_hold_at_once(tmp_path: Path) -> None:
    config, messages = carry_old_settings({"theme": "reader-sepia", "harakat": "off"}, Config(), tmp_path)
    assert (config.theme, config.harakat) == ("reader-sepia", False)
    saved = load_config(tmp_path).config
    assert (saved.theme, saved.harakat) == ("reader-sepia", False)
    assert len(messages) == 2 and all("now lives in the config file" in message for message in messages)


def test_a_choice_the_config_file_makes_is_kept(tmp_path: Path) -> None:
    config_file(tmp_path).write_text("theme: reader-light\n", encoding="utf-8")
    config, messages = carry_old_settings({"theme": "reader-sepia"}, load_config(tmp_path).config, tmp_path)
    assert config.theme == "reader-light" and messages == ()
    assert load_config(tmp_path).config.theme == "reader-light"
