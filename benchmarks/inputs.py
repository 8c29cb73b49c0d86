"""Generated inputs for the benchmarks: large articles, plain-text bodies and libraries.

Every input is derived from two files in the repository's world: the seed report (plain
text, one paragraph a line) and the bundled article. Articles are written as YAML with the
body paragraphs repeated until the file reaches the wanted size.

Two flavours of body exist, because the text engine caches per paragraph and per line:

- ``repeated``: the seed paragraphs repeated verbatim (the issue's definition). After the
  first copy, every paragraph is a cache hit, so this measures the caches, not layout.
- ``unique``: each copy of a paragraph after the first has its words shuffled with a fixed
  random seed and its copy number appended, so no two paragraphs (nor, in practice, two lines)
  are equal, and every line pays the full layout cost. Words still repeat, as in real Arabic text.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed/000_0827eb51e4625dd6.txt")
BUNDLED = REPO / "articles" / "hanoi-convention.yaml"
RANDOM_SEED = 20251025
END_MARKER = "نهاية المقال الاختباري"
"""The last paragraph of every generated article: what `End` must bring on screen."""

ARTICLE_HEADER = "title: {title}\nlanguage: ar\ndirection: rtl\npublished: 2025-10-25\nbody:\n"


@dataclass(frozen=True)
class GeneratedArticle:
    """An article file and the plain text of its body (one paragraph a line, for FriBidi)."""

    yaml_path: Path
    text_path: Path
    size: int  # bytes of the YAML file
    paragraphs: int


def seed_paragraphs(seed: Path = SEED) -> list[str]:
    """The seed report's non-empty paragraphs."""
    return [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]


def _yaml_item(paragraph: str) -> str:
    # JSON strings are valid YAML double-quoted scalars.
    return "  - " + json.dumps(paragraph, ensure_ascii=False) + "\n"


def body_paragraphs(paragraphs: list[str], target_bytes: int, *, unique: bool) -> Iterator[str]:
    """Seed paragraphs, repeated (or made unique) until about `target_bytes` of YAML."""
    rng = random.Random(RANDOM_SEED)
    written = 0
    copy = 0
    while True:
        for paragraph in paragraphs:
            if unique and copy:  # the first copy stays verbatim: the first screen is the seed's
                words = paragraph.split()
                rng.shuffle(words)
                paragraph = " ".join(words) + f" {copy}"
            yield paragraph
            written += len(_yaml_item(paragraph).encode("utf-8"))
            if written >= target_bytes:
                return
        copy += 1


def write_article(folder: Path, name: str, target_bytes: int, *, unique: bool) -> GeneratedArticle:
    """Write `name`.yaml (about `target_bytes`) and `name`.txt (its body as plain lines)."""
    folder.mkdir(parents=True, exist_ok=True)
    yaml_path = folder / f"{name}.yaml"
    text_path = folder / f"{name}.txt"
    header = ARTICLE_HEADER.format(title=json.dumps(f"مقال الاختبار {name}", ensure_ascii=False))
    body = list(body_paragraphs(seed_paragraphs(), max(1, target_bytes - len(header)), unique=unique))
    body.append(END_MARKER)
    yaml_path.write_text(header + "".join(_yaml_item(paragraph) for paragraph in body), encoding="utf-8")
    text_path.write_text("".join(paragraph + "\n" for paragraph in body), encoding="utf-8")
    return GeneratedArticle(yaml_path, text_path, yaml_path.stat().st_size, len(body))


def write_library(folder: Path, count: int) -> Path:
    """A folder of `count` small articles (the bundled article with a numbered title)."""
    folder.mkdir(parents=True, exist_ok=True)
    template = BUNDLED.read_text(encoding="utf-8")
    title_line = next(line for line in template.splitlines() if line.startswith("title:"))
    for number in range(count):
        text = template.replace(title_line, f"{title_line} {number}", 1)
        (folder / f"article-{number:05d}.yaml").write_text(text, encoding="utf-8")
    return folder
