"""Redaction: personal data found in OCR lines, boxes stored once, pixels replaced solid."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from PIL import Image

from app.core.export import redact


@dataclass
class L:
    text: str
    box: tuple
    conf: float = 0.99
    page: int = 0


@pytest.mark.parametrize("text, kind, secret", [
    ("收货人：王小明 13812345678", "mobile", "13812345678"),
    ("王小明 138 1234 5678", "mobile", "138 1234 5678"),
    ("联系电话 +86-13912345678", "mobile", "+86-13912345678"),
    ("座机：0571-88886666", "landline", "0571-88886666"),
    ("身份证号 110101199003071234", "id_card", "110101199003071234"),
    ("身份证 11010119900307123X", "id_card", "11010119900307123X"),
    ("银行卡 6222 0212 3456 7890 128", "bank_card", "6222 0212 3456 7890 128"),
    ("收货地址：浙江省杭州市西湖区文三路123号4幢501室", "address", "浙江省杭州市西湖区文三路123号4幢501室"),
    ("广东省佛山市顺德区北滘镇工业大道18号", "address", "广东省佛山市顺德区北滘镇工业大道18号"),
    ("收货人：王小明", "name", "王小明"),
    ("王小明 138****5678", "name", "王小明"),
])
def test_personal_data_is_found(text, kind, secret):
    spans = redact.find_spans(text)
    found = {(k, text[s:e]) for k, s, e in spans}
    assert (kind, secret) in found, spans


def test_order_number_is_half_masked_and_trade_numbers_are_not_cards():
    text = "订单编号：312345678905946"
    spans = redact.find_spans(text)
    assert [k for k, *_ in spans] == ["order_number"]
    _, s, e = spans[0]
    number = "312345678905946"
    assert e - s == len(number) - 2 * (len(number) // 4)
    assert text[:s].endswith(number[:len(number) // 4]) and text[e:] == number[-(len(number) // 4):]
    # a payment's numbers name the purchase too: half-masked, never taken for a bank card
    text = "交易单号 4200001234202503051234567890"
    number = "4200001234202503051234567890"
    assert [(k, text[a:b]) for k, a, b in redact.find_spans(text)] == [("trade_number", number[7:21])]


def test_the_cases_order_number_is_half_masked_without_a_label():
    text = "商品 京东订单-30802519476281035946"
    spans = redact.find_spans(text)
    assert [(k, text[a:b]) for k, a, b in spans] == [("order_number", "30802519476281035946"[5:15])]
    text = "已为您查到 30802519476281035946 的物流"
    assert redact.find_spans(text) == []
    assert [(k, text[a:b]) for k, a, b in redact.find_spans(text, numbers=("30802519476281035946",))] == \
        [("order_number", "30802519476281035946"[5:15])]


def test_nothing_on_ordinary_words_or_merchant_hotlines_names():
    for text in ("商品已拆封影响二次销售，不予退货", "实付款 ¥399.00", "京东客服 您好", "2025-03-05 14:30:12"):
        assert redact.find_spans(text) == [], text


def test_claimant_name_anywhere():
    spans = redact.find_spans("我是张三，要求退货", names=("张三",))
    assert [("name", "张三")] == [(k, "我是张三，要求退货"[s:e]) for k, s, e in spans]


def test_address_on_the_line_below_its_label():
    lines = [L("收货地址", (40, 100, 200, 140)), L("上海市浦东新区世纪大道100号", (40, 150, 600, 190))]
    areas = redact.find(lines, 1080, 2400)
    assert [a.kind for a in areas] == ["address"]


def test_span_box_covers_the_digits_and_paint_is_uniform():
    line = L("收货人：王小明 13812345678", (100, 200, 700, 240))
    areas = redact.find([line], 1000, 1000)
    kinds = {a.kind for a in areas}
    assert kinds == {"name", "mobile"}
    mobile = next(a for a in areas if a.kind == "mobile")
    x0, y0, x1, y1 = mobile.box
    assert 0.3 < x0 < 0.6 and 0.69 < x1 <= 0.72 and y0 < 0.2 and y1 > 0.24
    im = Image.effect_noise((1000, 1000), 100).convert("RGB")
    before = im.tobytes()
    out = redact.paint(im, areas)
    crop = out.crop((int(x0 * 1000) + 1, int(y0 * 1000) + 1, int(x1 * 1000) - 1, int(y1 * 1000) - 1))
    assert set(crop.get_flattened_data()) == {redact.FILL}
    # The original is untouched: all of it, not one sampled pixel (noise can be black there by chance).
    assert im.tobytes() == before and out.tobytes() != before


def test_stored_areas_are_proposed_once_and_user_edits_stick(case, importer, tmp_path):
    from tests.conftest import make_image

    make_image(tmp_path / "a.png", size=(200, 400))
    list(importer.import_paths([str(tmp_path / "a.png")]))
    eid = case.exhibits()[0]["id"]
    auto = [redact.Area("mobile", (0.1, 0.1, 0.5, 0.2), "13812345678")]
    areas = redact.propose(case, eid, auto)
    assert len(areas) == 1 and areas[0].origin == "auto"
    redact.remove(case, areas[0].id)
    assert redact.propose(case, eid, auto) == []        # removed stays removed
    new = redact.add(case, eid, (0.2, 0.3, 0.4, 0.35))
    redact.move(case, new, (0.25, 0.3, 0.45, 0.36))
    (only,) = redact.stored(case, eid)
    assert only.origin == "user" and only.box == (0.25, 0.3, 0.45, 0.36)
    with pytest.raises(ValueError):
        redact.add(case, eid, (0.5, 0.5, 0.5, 0.6))


def test_label_and_value_read_as_two_boxes_on_one_row():
    # OCR often returns a label and its value as separate boxes; they are one row.
    lines = [L("订单编号", (40, 500, 160, 530)), L("30802519476281035946", (220, 498, 620, 532)),
             L("收货人", (40, 600, 130, 630)), L("李雷 13912345678", (220, 600, 560, 630))]
    areas = redact.find(lines, 1080, 2400)
    kinds = sorted(a.kind for a in areas)
    assert kinds == ["mobile", "name", "order_number"]
    order = next(a for a in areas if a.kind == "order_number")
    assert order.box[0] * 1080 > 220 and order.box[2] * 1080 < 620       # inside the value's box, half of it
    assert order.text == "30802519476281035946"[5:15]


def test_desktop_page_columns_headings_and_waybills_are_not_personal_data():
    # A desktop order page: three columns on one row, a 收货人信息 heading, a waybill with a 0 in it.
    lines = [L("收货人信息", (100, 300, 220, 320)), L("配送信息", (500, 300, 580, 320)),
             L("地址：上海市浦东新区张江镇芳春路1288弄5号", (100, 400, 400, 420)),
             L("运单号：JDX019283746501", (500, 400, 700, 420)), L("下单时间：2025-03-02 10:15:26", (800, 400, 1000, 420))]
    areas = redact.find(lines, 1200, 800)
    # the waybill is no landline, but anyone can look it up: half-masked like the order number
    assert sorted((a.kind, a.text) for a in areas) == [("address", "上海市浦东新区张江镇芳春路1288弄5号"),
                                                       ("waybill", "019283746")]
    areas = [a for a in areas if a.kind == "address"]
    assert areas[0].box[2] * 1200 < 410     # its own box and padding, not the next column at 500


def test_address_value_in_its_own_box_after_the_label_box():
    lines = [L("收货地址：", (40, 400, 200, 440)), L("浙江省杭州市西湖区文三路123号", (220, 400, 700, 440)),
             L("修改", (900, 400, 960, 440))]
    areas = redact.find(lines, 1080, 2400)
    assert [(a.kind, a.text) for a in areas] == [("address", "浙江省杭州市西湖区文三路123号")]


def test_an_address_wrapped_onto_the_next_row_is_hidden_to_its_end():
    lines = [L("李晓燕 13957124680", (60, 600, 560, 642)),
             L("浙江省杭州市西湖区文三路478号华星时代广场3幢1702", (60, 660, 1000, 696)),
             L("室", (60, 736, 96, 772)), L("九阳官方旗舰店 >", (60, 900, 400, 940))]
    areas = redact.find(lines, 1080, 2400)
    assert ("address", "室") in [(a.kind, a.text) for a in areas]
    assert not any("九阳" in a.text for a in areas)
    # a row under an address that is no address (a price, a label of its own) is left alone
    lines[2] = L("运费：¥0.00", (60, 736, 300, 772))
    assert [a.kind for a in redact.find(lines, 1080, 2400)].count("address") == 1


@pytest.mark.parametrize("text, secret", [("你好，jd_zhangwei2019 我的订单", "jd_zhangwei2019"),
                                          ("用户名：tb_lili88", "tb_lili88"), ("Hi, xiaoyan_li", "xiaoyan_li")])
def test_account_names_are_found(text, secret):
    assert [("account", secret)] == [(k, text[a:b]) for k, a, b in redact.find_spans(text)]


def test_a_chat_greeting_is_no_account():
    assert redact.find_spans("亲，您好，看了您的图片") == [] and redact.find_spans("您好，请问还在吗") == []


def test_half_masks_end_between_two_digits_not_through_one():
    from PIL import ImageDraw

    from app.core.export.imaging import font

    im = Image.new("RGB", (1080, 200), "white")
    text = "订单编号 30802519476281035946"
    ImageDraw.Draw(im).text((40, 60), text, fill="black", font=font(44))
    box = ImageDraw.Draw(im).textbbox((40, 60), text, font=font(44))
    line = L(text, box)
    (plain,) = redact.find([line], 1080, 200)
    (snapped,) = redact.find([line], 1080, 200, image=im)
    assert plain.kind == snapped.kind == "order_number"
    grey = im.convert("L")
    for x in (snapped.box[0], snapped.box[2]):
        col = [grey.getpixel((int(round(x * 1080)), y)) for y in range(box[1], box[3])]
        assert min(col) > 200, f"the edge at {x * 1080:.0f} px runs through a digit"
    assert abs(snapped.box[0] - plain.box[0]) * 1080 < 20          # moved to the gap, not elsewhere
