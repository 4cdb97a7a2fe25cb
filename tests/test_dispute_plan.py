"""The plan and the texts on real cases: the Done-when JD rice cooker, a case without a receipt date,
facts read from the evidence, channel limits, and the CLI (plan, draft)."""
import json
from datetime import date
from pathlib import Path

import pytest

from app.core import edit
from app.core.dispute.known import BLANK, CaseView, Event, load
from app.core.dispute.plan import plan
from app.core.dispute.texts import KINDS, draft
from app.core.store import Case
from conftest import make_image, run_cli

RICE = {"product": "美的电饭煲 MB-4E86 4L", "platform": "jd", "shop": "美的生活电器京东自营旗舰店",
        "merchant": "北京京东世纪信息技术有限公司", "order_number": "312345678901", "amount_paid": "399.00",
        "ordered_on": "2025-09-26", "paid_on": "2025-09-26", "received_on": "2025-09-28", "product_class": "durable",
        "claimant_name": "李四", "claimant_contact": "13912345678", "demand": "退货退款"}


@pytest.fixture
def rice(tmp_path):
    case = Case.create(tmp_path / "rice", "电饭煲内胆涂层脱落", **RICE)
    make_image(tmp_path / "in" / "Screenshot_20251002-101500.png", size=(300, 600))
    from app.core.ingest import Importer
    list(Importer(case, via="test", durable=False).import_paths([tmp_path / "in"]))
    exhibit = case.exhibits()[0]
    edit.update_exhibit(case, exhibit["id"], category="refusal", name="京东售后驳回页面截图")
    edit.add_event(case, "签收", occurred_at="2025-09-28T15:20:00+08:00")
    edit.add_event(case, "发现问题", title="内胆涂层脱落", occurred_at="2025-09-30T19:00:00+08:00")
    event_id, _ = edit.add_event(case, "商家拒绝", occurred_at="2025-10-02T10:15:00+08:00")
    edit.link(case, event_id, [exhibit["id"]])
    yield case
    case.close()


def test_done_when_jd_rice_cooker(rice):
    p = plan(load(rice, today=date(2025, 10, 3)))
    due = {cd.deadline.rule.id: cd.deadline for cd in p.deadlines}
    assert due["no_reason_return"].due == date(2025, 10, 9)        # National Day holiday
    assert due["no_reason_return"].days_left(p.today) == 6
    assert due["no_reason_return"].platform_until.isoformat() == "2025-10-05T15:20:00+08:00"
    assert due["burden_of_proof"].due == date(2026, 3, 30)         # six months, Mar 28 2026 is a Saturday
    assert due["limitation"].start == date(2025, 10, 2)            # from the refusal
    assert p.stage == "negotiation" and p.stage_source == "events"
    missing = {i.id for i in p.missing}
    assert {"order", "payment", "communication"} <= missing and "refusal" not in missing and "problem" in missing
    phones = {c.phone for c in p.contacts}
    assert {"950618", "4006067733", "010-12345"} <= phones
    assert any("举证责任" in n for n in p.notes)
    out = p.to_json()
    assert set(out) >= {"stage", "deadlines", "missing", "next_steps", "contacts"}
    assert set(out["deadlines"][0]) >= {"rule", "from", "due", "days_left", "basis", "estimated"}


def test_done_when_texts_quote_articles_order_and_amounts(rice):
    view = load(rice, today=date(2025, 10, 3))
    texts = {k: draft(view, k) for k in KINDS}
    for kind, t in texts.items():
        body = t.render()
        # the public post half-masks it (as its images do); every other text quotes it whole
        assert ("312***" + "***901" if kind == "public_complaint" else "312345678901") in body, kind
        assert "399.00" in body or kind == "refusal_request" and "399.00" in body, kind
        assert not t.to_check and "识读，请核对〕" not in body  # every value came from the case
        if t.limit:
            assert len(t.limited_text) <= t.limit, kind
    neg = texts["negotiation"].render()
    assert "第二十四条" in neg and "第二十五条" in neg and "第二十三条第三款" in neg
    assert "内胆涂层脱落" in neg and "2025年10月11日前" in neg  # 3 working days after Oct 3: Oct 9, 10 and make-up Sat Oct 11
    assert "三包" not in neg
    law = texts["lawsuit"].render()
    assert "判令被告退还原告货款 399.00 元" in law and "此致" in law and "具状人" in law
    assert "北京京东世纪信息技术有限公司" in law
    assert "010-12345" in texts["call_12345"].render()
    assert "13912345678" not in texts["public_complaint"].render() and "李四" not in texts["public_complaint"].render()


def test_three_times_compensation_claim_in_the_lawsuit(rice):
    edit.update_case_info(rice, demand="三倍赔偿")
    law = draft(load(rice, today=date(2025, 10, 3)), "lawsuit").render()
    assert "赔偿金 1,197.00 元" in law and "1,596.00 元" in law and "第五十五条" in law


def test_internet_court_from_the_place_of_receipt(rice):
    edit.update_case_info(rice, claimant_address="浙江省杭州市西湖区文三路 1 号")
    t = draft(load(rice, today=date(2025, 10, 3)), "lawsuit")
    assert "杭州互联网法院" in t.render() and any("小额诉讼" in n and "54,323.00" in n for n in t.notes)
    edit.update_case_info(rice, claimant_address="江苏省南京市玄武区某路 2 号", merchant_address="广东省广州市天河区某路 3 号")
    assert "广州互联网法院" in draft(load(rice), "lawsuit").render()
    edit.update_case_info(rice, merchant_address="江苏省苏州市某路 3 号")
    law = draft(load(rice), "lawsuit").render()
    assert "互联网法院" not in law.split("此致")[1] and f"{BLANK}人民法院" in law


def test_a_case_without_a_receipt_date_says_what_it_cannot_compute(case):
    p = plan(load(case, today=date(2025, 10, 3)))
    names = {c["rule"] for c in p.cannot}
    assert {"no_reason_return", "quality_return", "burden_of_proof"} - {"burden_of_proof"} <= names
    assert p.next_steps[0]["action"].startswith("填写签收日期")
    assert p.stage == "evidence"
    t = draft(load(case), "negotiation").render()
    assert f"订单号：{BLANK}" in t and f"实付 {BLANK} 元" in t


def test_an_impossible_receipt_date_in_the_case_is_named(case):
    edit.update_case_info(case, received_on="2025-02-30")
    p = plan(load(case))
    assert any("2025-02-30" in n and "不是有效日期" in n for n in p.notes)
    assert {c["rule"] for c in p.cannot} >= {"no_reason_return"}


def test_stage_follows_events_and_the_user(case):
    edit.add_event(case, "12315投诉", occurred_at="2025-10-10T09:00:00+08:00")
    assert plan(load(case)).stage == "complaint"
    edit.update_case_info(case, stage="起诉")
    p = plan(load(case))
    assert p.stage == "lawsuit" and p.stage_source == "user"
    edit.update_case_info(case, stage="协商")   # behind the timeline: the timeline wins
    assert plan(load(case)).stage == "complaint"


def test_facts_from_the_evidence_are_marked_and_unknowns_left_blank():
    view = CaseView(info={"title": "t", "platform": "taobao", "received_on": "2025-09-28"},
                    exhibits=[{"id": 7, "label": "证据3", "category": "order", "name": "订单截图"}],
                    events=[Event("商家拒绝", "商家拒绝", None)],
                    facts={"order_numbers": [{"value": "4012345678901234", "exhibit_id": 7, "box": [0, 0, 1, 1]}],
                           "amounts": [{"value": "88.50", "exhibit_id": 7, "box": None}],
                           "merchants": [{"value": "杭州某某贸易有限公司", "exhibit_id": 7, "box": None}],
                           "refusal_reasons": [{"value": "已拆封影响二次销售", "exhibit_id": 7, "box": None}]},
                    today=date(2025, 10, 1))
    t = draft(view, "complaint_12315")
    body = t.render()
    assert "4012345678901234〔据证据3识读，请核对〕" in body and "88.50〔据证据3识读，请核对〕" in body
    assert "杭州某某贸易有限公司〔据证据3识读，请核对〕" in body
    assert f"姓名：{BLANK}" in body and set(t.to_check) >= {"订单号", "金额", "商家名称"}
    assert any("请核对" in n for n in t.notes)
    assert "暂行办法》第八条" in draft(view, "negotiation").render()   # the answer to 已拆封
    p = plan(view)
    assert any("第八条" in n for n in p.notes)
    assert {"order"} & {i.id for i in p.checklist if i.done}
    assert "9510211" in {c.phone for c in p.contacts}


def test_a_long_text_is_shortened_to_its_channel_limit_and_says_so(case):
    edit.update_case_info(case, order_number="1", amount_paid="10", received_on="2025-09-28", platform="pinduoduo")
    edit.add_event(case, "发现问题", title="问题" * 400, occurred_at="2025-09-29T10:00:00+08:00")
    t = draft(load(case), "platform_appeal")
    assert t.limit == 500 and len(t.limited_text) <= 500 and t.shortened
    assert t.notes[0].startswith("已压缩") and "500" in t.notes[0]
    short = draft(load(case), "negotiation")   # a chat message has no limit: nothing cut
    assert "问题" * 400 in short.render() and not short.shortened


def test_cli_plan_json_and_text(rice, tmp_path):
    root = str(rice.root)
    rice.close()
    r = run_cli("plan", root, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["stage"] == "negotiation"
    d = next(d for d in out["deadlines"] if d["rule"] == "no_reason_return")
    assert d["due"] == "2025-10-09" and d["from"] == "2025-09-28" and d["estimated"] is False
    assert isinstance(out["missing"], list) and out["next_steps"] and out["contacts"]
    r = run_cli("plan", root)
    assert r.returncode == 0 and "七日无理由退货" in r.stdout and "010-12345" in r.stdout


def test_cli_draft_txt_docx_and_no_overwrite(rice, tmp_path):
    root = str(rice.root)
    rice.close()
    r = run_cli("draft", root, "--kind", "negotiation")
    assert r.returncode == 0 and "312345678901" in r.stdout and "三、期限" in r.stdout
    out = tmp_path / "起诉状.docx"
    r = run_cli("draft", root, "--kind", "lawsuit", "--format", "docx", "--out", str(out))
    assert r.returncode == 0, r.stderr
    from docx import Document
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c.text for t in doc.tables for row in t.rows
                                                                  for c in row.cells)
    assert "民事起诉状" in text and "312345678901" in text and "此致" in text and len(doc.tables) >= 3
    before = out.read_bytes()
    r = run_cli("draft", root, "--kind", "lawsuit", "--format", "docx", "--out", str(out))
    assert r.returncode == 2 and "not overwritten" in r.stderr and out.read_bytes() == before
    r = run_cli("draft", root, "--kind", "call_12345", "--format", "txt")
    assert r.returncode == 0 and "010-12345" in r.stdout
    r = run_cli("draft", root, "--kind", "complaint_12315", "--format", "docx")
    saved = Path(r.stdout.split("saved: ")[1].strip())
    assert saved.parent == Path(root) / "exports" and saved.suffix == ".docx" and saved.stat().st_size > 0
    r = run_cli("draft", root, "--kind", "complaint_12315", "--format", "docx")
    assert Path(r.stdout.split("saved: ")[1].strip()) != saved    # a second draft does not replace the first
    assert run_cli("draft", root, "--kind", "letter").returncode == 2
    assert run_cli("draft", str(tmp_path / "nope"), "--kind", "lawsuit").returncode == 1


def test_cli_info_sets_checked_fields_and_refuses_bad_ones(tmp_path):
    case = tmp_path / "c"
    assert run_cli("new", str(case), "--title", "t").returncode == 0
    r = run_cli("info", str(case), "--set", "received_on=2025年9月28日", "--set", "amount_paid=¥1,299.5",
                "--set", "claimant_address=北京市朝阳区某路 1 号", "--json")
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["received_on"] == "2025-09-28" and info["amount_paid"] == "1299.50"
    for bad, words in (("received_on=2025-02-30", "no such date"), ("amount_paid=0", "more than 0"),
                       ("amount_paid=abc", "number"), ("product_class=toy", "product class"),
                       ("nonsense=1", "no such case field"), ("received_on", "FIELD=VALUE")):
        r = run_cli("info", str(case), "--set", bad)
        assert r.returncode == 2 and words in r.stderr and "Traceback" not in r.stderr, bad
    assert json.loads(run_cli("info", str(case), "--json").stdout)["received_on"] == "2025-09-28"
    r = run_cli("plan", str(case), "--json")
    assert next(d for d in json.loads(r.stdout)["deadlines"] if d["rule"] == "no_reason_return")["due"] == "2025-10-09"
    assert "北京互联网法院" in run_cli("draft", str(case), "--kind", "lawsuit").stdout


def test_checklist_ticks_the_snapshot_from_its_ocr_heading_and_says_how_to_get_missing_items():
    base = {"title": "t", "platform": "pinduoduo", "received_on": "2025-09-28", "demand": "三倍赔偿"}
    shot = {"id": 1, "label": "证据1", "category": "order", "name": "截图", "ocr_head": "交易快照 商品详情"}
    p = plan(CaseView(base, exhibits=[shot], today=date(2025, 10, 1)))
    items = {i.id: i for i in p.checklist}
    assert items["snapshot"].done and items["snapshot"].by == ("证据1",) and items["snapshot"].required
    assert not items["payment"].done and "账单" in items["payment"].how
    assert "fraud" in items and "021-53395288" in {c.phone for c in p.contacts}
    food = plan(CaseView({**base, "product_class": "food", "demand": "十倍赔偿"}, today=date(2025, 10, 1)))
    labels = {i.id: i for i in food.checklist}
    assert "保质期" in labels["problem"].label and labels["food_label"].required
    assert "no_reason_return" not in {cd.deadline.rule.id for cd in
                                      plan(CaseView({**base, "product_class": "perishable"})).deadlines}


def test_mediation_deadline_waits_for_the_acceptance_date(case):
    edit.add_event(case, "12315投诉", occurred_at="2025-09-26T09:00:00+08:00")
    p = plan(load(case))
    assert any(c["rule"] == "mediation_end" and "受理" in c["needs"] for c in p.cannot)
    assert any("12315已受理" in s["action"] for s in p.next_steps)
    assert next(cd for cd in p.deadlines if cd.deadline.rule.id == "complaint_acceptance").deadline.due == date(2025, 10, 13)
    edit.add_event(case, "其他", title="12315已受理", occurred_at="2025-10-09T10:00:00+08:00")
    p = plan(load(case))
    assert not any(c["rule"] == "mediation_end" for c in p.cannot)
    assert next(cd for cd in p.deadlines if cd.deadline.rule.id == "mediation_end").deadline.start == date(2025, 10, 9)


def test_a_refusal_chat_is_a_record_of_talking_to_the_merchant_and_a_refusal_page_is_not():
    base = {"title": "t", "platform": "pinduoduo", "received_on": "2025-05-15"}
    chat = {"id": 6, "label": "证据6", "category": "refusal", "name": "拼多多客服拒绝退货聊天记录截图", "ocr_head": ""}
    page = {"id": 5, "label": "证据5", "category": "refusal", "name": "商家拒绝退货截图", "ocr_head": "退款详情"}
    items = {i.id: i for i in plan(CaseView(base, exhibits=[chat, page], today=date(2025, 6, 1))).checklist}
    assert items["communication"].done and items["communication"].by == ("证据6",)
    assert items["refusal"].by == ("证据6", "证据5")
    only_page = {i.id: i for i in plan(CaseView(base, exhibits=[page], today=date(2025, 6, 1))).checklist}
    assert not only_page["communication"].done


def test_a_case_platform_other_than_the_evidence_shows_is_named_first():
    base = {"title": "t", "platform": "jd", "received_on": "2025-05-15"}
    p = plan(CaseView(base, facts={"platform": "pdd"}, today=date(2025, 6, 1)))
    assert p.notes[0].startswith("案件信息中的购物平台是京东，证据中读到的是拼多多")
    assert not any("购物平台" in n for n in plan(CaseView({**base, "platform": "拼多多"}, facts={"platform": "pdd"},
                                                          today=date(2025, 6, 1))).notes)
    assert not any("购物平台" in n for n in plan(CaseView({**base, "platform": None}, facts={"platform": "pdd"},
                                                          today=date(2025, 6, 1))).notes)


def test_a_problem_titled_with_its_discovery_is_not_found_twice():
    from datetime import datetime, timedelta, timezone

    at = datetime(2025, 5, 15, 18, 40, tzinfo=timezone(timedelta(hours=8)))
    base = {"title": "t", "platform": "pinduoduo", "received_on": "2025-05-15"}
    said = draft(CaseView(base, events=[Event("发现问题", "开箱发现门板开裂", at)], today=date(2025, 6, 1)),
                 "negotiation").render()
    assert "2025年5月15日，开箱发现门板开裂" in said and "发现开箱" not in said
    plain = draft(CaseView(base, events=[Event("发现问题", "门板开裂", at)], today=date(2025, 6, 1)),
                  "negotiation").render()
    assert "2025年5月15日发现门板开裂" in plain


def test_cli_info_shows_the_readers_proposals_beside_the_fields_not_as_json(tmp_path):
    case = tmp_path / "c"
    assert run_cli("new", str(case), "--title", "拼多多收纳柜").returncode == 0
    with Case.open(case) as c:
        c.db.execute("UPDATE case_info SET suggested_json = ? WHERE id = 1", [json.dumps(
            {"platform": {"value": "pinduoduo", "exhibit_id": None, "rank": 0, "status": "proposed"},
             "shop": {"value": "优品家居专营店", "exhibit_id": None, "rank": 0, "status": "dismissed"}},
            ensure_ascii=False)])
    out = run_cli("info", str(case)).stdout
    assert "suggested_json" not in out and "{" not in out
    assert "platform: (read from the evidence: pinduoduo; to use it: --set platform=pinduoduo)" in out
    assert "shop: \n" in out                                   # a dismissed proposal is not offered again
    assert json.loads(run_cli("info", str(case), "--json").stdout)["suggested_json"]     # JSON keeps it all
    run_cli("info", str(case), "--set", "platform=pinduoduo")
    assert "platform: pinduoduo\n" in run_cli("info", str(case)).stdout
