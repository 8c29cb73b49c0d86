"""The article loader: typed articles from good files; exact `path:line:col: message` for bad ones."""

from __future__ import annotations

import os
import re
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from reader.article import yaml_source
from reader.article.fields import COLON_HINT
from reader.article.loader import (
    DEFAULT_MAX_SIZE,
    find_article_files,
    load_article,
    load_articles,
)
from reader.article.model import Article, Image, LoadResult, Severity, Source
from reader.text.direction import Direction
from tests.conftest import REPO_ROOT, WriteArticle

MINIMAL = "title: Hello\nbody:\n  - One.\n"
NESTING = "the YAML is nested too deeply (an article file may nest at most 64 levels)"
EMPTY = "the file is empty; an article needs at least a title and a body"


def problem_lines(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def loaded(write_article: WriteArticle, content: str | bytes) -> tuple[Path, LoadResult]:
    path = write_article(content)
    return path, load_article(path)


# --- good files ------------------------------------------------------------------------------


def test_minimal_article_loads_typed_with_its_path(write_article: WriteArticle) -> None:
    path, result = loaded(write_article, MINIMAL)
    assert result.problems == ()
    assert result.article == Article(title="Hello", body=("One.",))
    assert result.article.path == path
    assert result.article.direction is Direction.AUTO


def test_every_field_is_typed(write_article: WriteArticle) -> None:
    _, result = loaded(
        write_article,
        """\
title: عنوان
summary: ملخص
language: ar
direction: RTL
published: 2025-10-25T09:45:00+07:00
authors: [أ, ب]
source: {name: Dân trí, url: "https://dantri.com.vn/a.htm"}
body: [فقرة]
images:
  - caption: صورة
    credit: 'صورة: مان كوان'
    file: images/a.jpg
facts: [حقيقة]
tags: [وسم]
""",
    )
    assert result.problems == ()
    assert result.article == Article(
        title="عنوان",
        summary="ملخص",
        language="ar",
        direction=Direction.RTL,
        published=datetime(2025, 10, 25, 9, 45, tzinfo=timezone(timedelta(hours=7))),
        authors=("أ", "ب"),
        source=Source(url="https://dantri.com.vn/a.htm", name="Dân trí"),
        body=("فقرة",),
        images=(Image(caption="صورة", credit="صورة: مان كوان", file="images/a.jpg"),),
        facts=("حقيقة",),
        tags=("وسم",),
    )


@pytest.mark.parametrize(
    "written",
    ["NO", "yes", "3.10", "1:30", "2024-01-02", "0x1F", "1e3", ".inf", "=", "<<"],
)
def test_a_scalar_in_a_text_field_is_the_text_as_written(write_article: WriteArticle, written: str) -> None:
    _, result = loaded(write_article, f"title: {written}\nbody:\n  - {written}\n")
    assert result.problems == ()
    assert result.article is not None
    assert (result.article.title, result.article.body) == (written, (written,))


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-10-25", date(2025, 10, 25)),
        ('"2025-10-25"', date(2025, 10, 25)),
        ("2025-10-25 09:45", datetime(2025, 10, 25, 9, 45)),
        ("2025-10-25T09:45:00Z", datetime(2025, 10, 25, 9, 45, tzinfo=UTC)),
    ],
)
def test_published_accepts_dates_and_date_times_quoted_or_not(
    write_article: WriteArticle, published: str, expected: date
) -> None:
    _, result = loaded(write_article, f"{MINIMAL}published: {published}\n")
    assert result.article is not None
    assert result.article.published == expected


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        (
            "|\n  First line\n  continues.\n\n  Second.\n   \n\n  Third.\n",
            ("First line continues.", "Second.", "Third."),
        ),
        (">\n  First line\n  continues.\n\n  Second.\n", ("First line continues.", "Second.")),
        ('"One.\n\n  Two."', ("One.", "Two.")),
        ("[' padded ', \"tab\\tinside\"]", ("padded", "tab\tinside")),
    ],
    ids=["literal", "folded", "quoted", "list"],
)
def test_body_paragraphs(write_article: WriteArticle, body: str, paragraphs: tuple[str, ...]) -> None:
    _, result = loaded(write_article, f"title: T\nbody: {body}\n")
    assert result.problems == ()
    assert result.article is not None
    assert result.article.body == paragraphs


def test_control_characters_are_kept_as_written_for_the_display_step(write_article: WriteArticle) -> None:
    _, result = loaded(write_article, 'title: "red \\e[31m text\\u202e"\nbody: [a]\n')
    assert result.article is not None
    assert result.article.title == "red \x1b[31m text\u202e"


def test_a_utf8_bom_is_accepted(write_article: WriteArticle) -> None:
    _, result = loaded(write_article, "\ufeff" + MINIMAL)
    assert result.problems == ()


def test_a_space_in_the_source_url_is_a_warning_and_the_link_is_kept(write_article: WriteArticle) -> None:
    path, result = loaded(write_article, MINIMAL + "source:\n  url: 'https://x.example/?q=1;touch /tmp/p&$(id)'\n")
    assert problem_lines(result) == [
        f"{path}:5:8: warning: source.url: the URL contains a space (browsers send it as %20)"
    ]
    assert result.article is not None and result.article.source is not None
    assert result.article.source.url == "https://x.example/?q=1;touch /tmp/p&$(id)"


def test_unknown_keys_warn_and_the_article_still_loads(write_article: WriteArticle) -> None:
    path, result = loaded(write_article, MINIMAL + "titel: x\nsource:\n  url: https://a.example/\n  home: x\n")
    assert problem_lines(result) == [
        f"{path}:4:1: warning: titel: unknown key, ignored (did you mean 'title'?)",
        f"{path}:7:3: warning: source.home: unknown key, ignored",
    ]
    assert result.ok and result.errors == ()


def test_non_text_keys_are_compared_as_written(write_article: WriteArticle) -> None:
    path, result = loaded(write_article, MINIMAL + "1: a\ntrue: b\nTrue: c\n")
    assert problem_lines(result) == [
        f"{path}:4:1: warning: '1': unknown key, ignored",
        f"{path}:5:1: warning: true: unknown key, ignored",
        f"{path}:6:1: warning: True: unknown key, ignored",
    ]
    assert result.ok


# --- bad files: exact messages and positions -------------------------------------------------

BAD_FILES: list[tuple[str, str | bytes, list[str]]] = [
    ("missing title", "body: [a]\n", ["1:1: title: required"]),
    ("missing body", "title: a\n", ["1:1: body: required"]),
    ("null title", "title: ~\nbody: [a]\n", ["1:8: title: expected text, got nothing (null)"]),
    ("empty title", "title:\nbody: [a]\n", ["1:7: title: expected text, got nothing (null)"]),
    ("blank title", "title: '  '\nbody: [a]\n", ["1:8: title: must not be empty"]),
    ("list in body", "title: a\nbody:\n  - a\n  - b\n  - c\n  - [x, y]\n", ["6:5: body[3]: expected text, got a list"]),
    ("mapping in body", "title: a\nbody:\n  - k: v\n", ["3:5: body[0]: expected text, got a mapping" + COLON_HINT]),
    ("null paragraph", "title: a\nbody:\n  - a\n  -\n", ["4:4: body[1]: expected text, got nothing (null)"]),
    ("body mapping", "title: a\nbody: {a: b}\n", ["2:7: body: expected a list of paragraphs or text, got a mapping"]),
    ("no paragraphs", "title: a\nbody: []\n", ["2:7: body: has no paragraphs"]),
    ("blank body", "title: a\nbody: |\n\n\n", ["2:7: body: has no paragraphs"]),
    ("title is a list", "title: [a]\nbody: [a]\n", ["1:8: title: expected text, got a list"]),
    ("authors number", f"{MINIMAL}authors: 3\n", ["4:10: authors: expected a list, got a number"]),
    ("tags yes/no", f"{MINIMAL}tags: yes\n", ["4:7: tags: expected a list, got a yes/no value"]),
    ("facts date", f"{MINIMAL}facts: 2024-01-02\n", ["4:8: facts: expected a list, got a date"]),
    ("source text", f"{MINIMAL}source: Dân trí\n", ["4:9: source: expected a mapping (name, url), got text"]),
    ("source.url missing", f"{MINIMAL}source:\n  name: x\n", ["5:3: source.url: required"]),
    (
        "source.url user info",
        f"{MINIMAL}source: {{url: 'https://a@b/'}}\n",
        ["4:15: source.url: the URL hides its real host behind user info ('@'): 'https://a@b/'"],
    ),
    (
        "source.url scheme",
        f"{MINIMAL}source: {{url: 'javascript:alert(1)'}}\n",
        ["4:15: source.url: only http and https links are opened ('javascript:'): 'javascript:alert(1)'"],
    ),
    (
        "source.url no host",
        f"{MINIMAL}source: {{url: 'https:///x'}}\n",
        ["4:15: source.url: the URL has no host: 'https:///x'"],
    ),
    (
        "source.url tab",
        f'{MINIMAL}source: {{url: "https://a.example/x\\ty"}}\n',
        [
            "4:15: source.url: the URL contains an invisible or control character (U+0009 a control character): 'https://a.example/x\\ty'"
        ],
    ),
    (
        "source.url bidi control",
        f'{MINIMAL}source: {{url: "https://a.example/\\u202egnp.exe"}}\n',
        [
            "4:15: source.url: the URL contains an invisible or control character "
            "(U+202E RIGHT-TO-LEFT OVERRIDE): 'https://a.example/\\u202egnp.exe'"
        ],
    ),
    (
        "caption missing",
        f"{MINIMAL}images:\n  - caption: a\n  - credit: b\n",
        ["6:5: images[1].caption: required"],
    ),
    (
        "image text",
        f"{MINIMAL}images:\n  - a photo\n",
        ["5:5: images[0]: expected a mapping (caption, credit, file, url, after), got text"],
    ),
    (
        "image file outside",
        f"{MINIMAL}images:\n  - caption: a\n    file: ../../etc/passwd\n",
        ["6:11: images[0].file: must be a relative path inside the article's folder: '../../etc/passwd'"],
    ),
    ("direction", f"{MINIMAL}direction: sideways\n", ["4:12: direction: must be auto, rtl or ltr, got 'sideways'"]),
    (
        "language",
        f"{MINIMAL}language: Arabic language\n",
        ["4:11: language: not a BCP 47 language tag (like ar, fa, he or en): 'Arabic language'"],
    ),
    ("zero date", f"{MINIMAL}published: 0000-00-00\n", ["4:12: published: not a real date: 0000-00-00"]),
    ("month 13", f"{MINIMAL}published: 2025-13-45\n", ["4:12: published: not a real date: 2025-13-45"]),
    (
        "not a date",
        f"{MINIMAL}published: yesterday\n",
        ["4:12: published: expected an ISO 8601 date such as 2025-10-25 or 2025-10-25T09:45:00+07:00, got 'yesterday'"],
    ),
    ("duplicate key", "title: a\nbody: [b]\ntitle: c\n", ["3:1: title: duplicate key (first given at line 1)"]),
    (
        "duplicate written key",
        f"{MINIMAL}1: a\n1: b\n",
        ["4:1: warning: '1': unknown key, ignored", "5:1: '1': duplicate key (first given at line 4)"],
    ),
    (
        "duplicate nested key",
        f"{MINIMAL}source:\n  url: https://a.example/\n  url: https://b.example/\n",
        ["6:3: source.url: duplicate key (first given at line 5)"],
    ),
    ("list as key", f"{MINIMAL}? [a]\n: b\n", ["4:3: keys must be text, got a list"]),
    (
        "top-level list",
        "- title: a\n",
        ["1:1: expected a mapping of fields (title: …, body: …) at the top level, got a list"],
    ),
    (
        "top-level text",
        "just words\n",
        ["1:1: expected a mapping of fields (title: …, body: …) at the top level, got text"],
    ),
    ("empty file", b"", [f"1:1: {EMPTY}"]),
    ("only comments", "# nothing here\n\n", [f"1:1: {EMPTY}"]),
    (
        "two documents",
        "title: a\nbody: [b]\n---\ntitle: c\n",
        ["3:1: several YAML documents in one file; an article file holds exactly one"],
    ),
    (
        "alias",
        "title: &t Hello\nbody:\n  - *t\n",
        ["3:5: aliases (*t) are not allowed in article files; write the value out in full"],
    ),
    (
        "binary tag",
        "title: !!binary aGVsbG8=\nbody: [a]\n",
        ["1:8: tag !!binary is not allowed; article files hold only text, lists and mappings"],
    ),
    (
        "local tag",
        "title: a\nbody: !mine [a]\n",
        ["2:7: tag !mine is not allowed; article files hold only text, lists and mappings"],
    ),
    (
        "bidi control in a tag",
        "title: !%E2%80%AEx a\nbody: [a]\n",
        ["1:8: tag '!\\u202ex' is not allowed; article files hold only text, lists and mappings"],
    ),
    (
        "unclosed quote",
        'title: "abc\nbody: [a]\n',
        ["3:1: invalid YAML: found unexpected end of stream, while scanning a quoted scalar at 1:8"],
    ),
    (
        "colon in plain text",
        "title: a: b\nbody: [a]\n",
        ["1:9: invalid YAML: mapping values are not allowed in this context (put text that contains ': ' in quotes)"],
    ),
    (
        "invalid UTF-8",
        b"title: ok\nbody: [caf" + b"\xe9]\n",
        ["2:11: invalid UTF-8: byte 0xe9 at offset 20; save the file as UTF-8"],
    ),
    (
        "invalid UTF-8 after Arabic",
        "title: سلام".encode() + b"\xff\n",
        ["1:12: invalid UTF-8: byte 0xff at offset 15; save the file as UTF-8"],
    ),
    (
        "invalid UTF-8 after a BOM",
        b"\xef\xbb\xbftitle: \xc3(\n",
        ["1:8: invalid UTF-8: byte 0xc3 at offset 10; save the file as UTF-8"],
    ),
    (
        "tab indentation",
        "title: a\n\tbody: [a]\n",
        [
            "2:1: invalid YAML: found a tab character that violates indentation, "
            "while scanning a plain scalar at 1:8 (indent with spaces, not tabs)"
        ],
    ),
    (
        "NUL byte",
        b"title: a\nbody: [a\x00b]\n",
        ["2:9: NUL byte in the file; article files are UTF-8 text (is this file UTF-16 or binary?)"],
    ),
    (
        "raw control character",
        "title: a\x07\nbody: [a]\n",
        [
            "1:9: character U+0007 is not allowed in a YAML file; "
            'write control characters as escapes inside double quotes, e.g. "\\t"'
        ],
    ),
    (
        "UTF-16 with BOM",
        MINIMAL.encode("utf-16"),
        ["1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); article files must be UTF-8"],
    ),
    (
        "UTF-32 with BOM",
        MINIMAL.encode("utf-32"),
        ["1:1: the file is UTF-32 (it starts with a UTF-32 byte order mark); article files must be UTF-8"],
    ),
    ("deep flow nesting", "title: a\nbody: " + "[" * 1500 + "]" * 1500 + "\n", [f"2:1006: {NESTING}"]),
    ("65 levels with the top mapping", "title: a\nbody: " + "[" * 64 + "]" * 64 + "\n", [f"2:70: {NESTING}"]),
    (
        "64 levels are fine but empty",
        "title: a\nbody: " + "[" * 63 + "]" * 63 + "\n",
        ["2:8: body[0]: expected text, got a list"],
    ),
    (
        "deep block nesting",
        "title: a\nbody:\n" + "".join("  " * i + "-\n" for i in range(1, 1100)),
        [f"66:129: {NESTING}"],
    ),
    (
        "deep mapping nesting",
        "title: a\nbody:\n" + "".join(" " * i + "k:\n" for i in range(1, 1100)),
        [f"66:65: {NESTING}"],
    ),
]


@pytest.mark.parametrize(("content", "expected"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_bad_file_is_reported_exactly(write_article: WriteArticle, content: str | bytes, expected: list[str]) -> None:
    path, result = loaded(write_article, content)
    assert problem_lines(result) == [f"{path}:{line}" for line in expected]
    assert result.article is None


def test_every_error_in_a_file_is_reported_in_file_order(write_article: WriteArticle) -> None:
    path, result = loaded(write_article, "title: [a]\nbody:\n  - {a: b}\npublished: 2025-02-30\nextra: 1\n")
    assert problem_lines(result) == [
        f"{path}:1:8: title: expected text, got a list",
        f"{path}:3:5: body[0]: expected text, got a mapping" + COLON_HINT,
        f"{path}:4:12: published: not a real date: 2025-02-30",
        f"{path}:5:1: warning: extra: unknown key, ignored",
    ]


def test_a_python_tag_is_refused_and_never_runs(write_article: WriteArticle, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path, result = loaded(write_article, f"title: !!python/object/apply:os.system ['touch {marker}']\nbody: [a]\n")
    assert problem_lines(result) == [
        f"{path}:1:8: tag !!python/object/apply:os.system is not allowed; "
        "article files hold only text, lists and mappings"
    ]
    assert not marker.exists()


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_is_refused_at_the_first_alias_without_expanding(write_article: WriteArticle) -> None:
    path = write_article(BILLION_LAUGHS)
    tracemalloc.start()
    started = time.perf_counter()
    result = load_article(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problem_lines(result) == [
        f"{path}:2:8: aliases (*a) are not allowed in article files; write the value out in full"
    ]
    assert peak < 2_000_000
    assert elapsed < 1.0


def test_a_50_mb_file_is_refused_from_its_size_alone(write_article: WriteArticle) -> None:
    path = write_article(b"")
    with path.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: reading it would take long and find only NULs
    result = load_article(path)
    assert problem_lines(result) == [
        f"{path}:1:1: the file is 50,000,000 bytes, larger than the limit of 5,000,000 bytes"
    ]


def test_a_single_10_mb_scalar_is_refused(write_article: WriteArticle) -> None:
    path = write_article("title: " + "a" * 10_000_000 + "\nbody: [a]\n")
    assert problem_lines(load_article(path)) == [
        f"{path}:1:1: the file is 10,000,018 bytes, larger than the limit of 5,000,000 bytes"
    ]


def test_the_size_limit_is_configurable(write_article: WriteArticle) -> None:
    path = write_article(MINIMAL)
    assert load_article(path, max_size=len(MINIMAL)).ok
    assert problem_lines(load_article(path, max_size=10)) == [
        f"{path}:1:1: the file is {len(MINIMAL)} bytes, larger than the limit of 10 bytes"
    ]
    assert DEFAULT_MAX_SIZE == 5_000_000


def test_an_unreadable_file_is_reported(write_article: WriteArticle, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_article(MINIMAL)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert problem_lines(load_article(path)) == [f"{path}:1:1: cannot read the file: Permission denied"]


def test_a_folder_is_not_an_article_file(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    assert problem_lines(load_article(folder)) == [f"{folder}:1:1: is a folder, not an article file"]


# --- finding files ---------------------------------------------------------------------------


def test_folders_are_searched_recursively_in_sorted_order(write_article: WriteArticle, tmp_path: Path) -> None:
    for name in ["b.yaml", "a.yml", "sub/c.YAML", "sub/deeper/d.yaml", "notes.txt", ".hidden.yaml", ".git/e.yaml"]:
        write_article(MINIMAL, name)
    files, problems = find_article_files([tmp_path])
    assert [file.relative_to(tmp_path).as_posix() for file in files] == [
        "a.yml",
        "b.yaml",
        "sub/c.YAML",
        "sub/deeper/d.yaml",
    ]
    assert problems == []


def test_a_symlink_loop_is_walked_once(write_article: WriteArticle, tmp_path: Path) -> None:
    write_article(MINIMAL, "sub/a.yaml")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    files, problems = find_article_files([tmp_path])
    assert [file.relative_to(tmp_path).as_posix() for file in files] == ["sub/a.yaml"]
    assert problems == []


def test_path_problems_are_reported(write_article: WriteArticle, tmp_path: Path) -> None:
    write_article(MINIMAL, "x.yaml/inside.yaml")
    os.symlink(tmp_path / "gone.yaml", tmp_path / "broken.yaml")
    (tmp_path / "empty").mkdir()
    missing = tmp_path / "missing.yaml"
    files, problems = find_article_files([tmp_path, missing, tmp_path / "empty"])
    assert files == [tmp_path / "x.yaml" / "inside.yaml"]
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / 'broken.yaml'}:1:1: broken symbolic link",
        f"{tmp_path / 'x.yaml'}:1:1: warning: is a folder, not an article file; searching inside it",
        f"{missing}:1:1: no such file or folder",
        f"{tmp_path / 'empty'}:1:1: warning: no article files (*.yaml, *.yml) in this folder",
    ]


def test_load_articles_gives_a_result_per_file_and_per_path_error(write_article: WriteArticle, tmp_path: Path) -> None:
    good = write_article(MINIMAL, "a.yaml")
    bad = write_article("title: a\n", "b.yaml")
    missing = tmp_path / "missing"
    results = load_articles([tmp_path, missing])
    assert [(result.path, result.ok) for result in results] == [(missing, False), (good, True), (bad, False)]
    assert [problem.severity for result in results for problem in result.problems] == [Severity.ERROR] * 2


def test_the_bundled_folder_loads_without_problems() -> None:
    results = load_articles([REPO_ROOT / "articles"])
    assert results, "no bundled articles found"
    assert [problem for result in results for problem in result.problems] == []


def test_the_documented_example_loads_without_problems(write_article: WriteArticle) -> None:
    document = (REPO_ROOT / "docs" / "article-format.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", document, re.DOTALL)
    assert example is not None
    _, result = loaded(write_article, example.group(1))
    assert result.problems == ()
    assert result.article is not None
    assert result.article.images[0].credit == "صورة: مان كوان"


# libyaml words some syntax errors differently, and stops deep flow nesting at its own limit.
SAME_WITH_EITHER_PARSER = [
    case for case in BAD_FILES if case[0] not in ("colon in plain text", "tab indentation", "deep flow nesting")
]


@pytest.mark.parametrize(
    ("content", "expected"),
    [case[1:] for case in SAME_WITH_EITHER_PARSER],
    ids=[case[0] for case in SAME_WITH_EITHER_PARSER],
)
def test_the_pure_python_parser_gives_the_same_reports(
    write_article: WriteArticle, monkeypatch: pytest.MonkeyPatch, content: str | bytes, expected: list[str]
) -> None:
    monkeypatch.setattr(yaml_source, "SAFE_LOADER", yaml.SafeLoader)
    path, result = loaded(write_article, content)
    assert problem_lines(result) == [f"{path}:{line}" for line in expected]


def test_too_many_values_are_refused(write_article: WriteArticle) -> None:
    items = yaml_source.MAX_NODES
    path, result = loaded(write_article, "title: a\nbody: [" + "a," * items + "a]\n")
    first_refused_item = yaml_source.MAX_NODES - 5  # the mapping, two keys, the title and the list come first
    column = len("body: [") + 1 + 2 * first_refused_item
    assert problem_lines(result) == [f"{path}:2:{column}: too many values in one file (more than 200,000)"]


def test_a_fifo_named_like_an_article_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    files, _ = find_article_files([tmp_path])
    assert files == [fifo]
    assert problem_lines(load_article(fifo)) == [f"{fifo}:1:1: not a regular file"]
