"""Deadlines right to the day: every rule across the Spring Festival, National Day, New Year and make-up
working days (调休), counted per 民法典 arts. 201-204. Expected dates worked out by hand from the State
Council's schedules for 2025 (国办发明电〔2024〕12号) and 2026."""
from datetime import date, datetime

import pytest

from app.core.dispute import calendar
from app.core.dispute.errors import DisputeError
from app.core.dispute.rules import RULE_IDS, deadline, parse_date, rules

D = date.fromisoformat

# rule, from, due, why
TABLE = [
    # 7 days from receipt: the Done-when case, National Day 2025 (Oct 1-8 off) moves Oct 5 to Oct 9
    ("no_reason_return", "2025-09-28", "2025-10-09", "National Day"),
    ("no_reason_return", "2025-01-22", "2025-02-05", "Spring Festival 2025 (Jan 28 - Feb 4)"),
    ("no_reason_return", "2024-12-25", "2025-01-02", "New Year 2025"),
    ("no_reason_return", "2025-02-01", "2025-02-08", "make-up Saturday Feb 8 2025 is a working day"),
    ("no_reason_return", "2025-03-01", "2025-03-10", "ordinary Saturday moves to Monday"),
    ("no_reason_return", "2025-03-03", "2025-03-10", "a working day stays"),
    ("quality_return", "2026-02-10", "2026-02-24", "Spring Festival 2026 (Feb 15-23)"),
    ("quality_return", "2026-09-26", "2026-10-08", "National Day 2026 (Oct 1-7)"),
    ("quality_return", "2025-12-25", "2026-01-04", "New Year 2026 (Jan 1-3), Sunday Jan 4 is a make-up day"),
    ("quality_return", "2026-10-03", "2026-10-10", "make-up Saturday Oct 10 2026"),
    ("quality_exchange", "2025-09-20", "2025-10-09", "National Day"),
    ("quality_exchange", "2025-01-14", "2025-02-05", "Spring Festival"),
    ("quality_exchange", "2024-12-17", "2025-01-02", "New Year"),
    ("quality_exchange", "2025-01-11", "2025-01-26", "make-up Sunday Jan 26 2025"),
    ("burden_of_proof", "2025-09-28", "2026-03-30", "Done-when: Mar 28 2026 is a Saturday"),
    ("burden_of_proof", "2025-04-01", "2025-10-09", "National Day"),
    ("burden_of_proof", "2025-08-15", "2026-02-24", "Spring Festival 2026"),
    ("burden_of_proof", "2025-07-01", "2026-01-04", "New Year 2026, make-up Sunday"),
    ("burden_of_proof", "2025-08-31", "2026-02-28", "no Feb 31: month's last day, a make-up Saturday"),
    ("burden_of_proof", "2025-07-28", "2026-01-28", "corresponding day, a working day"),
    ("complaint_acceptance", "2025-09-26", "2025-10-13", "National Day; make-up Sep 28 and Oct 11 count"),
    ("complaint_acceptance", "2025-01-24", "2025-02-10", "Spring Festival; make-up Jan 26 and Feb 8 count"),
    ("complaint_acceptance", "2025-12-29", "2026-01-08", "New Year 2026; make-up Jan 4 counts"),
    ("complaint_acceptance", "2025-03-07", "2025-03-18", "two ordinary weekends"),
    ("mediation_end", "2025-09-01", "2025-11-07", "45 working days over National Day"),
    ("mediation_end", "2026-01-05", "2026-03-13", "45 working days over Spring Festival 2026"),
    ("report_verification", "2025-12-22", "2026-01-13", "New Year 2026"),
    ("report_verification", "2025-09-24", "2025-10-21", "National Day"),
    ("report_verification", "2025-01-20", "2025-02-14", "Spring Festival 2025; make-up Jan 26 and Feb 8 count"),
    ("limitation", "2022-10-01", "2025-10-09", "National Day"),
    ("limitation", "2023-01-28", "2026-01-28", "corresponding day"),
    ("limitation", "2023-02-01", "2026-02-02", "Sunday moves to Monday"),
    ("limitation", "2022-01-01", "2025-01-02", "New Year"),
    ("limitation", "2022-02-08", "2025-02-08", "make-up Saturday"),
    ("limitation", "2023-02-17", "2026-02-24", "Spring Festival 2026"),
]


@pytest.mark.parametrize("rule_id,start,due,why", TABLE, ids=[f"{r}-{s}" for r, s, _, _ in TABLE])
def test_rule_table(rule_id, start, due, why):
    d = deadline(rule_id, start)
    assert d.due == D(due), why
    assert d.estimated is False


def test_every_rule_has_table_rows_for_each_holiday():
    for rule_id in RULE_IDS:
        assert sum(1 for r, *_ in TABLE if r == rule_id) >= 2, rule_id
    assert set(RULE_IDS) == set(rules())


def test_moved_from_says_which_day_fell_on_a_holiday():
    d = deadline("no_reason_return", "2025-09-28")
    assert d.moved_from == D("2025-10-05") and d.due == D("2025-10-09")
    assert deadline("no_reason_return", "2025-02-01").moved_from is None


def test_platform_counts_hours_from_the_moment_of_receipt():
    d = deadline("no_reason_return", "2025-09-28", received_at=datetime.fromisoformat("2025-09-28T14:30:00+08:00"))
    assert d.platform_until == datetime.fromisoformat("2025-10-05T14:30:00+08:00")
    assert deadline("quality_return", "2025-09-28", received_at=datetime(2025, 9, 28, 14, 30)).platform_until is None


def test_official_schedule_covers_the_packaged_years_and_estimates_the_rest():
    first, last = calendar.official_years()
    assert first <= 2020 and last >= 2026
    assert calendar.official(2025) and not calendar.official(last + 1)
    # 2025-09-28 was a Sunday working day; 2025-10-08 a Wednesday off
    assert calendar.is_workday(D("2025-09-28")) == (True, False)
    assert calendar.day_off(D("2025-10-08")) == (True, False)


def test_a_year_without_schedule_is_estimated_from_weekends_and_statutory_holidays():
    year = calendar.official_years()[1] + 1
    # New Year's Day and National Day are statutory in any year
    assert calendar.day_off(date(year, 1, 1)) == (True, True)
    assert calendar.day_off(date(year, 10, 3)) == (True, True)
    # 2027: Spring Festival eve is Feb 5, the holiday runs to Feb 8 (Monday): Jan 30 + 7 = Feb 6 -> Feb 9
    if year == 2027:
        d = deadline("no_reason_return", "2027-01-30")
        assert d.due == D("2027-02-09") and d.estimated
    # a period that only touches covered years is not estimated, one that reaches past them is
    assert deadline("limitation", f"{year - 3}-03-03").estimated
    assert not deadline("limitation", f"{year - 4}-03-03").estimated


def test_statutory_estimate_agrees_with_the_official_schedule_where_both_exist():
    for year in (2024, 2025, 2026):
        for day in calendar._statutory(year):
            assert calendar.day_off(day) == (True, False), day


def test_leap_day_and_month_ends():
    assert calendar.add_months(D("2024-02-29"), 12) == D("2025-02-28")
    assert calendar.add_months(D("2025-01-31"), 1) == D("2025-02-28")
    assert calendar.add_months(D("2024-01-31"), 1) == D("2024-02-29")
    assert calendar.add_months(D("2025-11-30"), 3) == D("2026-02-28")


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "2025-00-10", "昨天", "", "20250928x", "1900-01-01"])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(DisputeError) as info:
        parse_date(text)
    assert info.value.zh and info.value.en


@pytest.mark.parametrize("text", ["2025-09-28", "2025/9/28", "2025年9月28日", "2025.09.28", "2025-09-28T10:00:00+08:00"])
def test_date_spellings(text):
    assert parse_date(text) == D("2025-09-28")


def test_unknown_rule_is_refused():
    with pytest.raises(DisputeError):
        deadline("seven_days", "2025-09-28")
