"""From an article file's bytes to a YAML node tree with positions, safely.

This module owns everything between the raw bytes and the node tree: the encoding (UTF-8
only), characters YAML forbids, and composing nodes from the parser's events. It never
constructs Python objects from YAML, so no tag can run code; it refuses aliases, so nothing
is ever expanded (billion laughs cannot grow); it caps nesting depth and node count.

Every failure is a `SourceError` carrying a 1-based line and column.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

SAFE_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NESTING = 64
"""Lists and mappings nested deeper than this are refused (an article needs three levels)."""

MAX_NODES = 200_000
"""More values than this in one file are refused (an article has a few hundred)."""

STR_TAG = "tag:yaml.org,2002:str"
_RESOLVE: Callable[[type[ScalarNode], str, tuple[bool, bool]], str] = Resolver().resolve


def plain_scalar_tag(text: str) -> str:
    """The tag YAML gives `text` written plain (unquoted): `STR_TAG`, or int, bool, null…"""
    return _RESOLVE(ScalarNode, text, (True, False))


SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
NULL_TAG = "tag:yaml.org,2002:null"
_STANDARD_PREFIX = "tag:yaml.org,2002:"
_NON_SPECIFIC_TAG = "!"

NESTING_MESSAGE = f"the YAML is nested too deeply (an article file may nest at most {MAX_NESTING} levels)"
EMPTY_FILE_MESSAGE = "the file is empty; an article needs at least a title and a body"

# Characters YAML 1.1 allows in a stream (libyaml's rule); anything else is refused up front.
_FORBIDDEN_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

_SYNTAX_HINTS = {
    "mapping values are not allowed": "put text that contains ': ' in quotes",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "found a tab character": "indent with spaces, not tabs",
}


class SourceError(Exception):
    """Why a file cannot be read as an article at all, and where."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _Mark(Protocol):
    line: int
    column: int


def mark_position(mark: _Mark | None) -> tuple[int, int]:
    """The 1-based (line, column) of a YAML mark (which counts from 0); 1:1 when there is none."""
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def text_position(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of the character at `index`, counting lines by '\\n'."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


# --- bytes to text ---------------------------------------------------------------------------


def decode_article_bytes(data: bytes) -> str:
    """The text of a UTF-8 file, without its BOM; refuses other encodings and forbidden characters."""
    _refuse_wide_encodings(data)
    bom_size = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom_size:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise _invalid_utf8(data, bom_size, bom_size + error.start) from None
    _refuse_forbidden_characters(text)
    return text


def wide_encoding(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when the bytes start with that byte order mark, else None."""
    return next((encoding for bom, encoding in _WIDE_BOMS if data.startswith(bom)), None)


def _refuse_wide_encodings(data: bytes) -> None:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            raise SourceError(
                f"the file is {encoding} (it starts with a {encoding} byte order mark); article files must be UTF-8"
            )


def _invalid_utf8(data: bytes, text_start: int, offset: int) -> SourceError:
    valid_prefix = data[text_start:offset].decode("utf-8")
    line, column = text_position(valid_prefix, len(valid_prefix))
    return SourceError(
        f"invalid UTF-8: byte 0x{data[offset]:02x} at offset {offset}; save the file as UTF-8", line, column
    )


def _refuse_forbidden_characters(text: str) -> None:
    found = _FORBIDDEN_CHARACTER.search(text)
    if found is None:
        return
    line, column = text_position(text, found.start())
    if found.group() == "\0":
        message = "NUL byte in the file; article files are UTF-8 text (is this file UTF-16 or binary?)"
    else:
        message = (
            f"character U+{ord(found.group()):04X} is not allowed in a YAML file; "
            'write control characters as escapes inside double quotes, e.g. "\\t"'
        )
    raise SourceError(message, line, column)


# --- text to nodes ---------------------------------------------------------------------------


def compose_article_text(text: str) -> YamlNode:
    """The one document's root node, composed from parser events without constructing anything."""
    builder = _NodeTreeBuilder()
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None
    except yaml.YAMLError as error:
        raise SourceError(f"invalid YAML: {error}") from None
    except RecursionError:
        raise SourceError(NESTING_MESSAGE) from None
    return builder.root()


def _syntax_error(error: yaml.MarkedYAMLError) -> SourceError:
    mark = error.problem_mark or error.context_mark
    line, column = mark_position(mark)
    problem = error.problem or error.context or "syntax error"
    if "exceeded maximum nesting depth" in problem:
        return SourceError(NESTING_MESSAGE, line, column)
    message = f"invalid YAML: {problem}"
    if error.context and error.context_mark is not None and error.context_mark is not mark:
        context_line, context_column = mark_position(error.context_mark)
        message += f", {error.context} at {context_line}:{context_column}"
    hint = next((hint for start, hint in _SYNTAX_HINTS.items() if problem.startswith(start)), None)
    if hint:
        message += f" ({hint})"
    return SourceError(message, line, column)


def describe_tag(tag: str) -> str:
    """A tag as an author writes it: `!!binary` rather than `tag:yaml.org,2002:binary`."""
    if tag.startswith(_STANDARD_PREFIX):
        return "!!" + tag.removeprefix(_STANDARD_PREFIX)
    return tag


def printable(text: str) -> str:
    """Text from the file, safe to print in a message: escaped when it holds invisible characters."""
    return text if text.isprintable() else repr(text)


@dataclass(frozen=True)
class YamlScalar:
    """A scalar exactly as written (`value`), with the tag YAML 1.1 would give it."""

    value: str
    tag: str
    style: str | None
    line: int
    column: int


@dataclass(frozen=True)
class YamlList:
    items: list[YamlNode]
    line: int
    column: int


@dataclass(frozen=True)
class YamlMapping:
    pairs: list[tuple[YamlNode, YamlNode]]
    line: int
    column: int


YamlNode = YamlScalar | YamlList | YamlMapping


@dataclass
class _OpenCollection:
    node: YamlList | YamlMapping
    pending_key: YamlNode | None = None


class _NodeTreeBuilder:
    """Builds the node tree from parser events, refusing what an article file never needs."""

    def __init__(self) -> None:
        self._open: list[_OpenCollection] = []
        self._root: YamlNode | None = None
        self._documents = 0
        self._nodes = 0

    def root(self) -> YamlNode:
        if self._root is None:
            raise SourceError(EMPTY_FILE_MESSAGE)
        return self._root

    def feed(self, event: Event) -> None:
        if isinstance(event, AliasEvent):
            raise SourceError(
                f"aliases (*{printable(event.anchor or '')}) are not allowed in article files; "
                "write the value out in full",
                *mark_position(event.start_mark),
            )
        if isinstance(event, DocumentStartEvent):
            self._start_document(event)
        elif isinstance(event, ScalarEvent):
            self._attach(self._scalar_node(event))
        elif isinstance(event, SequenceStartEvent):
            self._check_collection(event, SEQ_TAG)
            self._open_collection(YamlList([], *mark_position(event.start_mark)))
        elif isinstance(event, MappingStartEvent):
            self._check_collection(event, MAP_TAG)
            self._open_collection(YamlMapping([], *mark_position(event.start_mark)))
        elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
            self._open.pop()

    def _start_document(self, event: DocumentStartEvent) -> None:
        self._documents += 1
        if self._documents > 1:
            raise SourceError(
                "several YAML documents in one file; an article file holds exactly one",
                *mark_position(event.start_mark),
            )

    def _scalar_node(self, event: ScalarEvent) -> YamlScalar:
        self._count_node(event)
        tag = event.tag
        style = event.style or None
        if tag is None or tag == _NON_SPECIFIC_TAG:
            tag = plain_scalar_tag(event.value) if style is None else STR_TAG
        elif tag != STR_TAG:
            raise _tag_error(tag, event.start_mark)
        return YamlScalar(event.value, tag, style, *mark_position(event.start_mark))

    def _check_collection(self, event: SequenceStartEvent | MappingStartEvent, standard_tag: str) -> None:
        self._count_node(event)
        if event.tag is not None and event.tag not in (_NON_SPECIFIC_TAG, standard_tag):
            raise _tag_error(event.tag, event.start_mark)
        if len(self._open) >= MAX_NESTING:
            raise SourceError(NESTING_MESSAGE, *mark_position(event.start_mark))

    def _count_node(self, event: Event) -> None:
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise SourceError(
                f"too many values in one file (more than {MAX_NODES:,})", *mark_position(event.start_mark)
            )

    def _open_collection(self, node: YamlList | YamlMapping) -> None:
        self._attach(node)
        self._open.append(_OpenCollection(node))

    def _attach(self, node: YamlNode) -> None:
        if not self._open:
            self._root = node
            return
        parent = self._open[-1]
        if isinstance(parent.node, YamlList):
            parent.node.items.append(node)
        elif parent.pending_key is None:
            parent.pending_key = node
        else:
            parent.node.pairs.append((parent.pending_key, node))
            parent.pending_key = None


def _tag_error(tag: str, mark: _Mark | None) -> SourceError:
    return SourceError(
        f"tag {printable(describe_tag(tag))} is not allowed; article files hold only text, lists and mappings",
        *mark_position(mark),
    )
