"""Dates in the Solar Hijri (Jalali) calendar, as Iranian and Afghan news pages print them.

This module owns reading them (`۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹`, `۲۱ اردیبهشت ۱۳۹۹`) and turning them
into Gregorian dates (the arithmetic of the 33-year cycle, as every Iranian site uses it).
No offset is assumed: a time with no stated offset stays a local time.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)}
_NUMERIC = re.compile(r"(?<!\d)(?P<year>1[34]\d\d)[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})(?!\d)")
_NAMED = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(MONTHS)})\s+(?P<year>1[34]\d\d)(?!\d)")
_TIME = re.compile(r"(?<!\d)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d)")


def parse_jalali(text: str) -> date | datetime | None:
    """The Gregorian date (and local time, when one follows) of a Jalali date in `text`, or None."""
    text = text.translate(_DIGITS)
    match = _NUMERIC.search(text) or _NAMED.search(text)
    if match is None:
        return None
    month = match["month"]
    month_number = int(month) if month.isdigit() else _MONTH_NUMBERS[month]
    day = to_gregorian(int(match["year"]), month_number, int(match["day"]))
    if day is None:
        return None
    clock = _TIME.search(text, match.end())
    if clock is None:
        return day
    return datetime(day.year, day.month, day.day, int(clock["hour"]), int(clock["minute"]))


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of Jalali `year/month/day`, or None when there is no such day."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    gregorian = _day_count_date(year, month, day)
    if (month, day) == (12, 30) and gregorian == _day_count_date(year + 1, 1, 1):
        return None  # Esfand has 30 days in leap years only
    return gregorian


def _day_count_date(year: int, month: int, day: int) -> date:
    year += 1595
    days = -355668 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    gregorian_year = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gregorian_year += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gregorian_year += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gregorian_year += (days - 1) // 365
        days = (days - 1) % 365
    return date.fromordinal(date(gregorian_year, 1, 1).toordinal() + days)
