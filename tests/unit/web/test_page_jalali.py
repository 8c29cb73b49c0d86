"""Jalali dates, as Iranian pages print them, become the Gregorian dates they are."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reader.web.jalali import parse_jalali, to_gregorian


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1399, 2, 21), date(2020, 5, 10)),  # the YJC sample's date
        ((1400, 1, 1), date(2021, 3, 21)),  # Nowruz
        ((1403, 1, 1), date(2024, 3, 20)),
        ((1399, 12, 30), date(2021, 3, 20)),  # a leap year's last day
        ((1403, 12, 30), date(2025, 3, 20)),
    ],
)
def test_jalali_days_are_the_right_gregorian_days(jalali: tuple[int, int, int], gregorian: date) -> None:
    assert to_gregorian(*jalali) == gregorian


@pytest.mark.parametrize("jalali", [(1398, 12, 30), (1404, 7, 31), (1404, 13, 1), (1404, 1, 0)])
def test_days_that_do_not_exist_are_refused(jalali: tuple[int, int, int]) -> None:
    assert to_gregorian(*jalali) is None


def test_printed_forms_are_read() -> None:
    assert parse_jalali("۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹") == datetime(2020, 5, 10, 18, 59)  # no offset is invented
    assert parse_jalali("تاریخ انتشار: ۲۱ اردیبهشت ۱۳۹۹") == date(2020, 5, 10)
    assert parse_jalali("2020/05/10") is None
