"""Small news pages written for the tests: an article page with the parts a test needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

ARABIC_PARAGRAPHS = (
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة صفاقس يضم مئتي سرير وقسما للطوارئ يعمل على مدار الساعة.",
    "وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من نصف مليون نسمة في الجنوب، وإن العمل فيه بدأ قبل ثلاث سنوات.",
    "وأضاف أن الحكومة تخطط لبناء مستشفيين آخرين في القيروان وقفصة قبل نهاية العام المقبل، بتمويل من البنك الدولي.",
)
HEBREW_PARAGRAPHS = (
    "משרד הבריאות הודיע היום על פתיחת בית חולים חדש בבאר שבע, שבו מאתיים מיטות ומחלקה לרפואה דחופה הפועלת כל היממה.",
    "השר אמר במסיבת עיתונאים כי בית החולים ישרת יותר מחצי מיליון תושבים בדרום, וכי העבודות בו החלו לפני שלוש שנים.",
    "לדבריו, הממשלה מתכננת להקים שני בתי חולים נוספים בצפון עד סוף השנה הבאה, במימון משותף עם הרשויות המקומיות.",
)
PERSIAN_PARAGRAPHS = (
    "وزارت بهداشت امروز از گشایش بیمارستانی تازه در شیراز خبر داد که دویست تخت دارد و اورژانس آن شبانه‌روز کار می‌کند.",
    "وزیر در نشست خبری گفت این بیمارستان به بیش از نیم میلیون نفر خدمت می‌دهد و ساخت آن سه سال پیش آغاز شده بود.",
)


@dataclass
class Page:
    """An article page; each part is HTML (already escaped where it is text)."""

    title: str = "افتتاح مستشفى جديد في صفاقس"
    paragraphs: tuple[str, ...] = ARABIC_PARAGRAPHS
    lang: str = "ar"
    head: str = ""
    charset_meta: str = '<meta charset="utf-8">'
    before_article: str = ""
    in_article: str = ""
    after_article: str = ""
    footer: str = "<footer><p>© 2013 أخبار المثال. جميع الحقوق محفوظة.</p></footer>"
    site_name: str | None = "أخبار المثال"
    extra_meta: list[str] = field(default_factory=list)
    nav: str = '<a href="/">الرئيسية</a> <a href="/world">العالم</a>'
    body_class: str = ""

    def html(self) -> str:
        site = f'<meta property="og:site_name" content="{escape(self.site_name)}">' if self.site_name else ""
        title_tag = f"{self.title} | {self.site_name}" if self.site_name else self.title
        paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in self.paragraphs)
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head>{self.charset_meta}'
            f"<title>{escape(title_tag)}</title>{site}{''.join(self.extra_meta)}{self.head}</head>"
            f'<body class="{self.body_class}"><header><nav>{self.nav}</nav></header>'
            f"{self.before_article}<main><article><h1>{escape(self.title)}</h1>{self.in_article}{paragraphs}"
            f"</article>{self.after_article}</main>{self.footer}</body></html>"
        )

    def bytes(self, encoding: str = "utf-8") -> bytes:
        return self.html().encode(encoding)


def hebrew_page(*, lang: str = "he", charset_meta: str = '<meta charset="utf-8">') -> Page:
    """A Hebrew article page, every part in Hebrew (so that it can be written in windows-1255)."""
    return Page(
        title="בית חולים חדש נפתח בבאר שבע",
        paragraphs=HEBREW_PARAGRAPHS,
        lang=lang,
        charset_meta=charset_meta,
        site_name="חדשות לדוגמה",
        footer="<footer><p>© 2013 חדשות לדוגמה. כל הזכויות שמורות.</p></footer>",
        nav='<a href="/">ראשי</a> <a href="/world">עולם</a>',
    )
