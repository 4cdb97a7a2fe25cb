"""Working days and the counting of periods (民法典 arts. 201-204).

Official days off and make-up working days (调休) come from `chinese_calendar`, which carries the State
Council's yearly schedule. For a year it does not cover yet, a day is a day off when it is a weekend or
one of the statutory holidays of 《全国年节及纪念日放假办法》 (computed by the `holidays` package, lunar
dates included); every result that looked at such a day is marked estimated.
"""
from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
import holidays as _holidays

UNITS = ("days", "working_days", "months", "years")


@lru_cache(maxsize=None)
def official(year: int) -> bool:
    """True when the official holiday schedule of `year` is known (published and packaged)."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def official_years() -> tuple[int, int]:
    """The first and last year the packaged official schedule covers."""
    years = sorted({d.year for d in chinese_calendar.holidays})
    return years[0], years[-1]


@lru_cache(maxsize=None)
def _statutory(year: int) -> frozenset[date]:
    return frozenset(_holidays.China(years=year, observed=False))


def day_off(day: date) -> tuple[bool, bool]:
    """(is a day off, estimated)."""
    if official(day.year):
        return (not chinese_calendar.is_workday(day)), False
    return (day.weekday() >= 5 or day in _statutory(day.year)), True


def is_workday(day: date) -> tuple[bool, bool]:
    off, estimated = day_off(day)
    return not off, estimated


@dataclass(frozen=True)
class Period:
    start: date          # the day the period runs from (not counted)
    n: int
    unit: str
    due: date            # the period's last day
    estimated: bool      # a day in a year without an official schedule was looked at
    moved_from: date | None = None  # the corresponding day, when it fell on a day off


def add_months(day: date, months: int) -> date:
    """The corresponding day `months` later, or that month's last day when there is none (art. 202)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def period(start: date, n: int, unit: str) -> Period:
    """The last day of a period of `n` `unit` from `start`.

    The starting day is not counted (art. 201); months and years end on the corresponding day or the
    month's last day (art. 202); a last day that is a day off moves to the next working day (art. 203).
    Working days count only working days after the start.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    if n < 0:
        raise ValueError("a period cannot be negative")
    estimated = False
    if unit == "working_days":
        day, left = start, n
        while left > 0:
            day += timedelta(days=1)
            work, est = is_workday(day)
            estimated |= est
            left -= work
        return Period(start, n, unit, day, estimated)
    if unit == "days":
        end = start + timedelta(days=n)
    elif unit == "months":
        end = add_months(start, n)
    else:
        end = add_months(start, 12 * n)
    day = end
    while True:
        off, est = day_off(day)
        estimated |= est
        if not off:
            break
        day += timedelta(days=1)
    return Period(start, n, unit, day, estimated, moved_from=end if day != end else None)
