"""The naive pipeline the issue compares with: yaml, textwrap, arabic_reshaper, python-bidi.

``python benchmarks/naive_dump.py ARTICLE.yaml [WIDTH]`` prints the body paragraphs wrapped
to WIDTH (80) with `textwrap`, each line reshaped with `arabic_reshaper.reshape` and
reordered with `bidi.get_display`. No sanitizing, no source mapping, no caches.
"""

from __future__ import annotations

import sys
import textwrap

import arabic_reshaper
import yaml
from bidi import get_display


def main() -> None:
    path = sys.argv[1]
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    with open(path, encoding="utf-8") as stream:
        article = yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out = []
    for paragraph in article["body"]:
        for line in textwrap.wrap(paragraph, width):
            out.append(get_display(arabic_reshaper.reshape(line)))
        out.append("")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
