"""Small feeds written for the tests: RSS 2.0 and Atom with the items a test needs."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

BASE = datetime(2026, 12, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    title: str
    link: str
    description: str = ""
    guid: str | None = None
    date: str | None = "Sun, 06 Dec 2026 10:00:00 +0330"
    extra: str = ""


def rss(title: str, items: list[Item], *, language: str = "ar", head: str = "", encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 document; `head` goes before `<rss>` (a DOCTYPE, for the attacks)."""
    entries = "".join(
        "<item>"
        f"<title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
        f"<description>{escape(item.description)}</description>"
        + (f"<guid>{escape(item.guid)}</guid>" if item.guid else "")
        + (f"<pubDate>{item.date}</pubDate>" if item.date else "")
        + item.extra
        + "</item>"
        for item in items
    )
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n{head}'
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>https://news.example/</link>"
        f"<language>{language}</language>{entries}</channel></rss>"
    )
    return text.encode(encoding)


def news_items(count: int, *, site: str = "https://news.example", words: str = "خبر عاجل") -> list[Item]:
    """`count` items, newest first (item N is N minutes after `BASE`), each with a two-paragraph summary."""
    return [
        Item(
            title=f"{words} رقم {number}",
            link=f"{site}/news/{number}",
            description=f"<p>الفقرة الأولى من {words} {number}.</p><p>والفقرة الثانية.</p>",
            guid=f"{site}/id/{number}",
            date=email.utils.format_datetime(BASE + timedelta(minutes=number)),
        )
        for number in range(count, 0, -1)
    ]


def atom(title: str, entries: list[Item]) -> bytes:
    body = "".join(
        f"<entry><title>{escape(entry.title)}</title><link href='{escape(entry.link)}'/>"
        f"<id>{escape(entry.guid or entry.link)}</id><updated>2026-12-06T10:00:00+03:30</updated>"
        f"<content type='html'>{escape(entry.description)}</content></entry>"
        for entry in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2026-12-06T10:00:00Z</updated>{body}</feed>"
    ).encode()


def article_page(title: str, paragraphs: list[str], *, lang: str = "ar") -> bytes:
    """A news page as sites write them: head metadata, one <article>, a footer."""
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="og:title" content="{escape(title)}"></head><body><header><nav><a href="/">الرئيسية</a></nav>'
        f"</header><main><article><h1>{escape(title)}</h1>{body}</article></main>"
        "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    ).encode()


def video_page() -> bytes:
    """A video page: a player and a line of text, no article."""
    return (
        '<!DOCTYPE html><html lang="ar"><head><title>فيديو</title><meta property="og:type" content="video.other">'
        '</head><body><h1>فيديو: المؤتمر</h1><video src="/v.mp4"></video><p>شاهد الفيديو</p></body></html>'
    ).encode()


PARAGRAPHS = [
    "أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام في العاصمة، تشمل خطوط حافلات وقطارات حديثة.",
    "وقال وزير النقل في مؤتمر صحفي إن المشروع سيستغرق خمس سنوات وسيوفر آلاف فرص العمل للشباب في المدينة.",
    "وأضاف أن التمويل سيأتي من الموازنة العامة ومن شراكات مع القطاع الخاص، مؤكدا أن الأسعار ستبقى في متناول الجميع.",
    "ورحب سكان العاصمة بالخطة، معربين عن أملهم في أن تخفف من الازدحام المروري الذي تعاني منه الشوارع يوميا.",
]
