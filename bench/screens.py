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
    ink: tuple = BLACK           # text colour (light on a dark-mode screen)
    panel: tuple = WHITE         # title bar, cards and the other side's bubbles

    def __post_init__(self):
        self.image = Image.new("RGB", (self.width, self.height), self.bg)
        self.draw = ImageDraw.Draw(self.image)

    def text(self, x, y, s, size=40, fill=None, anchor="la"):
        fill = self.ink if fill is None or fill == BLACK else fill
        self.draw.text((x, y), s, font=font(size), fill=fill, anchor=anchor)
        self.drawn.append(s)

    def status_bar(self, clock="14:31"):
        self.text(48, 30, clock, 36)
        self.text(self.width - 200, 30, "5G 76%", 32)
        self.y = 110

    def title(self, s, back=True):
        self.draw.rectangle([0, self.y - 10, self.width, self.y + 110], fill=self.panel)
        self.text(self.width // 2, self.y + 50, s, 48, anchor="mm")
        self.y += 140

    def card(self, rows: int, pad=30):
        """Start a white card tall enough for `rows` rows; returns its top."""
        top = self.y
        self.draw.rounded_rectangle([24, top, self.width - 24, top + pad * 2 + rows * 92], 24, fill=self.panel)
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

    def bubble(self, s, me=False, size=42, mine=(149, 236, 105)):
        width = 700
        parts = wrap(s, size, width - 60)
        h = len(parts) * int(size * 1.55) + 50
        if me:
            x0 = self.width - 150 - width
            self.draw.rounded_rectangle([x0, self.y, self.width - 150, self.y + h], 20, fill=mine)
            self.draw.ellipse([self.width - 130, self.y, self.width - 40, self.y + 90], fill=(90, 140, 220))
        else:
            x0 = 150
            self.draw.rounded_rectangle([x0, self.y, x0 + width, self.y + h], 20, fill=self.panel)
            self.draw.ellipse([40, self.y, 130, self.y + 90], fill=(240, 120, 60))
        ty = self.y + 25
        for part in parts:
            self.text(x0 + 30, ty, part, size, (BLACK if self.ink == BLACK else (20, 20, 20)) if me else None)
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


# ----- layouts the rules were not written against (issue 11, second round) -----------------------------------
# Other shops, platforms, page kinds, dark mode, and the ways apps print dates without a year ("06-18 14:22",
# "昨天 10:05", "星期三 14:22", "下午2:22", "4月15日 10:22"), "2025.06.18", "￥1,299.00", "实付 ¥ 59.9".
# Truth lists every fact a reader should find (anything else found counts as invented); times without a
# year are given as the capture time in the file name makes them.

def tmall_order(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("14:40")
    s.title("订单详情")
    s.line("交易成功", 52)
    s.line("天猫 TMALL 理想生活上天猫", 34, GREY)
    s.gap()
    s.card(4)
    s.line("苏泊尔官方旗舰店 >", 40)
    s.text(60, s.y + 20, "苏泊尔电饭煲4L 球釜内胆", 38)
    s.text(W - 60, s.y + 20, "￥1,399.00", 38, anchor="ra")
    s.y += 92
    s.line("×1  规格：4L 曜石黑", 34, GREY)
    s.gap(80)
    s.card(4)
    s.kv("商品总价", "￥1,399.00", value_x=None)
    s.kv("运费（快递）", "￥0.00", value_x=None)
    s.kv("店铺优惠", "-￥100.00", value_x=None)
    s.kv("实付款", "￥1,299.00", RED, value_x=None)
    s.gap(80)
    s.card(5)
    s.kv("订单编号", "4123456789012345678")
    s.kv("支付宝交易号", "2025061822001412345678901234", size=38)
    s.kv("创建时间", "2025.06.18 14:22:05")
    s.kv("付款时间", "2025.06.18 14:22:31")
    s.kv("发货时间", "2025.06.18 18:40:12")
    s.buttons(["联系卖家", "申请售后", "再买一单"])
    image, text = s.result()
    return image, {"platform": "taobao", "order_numbers": ["4123456789012345678"], "amounts": ["1299.00", "1399.00"],
                   "merchants": ["苏泊尔官方旗舰店"], "trade_numbers": ["2025061822001412345678901234"],
                   "datetimes": ["2025-06-18T14:22:05+08:00", "2025-06-18T14:22:31+08:00",
                                 "2025-06-18T18:40:12+08:00"], "screen": "order",
                   "events": {"下单": "2025-06-18T14:22:05+08:00", "付款": "2025-06-18T14:22:31+08:00"}, "text": text}


def jd_aftersales_rejected(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("11:20")
    s.title("服务单详情")
    s.line("审核未通过", 52)
    s.para("您好，您的服务单审核未通过，如有疑问可联系京东客服。", 34, GREY)
    s.gap()
    s.card(5)
    s.kv("服务单号", "1745236981")
    s.kv("订单编号", "312345678901")
    s.kv("服务类型", "退货")
    s.kv("申请时间", "2025-06-19 09:12:30")
    s.kv("审核时间", "2025-06-20 11:03:41")
    s.gap(60)
    s.line("审核意见", 40, GREY)
    s.para("您好，经售后审核，您申请售后的商品已激活使用，不符合7天无理由退货政策，建议您联系品牌售后处理。", 38)
    s.buttons(["联系客服", "再次申请"])
    image, text = s.result()
    return image, {"platform": "jd", "service_numbers": ["1745236981"], "order_numbers": ["312345678901"],
                   "datetimes": ["2025-06-19T09:12:30+08:00", "2025-06-20T11:03:41+08:00"], "screen": "refusal",
                   "refusal_reasons": ["商品已激活使用，不符合7天无理由退货政策"],
                   "events": {"申请售后": "2025-06-19T09:12:30+08:00", "商家拒绝": "2025-06-20T11:03:41+08:00"},
                   "text": text}


def pdd_refund_rejected(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("10:15")
    s.title("退款详情")
    s.line("商家拒绝退款", 52)
    s.para("商家拒绝了您的退款申请，您可以修改申请后再次提交，或申请平台介入。", 34, GREY)
    s.line("拼多多 · 售后服务", 34, GREY)
    s.gap()
    s.card(6)
    s.kv("拒绝原因", "商品已拆封，影响二次销售", size=38)
    s.kv("退款金额", "¥59.90", RED)
    s.kv("申请时间", "06-18 14:22")
    s.kv("商家处理时间", "06-19 09:10", value_x=380)
    s.kv("订单编号", "250617-123456789012345")
    s.kv("退款编号", "823456789012345")
    s.buttons(["修改申请", "申请平台介入"])
    image, text = s.result()
    return image, {"platform": "pdd", "order_numbers": ["250617-123456789012345"], "service_numbers": ["823456789012345"],
                   "amounts": ["59.90"], "refusal_reasons": ["商品已拆封，影响二次销售"],
                   "datetimes": ["2025-06-18T14:22:00+08:00", "2025-06-19T09:10:00+08:00"], "screen": "refusal",
                   "events": {"申请售后": "2025-06-18T14:22:00+08:00", "商家拒绝": "2025-06-19T09:10:00+08:00"},
                   "text": text}


def douyin_order(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("14:30")
    s.title("订单详情")
    s.line("已完成", 52)
    s.line("抖音商城 · 精选好物 放心购", 34, GREY)
    s.gap()
    s.card(4)
    s.line("小鹿生活小店 >", 40)
    s.text(60, s.y + 20, "儿童电动牙刷 软毛", 38)
    s.text(W - 60, s.y + 20, "¥69.90", 38, anchor="ra")
    s.y += 92
    s.line("×1  颜色：粉色", 34, GREY)
    s.gap(80)
    s.card(3)
    s.kv("商品总价", "¥69.90", value_x=None)
    s.kv("平台优惠", "-¥10.00", value_x=None)
    s.text(W - 60, s.y + 20, "实付 ¥ 59.9", 44, RED, anchor="ra")
    s.y += 92
    s.gap(80)
    s.card(4)
    s.kv("订单编号", "6923456789012345678")
    s.kv("下单时间", "2025年06月17日 09:41")
    s.kv("支付时间", "2025年06月17日 09:42")
    s.kv("支付方式", "抖音支付")
    s.buttons(["联系商家", "申请售后"])
    image, text = s.result()
    return image, {"platform": "douyin", "order_numbers": ["6923456789012345678"], "amounts": ["59.90", "69.90"],
                   "merchants": ["小鹿生活小店"],
                   "datetimes": ["2025-06-17T09:41:00+08:00", "2025-06-17T09:42:00+08:00"], "screen": "order",
                   "events": {"下单": "2025-06-17T09:41:00+08:00", "付款": "2025-06-17T09:42:00+08:00"}, "text": text}


def douyin_refund(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("09:40")
    s.title("退款详情")
    s.line("商家已拒绝", 52)
    s.line("抖音商城 售后服务", 34, GREY)
    s.gap()
    s.card(4)
    s.kv("退款金额", "¥59.90", RED)
    s.kv("售后编号", "7012345678901234567")
    s.kv("申请时间", "2025/06/25 20:10:05")
    s.kv("拒绝时间", "2025/06/26 09:30:12")
    s.gap(60)
    s.line("拒绝原因", 40, GREY)
    s.para("超过7天无理由退货期限，商品不支持退货。", 38)
    s.buttons(["修改申请", "申请客服介入"])
    image, text = s.result()
    return image, {"platform": "douyin", "service_numbers": ["7012345678901234567"], "amounts": ["59.90"],
                   "refusal_reasons": ["超过7天无理由退货期限，商品不支持退货"],
                   "datetimes": ["2025-06-25T20:10:05+08:00", "2025-06-26T09:30:12+08:00"], "screen": "refusal",
                   "events": {"申请售后": "2025-06-25T20:10:05+08:00", "商家拒绝": "2025-06-26T09:30:12+08:00"},
                   "text": text}


def alipay_bill(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen(bg=WHITE)
    s.status_bar("14:25")
    s.title("账单详情")
    s.centre("苏泊尔官方旗舰店", 40, BLACK)
    s.centre("-1,299.00", 90, BLACK)
    s.centre("交易成功", 40, BLACK)
    s.gap(40)
    s.kv("支付时间", "2025-06-18 14:22:31")
    s.kv("付款方式", "花呗")
    s.kv("商品说明", "【天猫】苏泊尔电饭煲4L")
    s.kv("收款方全称", "浙江苏泊尔电器销售有限公司", size=38)
    s.kv("账单分类", "日用百货")
    s.kv("订单号", "2025061822001412345678901234", size=38)
    s.kv("商家订单号", "T200P4123456789012345678", size=38)
    s.centre("支付宝 · 账单服务")
    image, text = s.result()
    return image, {"platform": "taobao", "amounts": ["1299.00"], "datetimes": ["2025-06-18T14:22:31+08:00"],
                   "trade_numbers": ["2025061822001412345678901234", "T200P4123456789012345678"],
                   "order_numbers": ["4123456789012345678"],
                   "merchants": ["苏泊尔官方旗舰店", "浙江苏泊尔电器销售有限公司"], "screen": "payment",
                   "events": {"付款": "2025-06-18T14:22:31+08:00"}, "text": text}


def heimao_receipt(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen(bg=WHITE)
    s.status_bar("20:16")
    s.title("黑猫投诉")
    s.line("投诉提交成功", 50)
    s.para("您的投诉已提交，审核通过后将公开发布并转交商家处理。", 34, GREY)
    s.gap()
    s.kv("投诉编号", "17351234567", value_x=300)
    s.kv("投诉对象", "苏泊尔官方旗舰店", value_x=300)
    s.kv("投诉要求", "退货退款", value_x=300)
    s.kv("涉诉金额", "￥1,299.00", value_x=300)
    s.kv("提交时间", "2025-06-22 20:15:09", value_x=300)
    s.para("投诉内容：电饭煲使用三天内胆涂层脱落，商家以“已使用，影响二次销售”为由拒绝退货。", 38)
    image, text = s.result()
    return image, {"platform": None, "complaint_numbers": ["17351234567"], "merchants": ["苏泊尔官方旗舰店"],
                   "amounts": ["1299.00"], "datetimes": ["2025-06-22T20:15:09+08:00"],
                   "refusal_reasons": ["已使用，影响二次销售"], "screen": "complaint",
                   "events": {"黑猫投诉": "2025-06-22T20:15:09+08:00"}, "text": text}


def zto_logistics(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """A logistics page as Taobao prints it: the time without a year on the left of each step."""
    s = Screen()
    s.status_bar("09:30")
    s.title("物流详情")
    s.line("中通快递  运单号：75312345678901", 40)
    s.line("已签收", 44)
    s.gap()
    steps = [("06-20 10:31", "【杭州市】您的快件已签收，签收人：家门口。如有疑问请电联快递员：13812345678。"),
             ("06-20 08:05", "【杭州市】快件正在派送中，派送员：王师傅"),
             ("06-19 21:40", "【杭州转运中心】快件已到达"),
             ("06-18 18:02", "【宁波市】中通快递 已揽收")]
    for at, body in steps:
        top = s.y
        s.text(60, top + 20, at, 34, GREY)
        s.para(body, 36, x=330, width=W - 330 - 50)
        s.gap(30)
    image, text = s.result()
    return image, {"waybills": ["75312345678901"], "phones": ["13812345678"], "screen": "logistics",
                   "datetimes": ["2025-06-20T10:31:00+08:00", "2025-06-20T08:05:00+08:00",
                                 "2025-06-19T21:40:00+08:00", "2025-06-18T18:02:00+08:00"],
                   "events": {"签收": "2025-06-20T10:31:00+08:00"}, "text": text}


def dark_chat(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """A WeChat chat with a shop's after-sales account in dark mode (captured on Friday 2025-06-20)."""
    s = Screen(bg=(17, 17, 17), ink=(214, 214, 214), panel=(44, 44, 44))
    s.status_bar("15:30")
    s.title("禾丰电器售后")
    s.centre("2025年6月12日 下午8:05", fill=(120, 120, 120))
    s.bubble("你好，我6月10日买的电饭煲，内胆涂层脱落了，要求退货。", me=True, mine=(62, 181, 117))
    s.centre("星期三 14:22", fill=(120, 120, 120))
    s.bubble("亲，麻烦拍一下内胆的照片", mine=(62, 181, 117))
    s.bubble("照片已经发过去了。", me=True, mine=(62, 181, 117))
    s.centre("昨天 10:05", fill=(120, 120, 120))
    s.bubble("亲，您这个内胆是人为刮花的，不属于质量问题，不予退货。")
    s.bubble("我要投诉到12315。", me=True, mine=(62, 181, 117))
    s.centre("下午2:22", fill=(120, 120, 120))
    s.bubble("亲，最多给您补偿20元。")
    image, text = s.result()
    return image, {"platform": None, "screen": "refusal",
                   "datetimes": ["2025-06-12T20:05:00+08:00", "2025-06-18T14:22:00+08:00",
                                 "2025-06-19T10:05:00+08:00"],
                   "refusal_reasons": ["人为刮花的，不属于质量问题，不予退货"],
                   "events": {"商家拒绝": "2025-06-19T10:05:00+08:00"}, "text": text}


def jd_chat(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """京东 customer service: a header with the day but no year, then today's hour (captured 2025-04-16 15:30)."""
    s = Screen()
    s.status_bar("15:30")
    s.title("禾丰小家电旗舰店")
    s.centre("京东客服 · 在线咨询")
    s.centre("4月15日 10:22")
    s.bubble("电饭煲涂层脱落，申请退货。", me=True)
    s.bubble("亲亲，麻烦提供一下订单号哦")
    s.bubble("订单号：312345678901", me=True)
    s.centre("下午2:22")
    s.bubble("亲，您的商品已超过7天无理由退货期，且已使用，无法为您办理退货。")
    s.draw.rectangle([0, H - 140, W, H], fill=WHITE)
    s.text(60, H - 100, "请输入消息", 38, GREY)
    image, text = s.result()
    return image, {"platform": "jd", "screen": "refusal", "order_numbers": ["312345678901"],
                   "merchants": ["禾丰小家电旗舰店"], "datetimes": ["2025-04-15T10:22:00+08:00"],
                   "refusal_reasons": ["已超过7天无理由退货期，且已使用，无法为您办理退货"],
                   "events": {"商家拒绝": "2025-04-16T14:22:00+08:00"}, "text": text}


def label_photo(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """A photo of the rating label under a rice cooker: model, power, a production date, a bar code."""
    rng = rng or random.Random(31)
    im, _ = photo(random.Random(32))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([520, 300, 1480, 1200], 30, fill=(236, 236, 230))
    rows = ["苏泊尔 SUPOR 电饭煲", "型号：SF40FC875", "额定电压：220V~ 50Hz", "额定功率：860W", "容量：4.0L",
            "生产日期：2025.03.12", "6922123456789", "浙江苏泊尔股份有限公司"]
    for i, row in enumerate(rows):
        d.text((580, 340 + i * 104), row, font=font(52), fill=(40, 40, 40))
    im = im.rotate(2, resample=Image.BICUBIC, fillcolor=(120, 110, 100)).filter(ImageFilter.GaussianBlur(0.8))
    return im, {"dates": ["2025-03-12"], "merchants": ["浙江苏泊尔股份有限公司"], "screen": None, "text": "\n".join(rows)}


def noise(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """Coloured noise the size of a screenshot: nothing to read."""
    rng = rng or random.Random(33)
    data = bytes(rng.getrandbits(8) for _ in range(540 * 1200 * 3))
    im = Image.frombytes("RGB", (540, 1200), data).resize((1080, 2400), Image.NEAREST)
    return im, {"screen": None, "text": ""}


def unseen_set() -> dict[str, tuple]:
    """name -> (image, truth): layouts the rules were not written against; the names carry the capture time."""
    return {
        "Screenshot_20250618-144000.png": tmall_order(),
        "Screenshot_2025-06-20-11-20-00-123_com.jingdong.app.mall.png": jd_aftersales_rejected(),
        "Screenshot_20250620-101500.png": pdd_refund_rejected(),
        "Screenshot_20250618-143000.png": douyin_order(),
        "Screenshot_20250626-094000.png": douyin_refund(),
        "Screenshot_20250618-142500_com.eg.android.AlipayGphone.png": alipay_bill(),
        "Screenshot_20250622-201600.png": heimao_receipt(),
        "Screenshot_20250621-093000.png": zto_logistics(),
        "Screenshot_20250620-153000_com.tencent.mm.png": dark_chat(),
        "Screenshot_20250416-153000.png": jd_chat(),
        "IMG_20250701_100000.jpg": label_photo(),
        "Screenshot_20250701-100500.png": noise(),
    }


# ----- held out: written after the rules above, measured once, not tuned on ------------------------------------

def jd_order_new(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("21:20")
    s.title("订单详情")
    s.line("订单已完成", 52)
    s.line("京东自营 · 211限时达", 34, GREY)
    s.gap()
    s.card(3)
    s.line("美的京东自营旗舰店 >", 40)
    s.text(60, s.y + 20, "美的空气炸锅 5.5L 可视", 38)
    s.text(W - 60, s.y + 20, "￥2,599.00", 38, anchor="ra")
    s.y += 92
    s.gap(80)
    s.card(3)
    s.kv("商品总额", "￥2,599.00", value_x=None)
    s.kv("运费", "免运费", value_x=None)
    s.kv("实付款", "￥2,599.00", RED, value_x=None)
    s.gap(80)
    s.card(3)
    s.kv("订单号", "312998877665")
    s.kv("下单时间", "2025-07-02 21:15:33")
    s.kv("支付方式", "在线支付")
    s.buttons(["联系客服", "申请售后"])
    image, text = s.result()
    return image, {"platform": "jd", "order_numbers": ["312998877665"], "amounts": ["2599.00"],
                   "merchants": ["美的京东自营旗舰店"], "datetimes": ["2025-07-02T21:15:33+08:00"], "screen": "order",
                   "events": {"下单": "2025-07-02T21:15:33+08:00"}, "text": text}


def taobao_refund_refused(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("10:40")
    s.title("退款详情")
    s.line("卖家拒绝了退款申请", 50)
    s.para("你可以修改退款申请后再次发起，卖家会重新处理。", 34, GREY)
    s.gap()
    s.card(5)
    s.kv("拒绝原因", "买家已使用商品，影响二次销售", size=36)
    s.kv("退款金额", "¥129.00", RED)
    s.kv("退款编号", "213456789012345678")
    s.kv("申请时间", "07-03 10:11")
    s.kv("拒绝时间", "07-04 09:02")
    s.line("淘宝 · 退款服务", 34, GREY)
    image, text = s.result()
    return image, {"platform": "taobao", "service_numbers": ["213456789012345678"], "amounts": ["129.00"],
                   "refusal_reasons": ["买家已使用商品，影响二次销售"], "screen": "refusal",
                   "datetimes": ["2025-07-03T10:11:00+08:00", "2025-07-04T09:02:00+08:00"],
                   "events": {"申请售后": "2025-07-03T10:11:00+08:00", "商家拒绝": "2025-07-04T09:02:00+08:00"},
                   "text": text}


def pdd_order_new(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("12:05")
    s.title("订单详情")
    s.line("拼单成功，待发货", 50)
    s.line("拼多多 · 退货包运费", 34, GREY)
    s.gap()
    s.card(3)
    s.line("家居生活馆 >", 40)
    s.kv("商品总价", "¥89.00", value_x=None)
    s.kv("实付", "¥79.00", RED, value_x=None)
    s.gap(80)
    s.card(2)
    s.kv("订单编号：", "250703-567890123456789", value_x=300)
    s.kv("下单时间：", "2025-07-03 12:01:09", value_x=300)
    image, text = s.result()
    return image, {"platform": "pdd", "order_numbers": ["250703-567890123456789"], "amounts": ["79.00", "89.00"],
                   "merchants": ["家居生活馆"],
                   "datetimes": ["2025-07-03T12:01:09+08:00"], "screen": "order",
                   "events": {"下单": "2025-07-03T12:01:09+08:00"}, "text": text}


def wechat_chat_light(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """A WeChat chat with a shop's service account (captured on Wednesday 2025-07-09 11:00)."""
    s = Screen()
    s.status_bar("11:00")
    s.title("小米之家售后")
    s.centre("7月1日 18:30")
    s.bubble("你好，手环充不进电，收到才5天，想退货。", me=True)
    s.centre("星期一 09:12")
    s.bubble("您好，经核实，您的商品已过退货期，无法退货，可以为您安排维修。")
    s.bubble("不是才5天吗？", me=True)
    image, text = s.result()
    return image, {"screen": "refusal", "platform": None,
                   "datetimes": ["2025-07-01T18:30:00+08:00", "2025-07-07T09:12:00+08:00"],
                   "refusal_reasons": ["商品已过退货期，无法退货"],
                   "events": {"商家拒绝": "2025-07-07T09:12:00+08:00"}, "text": text}


def yto_logistics(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    """Taobao's logistics page with the date above the time in the left column."""
    s = Screen()
    s.status_bar("15:00")
    s.title("物流详情")
    s.line("圆通速递  YT7512345678901", 40)
    s.gap()
    for day, at, body in [("07-05", "14:22", "【上海市】已签收，签收人：菜鸟驿站。"),
                          ("07-05", "08:10", "【上海市】派件中，快递员：李师傅 15912345678"),
                          ("07-04", "20:01", "【上海转运中心】已发出")]:
        top = s.y
        s.text(60, top + 20, day, 34, GREY)
        s.text(60, top + 70, at, 30, GREY)
        s.para(body, 36, x=260, width=W - 260 - 50)
        s.y = max(s.y, top + 140)
        s.gap(20)
    image, text = s.result()
    return image, {"waybills": ["YT7512345678901"], "phones": ["15912345678"], "screen": "logistics",
                   "datetimes": ["2025-07-05T14:22:00+08:00", "2025-07-05T08:10:00+08:00", "2025-07-04T20:01:00+08:00"],
                   "events": {"签收": "2025-07-05T14:22:00+08:00"}, "text": text}


def douyin_chat(rng: random.Random | None = None) -> tuple[Image.Image, dict]:
    s = Screen()
    s.status_bar("09:30")
    s.title("鹿小鹿旗舰店")
    s.centre("抖音 · 商家客服")
    s.centre("昨天 20:15")
    s.bubble("衣服洗了一次就起球，能退吗？", me=True)
    s.bubble("亲亲，这款是特价商品，不支持七天无理由退货的哦～")
    image, text = s.result()
    return image, {"platform": "douyin", "screen": "refusal", "merchants": ["鹿小鹿旗舰店"],
                   "datetimes": ["2025-07-07T20:15:00+08:00"], "refusal_reasons": ["不支持七天无理由退货"],
                   "events": {"商家拒绝": "2025-07-07T20:15:00+08:00"}, "text": text}


def heldout_set() -> dict[str, tuple]:
    """name -> (image, truth): written after the rules, to measure how they do on what they were not tuned on."""
    return {
        "Screenshot_20250702-212000_com.jingdong.app.mall.png": jd_order_new(),
        "Screenshot_20250704-104000.png": taobao_refund_refused(),
        "Screenshot_20250703-120500.png": pdd_order_new(),
        "Screenshot_20250709-110000_com.tencent.mm.png": wechat_chat_light(),
        "Screenshot_20250706-150000.png": yto_logistics(),
        "Screenshot_20250708-093000.png": douyin_chat(),
    }


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
