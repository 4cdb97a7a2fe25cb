"""Redaction for public complaint sites (黑猫投诉, 聚投诉): find personal data in the OCR lines, let the
user add, move or remove boxes, and paint them out.

A box is kept as fractions of the upright picture (0..1), so the same box fits the original, a
reduced copy and a captioned part alike. Boxes found by the app are `auto`; the user's own are
`user`; a box the user removes stays as a `removed` row, so it is never proposed again.

Painting replaces the pixels with a solid fill (no blur, nothing to undo) on a copy; the original is
never touched, and the copy is saved without any metadata by the pack's JPEG writer.

What counts as personal data: mobile and landline numbers, ID card numbers, bank card numbers,
addresses, the claimant's real name (from the case and beside a phone number or a 收货人 label); the
order number is half-masked (its middle half), so the merchant can still find the order.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageDraw

from ..store import Case, now_iso

KIND_ZH = {"mobile": "手机号", "landline": "座机号", "id_card": "身份证号", "bank_card": "银行卡号",
           "address": "地址", "name": "姓名", "order_number": "订单号（半遮）", "waybill": "运单号（半遮）",
           "account": "账号", "trade_number": "交易单号（半遮）", "manual": "手动添加"}
HALF = ("order_number", "waybill", "trade_number")      # half-masked: the edges sit in the gap between two characters
FILL = (0, 0, 0)
PAD = 0.25        # of the line's height, around each box

_DIGIT = r"[0-9０-９]"
# Not inside a longer run of letters and digits (a waybill "JDX019283746501" holds no landline).
MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9*]{4}){2}(?![0-9A-Za-z])")
LANDLINE = re.compile(r"(?<![0-9A-Za-z])0[1-9][0-9]{1,2}[- ]?[0-9]{7,8}(?![0-9A-Za-z])")
ID_CARD = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
                     r"[0-9*]{3}[0-9Xx*](?![0-9A-Za-z])")
CARD = re.compile(r"(?<![0-9A-Za-z])(?:[0-9][ -]?){15,18}[0-9](?![0-9A-Za-z])")
ORDER_LABEL = re.compile(r"(订单编号|订单号|订单号码|订单ID|order\s*(?:no|id)|(?:京东|淘宝|天猫|抖音|拼多多)订单[-－])", re.I)
# A payment's numbers name the same purchase (WeChat's 商户单号 is the shop's order number): half-masked.
TRADE_LABEL = re.compile(r"(交易单号|商户单号|交易号|支付单号|支付流水号)")
ORDER_NUMBER = re.compile(r"[0-9][0-9-]{9,30}[0-9]")
# A waybill can be looked up by anyone (the route, the town, sometimes the phone's last digits): half-masked.
WAYBILL_LABEL = re.compile(r"(运单号|运单编号|快递单号|物流单号|快递单号码|物流编号)")
WAYBILL = re.compile(r"[A-Za-z]{0,4}[0-9]{8,22}")
# The account name a site greets the user with ("你好，jd_zhangwei2019") or labels, often the real name
# in pinyin. Only names of letters, digits and _-. after a greeting: a chat's "您好，请问…" is no account.
ACCOUNT = re.compile(r"(?:(?:你好|您好|Hi|hi|欢迎您?)[，,：:\s]*|(?:用户名|账号|账户|会员名|昵称|买家昵称)[:：\s]+)"
                     r"([A-Za-z][A-Za-z0-9_\-.]{3,30})")
# A label, a colon or a space, then the name ("收货人信息" is a heading, not a name).
NAME_LABEL = re.compile(r"(收货人|收件人|联系人|姓名|买家姓名|投诉人|申请人|寄件人)[:：\s]+([\u4e00-\u9fa5·]{2,5})")
NAME_BEFORE_PHONE = re.compile(r"([\u4e00-\u9fa5·]{2,4})\s*(?=(?:\+?86[- ]?)?1[3-9][0-9][0-9*]{8}(?![0-9]))")
ADDRESS_LABEL = re.compile(r"(收货地址|收件地址|收货人地址|联系地址|通讯地址|详细地址|寄件地址|住址|地址)[:：\s]*(.*)")
ADDRESS_SHAPE = re.compile(r"[\u4e00-\u9fa5]{2,}(?:省|自治区|市)[\u4e00-\u9fa5A-Za-z0-9]*?(?:市|区|县|州|旗|镇)"
                           r"[\u4e00-\u9fa5A-Za-z0-9\-#（）()号栋幢单元室楼层弄巷]{2,}")
ADDRESS_WORDS = re.compile(r"(省|市|区|县|镇|乡|村|路|街|道|巷|弄|号|栋|幢|单元|室|小区|花园|大厦)")
NOT_A_NAME = {"订单", "客服", "商家", "店铺", "京东", "淘宝", "天猫", "拼多多", "抖音", "物流", "快递", "售后",
              "退款", "已签收", "签收", "联系", "电话", "手机", "官方", "平台", "自营", "您好", "收货"}


@dataclass
class Area:
    kind: str
    box: tuple[float, float, float, float]     # x0, y0, x1, y1 as fractions of the picture
    text: str = ""
    origin: str = "auto"                       # auto, user
    page: int = 0                              # page of a PDF or frame of a video, else 0
    id: int | None = None


def _fold(text: str) -> str:
    """Full-width digits and letters to ASCII, one character for one, so offsets stay put."""
    return "".join(unicodedata.normalize("NFKC", ch) if len(unicodedata.normalize("NFKC", ch)) == 1 else ch
                   for ch in text)


def _width(ch: str) -> float:
    return 0.55 if ord(ch) < 0x2E80 else 1.0


def span_box(text: str, box, start: int, end: int) -> tuple[float, float, float, float]:
    """The pixel box of text[start:end] inside a line's box, by character widths (CJK full, ASCII half)."""
    x0, y0, x1, y1 = box
    weights = [_width(ch) for ch in text] or [1.0]
    total = sum(weights)
    left = x0 + (x1 - x0) * sum(weights[:start]) / total
    right = x0 + (x1 - x0) * sum(weights[:end]) / total
    return left, y0, right, y1


def _luhn(digits: str) -> bool:
    total, double = 0, False
    for ch in reversed(digits):
        n = int(ch)
        if double:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
        double = not double
    return total % 10 == 0


def find_spans(text: str, names: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the personal data in one line of text. `numbers`: the case's order numbers,
    half-masked wherever they appear, with a label or without ("京东订单-3080…" on a payment)."""
    t = _fold(text)
    spans: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(kind, start, end):
        if end > start and not any(s <= start and end <= e for s, e in taken):
            spans.append((kind, start, end))
            taken.append((start, end))

    for m in ID_CARD.finditer(t):
        add("id_card", m.start(), m.end())
    for m in MOBILE.finditer(t):
        add("mobile", m.start(), m.end())
    order_line = ORDER_LABEL.search(t)
    if order_line:
        for m in ORDER_NUMBER.finditer(t, order_line.end()):
            n = m.end() - m.start()
            add("order_number", m.start() + n // 4, m.end() - n // 4)
            break
    for number in numbers:
        if len(number) >= 8:
            for m in re.finditer(re.escape(number), t):
                n = len(number)
                add("order_number", m.start() + n // 4, m.end() - n // 4)
    trade_line = TRADE_LABEL.search(t) if not order_line else None
    if trade_line:
        for m in ORDER_NUMBER.finditer(t, trade_line.end()):
            n = m.end() - m.start()
            add("trade_number", m.start() + n // 4, m.end() - n // 4)
            break
    waybill_line = WAYBILL_LABEL.search(t)
    if waybill_line:
        for m in WAYBILL.finditer(t, waybill_line.end()):
            n = m.end() - m.start()
            add("waybill", m.start() + n // 4, m.end() - n // 4)
            break
    for m in ACCOUNT.finditer(t):
        add("account", m.start(1), m.end(1))
    for m in CARD.finditer(t):
        digits = re.sub(r"\D", "", m.group())
        if not order_line and not waybill_line and ("卡" in t or _luhn(digits)) \
                and not re.search(r"(单号|编号|交易号|流水号)", t):
            add("bank_card", m.start(), m.end())
    for m in LANDLINE.finditer(t):
        add("landline", m.start(), m.end())
    for m in NAME_LABEL.finditer(t):
        if m.group(2) not in NOT_A_NAME:
            add("name", m.start(2), m.end(2))
    for m in NAME_BEFORE_PHONE.finditer(t):
        word = m.group(1)
        if word not in NOT_A_NAME and not any(w in word for w in NOT_A_NAME):
            add("name", m.start(1), m.end(1))
    for name in names:
        if name and len(name) >= 2:
            for m in re.finditer(re.escape(name), t):
                add("name", m.start(), m.end())
    label = ADDRESS_LABEL.search(t)
    if label and label.group(2).strip() and ADDRESS_WORDS.search(label.group(2)):
        add("address", label.start(2), len(t))
    for m in ADDRESS_SHAPE.finditer(t):
        add("address", m.start(), m.end())
    return spans


def _is_address_label(text: str) -> bool:
    t = _fold(text).strip()
    m = ADDRESS_LABEL.fullmatch(t)
    return bool(m) and not m.group(2).strip()


def find(lines, width: int, height: int, names: tuple[str, ...] = (), page: int = 0, image=None,
         numbers: tuple[str, ...] = ()) -> list[Area]:
    """Areas of personal data on a picture `width` x `height`, from its OCR lines (text, box, page).

    Lines side by side are read as one row (the reading's rows_of), so a label and its value that OCR
    returns as two boxes ("订单编号" | "3080…5946") are found together; each area is cut to the part of
    each line box that holds the matched characters. With the picture (`image`, any size), the side
    edges of a half-masking box are moved into the gap between two characters, so no digit is left
    half covered (a character's place in the box is only estimated from the text)."""
    from ..read.facts import rows_of

    rows = rows_of([ln for ln in lines if getattr(ln, "box", None) and getattr(ln, "page", 0) == page])
    areas = []
    runs_on = False                  # the row before ended in an address: a wrapped address goes on
    for i, row in enumerate(rows):
        spans = find_spans(row.text, names, numbers)
        if not spans and i > 0 and _is_address_label(rows[i - 1].text) and ADDRESS_WORDS.search(row.text):
            spans = [("address", 0, len(row.text))]         # "收货地址" above, the address on its own row
        elif not spans and runs_on and _continues_address(rows[i - 1], row):
            spans = [("address", 0, len(row.text))]         # "…1702" above, "室" wrapped onto this row
        runs_on = any(kind == "address" and end >= len(row.text.rstrip()) for kind, _, end in spans)
        for kind, start, end in spans:
            if kind == "address":
                start, end = _one_box(row, start, end)
            for s, e, line in row.spans:
                a, b = max(start, s), min(end, e)
                if a >= b:
                    continue
                x0, y0, x1, y1 = span_box(line.text, line.box, a - s, b - s)
                pad = (y1 - y0) * PAD
                xpad = 0 if kind in HALF else pad
                areas.append(Area(kind, (max(0.0, (x0 - xpad) / width), max(0.0, (y0 - pad) / height),
                                         min(1.0, (x1 + xpad) / width), min(1.0, (y1 + pad) / height)),
                                  line.text[a - s:b - s], "auto", page))
    if image is not None:
        areas = [snap(image, a) if a.kind in HALF else a for a in areas]
    return areas


def snap(image: Image.Image, area: Area) -> Area:
    """The half-masking `area` with each side edge moved to the nearest column without ink (the gap
    between two characters) within about half a character of where it was estimated."""
    w, h = image.size
    x0, y0, x1, y1 = area.box
    top, bottom = int(y0 * h), max(int(y0 * h) + 1, int(round(y1 * h)))
    reach = max(2, int((bottom - top) / (1 + 2 * PAD) * 0.4))          # ~ half a digit's width
    left, right = max(0, int(x0 * w) - reach), min(w, int(round(x1 * w)) + reach)
    if right - left < 4:
        return area
    grey = image.crop((left, top, right, bottom)).convert("L")
    data = grey.tobytes()
    cw, ch = grey.size
    ink = []
    for x in range(cw):
        col = data[x::cw][:ch]
        ink.append(max(col) - min(col))
    strong = max(ink) or 1
    quiet = [i < strong * 0.2 for i in ink]

    def nearest(px: float) -> float:
        at = int(round(px * w)) - left
        for d in range(reach + 1):
            for x in (at - d, at + d):
                if 0 <= x < cw and quiet[x]:
                    return (left + x) / w
        return px

    return Area(area.kind, (nearest(x0), y0, nearest(x1), y1), area.text, area.origin, area.page, area.id)


def _continues_address(above, row) -> bool:
    """Whether `row` is the wrapped end of the address that ends `above`: right under it (less than one and
    a half line heights between), starting where it starts or further left, short, with no label of its
    own, and address-like ("室", "3 幢 1702 室", "华星时代广场")."""
    text = _fold(row.text).strip()
    if not text or len(text) > 24 or re.search(r"[:：]", text):
        return False
    if not (ADDRESS_WORDS.search(text) or re.fullmatch(r"[0-9A-Za-z\-#()（）\s]+", text)):
        return False
    a_top = min(ln.box[1] for _, _, ln in above.spans)
    a_bottom = max(ln.box[3] for _, _, ln in above.spans)
    top = min(ln.box[1] for _, _, ln in row.spans)
    left, a_left = min(ln.box[0] for _, _, ln in row.spans), min(ln.box[0] for _, _, ln in above.spans)
    height = a_bottom - a_top
    return 0 <= top - a_bottom < 1.5 * height and left <= a_left + height


def _one_box(row, start: int, end: int) -> tuple[int, int]:
    """An address runs to the end of the box it starts in, not across the row into the next column
    ("地址：上海市…5号 | 运单号：JDX… | 下单时间：…" on a desktop page)."""
    for s, e, _line in row.spans:
        if s <= start < e:
            if start >= e - 1 or not row.text[start:e].strip(" :："):     # the label's box: the next one
                continue
            return start, min(end, e)
        if start < s:                                                  # on the space between two boxes
            return s, min(end, e)
    return start, end


def paint(im: Image.Image, areas: list[Area]) -> Image.Image:
    """A copy of `im` with every area filled solid. Never blurred: nothing of the pixels is left."""
    out = im.convert("RGB").copy()
    draw = ImageDraw.Draw(out)
    for a in areas:
        x0, y0, x1, y1 = a.box
        draw.rectangle([int(x0 * out.width), int(y0 * out.height),
                        int(round(x1 * out.width + 0.5)), int(round(y1 * out.height + 0.5))], fill=FILL)
    return out


# ----- stored areas -----------------------------------------------------------------------------------
def stored(case: Case, exhibit_id: int, page: int | None = None, include_removed: bool = False) -> list[Area]:
    where = "exhibit_id = ?" + ("" if include_removed else " AND state = 'active'")
    params: list = [exhibit_id]
    if page is not None:
        where += " AND page = ?"
        params.append(page)
    return [Area(r["kind"], (r["x0"], r["y0"], r["x1"], r["y1"]), r["text"] or "", r["origin"], r["page"], r["id"])
            for r in case.db.query(f"SELECT * FROM redactions WHERE {where} ORDER BY id", params)]


def propose(case: Case, exhibit_id: int, areas: list[Area], page: int = 0) -> list[Area]:
    """Store the app's areas for a page once: when any auto area (kept or removed) exists, the user has
    seen the proposal already, and it is not made again."""
    known = case.db.execute("SELECT COUNT(*) FROM redactions WHERE exhibit_id = ? AND page = ? AND origin = 'auto'",
                            [exhibit_id, page]).fetchone()[0]
    if not known:
        with case.db.atomic():
            for a in areas:
                _insert(case, exhibit_id, a)
    return stored(case, exhibit_id, page)


def _insert(case: Case, exhibit_id: int, a: Area) -> int:
    x0, y0, x1, y1 = _clamp(a.box)
    return case.db["redactions"].insert({"exhibit_id": exhibit_id, "page": a.page, "kind": a.kind, "text": a.text,
                                         "x0": x0, "y0": y0, "x1": x1, "y1": y1, "origin": a.origin,
                                         "state": "active", "created_at": now_iso()}).last_pk


def _clamp(box):
    x0, y0, x1, y1 = (min(1.0, max(0.0, float(v))) for v in box)
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        raise ValueError("a redaction box needs a width and a height")
    return x0, y0, x1, y1


def add(case: Case, exhibit_id: int, box, page: int = 0, kind: str = "manual") -> int:
    with case.db.atomic():
        return _insert(case, exhibit_id, Area(kind, tuple(box), "", "user", page))


def move(case: Case, area_id: int, box) -> None:
    x0, y0, x1, y1 = _clamp(box)
    with case.db.atomic():
        case.db["redactions"].update(area_id, {"x0": x0, "y0": y0, "x1": x1, "y1": y1})


def remove(case: Case, area_id: int) -> None:
    with case.db.atomic():
        case.db["redactions"].update(area_id, {"state": "removed"})
