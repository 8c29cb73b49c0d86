"""PhotoScreen: one photo as large as the terminal allows, its caption under it.

Kitty graphics and half blocks: the photo is drawn by a PhotoPane, as in the reading
screen (same worker, same cache), with the screen's height as the limit. Sixel: a Sixel
bitmap is painted over cells, which a scrolling pane cannot cut at its edges, but a screen
that does not scroll can show it: the photo is decoded and scaled to the screen in a
worker, then shown by textual-image's Sixel widget. Esc (or `v` again) goes back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center
from textual.message import Message
from textual.screen import Screen

from reader.article.document import Block, Part, Role, shortened
from reader.article.presentation import caption_with_credit
from reader.photos.setting import ImageProtocol
from reader.text.direction import Direction
from reader.widgets.photo_pane import PhotoPane, PhotoSource, decode_photo
from reader.widgets.text_pane import TextPane

if TYPE_CHECKING:
    from reader.photos.files import Refused

CAPTION_ROWS = 4  # the caption, the pane's border and a blank line


class PhotoScreen(Screen[None]):
    """A photo of the article, full-screen."""

    DEFAULT_CSS = """
    PhotoScreen { layout: vertical; }
    PhotoScreen > PhotoPane { height: 1fr; border: none; }
    PhotoScreen > #sixel { height: 1fr; align: center middle; }
    PhotoScreen > #caption { height: auto; max-height: 6; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "close", "Back to the article", id="close-photo"),
    ]

    @dataclass
    class SixelReady(Message):
        """The photo, scaled to the screen for Sixel (a PIL image), or why it is not shown."""

        picture: object
        refused: Refused | None = None

    def __init__(self, photos: PhotoSource, image: int, direction: Direction = Direction.AUTO) -> None:
        super().__init__()
        self.photos = photos
        self.image = image
        self.direction = direction

    def _caption(self) -> Block:
        return Block(
            shortened(caption_with_credit(self.photos.images[self.image], with_file=False)),
            Part.IMAGES,
            Role.CAPTION,
            self.direction,
        )

    def compose(self) -> ComposeResult:
        max_rows = max(1, self.app.size.height - CAPTION_ROWS)
        photos = replace(self.photos, max_rows=max_rows)
        if photos.protocol is ImageProtocol.SIXEL:
            yield Center(id="sixel")
            yield TextPane([self._caption()], id="caption")
            return
        blocks = [Block("", Part.IMAGES, Role.PHOTO, Direction.LTR, image=self.image), self._caption()]
        yield PhotoPane(blocks, photos=photos, id="photo")

    def on_mount(self) -> None:
        self.query(TextPane).first().focus()
        if self.photos.protocol is ImageProtocol.SIXEL:
            width, height = self.app.size.width, max(1, self.app.size.height - CAPTION_ROWS)
            self._prepare_sixel(width * self.photos.cell_pixels[0], height * self.photos.cell_pixels[1])

    @work(thread=True, group="photos")
    def _prepare_sixel(self, max_width: int, max_height: int) -> None:
        from reader.photos.decode import Decoded

        picture = decode_photo(self.photos, self.image)
        if isinstance(picture, Decoded):
            picture.image.thumbnail((max_width, max_height))
            self.post_message(self.SixelReady(picture.image))
        else:
            self.post_message(self.SixelReady(None, picture))

    async def on_photo_screen_sixel_ready(self, message: SixelReady) -> None:
        from reader.widgets.photo_output import textual_image_module

        if message.refused is not None:
            self.notify(f"Photo not shown: {message.refused.reason}", severity="warning", markup=False)
            return
        sixel = textual_image_module("textual_image.widget.sixel", self.photos.cell_pixels)
        await self.query_one("#sixel").mount(sixel.Image(message.picture))

    def action_close(self) -> None:
        self.dismiss(None)
