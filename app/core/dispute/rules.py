"""Deadline rules as data (resources/data/rules.json) and the deadline each gives from a date."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..paths import resource_path
from .calendar import official_years, period
from .errors import DisputeError


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    name_en: str
    basis: str
    start: str            # the fact it runs from: received, complaint, acceptance, report, known
    n: int
    unit: str
    party: str            # who must act: consumer, merchant, authority
    note: str = ""
    platform_hours: int | None = None
    not_for: tuple[str, ...] = ()
    only_for: tuple[str, ...] = ()

    def applies_to(self, product_class: str | None) -> bool:
        if product_class and product_class in self.not_for:
            return False
        if self.only_for and product_class not in self.only_for:
            return False
        return True

    @property
    def length_zh(self) -> str:
        word = {"days": "日", "working_days": "个工作日", "months": "个月", "years": "年"}[self.unit]
        return f"{self.n}{word}"


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    with open(resource_path("data", "rules.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    out = {}
    for r in data["rules"]:
        out[r["id"]] = Rule(id=r["id"], name=r["name"], name_en=r.get("name_en", r["id"]), basis=r["basis"],
                            start=r["from"], n=int(r["n"]), unit=r["unit"], party=r.get("party", "consumer"),
                            note=r.get("note", ""), platform_hours=r.get("platform_hours"),
                            not_for=tuple(r.get("not_for", ())), only_for=tuple(r.get("only_for", ())))
    return out


RULE_IDS = ("no_reason_return", "quality_return", "quality_exchange", "burden_of_proof", "complaint_acceptance",
            "mediation_end", "report_verification", "limitation")


def rule(rule_id: str) -> Rule:
    try:
        return rules()[rule_id]
    except KeyError:
        raise DisputeError(f"没有这条规则：{rule_id}（可用：{'、'.join(rules())}）",
                           f"no such rule: {rule_id} (known: {', '.join(rules())})") from None


_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(text) -> date:
    """A date from 'YYYY-MM-DD' (also 2025/9/28, 2025年9月28日, or an ISO date-time); impossible dates refused."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    s = str(text or "").strip()
    m = _DATE.match(s)
    if not m:
        try:
            return datetime.fromisoformat(s).date()
        except ValueError:
            raise DisputeError(f"无法识别的日期：“{s}”，请按 年-月-日 填写，例如 2025-09-28",
                               f"not a date: {s!r}; use YYYY-MM-DD, e.g. 2025-09-28") from None
    y, mo, d = (int(g) for g in m.groups())
    try:
        day = date(y, mo, d)
    except ValueError:
        raise DisputeError(f"日期不存在：{y}年{mo}月{d}日", f"no such date: {y:04d}-{mo:02d}-{d:02d}") from None
    if not 1990 <= y <= 2100:
        raise DisputeError(f"日期不合理：{y}年{mo}月{d}日", f"implausible date: {day.isoformat()}")
    return day


@dataclass(frozen=True)
class Deadline:
    rule: Rule
    start: date
    due: date
    estimated: bool
    moved_from: date | None = None
    platform_until: datetime | None = None  # the platform's own 7x24 h count, when the moment of receipt is known

    def days_left(self, today: date) -> int:
        return (self.due - today).days

    def to_json(self, today: date | None = None) -> dict:
        out = {"rule": self.rule.id, "from": self.start.isoformat(), "due": self.due.isoformat(),
               "basis": self.rule.basis, "estimated": self.estimated}
        if today is not None:
            out["days_left"] = self.days_left(today)
        return out


def deadline(rule_id: str, start, received_at: datetime | None = None) -> Deadline:
    r = rule(rule_id)
    p = period(parse_date(start), r.n, r.unit)
    platform_until = None
    if r.platform_hours and received_at is not None:
        platform_until = received_at + timedelta(hours=r.platform_hours)
    return Deadline(r, p.start, p.due, p.estimated, p.moved_from, platform_until)


def coverage_zh() -> str:
    first, last = official_years()
    return (f"{first}–{last} 年按国务院办公厅公布的放假安排（含调休）计算；其他年份按周末和法定节假日估算，"
            f"标为“估算”，以当年公布的安排为准")
