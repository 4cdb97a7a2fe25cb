"""What is known about a case, and from where: the case's own fields first, then facts read from the
evidence (marked for the user to check), else nothing (a visible blank in the texts, never a guess).

`load(case)` reads the database once (call it off the GUI thread); everything else in the dispute
package is a pure function of the `CaseView` it returns.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from .errors import DisputeError
from .rules import parse_date

BLANK = "＿＿＿"

PLATFORMS = {  # case_info.platform (ids the case form stores, or names a user typed) -> channel id
    "jd": "jd", "京东": "jd", "jingdong": "jd",
    "taobao": "taobao", "淘宝": "taobao", "天猫": "taobao", "tmall": "taobao", "淘宝/天猫": "taobao",
    "pinduoduo": "pdd", "pdd": "pdd", "拼多多": "pdd",
    "douyin": "douyin", "抖音": "douyin",
}
PLATFORM_ZH = {"jd": "京东", "taobao": "淘宝/天猫", "pdd": "拼多多", "douyin": "抖音"}


@dataclass(frozen=True)
class Known:
    value: str | None
    source: str = "none"            # case, evidence, event, none
    exhibit: str | None = None      # 证据N where an evidence fact came from

    @property
    def known(self) -> bool:
        return bool(self.value)

    @property
    def to_check(self) -> bool:
        return self.source in ("evidence", "proposed")

    def text(self, blank: str = BLANK) -> str:
        """The value as a text shows it: marked when read from the evidence, a blank when unknown."""
        if not self.value:
            return blank
        if self.to_check:
            where = f"据{self.exhibit}识读" if self.exhibit else "据证据识读"
            return f"{self.value}〔{where}，请核对〕"
        return self.value


@dataclass
class Event:
    type: str
    title: str
    when: datetime | None
    status: str = "confirmed"      # proposed, confirmed, dismissed (issue 11); older cases: confirmed
    notes: str = ""
    exhibits: tuple[str, ...] = ()

    @property
    def day(self) -> date | None:
        return self.when.date() if self.when else None


@dataclass
class CaseView:
    info: dict
    exhibits: list[dict] = field(default_factory=list)   # label (证据N), category, name, captured_at, ocr_head
    events: list[Event] = field(default_factory=list)
    facts: dict = field(default_factory=dict)             # app.core.read.case_facts() where available
    today: date = field(default_factory=date.today)
    shown: frozenset | None = None                        # a pack's texts: the exhibits (证据N) it carries; None: all

    # ----- fields -----------------------------------------------------------------------------
    def _suggested(self) -> dict:
        """The case fields the reader proposed (case_info.suggested_json, issue 11)."""
        raw = self.info.get("suggested_json")
        if not raw:
            return {}
        try:
            data = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def field(self, name: str) -> Known:
        """The case's own value; else the reader's proposal for it, else the facts read from the evidence
        (both marked for the user to check); a value the user dismissed is never used."""
        value = (self.info.get(name) or "").strip() if isinstance(self.info.get(name), str) else self.info.get(name)
        if value:
            return Known(str(value), "case")
        proposal = self._suggested().get(name)
        dismissed = set()
        if isinstance(proposal, dict) and proposal.get("value"):
            if proposal.get("status", "proposed") == "proposed":
                return Known(str(proposal["value"]), "evidence", self.label(proposal.get("exhibit_id")))
            if proposal.get("status") == "dismissed":
                dismissed.add(str(proposal["value"]))
        fact_key = {"order_number": "order_numbers", "amount_paid": "amounts", "merchant": "merchants",
                    "shop": "merchants"}.get(name)
        if fact_key:
            values = [v for v in self.facts.get(fact_key) or [] if str(v.get("value")) not in dismissed]
            if name == "merchant":
                values = [v for v in values if "公司" in str(v.get("value", ""))]
            elif name == "shop":
                values = [v for v in values if "公司" not in str(v.get("value", ""))]
            best = _most_common(values)
            if best:
                return Known(best["value"], "evidence", self.label(best.get("exhibit_id")))
        if name == "platform":
            p = self.facts.get("platform")
            if p and p not in dismissed:
                return Known(str(p), "evidence")
        return Known(None)

    def date_field(self, name: str, event_type: str | None = None) -> tuple[date | None, Known]:
        """A date from the case field, else the confirmed event, else a proposed event (to check)."""
        k = self.field(name)
        if k.known:
            try:
                return parse_date(k.value), k
            except DisputeError:
                if k.source == "case":
                    return None, Known(k.value, "invalid")
        if event_type:
            for ev in self.events_of(event_type, include_proposed=True):
                if ev.day:
                    source = "event" if ev.status == "confirmed" else "proposed"
                    return ev.day, Known(ev.day.isoformat(), source, ev.exhibits[0] if ev.exhibits else None)
        return None, Known(None)

    def received(self) -> tuple[date | None, Known]:
        return self.date_field("received_on", "签收")

    def received_at(self) -> datetime | None:
        """The moment of receipt, when a 签收 event has a time (for the platforms' 7x24 h count)."""
        for ev in self.events_of("签收"):
            if ev.when and (ev.when.hour or ev.when.minute):
                return ev.when
        return None

    @property
    def platform(self) -> str | None:
        k = self.field("platform")
        return PLATFORMS.get((k.value or "").strip().lower()) or PLATFORMS.get((k.value or "").strip())

    @property
    def platform_zh(self) -> str:
        p = self.platform
        if p:
            return PLATFORM_ZH[p]
        k = self.field("platform")
        return k.value if k.known and k.value != "other" else "购物平台"

    def amount(self):
        from .compensation import parse_amount
        k = self.field("amount_paid")
        if not k.known:
            return None, k
        try:
            return parse_amount(k.value, "实付金额", "amount paid"), k
        except DisputeError:
            return None, Known(None)

    # ----- events and exhibits --------------------------------------------------------------------
    def events_of(self, *types: str, include_proposed: bool = False) -> list[Event]:
        ok = ("confirmed", "proposed") if include_proposed else ("confirmed",)
        found = [e for e in self.events if e.type in types and e.status in ok]
        found.sort(key=lambda e: (e.status != "confirmed", e.when or _LAST))
        return found

    def first_day(self, *types: str, include_proposed: bool = False) -> date | None:
        days = [e.day for e in self.events_of(*types, include_proposed=include_proposed) if e.day]
        return min(days) if days else None

    def label(self, exhibit_id) -> str | None:
        labels = self.__dict__.get("_labels")
        if labels is None or len(labels) != len(self.exhibits):
            labels = self.__dict__["_labels"] = {x["id"]: x["label"] for x in self.exhibits}
        return labels.get(exhibit_id)

    def exhibits_in(self, *categories: str) -> list[dict]:
        return [x for x in self.exhibits if x["category"] in categories]

    def refusal_reason(self) -> Known:
        reasons = self.facts.get("refusal_reasons") or []
        if reasons:
            return Known(reasons[0]["value"], "evidence", self.label(reasons[0].get("exhibit_id")))
        for ev in self.events_of("商家拒绝"):
            if ev.notes:
                return Known(ev.notes, "event")
        return Known(None)


def _most_common(values: list[dict]) -> dict | None:
    if not values:
        return None
    counts = Counter(str(v.get("value")) for v in values if v.get("value"))
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(v for v in values if str(v.get("value")) == top)


def read_facts(case) -> dict:
    """Facts read from the evidence (issue 11's `case_facts`), or {} where reading is not installed."""
    try:
        from ..read import case_facts
    except ImportError:
        return {}
    return case_facts(case) or {}


CHINA = timezone(timedelta(hours=8))
_LAST = datetime.max.replace(tzinfo=CHINA)


def _when(value: str | None) -> datetime | None:
    """An event's time, zone-aware (times without a zone are China time, DESIGN §3)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            when = datetime.combine(parse_date(value), datetime.min.time())
        except DisputeError:
            return None
    return when if when.tzinfo else when.replace(tzinfo=CHINA)


def load(case, today: date | None = None) -> CaseView:
    """Everything the dispute engine needs from an open case, read once."""
    info = case.info()
    exhibits = []
    # only the head of the OCR text: page titles (交易快照, 商品详情) are at the top, and a case of 10,000
    # exhibits is read again after every edit
    for row in case.db.query("SELECT id, number, part, category, name, captured_at, substr(ocr_text, 1, 300) AS "
                             "ocr_head, status FROM exhibits WHERE deleted_at IS NULL ORDER BY number, part, id"):
        row = dict(row)
        row["label"] = f"证据{row['number']}" + (f"-{row['part']}" if row["part"] else "")
        exhibits.append(row)
    labels = {x["id"]: x["label"] for x in exhibits}
    columns = {c.name for c in case.db["events"].columns}
    links: dict[int, list[str]] = {}
    for link in case.db.query("SELECT event_id, exhibit_id FROM event_exhibits"):
        if link["exhibit_id"] in labels:
            links.setdefault(link["event_id"], []).append(labels[link["exhibit_id"]])
    events = []
    for row in case.db.query("SELECT * FROM events ORDER BY occurred_at"):
        status = row["status"] if "status" in columns and row.get("status") else "confirmed"
        events.append(Event(row["type"], row["title"], _when(row["occurred_at"]), status, row.get("notes") or "",
                            tuple(sorted(links.get(row["id"], []), key=_label_key))))
    return CaseView(info, exhibits, events, read_facts(case), today or date.today())


def _label_key(label: str):
    parts = label.removeprefix("证据").split("-")
    return tuple(int(p) for p in parts if p.isdigit())
