"""Key facts: only the highlights a page states as such, never a summary the reader makes up.

This module owns what counts as a stated highlights list: a list inside an element named
for highlights (`class="story-highlights"`, `key-points`, `takeaways`), or a list right
after a heading that says so (`أبرز النقاط`, `Highlights`, `نکات کلیدی`, `עיקרי הדברים`),
outside the site's regions; a list of links ("highlighted stories") states no facts.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.web.page_clean import clean_text
from reader.web.page_regions import OUTSIDE_ARTICLE

MAX_FACT_CHARS = 300
MAX_FACTS = 12

_NAMED = re.compile(
    r"highlight|hghlght|hilite|key-?points|keypoints|takeaway|key-?facts|summary-list|abstract-list", re.IGNORECASE
)
_HEADING = re.compile(
    r"\s*(?:أبرز\s+(?:النقاط|ما\s+(?:جاء|ورد)|الأحداث|المعلومات)|النقاط\s+الرئيسية|نقاط\s+رئيسية|باختصار|"
    r"highlights|key\s+points|key\s+facts|takeaways|at\s+a\s+glance|"
    r"نکات\s+(?:کلیدی|مهم)|خلاصه\s+خبر|به\s+طور\s+خلاصه|"
    r"עיקרי\s+הדברים|נקודות\s+עיקריות|בקצרה)\s*[:：]?\s*",
    re.IGNORECASE,
)


def page_facts(tree: HtmlElement) -> tuple[str, ...]:
    """The page's highlights, in order, each once; empty when the page states none."""
    for items in (_named_list_items(tree), _headed_list_items(tree)):
        facts = _clean(items)
        if facts:
            return facts
    return ()


def _named_list_items(tree: HtmlElement) -> list[HtmlElement]:
    for element in tree.xpath(f"//body//*[@class or @id][.//li][not({OUTSIDE_ARTICLE})]"):
        if _NAMED.search(f"{element.get('class', '')} {element.get('id', '')}"):
            items: list[HtmlElement] = element.xpath(".//li")
            return items
    return []


def _headed_list_items(tree: HtmlElement) -> list[HtmlElement]:
    for heading in tree.xpath("//body//*[self::h2 or self::h3 or self::h4 or self::h5 or self::strong or self::p]"):
        if _HEADING.fullmatch(heading.text_content()):
            lists = heading.xpath("following::*[self::ul or self::ol][1]")
            if lists:
                items: list[HtmlElement] = lists[0].xpath("./li")
                return items
    return []


def _clean(items: list[HtmlElement]) -> tuple[str, ...]:
    """The items' texts; a list whose items are links ("highlighted stories") states no facts."""
    facts: list[str] = []
    for item in items:
        text = clean_text(item.text_content())
        links = clean_text(" ".join(link.text_content() for link in item.xpath(".//a")))
        if links and len(links) >= len(text) / 2:
            return ()
        if text and len(text) <= MAX_FACT_CHARS and text not in facts:
            facts.append(text)
    return tuple(facts[:MAX_FACTS])
