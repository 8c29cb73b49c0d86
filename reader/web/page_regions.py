"""Which parts of a page are the site's, not the article's, as an XPath condition.

One definition for the images, datelines and highlights: an element is outside the
article when it sits in the site's navigation, an aside, a footer, the site's header (a
`<header>` inside the `<article>` is the article's own, with its headline, dateline and
lead photo), or a block named for related links, a sidebar, comments or "most read".
The class names count only on blocks inside `<body>` that do not hold the `<article>` (or
`<main>`): WordPress names the page's layout on `<body class="single right-sidebar">`, a
theme wraps the content in `<div class="content-sidebar-wrap">`, a post says
`<article class="comments-open">`, and none of them puts the article outside itself.
"""

from __future__ import annotations

OUTSIDE_ARTICLE = (
    "ancestor-or-self::nav or ancestor-or-self::aside or ancestor-or-self::footer[not(ancestor::article)]"
    " or ancestor-or-self::header[not(ancestor::article)]"
    " or ancestor-or-self::*[contains(@class, 'related') or contains(@class, 'sidebar')"
    " or contains(@class, 'comment') or contains(@class, 'most-')]"
    "[ancestor::body][not(descendant-or-self::article or descendant-or-self::main)]"
)
"""Use as `element.xpath(OUTSIDE_ARTICLE)` (true or false) or in a predicate, `//figure[not(...)]`."""
