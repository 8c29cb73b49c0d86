"""Photos of an article: checking, decoding and scaling them safely (pure: no Textual).

`decode` refuses what must not be decoded (too big a file, not an image, too many
pixels, a truncated file) with a one-line reason; `scale` fits a picture into terminal
cells keeping its aspect; `cells` turns a scaled picture into half-block colours.
Pillow is imported by these modules only, and they are imported only when a photo is
first drawn: nothing here is on the reading screen's start-up path.
"""
