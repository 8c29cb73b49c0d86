"""PhotoScreen: one photo as large as the terminal allows, its caption under it.

The photo is drawn by a PhotoPane, as in the reading screen (same worker, same
protocol); only the height limit differs. Esc (or `v` again) goes back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.article.document import Block, Part, Role, shortened
from reader.article.presentation import caption_with_credit
from reader.text.direction import Direction
from reader.widgets.photo_pane import PhotoPane, PhotoSource

CAPTION_ROWS = 4  # the caption, the pane's border and a blank line


class PhotoScreen(Screen[None]):
    """A photo of the article, full-screen."""

    DEFAULT_CSS = """
    PhotoScreen { layout: vertical; }
    PhotoScreen > PhotoPane { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "close", "Back to the article", id="close-photo"),
    ]

    def __init__(self, photos: PhotoSource, image: int, direction: Direction = Direction.AUTO) -> None:
        super().__init__()
        self.photos = photos
        self.image = image
        self.direction = direction

    def compose(self) -> ComposeResult:
        caption = caption_with_credit(self.photos.images[self.image])
        blocks = [
            Block("", Part.IMAGES, Role.PHOTO, Direction.LTR, image=self.image),
            Block(shortened(caption), Part.IMAGES, Role.CAPTION, self.direction),
        ]
        max_rows = max(1, self.app.size.height - CAPTION_ROWS)
        yield PhotoPane(blocks, photos=replace(self.photos, max_rows=max_rows), id="photo")

    def on_mount(self) -> None:
        self.query_one(PhotoPane).focus()

    def action_close(self) -> None:
        self.dismiss(None)
