"""The plan for a case: its stage, the deadlines with days left, what is missing, what to do next and
whom to contact. A pure function of the CaseView (see known.load)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from . import contacts as _contacts
from .checklist import burden_note, checklist
from .court import choose
from .known import CaseView
from .rules import RULE_IDS, Deadline, deadline, rule
from .stages import STAGE_IDS, current, stage

START_ZH = {"received": "签收日期", "complaint": "12315 投诉日期", "acceptance": "12315 受理日期",
            "report": "举报日期", "known": "知道权益受损的日期（商家拒绝日）"}
CLOSE_DAYS = 3      # a deadline this close is shown in red


@dataclass
class CaseDeadline:
    deadline: Deadline
    start_source: str        # case, event, proposed, evidence
    note: str = ""

    def to_json(self, today: date) -> dict:
        out = self.deadline.to_json(today)
        out["name"] = self.deadline.rule.name
        out["from_what"] = START_ZH[self.deadline.rule.start]
        out["party"] = self.deadline.rule.party
        if self.start_source in ("proposed", "evidence"):
            out["from_to_check"] = True
        if self.deadline.platform_until:
            out["platform_until"] = self.deadline.platform_until.isoformat(timespec="minutes")
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Plan:
    stage: str
    stage_name: str
    stage_source: str
    deadlines: list[CaseDeadline]
    cannot: list[dict]                 # deadlines that need a date: {"rule", "name", "needs"}
    checklist: list
    next_steps: list[dict]
    contacts: list
    notes: list[str] = field(default_factory=list)
    today: date = field(default_factory=date.today)

    @property
    def missing(self) -> list:
        return [i for i in self.checklist if i.required and not i.done]

    def to_json(self) -> dict:
        return {"stage": self.stage, "stage_name": self.stage_name, "stage_source": self.stage_source,
                "deadlines": [d.to_json(self.today) for d in self.deadlines],
                "cannot_compute": self.cannot,
                "missing": [i.to_json() for i in self.missing],
                "checklist": [i.to_json() for i in self.checklist],
                "next_steps": self.next_steps,
                "contacts": [c.to_json() for c in self.contacts],
                "notes": self.notes, "today": self.today.isoformat()}


def _starts(view: CaseView) -> dict[str, tuple[date | None, str]]:
    received, k = view.received()
    refused = view.first_day("商家拒绝")
    found = view.first_day("发现问题")
    known = refused or found or received
    known_src = "event" if (refused or found) else k.source
    acceptance = next((e.day for e in view.events if e.status == "confirmed" and e.day
                       and ("受理" in e.type or ("受理" in e.title and "不予受理" not in e.title))), None)
    report = next((e.day for e in view.events if e.status == "confirmed" and e.day
                   and ("举报" in e.type or "举报" in e.title)), None)
    return {"received": (received, k.source), "complaint": (view.first_day("12315投诉"), "event"),
            "acceptance": (acceptance, "event"), "report": (report, "event"), "known": (known, known_src)}


def case_deadlines(view: CaseView) -> tuple[list[CaseDeadline], list[dict]]:
    starts = _starts(view)
    pc = view.info.get("product_class") or None
    found, cannot = [], []
    for rid in RULE_IDS:
        r = rule(rid)
        if not r.applies_to(pc):
            continue
        start, source = starts[r.start]
        if start is None:
            if r.start == "received" or (r.start == "acceptance" and starts["complaint"][0] is not None):
                cannot.append({"rule": rid, "name": r.name, "needs": START_ZH[r.start]})
            continue
        received_at = view.received_at() if r.start == "received" else None
        d = deadline(rid, start, received_at)
        note = ""
        if rid == "no_reason_return" and view.refusal_reason().known:
            note = _intact_note(view.refusal_reason().value)
        found.append(CaseDeadline(d, source, note))
    found.sort(key=lambda cd: cd.deadline.due)
    return found, cannot


_NOT_INTACT = ("激活", "刮开", "撕", "剪", "吊牌", "污", "损坏", "维修", "拆修", "封口", "一次性", "划痕", "磨损")


def _intact_note(reason: str) -> str:
    """暂行办法 arts. 8-9: opening to inspect keeps goods 完好; some reasons do match art. 9 (say so)."""
    if any(w in reason for w in _NOT_INTACT):
        return (f"商家的拒绝理由“{reason}”可能属于暂行办法第九条的“商品不完好”情形（如已激活、吊牌剪除、"
                "一次性密封拆封、污损），七日无理由退货的主张会变弱：请如实核对，质量问题可改依消法第二十四条主张")
    if any(w in reason for w in ("拆封", "二次销售", "拆开", "包装")):
        return (f"商家以“{reason}”拒绝：为查验打开包装或合理调试不影响商品完好（《网络购买商品七日无理由退货暂行办法》"
                "第八条），这不是拒绝退货的正当理由")
    return ""


def next_steps(view: CaseView, stage_id: str, deadlines: list[CaseDeadline], cannot: list[dict],
               missing: list) -> list[dict]:
    steps: list[dict] = []
    today = view.today
    from_receipt = [c["name"] for c in cannot if c["needs"] == START_ZH["received"]]
    if from_receipt:
        steps.append({"action": "填写签收日期：" + "、".join(from_receipt) + "都从签收日起算，现在无法计算",
                      "by": None, "text": None})
    if any(c["rule"] == "mediation_end" for c in cannot):
        steps.append({"action": "12315 受理后，在时间线添加事件“12315已受理”（类型选“其他”，标题写“12315已受理”）并填日期，"
                                "即可计算45个工作日的调解期限", "by": None, "text": None})
    if missing:
        steps.append({"action": "补齐证据：" + "；".join(i.label for i in missing), "by": None, "text": None})
    s = stage(stage_id)
    consumer_due = [cd.deadline for cd in deadlines if cd.deadline.rule.party == "consumer" and cd.deadline.due >= today]
    by = consumer_due[0].due.isoformat() if consumer_due else None
    for i, todo in enumerate(s.todo):
        step = {"action": todo, "by": by if i == 0 else None, "text": s.texts[i] if i < len(s.texts) else None}
        steps.append(step)
    nxt = STAGE_IDS.index(stage_id) + 1
    if nxt < len(STAGE_IDS):
        later = stage(STAGE_IDS[nxt])
        steps.append({"action": f"仍未解决：进入下一步“{later.name}”", "by": None, "text": later.texts[0]})
    return steps


def plan(view: CaseView) -> Plan:
    stage_id, source, _ = current(view)
    deadlines, cannot = case_deadlines(view)
    items = checklist(view)
    missing = [i for i in items if i.required and not i.done]
    s = stage(stage_id)
    # whom to call now and at the next two steps (a refused consumer needs the 12345 and 12315 numbers at hand)
    i = STAGE_IDS.index(stage_id)
    ahead = STAGE_IDS[i:i + 3]
    people = []
    for sid in ahead:
        for c in _contacts.for_case(view.platform, (sid,)):
            if c not in people and (not c.id.startswith("court_") or c.id == "court_online"):
                people.append(c)
    notes = []
    if "lawsuit" in ahead:
        court = choose(view)
        if court.contact_id:
            people.insert(0, _contacts.contact(court.contact_id))
        notes.append("法院：" + court.why)
    mismatch = platform_mismatch(view)
    if mismatch:
        notes.insert(0, mismatch)
    received, k = view.received()
    if k.source == "invalid":
        notes.append(f"案件信息中的签收日期“{k.value}”不是有效日期，请改正（格式：年-月-日）")
    b = burden_note(view)
    if b:
        notes.append(b)
    for cd in deadlines:
        if cd.note:
            notes.append(cd.note)
        if cd.deadline.estimated:
            from .rules import coverage_zh
            notes.append(coverage_zh())
            break
    return Plan(stage_id, s.name, source, deadlines, cannot, items, next_steps(view, stage_id, deadlines, cannot, missing),
                people, list(dict.fromkeys(notes)), view.today)


def platform_mismatch(view: CaseView) -> str | None:
    """The case says one platform, the evidence another (a form's platform picked in a hurry): the contacts and
    texts follow the case's, so say so."""
    from .known import PLATFORM_ZH, PLATFORMS

    own = view.info.get("platform")
    own_id = PLATFORMS.get(str(own or "").strip().lower()) or PLATFORMS.get(str(own or "").strip())
    read = view.facts.get("platform")
    if not own_id or read not in PLATFORM_ZH or read == own_id:
        return None
    return (f"案件信息中的购物平台是{PLATFORM_ZH[own_id]}，证据中读到的是{PLATFORM_ZH[read]}：请在“案件信息”中核对"
            f"（联系方式和文书按案件信息中的平台生成）")
