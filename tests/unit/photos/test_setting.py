"""Choosing how photos are drawn, from the setting, the terminal's answers and its colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import load_config
from reader.photos.setting import ImageProtocol, ImagesSetting, choose_images
from reader.terminal.graphics import GraphicsReply, parse_graphics_reply

KITTY_ENV = {"TERM": "xterm-kitty", "COLORTERM": "truecolor"}
KITTY = GraphicsReply(kitty=True, cell_pixels=(9, 18))
SILENT = GraphicsReply()


@pytest.mark.parametrize(
    ("setting", "reply", "env", "protocol"),
    [
        (ImagesSetting.AUTO, KITTY, KITTY_ENV, ImageProtocol.KITTY),
        (ImagesSetting.AUTO, KITTY, {"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, ImageProtocol.BLOCKS),
        (ImagesSetting.AUTO, GraphicsReply(kitty=True, sixel=True), {"TERM": "xterm-256color"}, ImageProtocol.SIXEL),
        (ImagesSetting.AUTO, GraphicsReply(sixel=True), {"TERM": "mlterm"}, ImageProtocol.SIXEL),
        (ImagesSetting.AUTO, SILENT, {"TERM": "tmux-256color"}, ImageProtocol.BLOCKS),
        (ImagesSetting.AUTO, SILENT, {"TERM": "xterm", "COLORTERM": "truecolor"}, ImageProtocol.BLOCKS),
        (ImagesSetting.AUTO, SILENT, {"TERM": "linux"}, ImageProtocol.OFF),
        (ImagesSetting.AUTO, SILENT, {"TERM": "xterm"}, ImageProtocol.OFF),
        (ImagesSetting.BLOCKS, SILENT, {"TERM": "linux"}, ImageProtocol.BLOCKS),
        (ImagesSetting.OFF, KITTY, KITTY_ENV, ImageProtocol.OFF),
        (ImagesSetting.KITTY, SILENT, {}, ImageProtocol.KITTY),
    ],
)
def test_choice(setting: ImagesSetting, reply: GraphicsReply, env: dict[str, str], protocol: ImageProtocol) -> None:
    assert choose_images(setting, reply, env).protocol is protocol


def test_the_cell_size_the_terminal_gave_is_kept() -> None:
    assert choose_images(ImagesSetting.AUTO, KITTY, KITTY_ENV).cell_pixels == (9, 18)


def test_kittys_answers_are_parsed() -> None:
    reply = parse_graphics_reply(b"\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[?62;22c")
    assert reply == GraphicsReply(kitty=True, sixel=False, cell_pixels=(10, 20))


def test_a_kitty_error_is_not_support() -> None:
    reply = parse_graphics_reply(b"\x1b_Gi=31;EINVAL:bad\x1b\\\x1b[?62c")
    assert reply is not None and not reply.kitty


def test_sixel_is_attribute_4_of_the_device_attributes() -> None:
    reply = parse_graphics_reply(b"\x1b[?63;1;2;4;6;9;15;22c")
    assert reply is not None and reply.sixel and not reply.kitty and reply.cell_pixels is None


def test_no_answer_until_the_device_attributes_end() -> None:
    assert parse_graphics_reply(b"\x1b_Gi=31;OK\x1b\\\x1b[?62;2") is None


def test_the_config_says_images(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("images: off\n", encoding="utf-8")
    assert load_config(tmp_path).config.images is ImagesSetting.OFF


def test_a_bad_images_value_names_the_choices(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("images: sometimes\n", encoding="utf-8")
    loaded = load_config(tmp_path)
    assert loaded.config.images is ImagesSetting.AUTO
    assert loaded.problems and "expected one of: auto, kitty, sixel, blocks, off" in loaded.problems[0]
