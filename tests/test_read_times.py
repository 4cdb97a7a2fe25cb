"""Facts on text without the engine: times without a year dated by the capture time, and the rules added
for layouts of other platforms (Tmall, Douyin, 黑猫投诉, Alipay bills, logistics pages)."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.core.ingest import Importer
from app.core.read import read_case, reader, suggest
from app.core.read.engine import Line
from app.core.read.facts import extract, resolve_loose
from app.core.store import Case


def _lines(*rows):
    """Rows of (text, ...) laid out as boxes on a 1080-wide screen: each tuple is one visual row, its items
    side by side from the left; "@text" is centred (a chat's time header), ">text" right-aligned."""
    out = []
    for y, row in enumerate(rows):
        x = 40
        for text in row:
            if text[:1] in "@>":
                text, where = text[1:], text[0]
                x0 = 540 - 20 * len(text) if where == "@" else 1040 - 40 * len(text)
                out.append(Line(text, (x0, y * 90, x0 + 40 * len(text), y * 90 + 50), 0.99))
                continue
            out.append(Line(text, (x, y * 90, x + 40 * len(text), y * 90 + 50), 0.99))
            x += 40 * len(text) + 60
    return out


# Friday 2025-06-20 15:30 China time, the capture time of the screenshots below
SHOT = datetime.fromisoformat("2025-06-20T15:30:00+08:00")


def _dated(rows, shot=SHOT):
    facts = extract(_lines(*rows)).to_json()
    return resolve_loose(facts, shot)


@pytest.mark.parametrize("text, expected", [
    ("06-18 14:22", "2025-06-18T14:22:00+08:00"),
    ("4月15日 10:22", "2025-04-15T10:22:00+08:00"),
    ("4月15日10:22", "2025-04-15T10:22:00+08:00"),
    ("昨天 10:05", "2025-06-19T10:05:00+08:00"),
    ("前天 23:59", "2025-06-18T23:59:00+08:00"),
    ("星期三 14:22", "2025-06-18T14:22:00+08:00"),
    ("周五 09:00", "2025-06-13T09:00:00+08:00"),      # the capture's own weekday: a week before
    ("昨天 下午2:22", "2025-06-19T14:22:00+08:00"),
    ("12-30 20:00", "2024-12-30T20:00:00+08:00"),     # later than the capture in its year: the year before
    ("06/20 15:31", "2024-06-20T15:31:00+08:00"),     # a minute after the capture: not this year's
    ("2月29日 08:00", None),                          # 2025 and 2024-before-capture: 2024-02-29 exists
])
def test_times_without_a_year_are_dated_by_the_capture(text, expected):
    facts = _dated([("聊天",), (text,)])
    values = [i["value"] for i in facts["datetimes"]]
    if text.startswith("2月29日"):
        assert values == ["2024-02-29T08:00:00+08:00"]
        return
    assert values == [expected]
    assert [i["value"] for i in facts["dates"]] == [expected[:10]]
    assert all(s["value"] <= SHOT.isoformat() for s in facts["stamps"])


@pytest.mark.parametrize("text", ["下午2:22", "14:22", "今天 14:22"])
def test_a_clock_time_alone_is_the_capture_days_for_events_only(text):
    facts = _dated([("禾丰电器售后",), (text,)])
    assert facts["datetimes"] == []                       # not a printed date: no fact
    assert [s["value"] for s in facts["stamps"]] == ["2025-06-20T14:22:00+08:00"]


def test_nothing_after_the_capture_and_nothing_without_it():
    facts = _dated([("标题",), ("下午4:10",), ("今天 16:00",)])
    assert facts["stamps"] == [] and facts["datetimes"] == []      # both later than 15:30 that day
    raw = extract(_lines(("06-18 14:22",))).to_json()
    assert resolve_loose(raw, None) is raw and raw["datetimes"] == []   # no capture time: not dated
    once = resolve_loose(raw, SHOT)
    assert resolve_loose(once, SHOT) is once                     # dated once only


def test_status_bar_clock_is_not_a_time():
    facts = _dated([("15:30",), ("订单详情",)])
    assert facts["stamps"] == [] and "loose" not in facts


@pytest.mark.parametrize("text", ["型号：L18-P393 220V~ 50Hz", "第3-5 12:00", "版本 1.2.3 10:22", "2025-06-18 14:22:05",
                                  "6月15日买的", "退货地址 3号楼 12:00前"])
def test_no_loose_time_invented(text):
    facts = _dated([("标题",), (text,)])
    assert [s["value"] for s in facts["stamps"]] == (["2025-06-18T14:22:05+08:00"] if text.startswith("2025") else [])


def test_twelve_hour_clock_with_a_full_date():
    facts = extract(_lines(("2025年6月12日 下午8:05",), ("2025年6月13日凌晨12:10",))).to_json()
    assert [i["value"] for i in facts["datetimes"]] == ["2025-06-12T20:05:00+08:00", "2025-06-13T00:10:00+08:00"]


def test_chat_refusal_gets_the_header_above_it():
    lines = _lines(("15:30", ">5G 76%"), ("@禾丰电器售后",), ("@2025年6月12日 下午8:05",), ("你好，我要求退货。",),
                   ("@星期三 14:22",), ("亲，麻烦拍一下照片",), ("@昨天 10:05",), ("亲，您这个内胆是人为刮花的，不",),
                   ("属于质量问题，不予退货。",), ("我要投诉到12315。",), ("@下午2:22",), ("亲，最多给您补偿20元。",))
    facts = resolve_loose(extract(lines).to_json(), SHOT)
    assert facts["screen"] == "refusal"
    assert facts["refusal_reasons"][0]["value"] == "您这个内胆是人为刮花的，不属于质量问题，不予退货"
    assert suggest.proposed_events(facts) == {"商家拒绝": "2025-06-19T10:05:00+08:00"}


def test_logistics_step_time_on_the_left_takes_the_words_on_its_right():
    lines = _lines(("物流详情",), ("中通快递 运单号：75312345678901",), ("06-20 10:31", "【杭州市】您的快件已签收，签收人：家门"),
                   ("口。如有疑问请电联快递员：13812345678",), ("06-20 08:05", "【杭州市】快件正在派送中"))
    facts = resolve_loose(extract(lines).to_json(), SHOT)
    assert suggest.proposed_events(facts) == {"签收": "2025-06-20T10:31:00+08:00"}
    assert [i["value"] for i in facts["waybills"]] == ["75312345678901"]


def test_progress_steps_on_a_refusal_page_keep_their_words():
    """JD's 进度详情: each step's words above its time, left-aligned (not a chat's centred header)."""
    lines = _lines(("16:45",), ("@服务单详情",), ("退款申请被驳回",), ("商家审核不通过 2025-03-05 16:42:08",),
                   ("进度详情",), ("您的服务单已提交，等待商家审核",), ("2025-03-05 14:41:20",),
                   ("您提交了退货退款申请，问题描述：内胆涂层脱落",), ("2025-03-05 14:40:17",), (">再次申请",))
    facts = extract(lines).to_json()
    assert facts["screen"] == "refusal"
    assert suggest.proposed_events(facts) == {"商家拒绝": "2025-03-05T16:42:08+08:00",
                                              "申请售后": "2025-03-05T14:40:17+08:00"}


def test_desktop_clocks_are_not_times_of_the_case():
    """macOS's menu bar (3月5日周三14:38, first row) and Windows' taskbar (9:30 over 2025/3/11, bottom)."""
    lines = _lines(("Chrome", "编辑", ">3月5日周三14:38"), ("@全国12315平台",), ("您的投诉已提交成功！",),
                   ("投诉编号", "1100202503110094127"), ("提交时间", "2025-03-11 09:28:47"),
                   ("投诉事由", "商家以“已拆封影响二次销售，不予退货”为由拒绝退货。"), (">9:30",), (">2025/3/11",))
    facts = resolve_loose(extract(lines).to_json(), datetime.fromisoformat("2025-03-11T09:30:15+08:00"))
    assert [i["value"] for i in facts["datetimes"]] == ["2025-03-11T09:28:47+08:00"]
    assert suggest.proposed_events(facts) == {"12315投诉": "2025-03-11T09:28:47+08:00"}


def test_refusal_page_review_time_is_the_refusal():
    lines = _lines(("服务单详情",), ("审核未通过",), ("申请时间", "2025-06-19 09:12:30"), ("审核时间", "2025-06-20 11:03:41"))
    facts = extract(lines).to_json()
    assert facts["screen"] == "refusal"
    assert suggest.proposed_events(facts) == {"申请售后": "2025-06-19T09:12:30+08:00",
                                              "商家拒绝": "2025-06-20T11:03:41+08:00"}


def test_taobao_completion_time_is_not_the_payment():
    facts = extract(_lines(("订单详情",), ("付款时间", "2025.06.18 14:22:31"), ("成交时间", "2025.06.25 09:00:00"))).to_json()
    assert suggest.proposed_events(facts) == {"付款": "2025-06-18T14:22:31+08:00"}


@pytest.mark.parametrize("rows, key, expected", [
    ((("实付款", "￥1,299.00"),), "amounts", ["1299.00"]),
    ((("实付 ¥ 59.9",),), "amounts", ["59.90"]),
    ((("-1,299.00",),), "amounts", ["1299.00"]),
    ((("店铺优惠", "-￥100.00"),), "amounts", []),
    ((("创建时间", "2025.06.18 14:22:05"),), "datetimes", ["2025-06-18T14:22:05+08:00"]),
    ((("商家订单号", "T200P4123456789012345678"),), "order_numbers", ["4123456789012345678"]),
    ((("商家订单号", "T200P4123456789012345678"),), "trade_numbers", ["T200P4123456789012345678"]),
    ((("账单分类", "日用百货"),), "merchants", []),
    ((("投诉对象", "苏泊尔官方旗舰店"),), "merchants", ["苏泊尔官方旗舰店"]),
    ((("投诉编号", "17351234567"),), "phones", []),
    ((("投诉编号", "17351234567"),), "complaint_numbers", ["17351234567"]),
    ((("快递员电话", "17351234567"),), "phones", ["17351234567"]),
    ((("售后编号", "7012345678901234567"),), "service_numbers", ["7012345678901234567"]),
    ((("亲，您的商品已超过7天无理由退",), ("货期，且已使用，无法为您办理退",), ("货。",)), "refusal_reasons",
     ["您的商品已超过7天无理由退货期，且已使用，无法为您办理退货"]),
    ((("这不是人为损坏的，是质量问题。",),), "refusal_reasons", []),
])
def test_rules_for_other_layouts(rows, key, expected):
    facts = extract(_lines(*rows))
    assert [i["value"] for i in facts.values[key]] == expected


def test_heimao_receipt_is_its_own_complaint():
    lines = _lines(("黑猫投诉",), ("投诉提交成功",), ("投诉编号", "17351234567"), ("投诉对象", "苏泊尔官方旗舰店"),
                   ("提交时间", "2025-06-22 20:15:09"))
    facts = extract(lines).to_json()
    row = {"kind": "screenshot", "ocr_text": "\n".join(l.text for l in lines)}
    assert facts["screen"] == "complaint"
    assert suggest.proposed_events(facts, row) == {"黑猫投诉": "2025-06-22T20:15:09+08:00"}
    proposal = suggest.exhibit_proposal(row, facts)
    assert proposal["name"] == "黑猫投诉回执截图（投诉编号…234567）" and "黑猫投诉" in proposal["purpose"]


# ----- in a case: the capture time comes from the exhibit -----------------------------------------------

def _chat_lines():
    return _lines(("15:30", ">5G 76%"), ("@禾丰小家电旗舰店",), ("@4月15日 10:22",), ("电饭煲涂层脱落，申请退货。",),
                  ("@下午2:22",), ("亲，您的商品已超过7天无理由退",), ("货期，且已使用，无法为您办理退",), ("货。",))


def _case_with(tmp_path, name, monkeypatch, lines):
    from bench import screens

    folder = tmp_path / "in"
    folder.mkdir()
    screens.save(screens.noise(), folder / name)    # any picture: the engine is replaced below
    monkeypatch.setattr(reader, "read_file", lambda case, row, settings="tuned", cancel=None: reader.Reading("done", lines))
    case = Case.create(tmp_path / "case", "时间")
    list(Importer(case, via="cli").import_paths([str(folder)]))
    read_case(case)
    return case


def test_chat_times_dated_by_the_file_name(tmp_path, monkeypatch):
    from app.core import edit

    with _case_with(tmp_path, "Screenshot_20250416-153000.png", monkeypatch, _chat_lines()) as case:
        row = case.exhibits()[0]
        facts = json.loads(row["facts_json"])
        assert [i["value"] for i in facts["datetimes"]] == ["2025-04-15T10:22:00+08:00"]
        events = [(e["type"], e["occurred_at"]) for e in edit.events(case)]
        assert events == [("商家拒绝", "2025-04-16T14:22:00+08:00")]
        assert row["name"].endswith("客服拒绝退货聊天记录截图")


def test_chat_times_not_dated_by_a_modified_time(tmp_path, monkeypatch):
    from app.core import edit

    with _case_with(tmp_path, "chat.png", monkeypatch, _chat_lines()) as case:
        row = case.exhibits()[0]
        assert row["captured_at_source"] == "mtime"
        facts = json.loads(row["facts_json"])
        assert facts["datetimes"] == [] and facts["loose"]        # kept undated, with what was printed
        assert edit.events(case) == []


def test_logistics_day_over_its_time_in_a_left_column():
    lines = _lines(("物流详情",), ("圆通速递 YT7512345678901",), ("07-05", "【上海市】已签收，签收人：菜鸟驿站。"), ("14:22",),
                   ("07-04", "【上海转运中心】已发出"), ("20:01",))
    facts = resolve_loose(extract(lines).to_json(), datetime.fromisoformat("2025-07-06T15:00:00+08:00"))
    assert [i["value"] for i in facts["datetimes"]] == ["2025-07-05T14:22:00+08:00", "2025-07-04T20:01:00+08:00"]
    assert suggest.proposed_events(facts) == {"签收": "2025-07-05T14:22:00+08:00"}


def test_shop_named_only_by_its_arrow_on_an_order_page():
    lines = _lines(("订单详情",), ("拼单成功，待发货",), ("查看物流 >",), ("家居生活馆 >",), ("商品总价", "¥89.00"),
                   ("订单编号：", "250703-567890123456789"))
    assert [i["value"] for i in extract(lines).values["merchants"]] == ["家居生活馆"]
    chat = _lines(("@客服小蜜",), ("你好 >",), ("转人工 >",))
    assert extract(chat).values["merchants"] == []        # not an order page


def test_terms_on_an_order_page_are_not_a_refusal_but_in_a_chat_they_are():
    order = _lines(("订单详情",), ("实付款", "¥99.00"), ("订单编号", "4012345678901234567"),
                   ("亲，该商品不支持7天无理由退货",), ("下单时间", "2025-07-01 10:00:00"))
    assert extract(order).screen == "order"
    chat = _lines(("15:30", ">5G 76%"), ("@鹿小鹿旗舰店",), ("@昨天 20:15",), ("衣服洗了一次就起球，能退吗？",),
                  ("亲亲，这款是特价商品，不支持七天",), ("无理由退货的哦～",))
    facts = resolve_loose(extract(chat).to_json(), SHOT)
    assert facts["screen"] == "refusal"
    assert suggest.proposed_events(facts) == {"商家拒绝": "2025-06-19T20:15:00+08:00"}


def test_a_chat_without_words_is_known_by_its_time_headers():
    chat = _lines(("15:30", ">5G 76%"), ("@小米之家售后",), ("@7月1日 18:30",), ("你好，手环充不进电。",),
                  ("@星期一 09:12",), ("好的，马上为您处理。",))
    assert extract(chat).screen == "chat"
