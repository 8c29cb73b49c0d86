"""PhotoPane: a TextPane that also draws the pictures of its PHOTO blocks.

A PHOTO block takes one line (a note: loading, or why the photo is not shown) until its
picture is ready. Decoding and scaling run in a thread worker, which hands the result
over in a `PhotoReady` message; the pane then gives the block the picture's height and
lays out again at the same place. Results are cached per photo and size, so scrolling
only draws cells, and a resize back to a width seen before costs nothing. Pillow and
textual-image are imported by the worker, when a photo is first drawn: never on the
start-up path.

Half blocks (`▀`, upper and lower colour) are made in the worker. Kitty graphics are
drawn with textual-image's placeholder cells (the picture is sent to the terminal once,
then each cell names its part of it), so a Kitty photo scrolls like text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from reader.article.document import Block, Role
from reader.article.model import Image
from reader.photos.setting import ImageProtocol
from reader.text.layout import LayoutOptions
from reader.text.sanitize import sanitize_text
from reader.widgets.text_pane import TextPane

if TYPE_CHECKING:
    from reader.photos.decode import Decoded
    from reader.photos.files import Refused

HALF_BLOCK = "▀"
KEPT_PIXELS = 2048  # a decoded photo is kept at most this wide and tall
MIN_ROWS = 4
ROOM_BESIDE_PHOTO = 4  # the pane's heading, the blank line after it, two lines of caption


@dataclass(frozen=True)
class PhotoSource:
    """Where a pane's photos are and how to draw them."""

    folder: Path | None  # the article file's folder: `Image.file` is relative to it
    images: tuple[Image, ...]
    protocol: ImageProtocol = ImageProtocol.BLOCKS
    cell_pixels: tuple[int, int] = (10, 20)
    max_rows: int | None = None  # None: half the screen's height

    def path(self, image: int) -> Path | None:
        file = self.images[image].file if 0 <= image < len(self.images) else None
        if file is None:
            return None
        return self.folder / file if self.folder is not None else Path(file)


class PhotoKey(NamedTuple):
    """One photo at one size: what the cache keeps (a tuple: cheaper to define at start-up
    than a frozen dataclass, and as hashable)."""

    image: int
    columns: int
    max_rows: int


@dataclass(frozen=True)
class PhotoCells:
    """A photo ready to draw: half-block colours, or (Kitty) a picture scaled to the cells."""

    columns: int
    rows: int
    colours: tuple[tuple[tuple[tuple[int, int, int], tuple[int, int, int]], ...], ...] = ()
    scaled: object = None  # a PIL image at the cells' pixel size (Kitty)
    note: str = ""  # e.g. "first frame of an animation"


class PhotoPane(TextPane):
    """A pane of article blocks whose PHOTO blocks show their pictures."""

    COMPONENT_CLASSES: ClassVar[set[str]] = TextPane.COMPONENT_CLASSES | {"photo-pane--note"}

    DEFAULT_CSS = """
    PhotoPane {
        & > .photo-pane--note { color: $text-muted; text-style: italic; }
    }
    """

    @dataclass
    class PhotoReady(Message):
        """A worker has prepared a photo (or found why it cannot be shown)."""

        key: PhotoKey
        result: PhotoCells | Refused
        decoded: Decoded | Refused  # kept for the photo's other sizes
        generation: int

    def __init__(
        self,
        blocks: Sequence[Block] = (),
        options: LayoutOptions | None = None,
        *,
        photos: PhotoSource | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self._photos = photos
        self._photo_generation = 0
        self._ready: dict[PhotoKey, PhotoCells | Refused] = {}
        self._asked: set[PhotoKey] = set()
        self._decoded: dict[int, Decoded | Refused] = {}  # per image, from the workers' messages
        self._strips: dict[tuple[PhotoKey, int], Strip] = {}
        self._sent: dict[PhotoKey, list[list[Segment]]] = {}  # Kitty: placeholder cells of pictures sent
        self._scanned: tuple[Block, ...] | None = None
        self._painted = False
        self._scanned_photos: list[Block] = []
        super().__init__(blocks, options or LayoutOptions(), id=id, classes=classes)

    # -- content ---------------------------------------------------------------------

    @property
    def photos(self) -> PhotoSource | None:
        return self._photos

    def set_photos(self, photos: PhotoSource | None) -> None:
        """Another article's photos (its blocks follow with `set_content`)."""
        self._photos = photos
        self._photo_generation += 1
        self._ready.clear()
        self._asked.clear()
        self._decoded.clear()
        self._strips.clear()
        self._sent.clear()

    def set_content(self, blocks: Sequence[Block], options: LayoutOptions | None = None) -> None:
        super().set_content(self._sized(blocks), options)

    def photo_blocks(self) -> list[int]:
        """Indexes of the PHOTO blocks."""
        return [number for number, block in enumerate(self.blocks) if block.role is Role.PHOTO]

    def _photo_blocks(self) -> list[Block]:
        """The PHOTO blocks, found once per content (a long body has thousands of blocks)."""
        if self._scanned is not self.blocks:
            self._scanned = self.blocks
            self._scanned_photos = [block for block in self.blocks if block.role is Role.PHOTO]
        return self._scanned_photos

    def photo_state(self, block: Block) -> PhotoCells | Refused | None:
        """The photo of a PHOTO block at the pane's width: ready, refused, or None (not yet)."""
        key = self._key(block)
        return self._ready.get(key) if key is not None else None

    def first_photo_on_screen(self) -> int | None:
        """The image index of the first photo line on screen, or of a placed caption's line
        (a FIGURE block) whose photo has a file, if any."""
        lines, top = self._lines, int(self.scroll_y)
        for pane_line in lines[top : top + self.scrollable_content_region.height]:
            block = self.blocks[pane_line.block] if pane_line.block < len(self.blocks) else None
            if pane_line.photo_row >= 0 or (block and block.role is Role.FIGURE and self._has_file(block.image)):
                return block.image if block else None
        return None

    def _has_file(self, image: int | None) -> bool:
        photos = self._photos
        return photos is not None and image is not None and photos.path(image) is not None

    def _sized(self, blocks: Sequence[Block]) -> list[Block]:
        """The blocks with each PHOTO block as tall as its picture is at this width."""
        sized = []
        for block in blocks:
            if block.role is Role.PHOTO:
                state = self.photo_state(block)
                rows = state.rows if isinstance(state, PhotoCells) else len(self._note_lines(block, state))
                block = replace(block, rows=rows) if rows != block.rows else block
            sized.append(block)
        return sized

    def _key(self, block: Block) -> PhotoKey | None:
        width = self.scrollable_content_region.width
        if block.image is None or not width:
            return None
        return PhotoKey(block.image, width, self._max_rows())

    def _max_rows(self) -> int:
        """Half the screen at most; in a pane whose height is limited (the captions pane in
        the side column), what leaves room for the heading and a caption below the photo."""
        if self._photos is not None and self._photos.max_rows is not None:
            return max(1, self._photos.max_rows)
        rows = self.app.size.height // 2
        max_height = self.styles.max_height
        if max_height is not None and self.parent is not None and isinstance(self.parent, Widget):
            pane_rows = int(max_height.resolve(self.parent.size, self.app.size)) - self.styles.gutter.height
            rows = min(rows, pane_rows - ROOM_BESIDE_PHOTO)
        return max(MIN_ROWS, rows)

    # -- preparing photos ---------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._painted:
            self._ask_for_photos()
        else:  # the first frame: the text goes out before any worker competes with it
            self._painted = True
            self.call_after_refresh(self._ask_for_photos)
        return super().render_lines(crop)

    def _ask_for_photos(self) -> None:
        """Start a worker for each photo not ready at this size (once per photo and size)."""
        photos = self._photos
        if photos is None or not photos.protocol.draws:
            return
        for block in self._photo_blocks():
            key = self._key(block)
            if key is None or key in self._ready or key in self._asked:
                continue
            self._asked.add(key)
            self._prepare(key, photos, self._decoded.get(key.image), self._photo_generation)

    @work(thread=True, group="photos")
    def _prepare(self, key: PhotoKey, photos: PhotoSource, decoded: Decoded | Refused | None, generation: int) -> None:
        """Shares nothing with the app: everything comes in as arguments, goes out in a message."""
        if decoded is None:
            decoded = decode_photo(photos, key.image)
        self.post_message(self.PhotoReady(key, scale_photo(key, photos, decoded), decoded, generation))

    def on_photo_pane_photo_ready(self, message: PhotoReady) -> None:
        message.stop()
        if message.generation != self._photo_generation:
            return  # another article's photo
        result = message.result
        self._decoded.setdefault(message.key.image, message.decoded)
        if isinstance(result, PhotoCells) and result.scaled is not None and self._photos is not None:
            from reader.widgets.photo_output import kitty_placeholder_lines

            self._sent[message.key] = kitty_placeholder_lines(
                result.scaled, result.columns, result.rows, self._photos.cell_pixels
            )
        self._ready[message.key] = result
        if self._key_is_current(message.key):
            at_end = self.max_scroll_y > 0 and self.scroll_y >= self.max_scroll_y
            self.resize_blocks(self._sized(self.blocks))  # the place and the find marks stay
            if at_end:  # the reader went to the end: the end it stays, however tall the photo
                self.call_after_refresh(self.action_scroll_end)
        else:
            self.refresh()

    def _key_is_current(self, key: PhotoKey) -> bool:
        return any(self._key(block) == key for block in self._photo_blocks())

    # -- drawing ---------------------------------------------------------------------

    def photo_line(self, block: Block, row: int, width: int, base: Style) -> Strip:
        key = self._key(block)
        state = self._ready.get(key) if key is not None else None
        if key is None or not isinstance(state, PhotoCells) or row >= state.rows:
            return self._note_line(block, state, row, width, base)
        cached = self._strips.get((key, row))
        if cached is None:
            segments = self._cell_segments(key, state, row)
            padding = max(0, width - state.columns) // 2
            strip = Strip(Segment.simplify([Segment(" " * padding, base), *segments]))  # one run per colour
            cached = self._strips[(key, row)] = strip.crop_extend(0, width, base)
        return cached

    def _note_line(self, block: Block, state: PhotoCells | Refused | None, row: int, width: int, base: Style) -> Strip:
        lines = self._note_lines(block, state)
        if row >= len(lines):
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("photo-pane--note", partial=True)
        return Strip([Segment(lines[row], style)]).crop_extend(0, width, base)

    def _note_lines(self, block: Block, state: PhotoCells | Refused | None) -> list[str]:
        """What a PHOTO block says until its picture is drawn (or instead of it), wrapped."""
        if self._photos is None or not self._photos.protocol.draws or block.image is None:
            return [""]
        name = Path(self._photos.images[block.image].file or "").name
        if state is None or isinstance(state, PhotoCells):
            text = f"▒ {name} …"
        else:
            text = f"▒ photo not shown: {state.reason}"
        width = max(1, self.scrollable_content_region.width)
        return textwrap.wrap(sanitize_text(text), width) or [""]

    def _cell_segments(self, key: PhotoKey, cells: PhotoCells, row: int) -> list[Segment]:
        if cells.scaled is not None:
            return self._kitty_row(key, cells, row)
        segments = []
        for upper, lower in cells.colours[row]:
            style = Style(color=Color.from_rgb(*upper), bgcolor=Color.from_rgb(*lower))
            segments.append(Segment(HALF_BLOCK, style))
        return segments

    def _kitty_row(self, key: PhotoKey, cells: PhotoCells, row: int) -> list[Segment]:
        """Row `row` of the placeholder cells of a picture sent to the terminal."""
        lines = self._sent.get(key, [])
        return lines[row] if row < len(lines) else []


def decode_photo(photos: PhotoSource, image: int) -> Decoded | Refused:
    """Decode one photo (in a worker), kept at most `KEPT_PIXELS` wide and tall."""
    from reader.photos.decode import Decoded, decode
    from reader.photos.files import Refused

    path = photos.path(image)
    picture = decode(path) if path is not None else Refused("no file")
    if isinstance(picture, Decoded):
        picture.image.thumbnail((KEPT_PIXELS, KEPT_PIXELS))  # enough for a full screen of Kitty cells
    return picture


def scale_photo(key: PhotoKey, photos: PhotoSource, picture: Decoded | Refused) -> PhotoCells | Refused:
    """A decoded photo scaled for `key`'s size (in a worker): half-block colours, or (Kitty)
    a picture at the cells' pixel size."""
    from reader.photos.cells import half_block_rows
    from reader.photos.decode import Decoded
    from reader.photos.scale import fit_cells

    if not isinstance(picture, Decoded):
        return picture
    box = fit_cells(picture.size, key.columns, key.max_rows, photos.cell_pixels)
    note = "first frame of an animation" if picture.animated else ""
    if photos.protocol is ImageProtocol.KITTY:
        width, height = photos.cell_pixels
        size = (min(box.columns * width, picture.size[0] * 4), min(box.rows * height, picture.size[1] * 4))
        return PhotoCells(box.columns, box.rows, scaled=picture.image.resize(size), note=note)
    return PhotoCells(box.columns, box.rows, half_block_rows(picture.image, box), note=note)
