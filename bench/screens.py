"""App-like screenshots rendered with Pillow and the bundled CJK font, with the facts they show.

Used by the tests (one of each layout, fixed values) and by bench/ocr.py (many, with random values).
Layouts follow what the apps print: JD / Taobao / Pinduoduo / Douyin order pages, WeChat and Alipay
payment records, a refusal chat, a logistics page, a JD after-sales page, a 12315 receipt, a long
chat (taller than two screens), an e-invoice PDF with a text layer, and a photo without any text.
Each builder returns (image or PDF bytes, truth) where truth holds the facts a reader must find and
`text`, the characters drawn (for character accuracy).
"""
from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"
W, H = 1080, 2400
GREY, BLACK, RED, WHITE, BG = (150, 150, 150), (25, 25, 25), (226, 35, 26), (255, 255, 255), (242, 242, 242)

_fonts: dict[int, ImageFont.FreeTypeFont] = {}


def font(size: int) -> ImageFont.FreeTypeFont:
    if size not in _fonts:
        _fonts[size] = ImageFont.truetype(str(FONT), size)
    return _fonts[size]


@dataclass
class Screen:
    width: int = W
    height: int = H
    bg: tuple = BG
    y: int = 0
    drawn: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.image = Image.new("RGB", (self.width, self.height), self.bg)
        self.draw = ImageDraw.Draw(self.image)

    def text(self, x, y, s, size=40, fill=BLACK, anchor="la"):
        self.draw.text((x, y), s, font=font(size), fill=fill, anchor=anchor)
        self.drawn.append(s)

    def status_bar(self, clock="14:31"):
        self.text(48, 30, clock, 36)
        self.text(self.width - 200, 30, "5G 76%", 32)
        self.y = 110

    def title(self, s, back=True):
        self.draw.rectangle([0, self.y - 10, self.width, self.y + 110], fill=WHITE)
        self.text(self.width // 2, self.y + 50, s, 48, anchor="mm")
        self.y += 140

    def card(self, rows: int, pad=30):
        """Start a white card tall enough for `rows` rows; returns its top."""
        top = self.y
        self.draw.rounded_rectangle([24, top, self.width - 24, top + pad * 2 + rows * 92], 24, fill=WHITE)
        self.y = top + pad
        return top

    def gap(self, n=40):
        self.y += n

    def kv(self, label, value, value_fill=BLACK, value_x=330, size=40):
        self.text(60, self.y + 20, label, size, GREY)
        if value_x is None:
            self.text(self.width - 60, self.y + 20, value, size, value_fill, anchor="ra")
        else:
            self.text(value_x, self.y + 20, value, size, value_fill)
        self.y += 92

    def line(self, s, size=40, fill=BLACK, x=60):
        self.text(x, self.y + 20, s, size, fill)
        self.y += int(size * 2.1)

    def para(self, s, size=40, fill=BLACK, x=60, width=None):
        width = width or self.width - 2 * x
        for part in wrap(s, size, width):
            self.line(part, size, fill, x)

    def bubble(self, s, me=False, size=42):
        width = 700
        parts = wrap(s, size, width - 60)
        h = len(parts) * int(size * 1.55) + 50
        if me:
            x0 = self.width - 150 - width
            self.draw.rounded_rectangle([x0, self.y, self.width - 150, self.y + h], 20, fill=(149, 236, 105))
            self.draw.ellipse([self.width - 130, self.y, self.width - 40, self.y + 90], fill=(90, 140, 220))
        else:
            x0 = 150
            self.draw.rounded_rectangle([x0, self.y, x0 + width, self.y + h], 20, fill=WHITE)
            self.draw.ellipse([40, self.y, 130, self.y + 90], fill=(240, 120, 60))
        ty = self.y + 25
        for part in parts:
            self.text(x0 + 30, ty, part, size)
            ty += int(size * 1.55)
        self.y += h + 40

    def centre(self, s, size=34, fill=GREY):
        self.text(self.width // 2, self.y + 20, s, size, fill, anchor="mt")
        self.y += int(size * 2.2)

    def buttons(self, labels):
        self.draw.rectangle([0, self.height - 150, self.width, self.height], fill=WHITE)
        step = self.width // (len(labels) + 1)
        for i, label in enumerate(labels, 1):
            self.text(step * i, self.height - 75, label, 38, anchor="mm")

    def result(self):
        return self.image, "\n".join(self.drawn)


def wrap(s: str, size: int, width: int) -> list[str]:
    f = font(size)
    parts, current = [], ""
    for ch in s:
        if f.getlength(current + ch) > width:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return parts


def money(rng: random.Random) -> str:
    return f"{rng.randint(19, 2999)}.{rng.choice(['00', '90', '50', '99', '80'])}"


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def stamp(rng: random.Random, year=2025) -> tuple[str, str]:
    """('2025-03-02 10:15:26', ISO) on a random day."""
    m, d, hh, mm, ss = rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59)
    text = f"{year}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{ss:02d}"
    return text, f"{year}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}+08:00"


SHOPS = ["禾丰小家电旗舰店", "九阳官方旗舰店", "美的生活电器专卖店", "优品家居专营店", "小鹿生活小店", "苏泊尔京东自营旗舰店",
         "绿源母婴用品专营店", "极客数码官方旗舰店"]
PRODUCTS = ["禾丰（HEFENG）电饭煲4L 家用智能预约", "九阳破壁机 家用多功能料理机", "美的电压力锅5L 双胆",
            "不锈钢保温杯 500ml", "儿童电动牙刷 软毛", "蓝牙耳机 降噪 长续航", "空气炸锅 大容量 无油"]


# ----- order pages -------------------------------------------------------------------------------------

def order_page(platform: str, rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(1)
    shop = over.get("shop") or rng.choice(SHOPS)
    amount = over.get("amount") or money(rng)
    ordered, ordered_iso = over.get("ordered") or stamp(rng)
    paid_text = ordered[:-2] + f"{min(59, int(ordered[-2:]) + 22):02d}"
    paid_iso = ordered_iso[:17] + paid_text[-2:] + "+08:00"
    if platform == "jd":
        number = over.get("number") or digits(rng, rng.choice([12, 14, 20]))
    elif platform == "taobao":
        number = over.get("number") or digits(rng, 19)
    elif platform == "pdd":
        number = over.get("number") or f"{ordered[2:4]}{ordered[5:7]}{ordered[8:10]}-{digits(rng, 15)}"
    else:
        number = over.get("number") or "69" + digits(rng, 17)
    s = Screen()
    s.status_bar(over.get("clock", "14:31"))
    s.title("订单详情")
    head = {"jd": "已完成", "taobao": "交易成功", "pdd": "已签收", "douyin": "已完成"}[platform]
    s.line(head, 52, BLACK)
    s.line({"jd": "感谢您在京东购物，欢迎您再次光临！", "taobao": "天猫承诺 淘宝网 交易已完成", "pdd": "拼多多 百亿补贴 全场包邮",
            "douyin": "抖音商城 放心购 极速退"}[platform], 34, GREY)
    s.gap()
    receiver = over.get("receiver")          # (name, phone, address): the card every order page shows
    if receiver:
        name, phone, address = receiver
        s.card(2)
        s.text(60, s.y + 20, f"{name}  {phone}", 42)
        s.y += 92
        s.para(address, 36, GREY)
        s.gap(50)
    s.card(4)
    s.line(f"{shop} >", 40)
    product = over.get("product") or rng.choice(PRODUCTS)
    s.text(60, s.y + 20, product, 38)
    s.text(W - 60, s.y + 20, f"¥{amount}", 38, anchor="ra")
    s.y += 92
    s.line("×1  颜色：白色", 34, GREY)
    s.gap(80)
    s.card(3)
    s.kv("商品总额", f"¥{amount}", value_x=None)
    s.kv("运费", "¥0.00", value_x=None)
    s.kv("实付款" if platform != "pdd" else "实付", f"¥{amount}", RED, value_x=None)
    s.gap(80)
    s.card(5)
    label_time = {"jd": "下单时间", "taobao": "创建时间", "pdd": "下单时间", "douyin": "下单时间"}[platform]
    shown_ordered = ordered if platform != "douyin" else ordered.replace("-", "/")
    s.kv("订单编号", number)
    s.kv(label_time, shown_ordered)
    s.kv("付款时间" if platform != "jd" else "支付时间", paid_text if platform != "douyin" else paid_text.replace("-", "/"))
    s.kv("支付方式", {"jd": "微信支付", "taobao": "支付宝", "pdd": "多多支付", "douyin": "抖音支付"}[platform])
    s.kv("配送方式", {"jd": "京东快递", "taobao": "快递 免邮", "pdd": "快递", "douyin": "快递"}[platform])
    s.buttons(["联系客服", "申请售后", "再次购买"])
    image, text = s.result()
    truth = {"platform": platform, "order_numbers": [number], "amounts": [amount], "merchants": [shop],
             **({"receiver": list(receiver)} if receiver else {}),
             "datetimes": [ordered_iso, paid_iso], "screen": "order",
             "events": {"下单": ordered_iso, "付款": paid_iso}, "text": text}
    return image, truth


def wechat_payment(rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(2)
    amount = over.get("amount") or money(rng)
    paid, paid_iso = over.get("paid") or stamp(rng)
    y, m, d = int(paid[:4]), int(paid[5:7]), int(paid[8:10])
    trade = "42000" + digits(rng, 23)
    merchant_no = digits(rng, 20)
    order = digits(rng, 12)
    s = Screen(bg=WHITE)
    s.status_bar("15:02")
    s.gap(60)
    s.centre("京东商城平台商户", 40, BLACK)
    s.centre(f"-{amount}", 90, BLACK)
    s.gap(60)
    s.kv("当前状态", "支付成功")
    s.kv("支付时间", f"{y}年{m}月{d}日 {paid[11:]}")
    s.kv("商品", f"京东订单-{order}")
    s.kv("商户全称", "北京京东世纪贸易有限公司")
    s.kv("收单机构", "财付通支付科技有限公司")
    s.kv("支付方式", "招商银行信用卡(8842)")
    s.kv("交易单号", trade)
    s.kv("商户单号", merchant_no)
    s.gap(60)
    s.centre("本服务由财付通提供")
    image, text = s.result()
    truth = {"platform": "jd", "amounts": [amount], "datetimes": [paid_iso], "trade_numbers": [trade, merchant_no],
             "order_numbers": [order],
             "merchants": ["北京京东世纪贸易有限公司"], "screen": "payment", "events": {"付款": paid_iso}, "text": text}
    return image, truth


def alipay_payment(rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(3)
    amount = over.get("amount") or money(rng)
    paid, paid_iso = over.get("paid") or stamp(rng)
    trade = paid[:4] + paid[5:7] + paid[8:10] + "2200" + digits(rng, 16)
    order = over.get("order") or f"{paid[2:4]}{paid[5:7]}{paid[8:10]}-{digits(rng, 15)}"
    s = Screen(bg=WHITE)
    s.status_bar("09:12")
    s.title("账单详情")
    s.centre("拼多多平台商户", 40, BLACK)
    s.centre(f"-{amount}", 90, BLACK)
    s.centre("交易成功", 40, BLACK)
    s.gap(40)
    s.kv("支付时间", paid)
    s.kv("付款方式", "余额宝")
    s.kv("商品说明", "拼多多订单")
    s.kv("收款方全称", "上海寻梦信息技术有限公司", value_x=330, size=38)
    s.kv("订单号", trade, size=38)
    s.kv("商家订单号", order, size=38)
    s.centre("支付宝 · 账单服务")
    image, text = s.result()
    truth = {"platform": "pdd", "amounts": [amount], "datetimes": [paid_iso], "trade_numbers": [trade],
             "order_numbers": [order], "merchants": ["上海寻梦信息技术有限公司"], "screen": "payment",
             "events": {"付款": paid_iso}, "text": text}
    return image, truth


# ----- after-sales, refusal, logistics, complaint ---------------------------------------------------------

def refusal_chat(rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(4)
    shop = over.get("shop") or "九阳官方旗舰店"
    when, when_iso = over.get("when") or ("2025-04-15 10:22", "2025-04-15T10:22:00+08:00")
    s = Screen()
    s.status_bar("10:31")
    s.title(shop)
    s.centre("淘宝 旺旺 · 客服小九为您服务")
    s.centre(when)
    s.bubble("你好，破壁机用了一次就有焦味，电机不转了，我要退货退款。", me=True)
    s.bubble("亲，您好，您的商品已经使用过了，不符合七天无理由退货条件，不予退货哦。")
    s.bubble("这是质量问题，不是无理由退货。", me=True)
    s.bubble("亲，人为使用造成的损坏不在保修范围内，建议您联系售后网点检测。")
    s.draw.rectangle([0, H - 140, W, H], fill=WHITE)
    s.text(60, H - 100, "请输入消息", 38, GREY)
    image, text = s.result()
    truth = {"platform": "taobao", "merchants": [shop], "datetimes": [when_iso], "screen": "refusal",
             "refusal_reasons": ["不符合七天无理由退货条件"], "events": {"商家拒绝": when_iso}, "text": text}
    return image, truth


def aftersales_page(rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(5)
    service = digits(rng, 10)
    order = digits(rng, 12)
    applied, applied_iso = over.get("applied") or ("2025-03-05 14:40:17", "2025-03-05T14:40:17+08:00")
    s = Screen()
    s.status_bar("14:45")
    s.title("售后详情")
    s.line("退货退款申请已提交", 50)
    s.line("请耐心等待商家审核，商家将在48小时内处理", 34, GREY)
    s.gap()
    s.card(5)
    s.kv("服务单号", service)
    s.kv("订单编号", order)
    s.kv("申请时间", applied)
    s.kv("申请原因", "质量问题：内胆涂层脱落")
    s.kv("退款金额", "¥399.00", RED)
    s.buttons(["联系商家", "撤销申请"])
    image, text = s.result()
    truth = {"service_numbers": [service], "order_numbers": [order], "amounts": ["399.00"],
             "datetimes": [applied_iso], "screen": "aftersales", "events": {"申请售后": applied_iso}, "text": text}
    return image, truth


def logistics_page(rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(6)
    waybill = "SF" + digits(rng, 13)
    signed, signed_iso = over.get("signed") or ("2025-04-12 15:20:08", "2025-04-12T15:20:08+08:00")
    s = Screen()
    s.status_bar("16:02")
    s.title("物流详情")
    s.line("顺丰速运", 44)
    s.kv("运单号", waybill, value_x=260)
    s.gap()
    steps = [("已签收", "您的快件已签收，签收人：本人。感谢使用顺丰，期待再次为您服务。", signed),
             ("派送中", "快件正在派送途中，派送员电话：13912345678", "2025-04-12 09:11:42"),
             ("运输中", "快件已到达【杭州西湖集散中心】", "2025-04-11 22:35:10"),
             ("已揽件", "顺丰速运 已收取快件", "2025-04-11 18:02:55")]
    for head, body, at in steps:
        s.line(head, 42)
        s.para(body, 36, GREY, x=100)
        s.line(at, 34, GREY, x=100)
        s.gap(20)
    image, text = s.result()
    truth = {"waybills": [waybill], "phones": ["13912345678"], "screen": "logistics",
             "datetimes": [signed_iso, "2025-04-12T09:11:42+08:00", "2025-04-11T22:35:10+08:00",
                           "2025-04-11T18:02:55+08:00"],
             "events": {"签收": signed_iso}, "text": text}
    return image, truth


def complaint_receipt(rng: random.Random | None = None, **over) -> tuple[Image.Image, dict]:
    rng = rng or random.Random(7)
    number = "1100" + digits(rng, 15)
    submitted, submitted_iso = over.get("submitted") or ("2025-04-20 09:28:47", "2025-04-20T09:28:47+08:00")
    s = Screen(bg=WHITE)
    s.status_bar("09:30")
    s.title("全国12315平台")
    s.line("您的投诉已提交成功！", 50)
    s.para("请牢记投诉编号，可凭编号在“进度查询”中查看处理进展。", 36, GREY)
    s.gap()
    s.kv("投诉编号", number, value_x=300)
    s.kv("提交时间", submitted, value_x=300)
    s.kv("被投诉方", "杭州九阳小家电有限公司", value_x=300)
    s.kv("涉及金额", "¥259.00", value_x=300)
    s.kv("处理状态", "待受理", value_x=300)
    s.para("投诉事由：破壁机使用一次后电机损坏，商家以“已使用，不予退货”为由拒绝退货。", 38)
    image, text = s.result()
    truth = {"complaint_numbers": [number], "datetimes": [submitted_iso], "merchants": ["杭州九阳小家电有限公司"],
             "amounts": ["259.00"], "refusal_reasons": ["已使用，不予退货"], "screen": "complaint",
             "events": {"12315投诉": submitted_iso}, "text": text}
    return image, truth


def long_chat(rng: random.Random | None = None, height: int = 5400) -> tuple[Image.Image, dict]:
    """A chat taller than two screens (read in tiles): the order card sits near the first tile seam."""
    rng = rng or random.Random(8)
    number = f"250512-{digits(rng, 15)}"
    s = Screen(height=height)
    s.status_bar("21:40")
    s.title("优品家居专营店")
    s.centre("拼多多 · 商家客服")
    s.centre("2025-05-20 19:03")
    lines = ["收到的收纳柜门板开裂了，可以退吗？", "亲，麻烦提供一下照片哦", "照片已经发给你了，第二张能看到裂缝。",
             "亲，我们核实一下", "已经三天了，请尽快处理。", "亲，这个需要您自己联系快递寄回",
             "运费谁出？是质量问题。", "亲，运费需要您先垫付", "那你们先同意退货退款申请。", "亲，正在为您申请中",
             "好的，我等你们答复。"]
    i = 0
    while s.y < 2000:
        s.bubble(lines[i % len(lines)], me=i % 2 == 0)
        i += 1
    s.bubble(f"订单编号：{number}", me=True, size=34)
    while s.y < height - 900:
        s.bubble(lines[i % len(lines)], me=i % 2 == 0)
        i += 1
    s.centre("2025-05-21 09:15")
    s.bubble("亲，经核实属于人为损坏，非质量问题，不予退货退款。")
    s.bubble("我会投诉到平台和12315。", me=True)
    image, text = s.result()
    truth = {"platform": "pdd", "order_numbers": [number], "refusal_reasons": ["人为损坏，非质量问题，不予退货退款"],
             "screen": "refusal", "events": {"商家拒绝": "2025-05-21T09:15:00+08:00"}, "text": text,
             "unique": "我会投诉到平台和12315。"}
    return image, truth


def photo(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """A photo of a rice cooker on a kitchen counter: shapes, shading and noise, no text at all."""
    rng = rng or random.Random(9)
    im = Image.new("RGB", (2000, 1500), (196, 170, 140))
    d = ImageDraw.Draw(im)
    for y in range(0, 1500, 6):
        shade = 180 + int(30 * y / 1500)
        d.line([(0, y), (2000, y)], fill=(shade, shade - 25, shade - 55), width=6)
    d.rectangle([0, 1050, 2000, 1500], fill=(120, 110, 100))
    d.ellipse([600, 380, 1400, 1150], fill=(235, 235, 230), outline=(160, 160, 160), width=8)
    d.rounded_rectangle([620, 700, 1380, 1120], 60, fill=(225, 225, 220))
    d.ellipse([780, 320, 1220, 520], fill=(90, 90, 95))
    d.rounded_rectangle([900, 820, 1100, 920], 20, fill=(40, 40, 45))
    d.ellipse([985, 845, 1015, 875], fill=(60, 200, 90))
    for _ in range(400):
        x, y = rng.randint(0, 1999), rng.randint(0, 1499)
        d.point((x, y), fill=(rng.randint(0, 255),) * 3)
    im = im.filter(ImageFilter.GaussianBlur(1.5))
    return im, {"text": "", "screen": None}


# ----- e-invoice PDF with a text layer --------------------------------------------------------------------

def invoice_pdf(**over) -> tuple[bytes, dict]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    try:
        pdfmetrics.getFont("WQY")
    except KeyError:
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    seller = over.get("seller", "杭州九阳小家电有限公司")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    c.setFont("WQY", 20)
    c.drawString(300, 540, "电子发票（普通发票）")
    c.setFont("WQY", 11)
    rows = [(560, 500, "发票号码：25332000000012345678"), (560, 480, "开票日期：2025年04月11日"),
            (60, 440, "购买方信息  名称：李娜"), (430, 440, f"销售方信息  名称：{seller}"),
            (430, 420, "统一社会信用代码/纳税人识别号：91330100MA2H123456"),
            (60, 380, "项目名称  规格型号  单位  数量  单价  金额  税率/征收率  税额"),
            (60, 360, "*家用电器*九阳破壁机  L18-P393  台  1  229.20  229.20  13%  29.80"),
            (60, 330, "合计  ¥229.20  ¥29.80"), (60, 300, "价税合计（大写）  贰佰伍拾玖圆整"),
            (430, 300, "（小写）¥259.00"), (60, 270, "备注：淘宝订单号：4012345678901234567  店铺：九阳官方旗舰店"),
            (60, 240, "开票人：王芳")]
    for x, y, s in rows:
        c.drawString(x, y, s)
    c.save()
    truth = {"platform": "taobao", "order_numbers": ["4012345678901234567"], "amounts": ["259.00"],
             "merchants": [seller, "九阳官方旗舰店"], "dates": ["2025-04-11"], "screen": "invoice",
             "text": "\n".join(r[2] for r in rows)}
    return buf.getvalue(), truth


# ----- a test set and a bench set ---------------------------------------------------------------------------

def test_set() -> dict[str, tuple]:
    """name -> (image or PDF bytes, truth), one of each layout, fixed values; file names as phones write them."""
    return {
        "Screenshot_20250302-101600_com.jingdong.app.mall.png": order_page("jd", random.Random(11), shop="禾丰小家电旗舰店",
                                                                          amount="399.00", number="30802519476281035946",
                                                                          ordered=("2025-03-02 10:15:26",
                                                                                   "2025-03-02T10:15:26+08:00")),
        "Screenshot_20250410-203300.png": order_page("taobao", random.Random(12), shop="九阳官方旗舰店", amount="259.00",
                                                     number="4012345678901234567",
                                                     ordered=("2025-04-10 20:31:07", "2025-04-10T20:31:07+08:00")),
        "Screenshot_20250512-140500.png": order_page("pdd", random.Random(13), shop="优品家居专营店", amount="89.90",
                                                     ordered=("2025-05-12 14:02:33", "2025-05-12T14:02:33+08:00")),
        "Screenshot_20250618-210800.png": order_page("douyin", random.Random(14), shop="小鹿生活小店", amount="128.00",
                                                     ordered=("2025-06-18 21:05:27", "2025-06-18T21:05:27+08:00")),
        "Screenshot_20250410_203500_com.tencent.mm.png": wechat_payment(random.Random(15), amount="259.00",
                                                                        paid=("2025-04-10 20:31:29",
                                                                              "2025-04-10T20:31:29+08:00")),
        "Screenshot_20250512-140800.png": alipay_payment(random.Random(16), amount="89.90",
                                                         paid=("2025-05-12 14:02:55", "2025-05-12T14:02:55+08:00")),
        "Screenshot_20250415-103100.png": refusal_chat(random.Random(17)),
        "Screenshot_20250305-144500.png": aftersales_page(random.Random(18)),
        "Screenshot_20250412-160200.png": logistics_page(random.Random(19)),
        "Screenshot_20250420-093000.png": complaint_receipt(random.Random(20)),
        "Screenshot_20250521-214000.png": long_chat(random.Random(21)),
        "IMG_20250413_190211.jpg": photo(random.Random(22)),
        "dzfp_25332000000012345678_杭州九阳小家电有限公司.pdf": invoice_pdf(),
    }


def bench_set(n: int = 50, seed: int = 7) -> list[tuple[Image.Image, dict]]:
    """`n` 1080x2400 screenshots of every phone layout with random values."""
    rng = random.Random(seed)
    makers = [lambda r: order_page("jd", r), lambda r: order_page("taobao", r), lambda r: order_page("pdd", r),
              lambda r: order_page("douyin", r), wechat_payment, alipay_payment, refusal_chat, aftersales_page,
              logistics_page, complaint_receipt]
    return [makers[i % len(makers)](random.Random(rng.random())) for i in range(n)]


def save(item, path: Path) -> None:
    obj = item[0]
    if isinstance(obj, bytes):
        path.write_bytes(obj)
    elif path.suffix.lower() in (".jpg", ".jpeg"):
        obj.save(path, quality=90)
    else:
        obj.save(path)
