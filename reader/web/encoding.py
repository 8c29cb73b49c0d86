"""Turning the bytes of a web page into text: which character encoding the page is in.

This module owns the order of evidence, as browsers weigh it: a byte order mark, then the
charset of the HTTP `Content-Type`, then the page's own `<meta charset>`,
`<meta http-equiv="Content-Type">` or XHTML `<?xml encoding>` (found, as the HTML
standard's prescan finds them, in the first bytes), then a statistical detector
(charset-normalizer). A declared encoding that does not decode the bytes is passed over,
so a page that claims UTF-8 but is windows-1256 still reads; so is one that decodes them
into mojibake (`looks_misread`): a server's default `charset=iso-8859-1` on a windows-1256
or windows-1255 page reads every byte, as "ÇáãÓÊÔÝì" for "المستشفى".
Labels are read as the WHATWG Encoding standard reads them (`iso-8859-1` is windows-1252,
`iso-8859-8-i` is iso-8859-8).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

PRESCAN_BYTES = 4096  # the HTML standard's prescan looks at the first 1024; some pages put <meta> later

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG labels that Python's codec registry reads differently or not at all.
_WHATWG_ALIASES = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "l1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "iso-8859-11": "windows-874",
    "tis-620": "windows-874",
    "iso-8859-8-i": "iso-8859-8",
    "csiso88598i": "iso-8859-8",
    "logical": "iso-8859-8",
    "visual": "iso-8859-8",
    "x-cp1256": "windows-1256",
    "x-cp1255": "windows-1255",
    "arabic": "iso-8859-6",
    "hebrew": "iso-8859-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_LATIN1_RUN = re.compile("[À-ÖØ-öø-ÿ]{3,}")
_MISREAD_MIN_LETTERS = 20
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class DecodedPage:
    """A page's text and the encoding it was read with, and what said so."""

    text: str
    encoding: str
    evidence: str  # "byte order mark", "HTTP header", "<meta>", "detector", "fallback"


def decode_html(data: bytes, content_type: str | None = None) -> DecodedPage:
    """The page's text, decoded by the first piece of evidence that decodes it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedPage(data[len(bom) :].decode(encoding, errors="replace"), encoding, "byte order mark")
    for evidence, label in (("HTTP header", header_charset(content_type)), ("<meta>", meta_charset(data))):
        declared = python_encoding(label)
        if declared is not None and (text := _strict(data, declared)) is not None and not _misreads(declared, text):
            return DecodedPage(text, declared, evidence)
    if (text := _strict(data, "utf-8")) is not None:
        return DecodedPage(text, "utf-8", "detector")
    detected = detect_encoding(data)
    if detected is not None and (text := _strict(data, detected)) is not None:
        return DecodedPage(text, detected, "detector")
    return DecodedPage(data.decode("utf-8", errors="replace"), "utf-8", "fallback")


def looks_misread(text: str) -> bool:
    """Whether `text` is bytes of another encoding read as Latin: most of its non-ASCII
    letters stand in runs of three or more from À to ÿ, as a windows-1256 or windows-1255
    word read as windows-1252 does ("ÇáãÓÊÔÝì"); French, German or Icelandic words have
    at most two such letters together ("Größe", "fæðing")."""
    in_runs = sum(len(run) for run in _LATIN1_RUN.findall(text))
    if in_runs * 2 < _MISREAD_MIN_LETTERS:
        return False
    return in_runs * 2 >= len(_NON_ASCII_LETTER.findall(text))


def header_charset(content_type: str | None) -> str | None:
    """The `charset=` parameter of an HTTP `Content-Type` value."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def meta_charset(data: bytes) -> str | None:
    """The charset a `<meta charset>`, `<meta http-equiv="Content-Type">` or an XHTML page's
    `<?xml encoding>` near the top declares."""
    match = _META_CHARSET.search(data[:PRESCAN_BYTES])
    if match is None:
        return None
    label: bytes = match.group(1) or match.group(2)
    return label.decode("ascii")


def python_encoding(label: str | None) -> str | None:
    """Python's codec name for an encoding label, or None for a label nobody knows.

    A page declaring UTF-16 in its `<meta>` is ASCII-compatible by then, so the standard
    reads it as UTF-8."""
    if not label:
        return None
    name = label.strip().lower()
    name = _WHATWG_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    if codec.name.startswith("utf-16") or codec.name.startswith("utf-32"):
        return "utf-8"
    return codec.name


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess for bytes that no declaration explains."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return python_encoding(best.encoding) if best is not None else None


def _misreads(encoding: str, text: str) -> bool:
    """Whether `text`, read in `encoding`, is mojibake (UTF-8 that decodes is never a misreading)."""
    return encoding != "utf-8" and looks_misread(text)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
