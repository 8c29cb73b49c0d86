"""The Solar Hijri (Jalali) calendar, the one Persian newspapers date their articles in.

`to_jalali` converts a Gregorian date with the 33-year arithmetic rule, which agrees with
the astronomical calendar for every year from 1178 to 1634 (1799 to 2256 AD).
"""

from __future__ import annotations

from datetime import date

_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
FIRST_HALF_DAYS = 186  # six months of 31 days


def to_jalali(day: date) -> tuple[int, int, int]:
    """(year, month, day) in the Solar Hijri calendar: 2025-03-21 is (1404, 1, 1)."""
    gy, gm, gd = day.year, day.month, day.day
    leap_year = gy + 1 if gm > 2 else gy
    days = (
        355666
        + 365 * gy
        + (leap_year + 3) // 4
        - (leap_year + 99) // 100
        + (leap_year + 399) // 400
        + gd
        + _DAYS_BEFORE_MONTH[gm - 1]
    )
    year = -1595 + 33 * (days // 12053)
    days %= 12053
    year += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        year += (days - 1) // 365
        days = (days - 1) % 365
    if days < FIRST_HALF_DAYS:
        return year, 1 + days // 31, 1 + days % 31
    return year, 7 + (days - FIRST_HALF_DAYS) // 30, 1 + (days - FIRST_HALF_DAYS) % 30
