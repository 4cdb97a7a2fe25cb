"""Reading: OCR of rendered app screenshots (read once per session), facts, suggestions, events, search.

The OCR runs once for the whole module (a session-scoped case holding every rendered layout); the
other tests check facts on text directly, without the engine.
"""
from __future__ import annotations

import json
import shutil

import pytest

from app.core import edit
from app.core.ingest import Importer
from app.core.read import case_facts, read_case, search
from app.core.read import reader, suggest
from app.core.read.engine import Line
from app.core.read.facts import FACT_KEYS, extract
from app.core.store import Case
from bench import screens

LIST_KEYS = [k for k in FACT_KEYS]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone")
    truth = {}
    for name, item in screens.test_set().items():
        screens.save(item, folder / name)
        truth[name] = item[1]
    return folder, truth


@pytest.fixture(scope="session")
def read_case_dir(rendered, tmp_path_factory):
    """A case with every rendered layout imported and read (the only OCR in this module)."""
    folder, truth = rendered
    root = tmp_path_factory.mktemp("readcase") / "case"
    with Case.create(root, "读取测试") as case:
        list(Importer(case, via="cli").import_paths([str(folder)]))
        progress = read_case(case)
        assert progress.done == progress.total == len(truth)
    return root


@pytest.fixture
def read_case_copy(read_case_dir, tmp_path):
    target = tmp_path / "case"
    shutil.copytree(read_case_dir, target, ignore=shutil.ignore_patterns(".lock"))
    with Case.open(target) as case:
        yield case


def _by_name(case):
    out = {}
    for row in case.exhibits():
        out[row["original_name"]] = row
    return out


def _check(found: dict, truth: dict, name: str) -> list[str]:
    misses = []
    for key in FACT_KEYS:
        values = [i["value"] for i in found.get(key, [])]
        for expected in truth.get(key, []):
            if key == "refusal_reasons":
                ok = any(expected in v for v in values)
            else:
                ok = expected in values
            if not ok:
                misses.append(f"{name}: {key} {expected!r} not in {values!r}")
    if "platform" in truth and found.get("platform") != truth["platform"]:
        misses.append(f"{name}: platform {found.get('platform')!r} != {truth['platform']!r}")
    if truth.get("screen") != found.get("screen"):
        misses.append(f"{name}: screen {found.get('screen')!r} != {truth.get('screen')!r}")
    return misses


def test_every_fact_found_on_rendered_screens(read_case_copy, rendered):
    _, truth = rendered
    rows = _by_name(read_case_copy)
    misses = []
    for name, t in truth.items():
        facts = json.loads(rows[name]["facts_json"] or "{}")
        misses += _check(facts, t, name)
    assert not misses, "\n".join(misses)


def test_photo_without_text_yields_no_facts(read_case_copy):
    row = _by_name(read_case_copy)["IMG_20250413_190211.jpg"]
    facts = json.loads(row["facts_json"] or "{}")
    assert not any(facts.get(k) for k in FACT_KEYS)
    assert row["read_status"] in ("empty", "done")
    assert row["name"].startswith("照片") and row["purpose"] is None   # nothing proposed for it


def test_boxes_point_at_the_text(read_case_copy):
    """The box of the order number covers where it was drawn (value column at x=330 in the card)."""
    row = _by_name(read_case_copy)["Screenshot_20250302-101600_com.jingdong.app.mall.png"]
    facts = json.loads(row["facts_json"])
    box = facts["order_numbers"][0]["box"]
    assert 300 <= box[0] <= 360 and box[2] > box[0] + 300 and 0 < box[1] < box[3] < 2400
    lines = reader.lines(read_case_copy, row["id"])   # from the cache, per line with its confidence
    hit = [l for l in lines if "30802519476281035946" in l.text]
    assert hit and hit[0].conf > 0.8 and hit[0].box[0] == box[0]


def test_long_chat_is_read_in_tiles_without_doubles(read_case_copy, rendered):
    _, truth = rendered
    row = _by_name(read_case_copy)["Screenshot_20250521-214000.png"]
    assert row["height"] == 5400
    text = row["ocr_text"]
    assert text.count(truth["Screenshot_20250521-214000.png"]["unique"]) == 1
    assert truth["Screenshot_20250521-214000.png"]["order_numbers"][0] in text


def test_names_purposes_and_categories_are_suggestions(read_case_copy):
    rows = _by_name(read_case_copy)
    jd = rows["Screenshot_20250302-101600_com.jingdong.app.mall.png"]
    assert jd["name"] == "京东订单详情截图（订单号…5946）"
    # the purpose stays the user's to write: the proposal is what the detail panel and the export offer
    from app.core.export import default_purpose

    assert jd["purpose"] is None and default_purpose(jd) == "证明买卖合同关系成立及价款"
    assert jd["category"] == "order"
    assert suggest.is_suggested(jd, "name") and suggest.is_suggested(jd, "purpose")
    refusal = rows["Screenshot_20250415-103100.png"]
    assert refusal["category"] == "refusal" and "不符合七天无理由退货条件" in default_purpose(refusal)
    assert default_purpose(rows["Screenshot_20250410_203500_com.tencent.mm.png"]) == "证明已支付货款259.00元"
    assert default_purpose(rows["Screenshot_20250412-160200.png"]) == "证明商品已签收及签收时间"
    # the source of a payment record is the payer's app, though the order it paid was a JD one
    wechat = rows["Screenshot_20250410_203500_com.tencent.mm.png"]
    assert wechat["source_desc"] == "微信App支付记录页截图" and jd["source_desc"] == "京东App订单详情页截图"
    # a refusal in a chat was taken in the chat, a 12315 receipt on the 12315 platform (not the shop's app)
    assert refusal["source_desc"] == "淘宝App客服聊天记录页截图"
    assert rows["Screenshot_20250420-093000.png"]["source_desc"] == "全国12315平台投诉回执截图"


def test_user_text_is_never_overwritten(read_case_copy):
    case = read_case_copy
    row = _by_name(case)["Screenshot_20250302-101600_com.jingdong.app.mall.png"]
    edit.update_exhibit(case, row["id"], purpose="我自己写的证明目的")
    case.db.execute("UPDATE exhibits SET read_status = NULL WHERE id = ?", [row["id"]])
    read_case(case)                                  # read again (from the cache)
    again = next(r for r in case.exhibits() if r["id"] == row["id"])
    assert again["purpose"] == "我自己写的证明目的"
    assert not suggest.is_suggested(again, "purpose")
    assert again["name"] == "京东订单详情截图（订单号…5946）"   # the name is still the app's proposal
    suggest.accept_exhibit(case, row["id"])
    accepted = next(r for r in case.exhibits() if r["id"] == row["id"])
    assert not suggest.is_suggested(accepted, "name")
    other = _by_name(case)["Screenshot_20250412-160200.png"]
    suggest.accept_exhibit(case, other["id"])            # accepting writes the proposed purpose in
    assert next(r for r in case.exhibits() if r["id"] == other["id"])["purpose"] == "证明商品已签收及签收时间"


def test_case_fields_proposed_not_written(read_case_copy):
    case = read_case_copy
    proposals = suggest.case_suggestions(case)
    assert case.info()["order_number"] is None
    assert proposals["order_number"]["value"] in ("30802519476281035946", "4012345678901234567")
    suggest.accept_case_field(case, "order_number")
    assert case.info()["order_number"] == proposals["order_number"]["value"]
    assert "order_number" not in suggest.case_suggestions(case)


def test_proposed_events_with_exact_times(read_case_copy):
    case = read_case_copy
    events = {(e["type"], e["occurred_at"]): e for e in edit.events(case)}
    for expected in [("下单", "2025-03-02T10:15:26+08:00"), ("付款", "2025-04-10T20:31:29+08:00"),
                     ("签收", "2025-04-12T15:20:08+08:00"), ("申请售后", "2025-03-05T14:40:17+08:00"),
                     ("商家拒绝", "2025-04-15T10:22:00+08:00"), ("12315投诉", "2025-04-20T09:28:47+08:00"),
                     ("商家拒绝", "2025-05-21T09:15:00+08:00")]:
        assert expected in events, f"{expected} not proposed: {sorted(events)}"
        assert events[expected]["status"] == "proposed" and events[expected]["exhibit_ids"]
    # the order page and the WeChat record show the same payment: one event, two exhibits
    paid = events[("付款", "2025-04-10T20:31:29+08:00")]
    assert len(paid["exhibit_ids"]) == 2


def test_dismissed_events_never_come_back(read_case_copy):
    case = read_case_copy
    event = next(e for e in edit.events(case) if e["type"] == "签收")
    suggest.dismiss_event(case, event["id"])
    case.db.execute("UPDATE exhibits SET read_status = NULL")
    read_case(case)
    assert not [e for e in edit.events(case) if e["type"] == "签收"]
    assert [e for e in edit.events(case, include_dismissed=True) if e["type"] == "签收"][0]["status"] == "dismissed"
    accepted = next(e for e in edit.events(case) if e["type"] == "下单")
    suggest.accept_event(case, accepted["id"])
    assert next(e for e in edit.events(case) if e["id"] == accepted["id"])["status"] == "confirmed"


def test_search_finds_refusal_words_long_and_short(read_case_copy):
    case = read_case_copy
    hits = search(case, "不予退货")
    names = {h.name for h in hits}
    assert any("拒绝" in n for n in names)
    assert all("不予退货" in h.snippet for h in hits)
    assert {h.exhibit_id for h in search(case, "顺丰")}     # two characters: below the trigram
    assert search(case, "九阳") and not search(case, "不存在的词语")
    assert search(case, "4012345678901234567")


def test_case_facts_contract(read_case_copy):
    facts = case_facts(read_case_copy)
    assert set(facts) == set(FACT_KEYS) | {"platform"}
    for key in FACT_KEYS:
        for item in facts[key]:
            assert set(item) == {"value", "exhibit_id", "box"} and isinstance(item["value"], str)
    assert any(i["value"] == "399.00" for i in facts["amounts"])
    assert all(len(i["value"]) == 10 for i in facts["dates"])
    assert all(i["value"].endswith("+08:00") for i in facts["datetimes"])
    assert facts["platform"] in ("jd", "taobao", "pdd", "douyin")


# ----- CLI -----------------------------------------------------------------------------------------------

def test_cli_read_list_search_events(read_case_dir, tmp_path, capsys):
    from app.cli import main

    target = tmp_path / "case"
    shutil.copytree(read_case_dir, target, ignore=shutil.ignore_patterns(".lock"))
    with Case.open(target) as case:   # forget the reading, keep the cache: `read` must do it all again
        case.db.execute("UPDATE exhibits SET read_status = NULL, ocr_text = NULL, facts_json = NULL")
    assert main(["read", str(target), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["done"] == out["total"] == 13 and out["failed"] == 0
    assert main(["list", str(target), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    jd = next(r for r in rows if r["original_name"].startswith("Screenshot_20250302"))
    assert jd["facts"]["order_numbers"] == ["30802519476281035946"] and jd["facts"]["platform"] == "jd"
    assert jd["facts"]["amounts"][0] == "399.00" and "订单编号" in jd["text"]
    assert set(jd["facts"]) == set(FACT_KEYS) | {"platform"}
    assert main(["search", str(target), "不予退货", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all({"number", "name", "snippet"} <= set(h) for h in hits)
    assert main(["events", str(target), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert events and all(e["status"] == "proposed" and e["exhibits"] for e in events)
    assert {"type", "when", "status", "exhibits"} <= set(events[0])
    first, second = events[0]["id"], events[1]["id"]
    assert main(["events", str(target), "--accept", str(first), "--dismiss", str(second), "--json"]) == 0
    after = {e["id"]: e["status"] for e in json.loads(capsys.readouterr().out)}
    assert after[first] == "confirmed" and second not in after
    assert main(["events", str(target), "--all", "--json"]) == 0
    assert {e["id"]: e["status"] for e in json.loads(capsys.readouterr().out)}[second] == "dismissed"
    assert main(["events", str(target), "--accept", "99999"]) == 1          # an unknown id is refused
    assert "99999" in capsys.readouterr().err
    assert main(["read", str(target), "--json"]) == 0          # nothing left to read
    assert json.loads(capsys.readouterr().out)["read"] == 0


# ----- facts on text, without the engine --------------------------------------------------------------------

def _lines(*rows):
    """Rows of (text, ...) laid out as boxes: each tuple is one visual row, its items side by side."""
    out = []
    for y, row in enumerate(rows):
        x = 40
        for text in row:
            out.append(Line(text, (x, y * 90, x + 40 * len(text), y * 90 + 50), 0.99))
            x += 40 * len(text) + 60
    return out


@pytest.mark.parametrize("rows, key, expected", [
    ((("订单编号", "30802519476281035946", "复制"),), "order_numbers", ["30802519476281035946"]),
    ((("订单号：4012345678901234567"),), "order_numbers", ["4012345678901234567"]),
    ((("商品 250512-123456789012345"),), "order_numbers", ["250512-123456789012345"]),
    ((("订单编号",), ("6912345678901234567",)), "order_numbers", ["6912345678901234567"]),
    ((("商品", "京东订单-30802519476281035946"),), "order_numbers", ["30802519476281035946"]),
    ((("实付款", "¥1,299.50"),), "amounts", ["1299.50"]),
    ((("合计：399元"),), "amounts", []),
    ((("合计：399.00元"),), "amounts", ["399.00"]),
    ((("-399.00",),), "amounts", ["399.00"]),
    ((("店铺优惠", "-¥20.00"),), "amounts", []),
    ((("7天无理由退货",),), "amounts", []),
    ((("下单时间", "2025-03-0210:15:48"),), "datetimes", ["2025-03-02T10:15:48+08:00"]),
    ((("2025年3月2日 10:15",),), "datetimes", ["2025-03-02T10:15:00+08:00"]),
    ((("2025/06/18 21:05:27",),), "datetimes", ["2025-06-18T21:05:27+08:00"]),
    ((("开票日期：2025年04月11日",),), "dates", ["2025-04-11"]),
    ((("2025-02-30",),), "dates", []),
    ((("联系电话：139 1234 5678",),), "phones", ["13912345678"]),
    ((("张** 138****8000",),), "phones", ["138****8000"]),
    ((("客服热线 400-606-7733",),), "phones", ["400-606-7733"]),
    ((("订单编号", "30802519476281035946"),), "phones", []),
    ((("交易单号", "4200002519202503021538475912"),), "trade_numbers", ["4200002519202503021538475912"]),
    ((("运单号", "SF1234567890123"),), "waybills", ["SF1234567890123"]),
    ((("中通快递 运单号：78912345678901",),), "waybills", ["78912345678901"]),
    ((("服务单号", "1728364502"),), "service_numbers", ["1728364502"]),
    ((("投诉编号", "1100202503110094127"),), "complaint_numbers", ["1100202503110094127"]),
    ((("禾丰小家电旗舰店 >",),), "merchants", ["禾丰小家电旗舰店"]),
    ((("收单机构", "财付通支付科技有限公司"),), "merchants", []),
    ((("驳回原因：商品已拆封影响二次销售，不予退货。如",),), "refusal_reasons", ["商品已拆封影响二次销售，不予退货"]),
    ((("退款申请被驳回",),), "refusal_reasons", []),
    ((("不予退货”为由拒绝退货。",),), "refusal_reasons", ["不予退货"]),
    ((("亲，已过7天无理由退货期，无法为您办理",),), "refusal_reasons", ["已过7天无理由退货期，无法为您办理"]),
])
def test_facts_from_text(rows, key, expected):
    rows = tuple(r if isinstance(r, tuple) else (r,) for r in rows)
    facts = extract(_lines(*rows))
    assert [i["value"] for i in facts.values[key]] == expected


@pytest.mark.parametrize("text, platform", [("感谢您在京东购物", "jd"), ("天猫 交易成功", "taobao"),
                                            ("拼多多 百亿补贴", "pdd"), ("抖音商城 放心购", "douyin"),
                                            ("照片", None)])
def test_platform_from_words(text, platform):
    assert extract(_lines((text,))).platform == platform


def test_platform_from_app_package():
    assert extract(_lines(("订单详情",)), "Screenshot_x_com.xunmeng.pinduoduo.jpg", "pinduoduo").platform == "pdd"


def test_bad_pictures_get_a_status_and_never_stop_the_queue(case, tmp_path):
    from PIL import Image

    folder = tmp_path / "bad"
    folder.mkdir()
    Image.new("RGB", (8, 8), "white").save(folder / "tiny.png")
    Image.new("RGB", (1080, 2400), "white").save(folder / "blank.png")
    good = folder / "Screenshot_20250302-101600_com.jingdong.app.mall.png"
    screens.save(screens.test_set()[good.name], good)
    import io
    buf = io.BytesIO()
    screens.photo()[0].save(buf, "JPEG")
    (folder / "broken.jpg").write_bytes(buf.getvalue()[:len(buf.getvalue()) // 3])   # a cut-off download
    list(Importer(case, via="cli").import_paths([str(folder)]))
    progress = read_case(case)
    assert progress.done == progress.total == 4
    rows = {r["original_name"]: r for r in case.exhibits()}
    assert rows["tiny.png"]["read_status"] == "empty" and rows["tiny.png"]["read_reason"] == "read_too_small"
    assert rows["blank.png"]["read_status"] == "empty"
    assert rows[good.name]["read_status"] == "done"
    assert rows["broken.jpg"]["read_status"] in ("skipped", "failed")
    assert (case.root / "derived" / "ocr" / f"{rows[good.name]['sha256']}.json").is_file()


def test_a_crash_in_one_file_is_contained(case, tmp_path, monkeypatch):
    from PIL import Image

    from app.core.read import engine

    for name, colour in (("a.png", "white"), ("b.png", "grey")):
        Image.new("RGB", (300, 300), colour).save(tmp_path / name)
    list(Importer(case, via="cli").import_paths([str(tmp_path / "a.png"), str(tmp_path / "b.png")]))
    calls = []

    def explode(self, image, page=0):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("onnxruntime: bad allocation")
        return [Line("订单编号 30802519476281035946", (0, 0, 100, 20), 0.9)]

    monkeypatch.setenv("EVIDENCE_BINDER_OCR_PROCESS", "0")   # a fake engine: read in this process

    monkeypatch.setattr(engine.Engine, "read_image", explode)
    progress = read_case(case)
    assert progress.done == 2
    statuses = sorted(r["read_status"] for r in case.exhibits())
    assert statuses == ["done", "failed"]
    failed = next(r for r in case.exhibits() if r["read_status"] == "failed")
    assert failed["read_reason"] == "read_error"


def test_reading_stops_between_files_and_resumes(case, tmp_path, monkeypatch):
    import threading

    from PIL import Image

    from app.core.read import engine

    for i in range(3):
        Image.new("RGB", (300, 300), (i * 60, 0, 0)).save(tmp_path / f"{i}.png")
    list(Importer(case, via="cli").import_paths([str(tmp_path / f"{i}.png") for i in range(3)]))
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_PROCESS", "0")   # a fake engine: read in this process
    monkeypatch.setattr(engine.Engine, "read_image", lambda self, image, page=0: [])
    stop = threading.Event()
    seen = []

    def on_progress(p):
        seen.append(p.done)
        if p.done == 1:
            stop.set()
    read_case(case, on_progress, stop)
    assert reader.counts(case) == (1, 3)
    assert read_case(case).done == 3 and reader.pending(case) == []


def test_migration_keeps_user_names(tmp_path):
    """A case from before reading: a name the user typed is the user's, an import-made one is not."""
    import sqlite3

    from app.core import store

    root = tmp_path / "old"
    root.mkdir()
    conn = sqlite3.connect(root / "case.sqlite")
    mine = next(n for n, path in store.migrations() if path.name.endswith("_read.sql"))
    for number, path in store.migrations():       # the schema as it was before this migration
        if number < mine:
            for statement in store._split_sql(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO case_info (id, title, created_at, updated_at) VALUES (1, '旧案件', 'x', 'x')")
    base = ("INSERT INTO exhibits (number, sha256, ext, size, kind, category, name, original_name, status, created_at, "
            "purpose) VALUES (?, ?, 'png', 1, 'screenshot', 'other', ?, ?, 'ok', '2025-01-01', ?)")
    conn.execute(base, [1, "a" * 64, "截图 2025-03-05 14:33", "Screenshot_20250305-143300.png", None])
    conn.execute(base, [2, "b" * 64, "商家的拒绝回复", "IMG_1.png", None])
    conn.execute(base, [3, "c" * 64, "发货清单", "发货清单.png", "证明发货"])
    conn.execute("INSERT INTO events (type, title, created_at) VALUES ('下单', '下单', '2025-01-01')")
    conn.commit()
    conn.close()
    with Case.open(root) as case:
        assert case.db.execute("PRAGMA user_version").fetchone()[0] == store.schema_version()
        users = {r["number"]: json.loads(r["user_fields"] or "[]") for r in case.db.query("SELECT * FROM exhibits")}
        assert users == {1: [], 2: ["name"], 3: ["purpose"]}
        assert [r[0] for r in case.db.execute("SELECT status FROM events")] == ["confirmed"]
        assert search(case, "拒绝回复")


def _static_video(path, frames):
    import av
    import numpy as np

    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        for value in frames:
            frame = av.VideoFrame.from_ndarray(np.full((240, 320, 3), value, dtype=np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def test_screen_recording_reads_key_frames_once_each(case, tmp_path, monkeypatch):
    """A recording that holds one page for seconds is read once per distinct page, not per frame."""
    from app.core.read import engine

    _static_video(tmp_path / "VID_20250305_101010.mp4", [40] * 30 + [220] * 30)   # two pages, 3 s each
    list(Importer(case, via="cli").import_paths([str(tmp_path / "VID_20250305_101010.mp4")]))
    calls = []

    def fake(self, image, page=0):
        calls.append(page)
        return [Line(f"订单编号 30802519476281035946 第{page}帧", (0, 0, 100, 20), 0.9, page)]
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_PROCESS", "0")   # a fake engine: read in this process
    monkeypatch.setattr(engine.Engine, "read_image", fake)
    read_case(case)
    row = case.exhibits()[0]
    assert row["read_status"] == "done" and len(calls) == 2, calls
    assert json.loads(row["facts_json"])["order_numbers"][0]["value"] == "30802519476281035946"


def test_pdf_text_layer_and_scanned_pages(case, tmp_path, monkeypatch):
    """Text pages are read from their text layer (no OCR); a page that is only a picture goes to OCR."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from app.core.read import engine

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(ImageReader(Image.new("RGB", (600, 800), (250, 250, 250))), 50, 50, 500, 700)
    c.showPage()
    c.save()
    (tmp_path / "invoice.pdf").write_bytes(screens.invoice_pdf()[0])
    list(Importer(case, via="cli").import_paths([str(tmp_path / "scan.pdf"), str(tmp_path / "invoice.pdf")]))
    calls = []

    def fake(self, image, page=0):
        calls.append((page, image.size))
        return [Line("投诉编号 1100202503110094127", (0, 0, 100, 20), 0.9, page)]
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_PROCESS", "0")   # a fake engine: read in this process
    monkeypatch.setattr(engine.Engine, "read_image", fake)
    read_case(case)
    rows = {r["original_name"]: r for r in case.exhibits()}
    assert calls == [(1, (600, 800))]                 # only the scanned page, its picture at full size
    scan = json.loads(rows["scan.pdf"]["facts_json"])
    assert scan["complaint_numbers"][0]["value"] == "1100202503110094127"
    invoice = json.loads(rows["invoice.pdf"]["facts_json"])
    assert invoice["amounts"][0]["value"] == "259.00" and invoice["screen"] == "invoice"
    assert invoice["order_numbers"][0]["box"] is None   # text-layer facts carry no box


def test_an_invoice_is_dated_by_its_issue_date_not_its_pdf_file(read_case_copy):
    """The rendered e-invoice PDF was made today (its CreationDate); it says 开票日期 2025年04月11日: the
    exhibit's time becomes the issue date (source: printed in the evidence), sealed so verify stays clean;
    a time the user set is never replaced."""
    from datetime import datetime

    from app.core.verify import verify_case

    case = read_case_copy
    invoice = next(r for r in case.exhibits() if r["original_name"].startswith("dzfp_"))
    assert invoice["captured_at_source"] == "content"
    assert datetime.fromisoformat(invoice["captured_at"]).date().isoformat() == "2025-04-11"
    assert verify_case(case).ok
    edit.update_exhibit(case, invoice["id"], captured_at="2025-05-01T10:00:00+08:00")
    with case.db.atomic():
        suggest.apply(case, invoice["id"])
    again = next(r for r in case.exhibits() if r["id"] == invoice["id"])
    assert again["captured_at"] == "2025-05-01T10:00:00+08:00" and again["captured_at_source"] == "manual"
