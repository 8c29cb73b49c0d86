"""Sample paragraphs for the text engine tests (the FriBidi oracle is in tests/conftest.py)."""

from __future__ import annotations

from tests.conftest import SEED_FILE

MIXED_SAMPLES = {
    "persian": "می‌خواهم به کتابخانه بروم؛ «گفتگو» با ژاله (۱۴۰۲) در ۲۵ مهر ساعت ۱۰:۳۰.",
    "urdu": "پاکستان کے وزیر اعظم نے کہا کہ یہ ایک اہم قدم ہے۔",
    "hebrew": "שלום עולם (בדיקה) 123 מספרים ABC, והמשך [סוגריים] <תגית>.",
    "mixed": "القرار: A/RES/79/243 (2024-12-24) اعتمدته الجمعية العامة في نيويورك [New York].",
    "url": "المصدر: https://dantri.com.vn/thoi-su/khai-mac-20251025094537779.htm وفق الموقع.",
    "names": "قال António Guterres إن 60 دولة وقّعت؛ وتبلغ النسبة 45.5% من أصل 110 دول.",
    "vowelled": "إِنَّ الْحَمْدَ لِلَّهِ نَحْمَدُهُ وَنَسْتَعِينُهُ، وَالصَّلَاةُ عَلَى النَّبِيِّ.",
    "english_with_arabic": "The convention (اتفاقية هانوي) was signed by 60 states in Hanoi.",
    "tatweel": "كـــبـــيـــر جداً — «مرحبـــاً»!",
}


def seed_paragraphs() -> list[str]:
    if not SEED_FILE.exists():
        return []
    return [line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
