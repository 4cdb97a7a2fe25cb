"""What the app proposes from the facts: exhibit names, purposes and categories, case fields, events.

Proposals never overwrite what the user wrote:
- exhibit fields: the value is written in (an exhibit needs a name, and a proposed purpose beats
  "（待填写）"), recorded in suggested_json until the user accepts or edits it; a field the user wrote
  (exhibits.user_fields, kept by edit.update_exhibit) is never touched;
- case fields: kept apart in case_info.suggested_json until accepted; only empty fields are proposed,
  and a dismissed value is not proposed again;
- events: rows with status 'proposed'; accepted ones become 'confirmed', dismissed ones stay as
  'dismissed' rows so the same proposal (type and time) never comes back.
"""
from __future__ import annotations

import json
import re
from datetime import datetime

from ..store import Case, now_iso
from .facts import PLATFORM_ZH, DATETIME_RE, resolve_loose

EXHIBIT_SUGGESTED = ("name", "purpose", "category", "source_desc")
CASE_SUGGESTED = ("platform", "shop", "merchant", "order_number", "amount_paid", "ordered_on", "paid_on", "received_on")

SCREEN_ZH = {"order": "订单详情", "payment": "支付记录", "refusal": "商家拒绝退货", "aftersales": "售后申请",
             "logistics": "物流记录", "complaint": "投诉回执", "invoice": "电子发票", "chat": "客服聊天记录"}
SCREEN_CATEGORY = {"order": "order", "payment": "payment", "refusal": "refusal", "logistics": "logistics",
                   "complaint": "complaint", "invoice": "invoice", "chat": "chat"}
CASE_PLATFORM = {"jd": "jd", "taobao": "taobao", "pdd": "pinduoduo", "douyin": "douyin"}

# Which words around a printed time say what happened then (first match wins).
EVENT_RULES: list[tuple[str, str]] = [
    ("商家拒绝", r"驳回|拒绝|不予|审核不通过|不同意|拒收退货"),
    ("平台结果", r"平台判定|介入结果|平台处理结果|判定结果|仲裁结果|平台已判定"),
    ("申请平台介入", r"平台介入|申请介入|客服介入|小二介入|申请仲裁"),
    ("签收", r"签收|确认收货|收货时间|已收货|妥投"),
    ("申请售后", r"申请售后|提交了.{0,10}申请|退货退款申请|售后申请|申请退款|申请时间|服务单已提交|退款申请|发起售后"),
    ("付款", r"付款时间|支付时间|支付成功|付款成功|交易时间|支付于|付款于"),
    ("下单", r"下单时间|创建时间|订单时间|提交订单|下单于"),
]
COMPLAINT_RULE = r"投诉时间|提交时间|登记时间|投诉日期|提交日期|创建时间|投诉已提交|您于|发布时间"
# On a refusal page the time of the review or handling is the refusal's (审核时间 on JD, 商家处理时间 on Pinduoduo)
REFUSAL_TIME_RULE = r"审核时间|处理时间|驳回时间|拒绝时间|审核于|处理于"
# Proposals that are not one of the timeline's types: kept as 其他 with their own title
EVENT_TYPE_OF = {"黑猫投诉": "其他"}
# Capture times that can date a time printed without a year (not the file's modified time)
RELIABLE_CAPTURE = ("exif", "filename", "container", "pdf", "office", "manual")


def _loads(text, default):
    try:
        value = json.loads(text) if text else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def _tail(value: str, n: int = 4) -> str:
    return "…" + value[-n:] if len(value) > n else value


# ----- exhibit names and purposes ------------------------------------------------------------------

def exhibit_proposal(row: dict, facts: dict) -> dict:
    """Name, purpose, category and source proposed for an exhibit from its facts ({} when unsure)."""
    screen = facts.get("screen")
    if not screen:
        return {}
    values = {k: [i["value"] for i in facts.get(k, [])] for k in ("order_numbers", "amounts", "merchants",
                                                                   "service_numbers", "waybills",
                                                                   "complaint_numbers", "refusal_reasons",
                                                                   "trade_numbers")}
    platform = PLATFORM_ZH.get(facts.get("platform") or "", "")
    text = row.get("ocr_text") or ""
    if platform == "淘宝" and re.search(r"天猫|TMALL|Tmall", text) and not re.search(r"淘宝", text):
        platform = "天猫"      # a Tmall shop's page says so (the app may be Taobao's; the platform is Tmall)
    kind = row.get("kind")
    noun = {"screenshot": "截图", "photo": "照片", "video": "录屏"}.get(kind, "")
    order, amount = (values["order_numbers"] or [None])[0], (values["amounts"] or [None])[0]
    merchant = (values["merchants"] or [None])[0]
    name = purpose = None
    payer = ""
    if screen == "order":
        name = f"{platform}订单详情{noun}" + (f"（订单号{_tail(order)}）" if order else "")
        purpose = "证明买卖合同关系成立及价款"
    elif screen == "payment":
        payer = "微信" if re.search(r"微信|财付通", text) else "支付宝" if "支付宝" in text else ""
        name = f"{payer}支付记录{noun}" + (f"（¥{amount}）" if amount else "")
        purpose = f"证明已支付货款{amount}元" if amount else "证明已支付货款"
    elif screen == "refusal":
        headers = any(st.get("header") for st in facts.get("stamps", []))   # a chat's time headers
        chat = (re.search(r"客服|聊天|发送", text) or headers) and not values["service_numbers"]
        name = f"{platform}{'客服拒绝退货聊天记录' if chat else '商家拒绝退货'}{noun}"
        if values["service_numbers"]:
            name += f"（服务单号{_tail(values['service_numbers'][0])}）"
        reason = (values["refusal_reasons"] or [None])[0]
        if reason:
            reason = reason if len(reason) <= 30 else reason[:30] + "…"
            purpose = f"证明商家以“{reason}”为由拒绝退货退款"
        else:
            purpose = "证明商家拒绝退货退款"
    elif screen == "aftersales":
        name = f"{platform}售后申请{noun}" + (f"（服务单号{_tail(values['service_numbers'][0])}）"
                                          if values["service_numbers"] else "")
        purpose = "证明已在期限内申请售后（退货退款）"
    elif screen == "logistics":
        signed = bool(re.search(r"签收|妥投", text))
        name = f"物流{'签收' if signed else ''}记录{noun}" + (f"（运单号{_tail(values['waybills'][0])}）"
                                                           if values["waybills"] else "")
        purpose = "证明商品已签收及签收时间" if signed else "证明商品的物流情况"
    elif screen == "complaint":
        heimao = "黑猫投诉" in text and "12315" not in text
        name = ("黑猫投诉回执" if heimao else "12315投诉受理回执" if "12315" in text else "投诉回执") + noun
        if values["complaint_numbers"]:
            name += f"（投诉编号{_tail(values['complaint_numbers'][0], 6)}）"
        purpose = "证明已通过黑猫投诉平台投诉商家及投诉时间" if heimao else "证明已向市场监管部门投诉及投诉时间"
    elif screen == "invoice":
        parts = [p for p in (merchant, f"¥{amount}" if amount else None) if p]
        name = "电子发票" + (f"（{'，'.join(parts)}）" if parts else "")
        purpose = "证明买卖合同关系及价款（发票）"
    elif screen == "chat":
        name = (f"与{merchant}客服聊天记录{noun}" if merchant else f"{platform}客服聊天记录{noun}")
        purpose = "证明与商家协商的经过及商家的答复"
    proposal = {"name": name, "purpose": purpose}
    if screen in SCREEN_CATEGORY:
        proposal["category"] = SCREEN_CATEGORY[screen]
    if kind == "screenshot" and screen in SCREEN_ZH:
        # the app the screen was taken in: a payment record is the payer's app (微信, 支付宝), not the shop's;
        # a complaint receipt is the complaint site's (12315, 黑猫投诉), not the shop's platform's
        app_name = (payer or platform) if screen == "payment" else platform
        page = SCREEN_ZH["chat"] if screen == "refusal" and "聊天" in (name or "") else SCREEN_ZH[screen]
        if screen == "complaint" and (name or "").startswith(("黑猫投诉", "12315")):
            proposal["source_desc"] = "黑猫投诉回执截图" if name.startswith("黑猫投诉") else "全国12315平台投诉回执截图"
        elif app_name:
            proposal["source_desc"] = f"{app_name}App{page}页截图"
    return {k: v[:200] for k, v in proposal.items() if v}


def _apply_exhibit(case: Case, row: dict, facts: dict) -> bool:
    proposal = exhibit_proposal(row, facts)
    user = set(_loads(row.get("user_fields"), []))
    suggested = _loads(row.get("suggested_json"), {})
    changes = {}
    for field in EXHIBIT_SUGGESTED:
        value = proposal.get(field)
        if not value or field in user:
            continue
        if field == "name" and row.get("status") != "ok":
            continue  # a damaged file keeps its (marked) name
        suggested[field] = value
        # the purpose stays empty until the user accepts it: the detail panel shows the proposal greyed
        # with 采用建议 and the export prints it and reports it unconfirmed (export.default_purpose)
        if field != "purpose" and row.get(field) != value:
            changes[field] = value
    if not changes and suggested == _loads(row.get("suggested_json"), {}):
        return False
    changes["suggested_json"] = json.dumps(suggested, ensure_ascii=False) if suggested else None
    case.db["exhibits"].update(row["id"], changes)
    return True


def accept_exhibit(case: Case, exhibit_id: int, fields: tuple[str, ...] | None = None) -> None:
    """The user accepts the proposed values (all, or `fields`): they become the user's own."""
    with case.db.atomic():
        row = case.db.execute("SELECT suggested_json, user_fields, purpose FROM exhibits WHERE id = ?",
                              [exhibit_id]).fetchone()
        if row is None:
            return
        suggested, user = _loads(row[0], {}), _loads(row[1], [])
        values = {}
        for field in list(suggested):
            if fields is None or field in fields:
                value = suggested.pop(field)
                if field == "purpose" and not row[2]:
                    values["purpose"] = value
                if field not in user:
                    user.append(field)
        values.update({"suggested_json": json.dumps(suggested, ensure_ascii=False) if suggested else None,
                       "user_fields": json.dumps(user, ensure_ascii=False)})
        case.db["exhibits"].update(exhibit_id, values)


def proposed_purpose(row: dict) -> str | None:
    """The purpose reading proposes for an exhibit whose purpose the user has not written."""
    if row.get("purpose"):
        return None
    return _loads(row.get("suggested_json"), {}).get("purpose")


def mark_user_fields(row: dict | None, fields) -> dict:
    """Columns to write with a user's edit of `fields`: those fields are the user's from now on."""
    row = row or {}
    user = _loads(row.get("user_fields"), [])
    suggested = _loads(row.get("suggested_json"), {})
    for field in fields:
        if field in EXHIBIT_SUGGESTED:
            suggested.pop(field, None)
            if field not in user:
                user.append(field)
    return {"user_fields": json.dumps(user, ensure_ascii=False) if user else None,
            "suggested_json": json.dumps(suggested, ensure_ascii=False) if suggested else None}


def is_suggested(row: dict, field: str) -> bool:
    """True when the exhibit's `field` still holds the app's proposal, not yet accepted or edited."""
    suggested = _loads(row.get("suggested_json"), {})
    if field == "purpose":
        return "purpose" in suggested and not row.get("purpose")
    return field in suggested and suggested[field] == row.get(field)


# ----- case fields ---------------------------------------------------------------------------------

_RANK = {"order": 0, "invoice": 1, "payment": 2, "aftersales": 3, "refusal": 4, "logistics": 5, "complaint": 6,
         "chat": 7, None: 9}


def _case_candidates(facts: dict, stamps_by_type: dict) -> dict:
    screen = facts.get("screen")
    out = {}
    first = lambda key: (facts.get(key) or [{}])[0].get("value")  # noqa: E731
    if facts.get("platform") in CASE_PLATFORM:
        out["platform"] = CASE_PLATFORM[facts["platform"]]
    if first("order_numbers"):
        out["order_number"] = first("order_numbers")
    if first("amounts") and screen in ("order", "payment", "invoice"):
        out["amount_paid"] = first("amounts")
    merchants = [m["value"] for m in facts.get("merchants", [])]
    shops = [m for m in merchants if re.search(r"店|商城|超市|商行$", m) and "公司" not in m]
    companies = [m for m in merchants if re.search(r"公司|经营部|商行$", m)]
    if shops:
        out["shop"] = shops[0]
    if companies and screen in ("invoice", "complaint", "order", "payment"):
        out["merchant"] = companies[0]
    for field, kind in (("ordered_on", "下单"), ("paid_on", "付款"), ("received_on", "签收")):
        if kind in stamps_by_type:
            out[field] = stamps_by_type[kind][:10]
    return out


def _apply_case(case: Case, exhibit_id: int, facts: dict, stamps_by_type: dict) -> bool:
    info = case.info()
    if not info:
        return False
    suggested = _loads(info.get("suggested_json"), {})
    rank = _RANK.get(facts.get("screen"), 9)
    changed = False
    for field, value in _case_candidates(facts, stamps_by_type).items():
        if info.get(field) not in (None, ""):
            continue
        current = suggested.get(field)
        if current and (current.get("status") == "dismissed" and current.get("value") == value):
            continue
        if current and current.get("status") != "dismissed" and current.get("rank", 9) <= rank:
            continue
        suggested[field] = {"value": value, "exhibit_id": exhibit_id, "rank": rank, "status": "proposed"}
        changed = True
    if changed:
        case.db.execute("UPDATE case_info SET suggested_json = ? WHERE id = 1",
                        [json.dumps(suggested, ensure_ascii=False)])
    return changed


def case_suggestions(case: Case) -> dict:
    """{field: {"value", "exhibit_id"}} proposed for the case's empty fields."""
    info = case.info()
    suggested = _loads(info.get("suggested_json"), {})
    return {f: {"value": s["value"], "exhibit_id": s.get("exhibit_id")} for f, s in suggested.items()
            if s.get("status") == "proposed" and info.get(f) in (None, "")}


def accept_case_field(case: Case, field: str, value: str | None = None) -> None:
    """Accept (or, with `value`, correct) a proposed case field: it is written into the case."""
    from ..edit import update_case_info

    suggestion = case_suggestions(case).get(field)
    if value is None:
        if suggestion is None:
            return
        value = suggestion["value"]
    update_case_info(case, **{field: value})
    _drop_case_suggestion(case, field, "accepted")


def dismiss_case_field(case: Case, field: str) -> None:
    _drop_case_suggestion(case, field, "dismissed")


def _drop_case_suggestion(case: Case, field: str, status: str) -> None:
    with case.db.atomic():
        info = case.info()
        suggested = _loads(info.get("suggested_json"), {})
        if field in suggested:
            suggested[field]["status"] = status
            case.db.execute("UPDATE case_info SET suggested_json = ? WHERE id = 1",
                            [json.dumps(suggested, ensure_ascii=False)])


# ----- events --------------------------------------------------------------------------------------

def event_type(context: str, screen: str | None, text: str = "") -> str | None:
    if screen == "complaint" and re.search(COMPLAINT_RULE, context):
        return "黑猫投诉" if "黑猫投诉" in text and "12315" not in text else "12315投诉"
    if screen == "refusal" and re.search(REFUSAL_TIME_RULE, context):
        return "商家拒绝"
    for kind, words in EVENT_RULES:
        if re.search(words, context):
            return kind
    return None


def proposed_events(facts: dict, row: dict | None = None) -> dict[str, str]:
    """{type: ISO time} read from the times printed in one exhibit (the earliest of each type)."""
    out: dict[str, str] = {}
    screen = facts.get("screen")
    text = (row or {}).get("ocr_text") or ""
    for stamp in facts.get("stamps", []):
        if stamp.get("header") and screen in ("refusal", "chat"):
            continue   # a chat's time header: the words above it belong to the messages before it
        if stamp.get("clock") and screen not in ("refusal", "chat"):
            continue   # a clock time without a day (a taskbar's) dates only a chat's messages
        kind = event_type(stamp.get("context") or "", screen, text)
        if kind is None:
            continue
        if kind not in out or stamp["value"] < out[kind]:
            out[kind] = stamp["value"]
    if screen == "refusal" and "商家拒绝" not in out:
        when = _time_above_refusal(facts)
        if when:
            out["商家拒绝"] = when
    if screen == "refusal" and "商家拒绝" not in out and row is not None:
        when = _chat_time(row)
        if when:
            out["商家拒绝"] = when
    return out


ISSUE_DATE = re.compile(r"开票日期\s*[:：]?\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
WEAK_SOURCES = (None, "mtime", "pdf")   # a file's own dates: an invoice PDF made when it was downloaded


def _apply_issue_date(case: Case, row: dict, facts: dict) -> bool:
    """An e-invoice was formed on its 开票日期, not when its PDF file was made (a platform makes the file
    when it is downloaded, often months later) nor when it was last modified: where the capture time
    comes only from such a file date, the printed issue date takes its place (source "content", at
    00:00 China time). A time from a camera, a file name, document properties or the user stays."""
    from datetime import date

    from ..capture import SOURCE_CONTENT
    from ..labels import CHINA
    from ..store import update_exhibit_row

    if facts.get("screen") != "invoice" or row.get("captured_at_source") not in WEAK_SOURCES:
        return False
    found = ISSUE_DATE.search(row.get("ocr_text") or "")
    if not found:
        return False
    try:
        issued = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return False
    current = capture_time(row)
    if current is not None and current.astimezone(CHINA).date() == issued:
        return False
    when = datetime(issued.year, issued.month, issued.day, tzinfo=CHINA).isoformat()
    update_exhibit_row(case.db, row["id"], {"captured_at": when, "captured_at_source": SOURCE_CONTENT})
    row.update(captured_at=when, captured_at_source=SOURCE_CONTENT)
    return True


def _time_above_refusal(facts: dict) -> str | None:
    """A chat prints the time above the messages that follow it: the last one above the refusal."""
    reasons = [r for r in facts.get("refusal_reasons", []) if r.get("box")]
    if not reasons:
        return None
    top = reasons[0]["box"][1]
    above = [s for s in facts.get("stamps", []) if s.get("box") and s["box"][3] <= top]
    return max(above, key=lambda s: s["box"][1])["value"] if above else None


def capture_time(row: dict) -> datetime | None:
    """The exhibit's capture time when it can date what the screen shows (not a file's modified time)."""
    if not row.get("captured_at") or row.get("captured_at_source") not in RELIABLE_CAPTURE:
        return None
    try:
        return datetime.fromisoformat(row["captured_at"])
    except ValueError:
        return None


def _chat_time(row: dict) -> str | None:
    """A chat prints only the hour (14:26): take the date of the screenshot, if that is known and later."""
    captured = row.get("captured_at")
    if not captured or row.get("captured_at_source") in (None, "mtime"):
        return None
    text = row.get("ocr_text") or ""
    if DATETIME_RE.search(text):
        return None
    lines = text.splitlines()
    refusal_at = next((i for i, l in enumerate(lines) if re.search(r"不予|拒绝|驳回|不支持|不能退|无法退", l)), None)
    if refusal_at is None:
        return None
    for line in reversed(lines[:refusal_at + 1]):
        m = re.fullmatch(r"\s*(?:今天|今日)?\s*(\d{1,2}):(\d{2})\s*", line)
        if m:
            try:
                shot = datetime.fromisoformat(captured)
                when = shot.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=0, microsecond=0)
            except ValueError:
                return None
            return when.isoformat() if when <= shot else None
    return None


def _apply_events(case: Case, exhibit_id: int, proposals: dict[str, str]) -> list[int]:
    touched = []
    for kind, when in proposals.items():
        key = f"{kind}|{when}"
        existing = case.db.execute("SELECT id, status FROM events WHERE proposal_key = ?", [key]).fetchone()
        if existing is None:
            minute = when[:16]
            existing = case.db.execute(
                "SELECT id, status FROM events WHERE type = ? AND title = ? AND substr(occurred_at, 1, 16) = ? "
                "AND status != 'dismissed' ORDER BY id LIMIT 1", [EVENT_TYPE_OF.get(kind, kind), kind, minute]).fetchone()
        if existing is not None:
            if existing[1] == "dismissed":
                continue
            event_id = existing[0]
        else:
            event_id = case.db["events"].insert({"type": EVENT_TYPE_OF.get(kind, kind), "title": kind,
                                                 "occurred_at": when, "approximate": 0,
                                                 "notes": None, "created_at": now_iso(), "status": "proposed",
                                                 "proposal_key": key}).last_pk
        case.db.execute("INSERT OR IGNORE INTO event_exhibits (event_id, exhibit_id) VALUES (?, ?)",
                        [event_id, exhibit_id])
        touched.append(event_id)
    return touched


def accept_event(case: Case, event_id: int) -> None:
    with case.db.atomic():
        case.db.execute("UPDATE events SET status = 'confirmed' WHERE id = ?", [event_id])


def dismiss_event(case: Case, event_id: int) -> None:
    """A dismissed proposal stays (hidden) so that reading the same evidence again does not bring it back."""
    with case.db.atomic():
        row = case.db.execute("SELECT proposal_key FROM events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            return
        if row[0] is None:   # the user's own event: dismissing it is deleting it
            case.db.execute("DELETE FROM events WHERE id = ?", [event_id])
        else:
            case.db.execute("UPDATE events SET status = 'dismissed' WHERE id = ?", [event_id])
            case.db.execute("DELETE FROM event_exhibits WHERE event_id = ?", [event_id])


# ----- after one exhibit is read -------------------------------------------------------------------

def apply(case: Case, exhibit_id: int) -> dict:
    """Propose names, purposes, case fields and events from one exhibit's facts (inside the caller's
    transaction). Returns what changed."""
    row = next(case.db.query("SELECT * FROM exhibits WHERE id = ?", [exhibit_id]), None)
    if row is None:
        return {"exhibits": [], "events": [], "case": False}
    facts = _loads(row.get("facts_json"), {})
    if not facts:
        return {"exhibits": [exhibit_id], "events": [], "case": False}
    dated = resolve_loose(facts, capture_time(row))
    if dated is not facts:       # times without a year, dated by the capture time: stored with the facts
        facts = dated
        row["facts_json"] = json.dumps(facts, ensure_ascii=False)
        case.db["exhibits"].update(exhibit_id, {"facts_json": row["facts_json"]})
    _apply_exhibit(case, row, facts)
    _apply_issue_date(case, row, facts)
    events = proposed_events(facts, row)
    touched = _apply_events(case, exhibit_id, events)
    case_changed = _apply_case(case, exhibit_id, facts, events)
    return {"exhibits": [exhibit_id], "events": touched, "case": case_changed}
