"""Facts from the text of one exhibit, each with the box it came from.

The input is the OCR lines (text, box, page) of a screenshot, photo, video frame or PDF page. Lines
are grouped into visual rows (the label 订单编号 and its value sit side by side as two boxes), and
rules look for a label and its value in the row, or in the row below when the label stands alone.
Values are normalised: amounts with two decimals, dates YYYY-MM-DD, times ISO 8601 with the China
offset. Nothing is guessed: a number is an order number only beside an order label (or in the one
format that names itself, Pinduoduo's YYMMDD-…), an amount only with ¥ or a money label.

Times printed without a year ("06-18 14:22", "4月15日 10:22", "昨天 10:05", "星期三 14:22", "下午2:22", a chat's
bare "10:22") are kept as `loose` stamps: only the exhibit's capture time can date them (`resolve_loose`),
never later than the capture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from .engine import Line

CHINA = timezone(timedelta(hours=8))

FACT_KEYS = ("order_numbers", "amounts", "merchants", "dates", "datetimes", "phones", "trade_numbers", "waybills",
             "service_numbers", "complaint_numbers", "refusal_reasons")
PLATFORMS = ("jd", "taobao", "pdd", "douyin")
PLATFORM_ZH = {"jd": "京东", "taobao": "淘宝", "pdd": "拼多多", "douyin": "抖音"}


# ----- rows ------------------------------------------------------------------------------------------

@dataclass
class Row:
    text: str
    spans: list[tuple[int, int, Line]]      # (start, end) of each line's text inside `text`
    page: int

    def box_of(self, start: int, end: int):
        boxes = [l.box for s, e, l in self.spans if s < end and e > start and l.box]
        if not boxes:
            return None
        return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes)]

    @property
    def x0(self):
        return self.spans[0][2].box[0] if self.spans and self.spans[0][2].box else 0


def rows_of(lines: list[Line]) -> list[Row]:
    """Lines side by side (their vertical extents overlap by half) form one row, left to right."""
    rows: list[list[Line]] = []
    boxed = [l for l in lines if l.box]
    unboxed = [l for l in lines if not l.box]
    boxed.sort(key=lambda l: (l.page, (l.box[1] + l.box[3]) / 2))
    current: list[Line] = []
    for line in boxed:
        if current and current[0].page == line.page:
            top = min(l.box[1] for l in current)
            bottom = max(l.box[3] for l in current)
            overlap = min(bottom, line.box[3]) - max(top, line.box[1])
            height = min(bottom - top, line.box[3] - line.box[1])
            if height > 0 and overlap >= 0.5 * height:
                current.append(line)
                continue
        if current:
            rows.append(current)
        current = [line]
    if current:
        rows.append(current)
    result = []
    for group in rows:
        group.sort(key=lambda l: l.box[0])
        result.append(_row(group))
    for line in unboxed:             # PDF text layers: one row per line, in reading order
        result.append(_row([line]))
    return result


def _row(lines: list[Line]) -> Row:
    text, spans = "", []
    for line in lines:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(line.text), line))
        text += line.text
    return Row(text, spans, lines[0].page)


# ----- normalising ---------------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９：．／－￥　", "0123456789:./-¥ ")


def normalise(text: str) -> str:
    return text.translate(_FULLWIDTH)


def money(text: str) -> str | None:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    if value <= 0 or value >= Decimal("100000000"):
        return None
    return str(value.quantize(Decimal("0.01")))


# Dates: 2025-03-02, 2025/3/2, 2025.03.02, 2025年3月2日, each optionally followed by a time (OCR often
# drops the space: 2025-03-0210:15:48).
_DATE = r"(?<!\d)(20\d{2})\s*(?:[-/.]\s*|年\s*)(\d{1,2})\s*(?:[-/.]\s*|月\s*)(\d{1,2})(?:\s*日)?"
_AMPM_WORDS = r"上午|下午|晚上|凌晨|中午|早上|傍晚|夜里"
_TIME = (r"(?:\s*(?:" + _AMPM_WORDS + r")?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?(?!\d)")
DATETIME_RE = re.compile(_DATE + _TIME)
_AMPM_RE = re.compile(_AMPM_WORDS)


def hour24(hour: int, ampm: str | None) -> int | None:
    """The hour of a 12-hour clock word (下午2:22 is 14:22); None when it cannot be."""
    if ampm:
        if hour > 12:
            return hour if hour <= 23 and ampm not in ("上午", "早上", "凌晨") else None
        if ampm in ("下午", "晚上", "傍晚") and hour < 12:
            return hour + 12
        if ampm == "中午" and hour < 11:
            return hour + 12
        if ampm in ("凌晨", "夜里") and hour == 12:
            return 0
    return hour if 0 <= hour <= 23 else None


def _stamp(m: re.Match) -> tuple[str | None, str | None]:
    y, mo, d, hh, mm, ss = m.groups()
    day_text = m.group(0)
    try:
        if hh is None:
            if re.search(r"\d{3,}$", day_text) and len(d) > 2:
                return None, None
            return datetime(int(y), int(mo), int(d)).strftime("%Y-%m-%d"), None
        # "2025-03-0210:15:48": the day is the first two digits, the hour the rest
        ampm = _AMPM_RE.search(day_text)
        hour = hour24(int(hh), ampm.group(0) if ampm else None)
        if hour is None:
            return None, None
        when = datetime(int(y), int(mo), int(d), hour, int(mm), int(ss or 0), tzinfo=CHINA)
    except ValueError:
        return None, None
    return when.strftime("%Y-%m-%d"), when.isoformat()


# Times without a year. A month and day, 今天/昨天/前天 or a weekday before a time; or a clock time alone
# (with 下午 and the like, or a chat's bare "10:22" on a row of its own): today's, for a chat header.
_HM = (r"(?:(?P<ap>" + _AMPM_WORDS + r")\s*)?(?P<h>\d{1,2})\s*[:：]\s*(?P<mi>\d{2})(?:\s*[:：]\s*(?P<s>\d{2}))?(?![\d:])")
LOOSE_RE = re.compile(r"(?<![\d.:/\-年A-Za-z])(?:(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?(?:\s*(?:星期|周)[一二三四五六日天])?|(?P<mo2>\d{2})-(?P<d2>\d{2})|(?P<mo3>\d{1,2})/(?P<d3>\d{1,2})"
                      r"|(?P<rel>今天|昨天|前天)|(?:星期|周|礼拜)(?P<wd>[一二三四五六日天]))\s*" + _HM)
_TODAY_RE = re.compile(r"(?<![\d:])(?P<ap>" + _AMPM_WORDS + r")\s*(?P<h>\d{1,2})\s*[:：]\s*(?P<mi>\d{2})(?![\d:])")
_BARE_RE = re.compile(r"\s*(?P<h>\d{1,2})\s*[:：]\s*(?P<mi>\d{2})\s*")
_WEEKDAYS = "一二三四五六日"
_DAYS_BACK = {"今天": 0, "昨天": 1, "前天": 2}


# ----- labels and values ---------------------------------------------------------------------------

_SEP = r"\s*[:：]?\s*"
_NUMBER_LABELS = {
    "order_numbers": r"(?:订单编号|订单号码|(?<!商家)(?<!商户)订单号|订单编码|订单ID|父订单号|子订单号|(?<=京东|淘宝|天猫|抖音)订单-|"
                     r"拼多多订单-)",
    "trade_numbers": r"(?:交易单号|商户单号|支付单号|支付宝交易号|交易号|交易流水号|流水号|支付流水号|商家订单号|商户订单号)",
    "waybills": r"(?:运单号码|运单号|运单编号|快递单号|物流单号|快递单号码|物流编号)",
    "service_numbers": r"(?:服务单号|售后单号|售后编号|服务单编号|退款编号|退款单号|售后服务单号|工单编号)",
    "complaint_numbers": r"(?:投诉编号|投诉单号|投诉登记号|登记编号|受理编号|投诉举报编号|案件编号)",
}
_NUMBER_VALUE = {
    "order_numbers": r"([0-9A-Za-z][0-9A-Za-z-]{5,39})",
    "trade_numbers": r"([0-9A-Za-z]{8,40})",
    "waybills": r"([A-Za-z]{0,4}\d{8,20})",
    "service_numbers": r"([0-9A-Za-z][0-9A-Za-z-]{5,39})",
    "complaint_numbers": r"([0-9A-Za-z][0-9A-Za-z-]{5,39})",
}
_PDD_ORDER = re.compile(r"(?<![0-9A-Za-z-])(\d{6}-\d{12,18})(?![0-9-])")
_TAOBAO_MERCHANT_ORDER = re.compile(r"(?<![0-9A-Za-z])T200P(\d{15,20})(?![0-9])")   # Alipay's 商家订单号 of a Taobao order
_WAYBILL_SELF = re.compile(r"(?<![0-9A-Za-z])((?:SF|JDV|JDX|JT|YT|ZTO|DPK)\d{10,15})(?![0-9])")

_AMOUNT_LABELS = (r"(?:实付款|实付金额|实付|需付款|应付金额|应付款|合计|总计|订单总价|订单金额|付款金额|支付金额|交易金额|"
                  r"退款金额|申请金额|价税合计（小写）|价税合计|小写|金额|商品总额|商品总价)")
_AMOUNT_RE = re.compile(r"(?:(?P<label>" + _AMOUNT_LABELS + r")[^0-9¥\-+]{0,6})?(?P<sign>[-+])?\s*(?P<yen>[¥￥]|RMB)?\s*"
                        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{1,2}|\d+)(?P<unit>\s*元)?")
_AMOUNT_PRIORITY = ["实付款", "实付金额", "实付", "付款金额", "支付金额", "交易金额", "需付款", "应付", "价税合计", "小写", "合计",
                    "订单金额", "订单总价", "总计", "退款金额", "申请金额", "金额", "商品总额", "商品总价"]

_MOBILE = re.compile(r"(?<![0-9A-Za-z*])(1[3-9]\d[\s-]?(?:\d{4}|\*{4})[\s-]?\d{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9-])((?:0\d{2,3}-\d{7,8}|400-?\d{3}-?\d{4}|800-?\d{3}-?\d{4}))(?![0-9])")

_SHOP_SUFFIX = r"(?:旗舰店|专营店|专卖店|官方店|企业店|自营店|直营店|官方旗舰店|小店|工厂店|商行|超市|百货)"
_SHOP_RE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9（）()·&]{2,30}?" + _SHOP_SUFFIX + r")")
_COMPANY_RE = re.compile(r"([\u4e00-\u9fff（）()A-Za-z0-9]{4,40}?(?:有限责任公司|股份有限公司|有限公司|公司|商行|经营部|工作室))")
_MERCHANT_LABEL = re.compile(r"(?:^|(?<=\s))(?:店铺名称|店铺|商家名称|商家|卖家|收款方|商户全称|商户名称|商户|销售方名称|销售方|被投诉方|被投诉人|"
                             r"被投诉单位|投诉对象|被投诉商家|名\s*称)(?:\s*[:：]\s*|\s+)([^\s:：]{2,40})")
_SHOP_ARROW = re.compile(r"([\u4e00-\u9fffA-Za-z0-9（）()·&]{2,20})\s*[>›〉»]")   # "家居生活馆 >" heads an order's card
_NOT_SHOP = re.compile(r"物流|详情|全部|更多|查看|地址|发票|服务|订单|退款|售后|评价|客服|推荐|优惠|红包|积分|会员|设置|帮助|"
                       r"收货|配送|商品|进度|记录|凭证|说明|规则|保障|协商|申请|投诉|支付|账单")
_MERCHANT_TRAIL = re.compile(r"[>›〉»\s]+$|(进店|进入店铺|关注|联系卖家|客服)$")

_REFUSAL_LABEL = re.compile(r"(?:驳回原因|拒绝原因|拒绝理由|驳回理由|审核意见|审核结果|处理结果|商家留言|商家回复|商家说明)" + _SEP)
_REFUSAL_WORDS = re.compile(r"无法为您|无法办理|无法处理|不符合|不满足|不在.{0,8}范围|已拆封|拆封|影响二次销售|二次销售|不予退|不予办理|不予受理|不支持退|不支持七天|不支持7天|"
                            r"不能退|无法退|不退|非质量问题|已过.{0,4}无理由|已过.{0,6}期|超过.{0,6}(?:期|天)|人为损坏|(?<!不是)(?<!并非)人为|"
                            r"不属于质量|不属于.{0,8}范围|已使用|已激活|拒绝退|拒绝了您的|拒绝了你的|驳回|不同意|不予处理")

# Screen words that name the platform (a screenshot of a WeChat payment to 京东 is about JD).
_PLATFORM_WORDS = {
    "jd": ("京东", "JD.COM", "京东快递", "京东物流", "京东自营", "JD"),
    "taobao": ("淘宝", "天猫", "Tmall", "TMALL", "Taobao", "闲鱼", "阿里巴巴", "88VIP", "淘宝网"),
    "pdd": ("拼多多", "多多", "百亿补贴", "PDD", "Temu"),
    "douyin": ("抖音", "抖店", "抖音商城", "巨量", "Douyin", "字节跳动"),
}
_APP_PLATFORMS = {"pinduoduo": "pdd"}


@dataclass
class Stamp:
    """A time printed on the screen with the words around it (for proposed events)."""
    value: str             # ISO 8601
    context: str           # its row and the row above
    box: list | None
    row_text: str = ""
    header: bool = False   # the time alone on its row, centred: a chat's time header (about the messages below)


@dataclass
class Facts:
    values: dict = field(default_factory=lambda: {k: [] for k in FACT_KEYS})
    platform: str | None = None
    stamps: list[Stamp] = field(default_factory=list)
    screen: str | None = None
    loose: list[dict] = field(default_factory=list)     # times without a year, dated by resolve_loose
    consumed: set = field(default_factory=set)          # lines already read as part of another time

    def add(self, key: str, value: str, box, page: int = 0) -> None:
        value = value.strip()
        if not value:
            return
        for item in self.values[key]:
            if item["value"] == value:
                return
        self.values[key].append({"value": value, "box": box, "page": page})

    def to_json(self) -> dict:
        out = {k: self.values[k] for k in FACT_KEYS}
        out["platform"] = self.platform
        out["screen"] = self.screen
        out["stamps"] = [{"value": s.value, "context": s.context, "box": s.box, **({"header": True} if s.header else {})}
                         for s in self.stamps]
        if self.loose:
            out["loose"] = self.loose
        return out

    def is_empty(self) -> bool:
        return not any(self.values[k] for k in FACT_KEYS)


def flat(facts_json: dict | None) -> dict:
    """The facts as `list --json` prints them: lists of values, and the platform."""
    facts_json = facts_json or {}
    out = {k: [item["value"] for item in facts_json.get(k, [])] for k in FACT_KEYS}
    out["platform"] = facts_json.get("platform")
    return out


# ----- extraction ----------------------------------------------------------------------------------

def extract(lines: list[Line], original_name: str = "", app_platform: str | None = None) -> Facts:
    facts = Facts()
    rows = rows_of([Line(normalise(l.text), l.box, l.conf, l.page) for l in lines])
    middles = {}    # the middle of each page (what its lines span), to tell a centred chat time header
    for l in lines:
        if l.box:
            lo, hi = middles.get(l.page, (l.box[0], l.box[2]))
            middles[l.page] = (min(lo, l.box[0]), max(hi, l.box[2]))
    for i, row in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) and rows[i + 1].page == row.page else None
        prev = rows[i - 1] if i > 0 and rows[i - 1].page == row.page else None
        _numbers(facts, row, nxt)
        _amounts(facts, row, [r for r in reversed(rows[max(0, i - 2):i]) if r.page == row.page])
        _times(facts, row, [r for r in reversed(rows[max(0, i - 3):i]) if r.page == row.page],
               top=prev is None, span=middles.get(row.page), nxt=nxt)
        _phones(facts, row)
        _merchants(facts, row, nxt)
        _refusals(facts, row, rows[i + 1:i + 4])
    _order_amounts(facts)
    facts.platform = platform_of(rows, original_name, app_platform)
    facts.screen = screen_of("".join(r.text for r in rows), facts)   # a word may wrap onto the next row
    if facts.screen in ("order", "aftersales", "refusal") and not facts.values["merchants"]:
        _arrow_shop(facts, rows)
    return facts


def _numbers(facts: Facts, row: Row, nxt: Row | None) -> None:
    text = row.text
    for key, label in _NUMBER_LABELS.items():
        for m in re.finditer(label + _SEP + _NUMBER_VALUE[key] + r"(?![0-9A-Za-z])", text):
            value = m.group(1)
            if sum(c.isdigit() for c in value) < 6:
                continue
            # Alipay's bill calls its 28-digit trade number 订单号: no shop's order number is that long
            target = "trade_numbers" if key == "order_numbers" and re.fullmatch(r"\d{26,}", value) else key
            facts.add(target, value, row.box_of(m.start(1), m.end(1)), row.page)
        # the label alone at the end of its row, the value on the row below
        if nxt is not None and re.search(label + _SEP + "$", text):
            m = re.match(r"\s*" + _NUMBER_VALUE[key] + r"(?![0-9A-Za-z])", nxt.text)
            if m and sum(c.isdigit() for c in m.group(1)) >= 6:
                facts.add(key, m.group(1), nxt.box_of(m.start(1), m.end(1)), nxt.page)
    for m in _PDD_ORDER.finditer(text):
        facts.add("order_numbers", m.group(1), row.box_of(m.start(1), m.end(1)), row.page)
    for m in _TAOBAO_MERCHANT_ORDER.finditer(text):
        facts.add("order_numbers", m.group(1), row.box_of(m.start(1), m.end(1)), row.page)
    for m in _WAYBILL_SELF.finditer(text):
        facts.add("waybills", m.group(1), row.box_of(m.start(1), m.end(1)), row.page)


_DISCOUNT = re.compile(r"优惠|减|折扣|券|红包|抵扣|立减|补贴|返")
_LONE_SIGNED = re.compile(r"^[-+]\s*[¥]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$")


def _amounts(facts: Facts, row: Row, above: list[Row]) -> None:
    for m in _AMOUNT_RE.finditer(row.text):
        num = m.group("num")
        span_text = next((row.text[s:e] for s, e, _ in row.spans if s <= m.start("num") < e), "")
        lone_signed = bool(_LONE_SIGNED.match(span_text.strip()))   # WeChat and Alipay print "-399.00"
        if not (m.group("label") or m.group("yen") or m.group("unit") or lone_signed):
            continue
        if m.group("sign") == "-" and (_DISCOUNT.search(row.text) or not (lone_signed or m.group("label"))):
            continue
        # a bare number next to 元 is an amount only with a label or decimals (not "7天" or a count)
        if not m.group("yen") and "." not in num:
            continue
        value = money(num)
        if value is None:
            continue
        box = row.box_of(m.start("num"), m.end("num"))
        label = m.group("label") or ""
        if not label:  # the label in the same row (商品总额 ........ ¥399.00), or alone in the row above
            lm = re.findall(_AMOUNT_LABELS, row.text[:m.start()])
            label = lm[-1] if lm else ""
            if not label and row.text.strip() == m.group(0).strip():
                for r in above:   # the label alone in a row above (PDF text layers: 价税合计（小写）)
                    lm = re.findall(_AMOUNT_LABELS, re.sub(r"\s+", "", r.text))
                    if lm:
                        label = lm[-1]
                        break
        facts.add("amounts", value, box, row.page)
        for item in facts.values["amounts"]:
            if item["value"] == value:
                rank = _AMOUNT_PRIORITY.index(label) if label in _AMOUNT_PRIORITY else len(_AMOUNT_PRIORITY)
                item["_rank"] = min(item.get("_rank", 99), rank)


def _order_amounts(facts: Facts) -> None:
    items = facts.values["amounts"]
    items.sort(key=lambda item: item.get("_rank", 99))
    for item in items:
        item.pop("_rank", None)


def _is_header(row: Row, m: re.Match, span) -> bool:
    """The time is all its row holds and stands in the middle of the page (a chat's time header)."""
    box = row.box_of(m.start(), m.end())
    if row.text.strip() != m.group(0).strip() or not box or not span or span[1] - span[0] < 100:
        return False
    return abs((box[0] + box[2]) / 2 - (span[0] + span[1]) / 2) < 0.08 * (span[1] - span[0])


def _times(facts: Facts, row: Row, above: list[Row], top: bool = False, span=None, nxt: Row | None = None) -> None:
    taken = []
    for m in DATETIME_RE.finditer(row.text):
        day, when = _stamp(m)
        if day is None:
            continue
        if not 2000 <= int(day[:4]) <= 2099:
            continue
        taken.append((m.start(), m.end()))
        box = row.box_of(m.start(), m.end())
        facts.add("dates", day, box, row.page)
        if when:
            facts.add("datetimes", when, box, row.page)
            facts.stamps.append(Stamp(when, _context(row, m.start(), above), box, row.text, _is_header(row, m, span)))
    if not top:    # a phone's status bar or a desktop's menu bar prints the clock: not a time of the case
        _loose_times(facts, row, above, taken, span, nxt)


def _loose_times(facts: Facts, row: Row, above: list[Row], taken: list, span, nxt: Row | None = None) -> None:
    """Times printed without a year, kept for resolve_loose (the capture time dates them)."""
    free = lambda m: not any(s < m.end() and m.start() < e for s, e in taken)  # noqa: E731
    found = []
    if row.spans and id(row.spans[0][2]) in facts.consumed:
        return                 # the time under a day printed above it (taken with that day)
    first = row.spans[0][2] if row.spans else None
    day = re.fullmatch(r"\s*(\d{2})-(\d{2})\s*", first.text) if first and first.box else None
    under = nxt.spans[0][2] if nxt is not None and nxt.spans else None
    clock = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", under.text) if under is not None and under.box else None
    if day and clock and abs(first.box[0] - under.box[0]) < 30:    # "07-05" over "14:22" in a left column
        month, dd, hour, minute = int(day.group(1)), int(day.group(2)), int(clock.group(1)), int(clock.group(2))
        if 1 <= month <= 12 and 1 <= dd <= 31 and hour <= 23 and minute <= 59:
            facts.consumed.add(id(under))
            context = _context(row, 0, above)
            box = [min(first.box[0], under.box[0]), first.box[1], max(first.box[2], under.box[2]), under.box[3]]
            facts.loose.append({"kind": "date", "month": month, "day": dd, "hour": hour, "minute": minute, "second": 0,
                                "fact": True, "text": f"{first.text} {under.text}", "context": context, "box": box,
                                "page": row.page, "header": False})
            return
    for m in LOOSE_RE.finditer(row.text):
        if not free(m):
            continue
        hour = hour24(int(m.group("h")), m.group("ap"))
        minute, second = int(m.group("mi")), int(m.group("s") or 0)
        if hour is None or minute > 59 or second > 59:
            continue
        item = {"hour": hour, "minute": minute, "second": second, "fact": True}
        if m.group("rel"):
            item.update(kind="days", days=_DAYS_BACK[m.group("rel")], fact=m.group("rel") != "今天")
        elif m.group("wd"):
            item.update(kind="weekday", weekday=_WEEKDAYS.index(m.group("wd").replace("天", "日")))
        else:
            month = int(m.group("mo") or m.group("mo2") or m.group("mo3"))
            day = int(m.group("d") or m.group("d2") or m.group("d3"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            item.update(kind="date", month=month, day=day)
        found.append((m, item))
    if not found:   # a clock time alone: today's (a chat header)
        m = _TODAY_RE.search(row.text)
        bare = _BARE_RE.fullmatch(row.text) if len(row.spans) == 1 else None
        m = m if m and free(m) else bare
        if m:
            hour = hour24(int(m.group("h")), m.groupdict().get("ap"))
            if hour is not None and int(m.group("mi")) <= 59:
                found.append((m, {"kind": "days", "days": 0, "hour": hour, "minute": int(m.group("mi")), "second": 0,
                                  "fact": False}))
    for m, item in found:
        item.update(text=m.group(0).strip(), context=_context(row, m.start(), above),
                    box=row.box_of(m.start(), m.end()), page=row.page, header=_is_header(row, m, span))
        facts.loose.append(item)


def resolve_loose(facts_json: dict, captured: datetime | None) -> dict:
    """The facts with their times without a year dated by the exhibit's capture time: a month and day in
    the capture's year (the year before if that would be later than the capture), 昨天 the day before, a
    weekday the last such day before the capture, a bare clock time the capture's day. Nothing is put
    after the capture time. Dated times join the stamps (for events) and, unless they are only a clock
    time, the datetimes and dates. Without a capture time the facts are returned as they are."""
    loose = facts_json.get("loose") or []
    if captured is None or not loose or facts_json.get("loose_dated"):
        return facts_json
    out = {**facts_json, **{k: list(facts_json.get(k) or []) for k in ("datetimes", "dates", "stamps")}}
    tz = captured.tzinfo or CHINA
    shot = captured if captured.tzinfo else captured.replace(tzinfo=CHINA)
    shot = shot.astimezone(tz)
    for item in loose:
        try:
            when = _date_loose(item, shot)
        except (ValueError, KeyError, TypeError):
            continue
        if when is None or when > shot:
            continue
        value = when.isoformat()
        out["stamps"].append({"value": value, "context": item.get("context", ""), "box": item.get("box"),
                              **({"header": True} if item.get("header") else {}),
                              **({} if item.get("fact") else {"clock": True})})
        if item.get("fact"):
            for key, v in (("dates", value[:10]), ("datetimes", value)):
                if not any(i["value"] == v for i in out[key]):
                    out[key].append({"value": v, "box": item.get("box"), "page": item.get("page", 0)})
    out["loose_dated"] = shot.isoformat()
    return out


def _date_loose(item: dict, shot: datetime) -> datetime | None:
    at = dict(hour=item["hour"], minute=item["minute"], second=item.get("second", 0), microsecond=0)
    if item["kind"] == "date":
        when = shot.replace(month=item["month"], day=item["day"], **at) if _valid(shot.year, item) else None
        if when is None or when > shot:
            when = shot.replace(year=shot.year - 1, month=item["month"], day=item["day"], **at) \
                if _valid(shot.year - 1, item) else None
        return when
    if item["kind"] == "days":
        return (shot - timedelta(days=item["days"])).replace(**at)
    if item["kind"] == "weekday":
        back = (shot.weekday() - item["weekday"]) % 7 or 7     # the last such day before the capture's
        return (shot - timedelta(days=back)).replace(**at)
    return None


def _valid(year: int, item: dict) -> bool:
    try:
        datetime(year, item["month"], item["day"])
    except ValueError:
        return False
    return True


def _context(row: Row, at: int, above: list[Row]) -> str:
    """The words that say what a time is: its label in the same box or the box to its left, else the
    rows above it (up to the previous time)."""
    for index, (start, end, line) in enumerate(row.spans):
        if start <= at <= end:
            before = row.text[start:at].strip()
            if len(before) < 2 and index > 0:
                left = row.spans[index - 1]
                before = (row.text[left[0]:left[1]] + " " + before).strip()
            if before:
                return before[-40:]
            if index == 0 and len(row.spans) > 1:   # "06-20 10:31  【杭州市】已签收": the words on its right
                right = row.spans[1]
                return row.text[right[0]:right[1]][:40]
            break
    context = []
    for r in above:   # nearest first
        if DATETIME_RE.search(r.text):
            break
        context.insert(0, r.text)
        if len("".join(context)) > 40:
            break
    return " ".join(context)[-80:]


def _phones(facts: Facts, row: Row) -> None:
    text = row.text
    # an order or trade number holds runs of digits that look like phones: skip digits inside longer numbers,
    # and a number beside a number label (黑猫's 投诉编号 17351234567 is not a phone)
    labelled = [m.span(1) for key, label in _NUMBER_LABELS.items()
                for m in re.finditer(label + _SEP + _NUMBER_VALUE[key], text)]
    for regex in (_MOBILE, _LANDLINE):
        for m in regex.finditer(text):
            if any(s < m.end(1) and m.start(1) < e for s, e in labelled):
                continue
            value = re.sub(r"[\s]", "", m.group(1))
            facts.add("phones", value, row.box_of(m.start(1), m.end(1)), row.page)


def _clean_merchant(name: str) -> str:
    name = _MERCHANT_TRAIL.sub("", name.strip())
    name = _MERCHANT_TRAIL.sub("", name)
    return name.strip(" >›：:")


_NOT_MERCHANT_ROW = re.compile(r"收单机构|支付机构|清算机构|由.{2,12}提供|开户行|银行|保险|购买方|购方|账单分类|分类|类目|品类")


def _add_merchant(facts: Facts, value: str, box, page: int) -> None:
    m = re.fullmatch(r"(.+?)[（(](.+(?:公司|商行|经营部))[）)]", value)   # 店铺（公司）: both
    if m:
        _add_merchant(facts, m.group(1), box, page)
        _add_merchant(facts, m.group(2), box, page)
        return
    value = _clean_merchant(value)
    if len(value) >= 2 and not re.fullmatch(r"[\d.¥-]+", value) and not _is_generic(value):
        facts.add("merchants", value, box, page)


def _merchants(facts: Facts, row: Row, nxt: Row | None) -> None:
    text = row.text
    if _NOT_MERCHANT_ROW.search(text):
        return
    found = False
    for m in _MERCHANT_LABEL.finditer(text):
        before = len(facts.values["merchants"])
        _add_merchant(facts, m.group(1), row.box_of(m.start(1), m.end(1)), row.page)
        found = found or len(facts.values["merchants"]) > before or _is_known(facts, m.group(1))
    if found:
        return
    for regex in (_SHOP_RE, _COMPANY_RE):
        for m in regex.finditer(text):
            value = re.sub(r"^(?:店铺|商家|卖家|来自|进入|收款方|销售方|名称)", "", m.group(1))
            if len(value) >= 4:
                _add_merchant(facts, value, row.box_of(m.start(1), m.end(1)), row.page)


def _arrow_shop(facts: Facts, rows: list[Row]) -> None:
    """An order page without a shop word: the first row that is only a name and an arrow ("家居生活馆 >")."""
    for row in rows:
        m = _SHOP_ARROW.fullmatch(row.text.strip())
        if m and not _NOT_SHOP.search(m.group(1)) and not _is_generic(m.group(1)) and not re.fullmatch(r"[\d.]+", m.group(1)):
            facts.add("merchants", m.group(1), row.box_of(m.start(1), m.end(1)), row.page)
            return


def _is_known(facts: Facts, value: str) -> bool:
    return any(item["value"] in value for item in facts.values["merchants"])


_GENERIC = re.compile(r"^(?:客服|在线客服|联系商家|联系客服|进店|进店逛逛|官方|商家|店铺|全部|平台|信息|名称|我的|本店|该店|"
                      r"电话|地址|开户行及账号|纳税人识别号|操作|数量|单价|商品|金额|评价|单号|的|统一社会信用代码)|"
                      r"审核|驳回|不通过|拒绝|小二$|^.{0,1}$")


def _is_generic(value: str) -> bool:
    return bool(_GENERIC.search(value))


_REFUSAL_CORE = re.compile(r"已拆封|拆封|二次销售|不予|不支持|非质量|无理由|人为|已使用|已激活|超过|超出|影响|不能退|无法退|不退|已过|"
                           r"磨损|正常使用|不属于|不符合|已过")
_REFUSAL_STRONG = re.compile(r"不符合|不满足|已拆封|二次销售|不予|不支持|非质量|无理由|人为|拒绝|驳回|不同意|不能退|无法退|不退")


# the buyer denying what a refusal would say ("这不是人为损坏的"): not a refusal
_DENIED = re.compile(r"(?:不是|并非|并不是|没有|没)(?:我)?(?:人为|已使用|使用过|拆封|拆过)")


def refusal_reason(clause: str, labelled: bool) -> str | None:
    """The refusal itself out of a sentence: a quoted reason, else the run of comma parts that refuse."""
    quoted = re.findall(r"[“\"「『]([^”\"」』]{4,60})[”\"」』]", clause)
    for q in quoted:
        if _REFUSAL_STRONG.search(q):
            return q.strip()
    clause = re.sub(r"[”」』].*$", "", clause) if not re.search(r"[“「『]", clause) else clause  # a quote's tail
    parts = re.split(r"[，,]", clause)
    hits = [i for i, p in enumerate(parts) if _REFUSAL_WORDS.search(p) and not _DENIED.search(p)]
    if not hits or (not labelled and not _REFUSAL_STRONG.search(clause)):
        return None
    value = "，".join(p.strip() for p in parts[hits[0]:hits[-1] + 1])
    value = re.sub(r"^(?:驳回原因|拒绝原因|商家驳回了您的退款申请|商家拒绝了您的.{0,6}申请)[，：:]?", "", value).strip(" ：:")
    return value if len(value) >= 4 and _REFUSAL_CORE.search(value) else None


def _reason_box(value: str, row: Row, below: list[Row]):
    at = row.text.find(value[:6])
    if at >= 0:
        box = row.box_of(at, at + len(value))
        rest = at + len(value) - len(row.text)
        for more_row in below:                 # wrapped onto the next rows: their boxes too
            if rest <= 0 or box is None:
                break
            more = more_row.box_of(0, rest)
            if more:
                box = [min(box[0], more[0]), min(box[1], more[1]), max(box[2], more[2]), max(box[3], more[3])]
            rest -= len(more_row.text)
        return box
    if below and below[0].text.find(value[:6]) >= 0:
        at = below[0].text.find(value[:6])
        return below[0].box_of(at, at + len(value))
    return row.box_of(0, len(row.text))


def _refusals(facts: Facts, row: Row, below: list[Row]) -> None:
    text = row.text
    label = _REFUSAL_LABEL.search(text)
    body = text[label.end() if label else 0:]
    below = [r for r in below if r.page == row.page]
    # a sentence wrapped onto the next rows continues there (a chat bubble of three lines)
    joined, last, used = body, body, []
    for more in below:
        if not last or re.search(r"[。！？!?]$", last) or len(last) < 12 or _REFUSAL_LABEL.search(more.text):
            break
        joined += more.text
        last = more.text
        used.append(more)
    for clause in re.split(r"[。！？!?；;\n]", joined):
        if not _REFUSAL_WORDS.search(clause):
            continue
        value = refusal_reason(clause, bool(label))
        if not value:
            continue
        value = value[:80]
        known = [item for item in facts.values["refusal_reasons"] if value in item["value"] or item["value"] in value]
        if known:
            for item in known:
                if len(value) > len(item["value"]):
                    item["value"] = value
            continue
        facts.add("refusal_reasons", value, _reason_box(value, row, used), row.page)


def platform_of(rows: list[Row], original_name: str = "", app_platform: str | None = None) -> str | None:
    if app_platform:
        return _APP_PLATFORMS.get(app_platform, app_platform)
    text = "\n".join(r.text for r in rows)
    scores = {}
    for platform, words in _PLATFORM_WORDS.items():
        n = 0
        for word in words:
            if word.isascii():
                n += len(re.findall(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", text))
            else:
                n += text.count(word)
        if n:
            scores[platform] = n
    if not scores:
        return None
    best = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(best) > 1 and best[0][1] == best[1][1]:
        return None
    return best[0][0]


# ----- what kind of screen ---------------------------------------------------------------------------

_SCREENS = [
    ("complaint", r"投诉编号|投诉单号|投诉登记号|12315平台|投诉已提交|投诉提交成功|市场监督管理局|消费者协会|投诉举报"),
    ("invoice", r"电子发票|发票号码|价税合计|销售方|购买方"),
    ("refusal", r"驳回|拒绝了您的|拒绝了你的|拒绝了.{0,4}(?:退款|退货|售后)申请|拒绝原因|驳回原因|拒绝理由|不予退|不予办理|不支持退|"
                r"已拆封影响二次销售|审核不通过|审核未通过|未通过审核|拒绝退|商家已拒绝|无法为您办理退|无法办理退"),
    ("logistics", r"运单号|快递单号|物流详情|物流信息|已签收|派送中|派件|揽收|运输中|签收人"),
    ("payment", r"支付成功|付款成功|交易成功|账单详情|交易单号|商户单号|支付宝交易号|转账成功|当前状态\s*支付成功"),
    ("aftersales", r"服务单|售后申请|申请售后|退货退款|退款申请|仅退款|售后详情|退款详情"),
    ("order", r"订单详情|订单编号|订单号|实付款|下单时间|商品总额|交易快照"),
    ("chat", r"客服|发送|在线咨询|机器人|人工|聊天"),
]


# Refusal words an order page may print too, as a product's terms ("不支持7天无理由退货"): a refusal only
# where the page is not an order or payment page
_REFUSAL_TERMS = r"不支持(?:七|7)天|不支持无理由|无法退货|不能退货|不能退换"


def screen_of(text: str, facts: Facts) -> str | None:
    scores = []
    for screen, words in _SCREENS:
        hits = len(re.findall(words, text))
        if hits:
            scores.append((hits, screen))
    hits = {screen: n for n, screen in scores}
    if "refusal" not in hits and facts.values["refusal_reasons"] and re.search(_REFUSAL_TERMS, text) \
            and hits.get("order", 0) + hits.get("payment", 0) < 2:
        return "refusal"        # a chat's "不支持七天无理由退货的哦", "已过退货期，无法退货"
    if not scores:
        return "chat" if any(s.header for s in facts.stamps) or any(i.get("header") for i in facts.loose) else None
    order = [s for s, _ in _SCREENS]
    # a refusal or complaint outweighs the order details printed on the same page
    for strong in ("complaint", "invoice", "refusal"):
        if any(s == strong for _, s in scores):
            return strong
    scores.sort(key=lambda t: (-t[0], order.index(t[1])))
    return scores[0][1]
