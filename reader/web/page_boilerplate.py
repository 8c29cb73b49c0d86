"""Site furniture that text extraction lets through, in the languages the reader is for.

This module owns the rules that tell a paragraph of the article from a line of the site:
comment rules (`ترحب شبكة CNN بالنقاش… مراجعة التعليقات`), "follow us" lines, view and
comment counters, share and print lines, "read also" pointers, tag lines, news codes
(`کد خبر: 123`) and agency sign-offs (`انتهای پیام/`), in Arabic, Persian, Urdu, Hebrew
and English. Short lines must match whole; a paragraph of comment rules is recognised
by what it talks about, whatever its length. A sentence of the article that merely uses a
word such as `شارك` ("took part") is long and does not match.
"""

from __future__ import annotations

import re

from reader.article.plaintext import is_page_residue

SHORT_LINE_WORDS = 12

_PLATFORMS = (
    r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|e-mail|instagram|youtube|فيسبوك|فيس\s*بوك|تويتر|"
    r"واتساب|واتس\s*اب|تلغرام|تيليغرام|انستغرام|يوتيوب|تلگرام|اینستاگرام|واتس‌اپ|פייסבוק|טוויטר|וואטסאפ|טלגרם|אינסטגרם)"
)
_LINKING = r"(?:على|عبر|في|و|on|via|and|or|در|و|ב|ב-|this|article|story|post|المقال|الخبر|هذا|مطلب|خبر|הכתבה)"
# "tail" is what may follow the lead word of a site line: linking words and platform names only.
_TAIL = rf"(?:[\s:،,|/•·-]+(?:{_LINKING}|و?{_PLATFORMS}))*[\s:،,|/•·-]*"

_SHORT_LINES = re.compile(
    rf"""
    (?:
        (?:تابعونا|تابعنا|follow\s+us|ما\s+را\s+(?:\S+\s+){{0,4}}?دنبال\s+کنید|عضو\s+کانال|ہمیں\s+فالو\s+کریں|فالو\s+کریں
         |עקבו\s+אחרינו|הצטרפו\s+ל\S*|انضموا\s+إلى|انضم\s+إلى\s+قناتنا|اشترك\s+في\s+(?:قناتنا|النشرة)|join\s+our
         |subscribe\s+to\s+our|(?:حمّل|حمل|نزّل|نزل)\s+تطبيق|download\s+(?:our|the)\s+app)\b.*
      | (?:شارك|شاركوا|شاركها|مشاركة|share|اشتراک\s*گذاری|اشتراک|به\s+اشتراک\s+بگذارید|شیئر\s+کریں|شیئر
         |שתפו|שיתוף){_TAIL}
      | (?:طباعة|نسخة\s+للطباعة|print|چاپ|نسخه\s+چاپی|הדפסה){_TAIL}
      | (?:(?:اقرأ|إقرأ|طالع|شاهد)\s+(?:أيضا|أيضاً|أيضًا|ايضا)|اقرأ\s+المزيد|للمزيد\s*:|read\s+(?:also|more)|see\s+also
         |(?:بیشتر|همچنین)\s+بخوانید|بخوانید\s*:|مزید\s+پڑھیں|یہ\s+بھی\s+پڑھیں|קראו\s+עוד|קרא\s+עוד|כתבות\s+נוספות)\b.*
      | (?:الكلمات\s+المفتاحية|كلمات\s+دلالية|الوسوم|برچسب‌?\s*ها|تگ‌?\s*ها|tags|תגיות)\s*[:：].*
      | (?:کد\s+خبر|شناسه\s+خبر|لینک\s+کوتاه)\s*[:：]?.*
      | (?:(?:مواضيع|أخبار|اخبار|مقالات)\s+ذات\s+صلة|related(?:\s+(?:articles|stories|news))?
         |(?:اخبار|مطالب|خبرهای)\s+مرتبط|متعلقہ\s+خبریں|כתבות\s+קשורות|עוד\s+בנושא)\s*[:：]?
      | (?:تبصرے|تبصرہ)\s*\(\s*\d+\s*\)
      | .{{0,40}}?(?:\d[\d,.٬]*\s*(?:views?|مشاهدة|مشاهدات|قراءة|بازدید|צפיות)
         |(?:عدد\s+المشاهدات|المشاهدات|تعداد\s+بازدید|بازدید|views|צפיות)\s*[:：]?\s*\d[\d,.٬]*)
      | (?:انتهای\s+پیام|انتهاي\s+پيام)\s*/?\s*\S{{0,4}}
      | (?:advertisement|إعلان|تبلیغات|פרסומת)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

_COMMENT_RULES = re.compile(
    r"""
    مراجعة\s+التعليقات|التعليقات\s+قبل\s+نشرها|الآراء\s+الواردة|لا\s+تعبر\s+عن\s+رأي|شروط\s+التعليق|سياسة\s+التعليقات
  | comments?\s+(?:are|is)\s+moderated|community\s+guidelines|comment\s+policy|views\s+expressed\s+in\s+the\s+comments
  | نظرات\s+(?:ارسال|ارسالی)|منتشر\s+(?:نخواهد|نمی)|حاوی\s+توهین|قوانین\s+(?:ارسال\s+)?نظر
  | כללי\s+(?:ה)?תגובות|התגובות\s+(?:מפורסמות|אינן)
    """,
    re.IGNORECASE | re.VERBOSE,
)


def is_boilerplate(paragraph: str) -> bool:
    """Whether a paragraph is the site's, not the article's."""
    text = " ".join(paragraph.split())
    if is_page_residue(text) or _COMMENT_RULES.search(text):
        return True
    return len(text.split()) <= SHORT_LINE_WORDS and _SHORT_LINES.fullmatch(text) is not None
