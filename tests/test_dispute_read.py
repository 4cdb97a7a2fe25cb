"""The dispute engine on facts really read from the evidence (issue 11's OCR and case_facts): a Taobao case
whose fields are all empty, with an order page, the merchant's refusal in chat and the courier's receipt,
rendered as a phone shows them and read by the OCR engine."""
import re
from datetime import date

import pytest

from app.core.dispute.known import BLANK, load
from app.core.dispute.plan import plan
from app.core.dispute.texts import draft
from app.core.ingest import Importer
from app.core.read import read_case
from app.core.store import Case
from bench import screens

FILES = ("Screenshot_20250410-203300.png", "Screenshot_20250415-103100.png", "Screenshot_20250412-160200.png")


@pytest.fixture(scope="module")
def taobao_case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone")
    items = screens.test_set()
    for name in FILES:
        screens.save(items[name], folder / name)
    root = tmp_path_factory.mktemp("dispute_read") / "case"
    with Case.create(root, "破壁机有焦味，商家拒绝退货") as case:
        list(Importer(case, via="test", durable=False).import_paths([str(folder)]))
        progress = read_case(case)
        assert progress.done == progress.total == len(FILES)
    return root


def test_texts_use_read_facts_marked_for_checking(taobao_case):
    with Case.open(taobao_case, writable=False) as case:
        view = load(case, today=date(2025, 4, 16))
    assert view.platform == "taobao"
    t = draft(view, "negotiation")
    body = t.render()
    assert "4012345678901234567〔据证据" in body and "259.00〔据证据" in body and "九阳官方旗舰店〔据证据" in body
    assert re.search(r"2025年4月15日〔据证据\d识读，请核对〕，贵方以“不符合七天无理由退货条件[^”]*〔据证据\d识读，请核对〕”为由", body)
    assert {"订单号", "金额", "拒绝理由", "拒绝日期"} <= set(t.to_check) and any("请核对" in n for n in t.notes)
    assert f"联系电话：{BLANK}" in body          # nothing read for the claimant: a blank, never a guess


def test_plan_counts_from_the_receipt_read_on_the_courier_page(taobao_case):
    with Case.open(taobao_case, writable=False) as case:
        p = plan(load(case, today=date(2025, 4, 16)))
    seven = next(cd for cd in p.deadlines if cd.deadline.rule.id == "no_reason_return")
    assert seven.deadline.start == date(2025, 4, 12) and seven.start_source in ("evidence", "proposed")
    assert seven.deadline.due == date(2025, 4, 21)       # Apr 19 is a Saturday
    assert seven.to_json(p.today).get("from_to_check") is True
    assert p.stage == "evidence"      # proposed events do not move the stage until the user accepts them
    assert "9510211" in {c.phone for c in p.contacts}
    done = {i.id for i in p.checklist if i.done}
    assert {"order", "receipt", "refusal"} <= done
