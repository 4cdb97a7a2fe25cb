"""Texts ready to send, filled from the case (DESIGN §9, issue 12 item 6).

Every value comes from the case's fields; where a field is empty, from the facts read from the evidence,
marked 〔据证据N识读，请核对〕; where nothing is known, a visible blank ＿＿＿. Nothing is made up.
Each text keeps to its channel's length limit (app/core/channels.py) and says when it was shortened.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .calendar import period
from .compensation import compensation
from .court import choose, small_claims_note
from .errors import DisputeError
from .known import BLANK, CaseView, Known
from .plan import case_deadlines

KINDS = ("negotiation", "refusal_request", "platform_appeal", "complaint_12315", "call_12345", "public_complaint",
         "lawsuit")
KIND_ZH = {"negotiation": "三明确协商函", "refusal_request": "书面拒绝说明请求", "platform_appeal": "平台介入申诉说明",
           "complaint_12315": "12315 投诉", "call_12345": "12345 通话稿", "public_complaint": "黑猫投诉（公开投诉）",
           "lawsuit": "民事起诉状（要素式）"}
REPLY_WORKING_DAYS = 3


@dataclass
class Section:
    title: str | None = None
    rows: list[tuple[str, str]] = field(default_factory=list)   # element, answer
    paras: list[str] = field(default_factory=list)
    limited: bool = False      # counts against the channel's text limit (the part pasted into its box)
    drop: int = 0              # >0: may be left out to fit, highest first
    drop_what: str = ""
    instead: str = ""          # what stands in its place when it is left out

    def render(self) -> str:
        lines = [self.title] if self.title else []
        lines += [f"{k}：{v}" if k else v for k, v in self.rows]
        lines += self.paras
        return "\n".join(lines)


@dataclass
class Text:
    kind: str
    title: str
    channel: str | None
    sections: list[Section]
    limit: int | None = None
    limit_default: bool = False
    notes: list[str] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)
    unlimited_note: str = "通过聊天窗口或售后留言发送，没有字数限制"

    @property
    def body(self) -> str:
        return "\n\n".join(s.render() for s in self.sections if s.render())

    def render(self) -> str:
        return f"{self.title}\n\n{self.body}\n"

    @property
    def limited_text(self) -> str:
        parts = [s for s in self.sections if s.limited] or self.sections
        return "\n\n".join(s.render() for s in parts if s.render())

    @property
    def blanks(self) -> int:
        return self.render().count(BLANK)

    @property
    def shortened(self) -> bool:
        return any(n.startswith("已压缩") for n in self.notes)

    def to_json(self) -> dict:
        return {"kind": self.kind, "title": self.title, "channel": self.channel, "text": self.render(),
                "limit": self.limit, "length": len(self.limited_text), "shortened": self.shortened,
                "notes": self.notes, "to_check": self.to_check, "blanks": self.blanks}


# ----- the facts a text uses ---------------------------------------------------------------------------

class Facts:
    """The case's facts as texts show them, remembering which ones the user must check."""

    def __init__(self, view: CaseView):
        self.view = view
        self.to_check: list[str] = []

    def show(self, k: Known, what: str) -> str:
        if k.to_check and what not in self.to_check:
            self.to_check.append(what)
        return k.text()

    def get(self, name: str, what: str) -> str:
        return self.show(self.view.field(name), what)

    @property
    def product(self) -> str:
        return self.get("product", "商品")

    @property
    def shop(self) -> str:
        shop, merchant = self.view.field("shop"), self.view.field("merchant")
        if shop.known:
            return self.show(shop, "店铺")
        return self.show(merchant, "商家")

    @property
    def merchant(self) -> str:
        return self.get("merchant", "商家名称")

    @property
    def order(self) -> str:
        return self.get("order_number", "订单号")

    @property
    def order_half_masked(self) -> str:
        """The order number with its middle half starred, for public posts (the merchant can still find
        the order; strangers cannot use it); a blank stays a blank."""
        return re.sub(r"\d{8,}", lambda m: _half_mask(m.group()), self.order)

    @property
    def amount_value(self) -> Decimal | None:
        value, k = self.view.amount()
        if k.to_check and "金额" not in self.to_check:
            self.to_check.append("金额")
        return value

    @property
    def amount(self) -> str:
        value, k = self.view.amount()
        if value is None:
            return BLANK
        return self.show(Known(f"{value:,.2f}", k.source, k.exhibit), "金额")

    def day(self, name: str, event: str | None, what: str) -> str:
        d, k = self.view.date_field(name, event)
        if d is None:
            return f"{BLANK}年{BLANK}月{BLANK}日"
        return self.show(Known(_zh_date(d), k.source, k.exhibit), what)

    @property
    def ordered(self) -> str:
        return self.day("ordered_on", "下单", "下单日期")

    @property
    def paid(self) -> str:
        return self.day("paid_on", "付款", "付款日期")

    @property
    def received(self) -> str:
        return self.day("received_on", "签收", "签收日期")

    @property
    def problem(self) -> str:
        for ev in self.view.events_of("发现问题", include_proposed=True):
            said = ev.title if ev.title and ev.title != ev.type else ""
            said = "；".join(x for x in (said, ev.notes) if x)
            when = f"{_zh_date(ev.day)}" if ev.day else ""
            if said:
                if not when:
                    return said
                # a title that says it already ("开箱发现门板开裂") is not "发现开箱发现门板开裂"
                return f"{when}，{said}" if "发现" in said else f"{when}发现{said}"
            if when:
                return f"{when}发现商品存在问题：{BLANK}（请写明问题）"
        return f"商品存在问题：{BLANK}（请写明问题，例如“内胆涂层脱落”）"

    def refusal(self, who: str = "商家", whom: str = "我") -> str:
        refusals = [e for e in self.view.events_of("商家拒绝", include_proposed=True) if e.day]
        reason = self.view.refusal_reason()
        said = f"以“{self.show(reason, '拒绝理由')}”为由" if reason.known else ""
        if refusals:
            ev = refusals[0]
            day = _zh_date(ev.day)
            if ev.status != "confirmed":
                day = self.show(Known(day, "proposed", ev.exhibits[0] if ev.exhibits else None), "拒绝日期")
            return f"{day}，{who}{said}拒绝了{whom}的要求"
        if reason.known:
            return f"{who}{said}拒绝了{whom}的要求"
        return ""

    def claimant(self, what: str = "name") -> str:
        return self.get({"name": "claimant_name", "contact": "claimant_contact", "address": "claimant_address",
                         "id": "claimant_id_number"}[what], what)


def _zh_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else f"{BLANK}年{BLANK}月{BLANK}日"


def cite(articles: list[str]) -> str:
    """《消费者权益保护法》第二十四条、第二十五条、第二十三条第三款: each law named once, explanations left out."""
    by_law: dict[str, list[str]] = {}
    for a in articles:
        law, _, art = a.split("（")[0].partition("》")
        by_law.setdefault(law + "》", []).append(art)
    return "、".join(law + "、".join(arts) for law, arts in by_law.items())


def _evidence_list(view: CaseView) -> list[str]:
    """证据N：name, one line an exhibit; for a pack's text only those the pack carries (the reader of an appeal
    looks for every listed one among the uploads), the rest named as not sent."""
    seen, out, not_sent = set(), [], []
    for x in view.exhibits:
        key = x["label"].split("-")[0]
        if key in seen:
            continue
        seen.add(key)
        if view.shown is not None and key not in view.shown:
            not_sent.append(key)
            continue
        out.append(f"{key}：{x.get('name') or ''}")
    if not_sent and out:
        out.append(f"（{'、'.join(not_sent)}因上传数量或大小限制未随本次材料提交，可另行提供。）")
    return out


# ----- what the consumer asks, and on which articles ---------------------------------------------------

@dataclass
class Claim:
    words: str              # what is asked, in a sentence
    articles: list[str]
    items: list[tuple[str, Decimal | None]]   # numbered claims with amounts (the lawsuit)


def claim(view: CaseView, f: Facts, you: str = "贵方") -> Claim:
    demand = (view.info.get("demand") or "").strip()
    amount = f.amount_value
    amount_s = f.amount
    arts: list[str] = []
    deadlines, _ = case_deadlines(view)
    by_rule = {cd.deadline.rule.id: cd.deadline for cd in deadlines}
    quality = bool(view.events_of("发现问题", include_proposed=True)) or demand in ("换货", "维修")
    if quality:
        arts.append("《消费者权益保护法》第二十四条（商品不符合质量要求的，七日内可以退货；经营者承担运输等必要费用）")
    nr = by_rule.get("no_reason_return")
    first_ask = view.first_day("联系客服", "申请售后", "商家拒绝", include_proposed=True)
    if nr and (first_ask and first_ask <= nr.due or view.today <= nr.due):
        arts.append("《消费者权益保护法》第二十五条（网购商品自收到之日起七日内无理由退货）")
    reason = view.refusal_reason().value or ""
    if any(w in reason for w in ("拆封", "二次销售", "拆开", "包装")):
        arts.append("《网络购买商品七日无理由退货暂行办法》第八条（为查验打开包装或合理调试不影响商品完好）")
    bp = by_rule.get("burden_of_proof")
    if bp and view.info.get("product_class") == "durable" and (first_ask or view.today) <= bp.due:
        arts.append("《消费者权益保护法》第二十三条第三款（耐用商品六个月内发现瑕疵，由经营者承担举证责任）")
    refund = f"退还货款 {amount_s} 元"
    items: list[tuple[str, Decimal | None]] = []
    if demand == "换货":
        words = f"为我更换同型号的合格商品，往返运费由{you}承担"
        items.append(("判令被告为原告更换同型号合格商品并承担往返运费", None))
    elif demand == "维修":
        words = f"免费修理至正常使用，运费由{you}承担"
        items.append(("判令被告免费修理涉案商品并承担运费", None))
    elif demand in ("三倍赔偿", "十倍赔偿"):
        basis = "fraud" if demand == "三倍赔偿" else "food"
        if amount is not None:
            c = compensation(basis, amount)
            extra = f"{c.amount:,.2f}"
            arts.append(c.law + ("（欺诈：价款三倍，不足五百元的为五百元）" if basis == "fraud"
                                 else "（不符合食品安全标准：价款十倍或损失三倍，不足一千元的为一千元）"))
            items += [(f"判令被告退还原告货款 {amount:,.2f} 元", amount),
                      (f"判令被告支付原告赔偿金 {extra} 元（{c.how}）", c.amount)]
        else:
            extra = BLANK
            arts.append("《消费者权益保护法》第五十五条第一款" if basis == "fraud" else "《食品安全法》第一百四十八条第二款")
            items += [(f"判令被告退还原告货款 {BLANK} 元", None), (f"判令被告支付原告赔偿金 {BLANK} 元", None)]
        words = f"{refund}，并支付赔偿金 {extra} 元"
    elif demand in ("退货退款", "") or "退" in demand:
        words = f"办理退货，{refund}，退货运费由{you}承担"
        items.append((f"判令被告退还原告货款 {amount:,.2f} 元" if amount is not None
                      else f"判令被告退还原告货款 {BLANK} 元", amount))
    else:
        words = demand
        items.append((f"判令被告{demand}", None))
    if not any(a.startswith("《消费者权益保护法》") for a in arts):
        arts.insert(0, "《消费者权益保护法》第二十四条（商品不符合质量要求的，可以要求退货、更换、修理）")
    return Claim(words, arts, items)


# ----- the texts -----------------------------------------------------------------------------------------

def _reply_by(view: CaseView) -> date:
    return period(view.today, REPLY_WORKING_DAYS, "working_days").due


def negotiation(view: CaseView) -> Text:
    f = Facts(view)
    c = claim(view, f)
    by = _reply_by(view)
    refused = f.refusal("贵方")
    s = [Section(paras=[f"{f.shop}："]),
         Section(paras=[f"我于{f.ordered}在{view.platform_zh}“{f.shop}”购买了{f.product}（订单号：{f.order}），"
                        f"实付 {f.amount} 元，于{f.received}签收。"]),
         Section("一、问题", paras=[f"{f.problem}。" + (f"{refused}。" if refused else "")]),
         Section("二、诉求", paras=[f"依据{'、'.join(c.articles)}，请贵方{c.words}。"]),
         Section("三、期限", paras=[f"请于{_zh_date(by)}前（{REPLY_WORKING_DAYS}个工作日内）给予书面答复。逾期不答复或仍拒绝的，"
                                  f"我将申请{view.platform_zh}平台介入，并向市场监督管理部门（12315）投诉，必要时依法起诉。"]),
         Section(paras=[f"消费者：{f.claimant('name')}    联系电话：{f.claimant('contact')}", _zh_date(view.today)])]
    return _finish(view, Text("negotiation", "协商函（三明确）", None, s), f)


def refusal_request(view: CaseView) -> Text:
    f = Facts(view)
    refused = f.refusal("贵方")
    s = [Section(paras=[f"{f.shop}："]),
         Section(paras=[f"我于{f.ordered}在{view.platform_zh}“{f.shop}”购买了{f.product}（订单号：{f.order}，实付 {f.amount} 元）。"
                        + (f"{refused}。" if refused else "我提出的售后要求未获同意。")]),
         Section(paras=["如贵方坚持不予处理，请出具书面的拒绝说明，写明：1. 拒绝的具体理由及所依据的规定或约定；"
                        "2. 作出决定的日期；3. 加盖贵公司公章，或注明处理人员姓名和客服工号。",
                        f"请于{_zh_date(_reply_by(view))}前答复。该说明将作为我向平台、市场监督管理部门反映和依法维权的依据。"]),
         Section(paras=[f"消费者：{f.claimant('name')}    联系电话：{f.claimant('contact')}", _zh_date(view.today)])]
    return _finish(view, Text("refusal_request", "书面拒绝说明请求", None, s), f)


def platform_appeal(view: CaseView) -> Text:
    f = Facts(view)
    c = claim(view, f, "商家")
    refused = f.refusal() or f"商家拒绝了我的要求（拒绝理由：{BLANK}）"
    evidence = _evidence_list(view)
    s = [Section(rows=[("订单号", f.order), ("店铺", f.shop), ("商品", f.product), ("实付金额", f"{f.amount} 元")]),
         Section("申请平台介入说明", limited=True,
                 paras=[f"我于{f.received}签收商品，{f.problem}。{refused}。",
                        f"依据{'、'.join(c.articles)}，请平台支持我的诉求：{c.words}。"]),
         Section("证据", limited=True, drop=1, drop_what="证据清单", instead="证据：详见上传的编号图片",
                 paras=evidence or [f"{BLANK}（请上传编号证据图片）"])]
    return _finish(view, Text("platform_appeal", "平台介入申诉说明", view.platform, s), f)


def complaint_12315(view: CaseView) -> Text:
    f = Facts(view)
    c = claim(view, f, "被投诉人")
    refused = f.refusal() or f"商家拒绝处理（拒绝理由：{BLANK}）"
    credit = f.get("merchant_credit_code", "统一社会信用代码")
    s = [Section("投诉人（消费者信息）", rows=[("姓名", f.claimant("name")), ("电话号码", f.claimant("contact")),
                                          ("通讯地址", f.claimant("address"))]),
         Section("被投诉人", rows=[("名称", f.merchant), ("统一社会信用代码", credit),
                                 ("地址", f.get("merchant_address", "商家地址")),
                                 ("网店名称", f"{view.platform_zh}“{f.shop}”")]),
         Section("业务信息", rows=[("购买平台", view.platform_zh), ("订单号", f.order), ("金额", f"{f.amount} 元"),
                                 ("消费时间", f.ordered), ("商品", f.product)]),
         Section("投诉请求", limited=True, paras=[f"请求被投诉人{c.words}。"]),
         Section("投诉内容（事实与理由）", limited=True,
                 paras=[f"我于{f.ordered}在{view.platform_zh}“{f.shop}”购买{f.product}（订单号：{f.order}），"
                        f"实付 {f.amount} 元，{f.received}签收。{f.problem}。{refused}。",
                        f"依据{'、'.join(c.articles)}，被投诉人应当{c.words}。请市场监督管理部门依法处理。"]),
         Section("附件", paras=_evidence_list(view) or [f"{BLANK}（上传证据截图）"])]
    t = Text("complaint_12315", "12315 消费投诉", "12315", s)
    from .contacts import seat
    city = seat(view.platform).get("city")
    t.notes.append("投诉平台上的店铺：由店铺经营地或平台所在地" + (f"（{view.platform_zh}：{city}）" if city else "")
                   + "的市场监管部门处理；若商家是“绿色通道”（ODR）企业，会先转给商家处理，10个工作日内联系您，未解决再由市场监管部门处理")
    t.notes.append("12315 表单中的姓名、电话、地址、被投诉人名称和地址是必填项（投诉举报处理暂行办法第九条）；"
                   "“投诉内容”一栏可能禁止粘贴，可分段复制或手动输入")
    return _finish(view, t, f)


def call_12345(view: CaseView) -> Text:
    f = Facts(view)
    c = claim(view, f, "商家")
    from .contacts import for_case
    hotline = next((x for x in for_case(view.platform, ("complaint",)) if x.id.startswith("12345")), None)
    refused = f.refusal() or "商家拒绝处理"
    s = [Section(paras=[f"（拨打 {hotline.phone if hotline else BLANK}：{hotline.name if hotline else '平台所在地 12345 热线'}）"]),
         Section(limited=True, paras=[
             f"您好，我要反映一起网购消费纠纷。我叫{f.claimant('name')}，电话{f.claimant('contact')}。",
             f"我在{view.platform_zh}的“{f.shop}”（{f.merchant}）买了{f.product}，订单号{f.order}，付了 {f.amount} 元，"
             f"{f.received}签收。{f.problem}。{refused}。",
             f"我的诉求是：{c.words}。依据是{cite(c.articles)}。",
             "希望督促平台和商家处理。请问工单号是多少？大概多久会有回复？"]),
         Section("记下", drop=1, drop_what="通话记录栏", paras=[f"工单号：{BLANK}    受理人员：{BLANK}    通话时间：{BLANK}"])]
    return _finish(view, Text("call_12345", "12345 通话稿", "12345", s), f)


def _half_mask(number: str) -> str:
    q = len(number) // 4
    return number[:q] + "*" * (len(number) - 2 * q) + number[len(number) - q:]


def public_complaint(view: CaseView) -> Text:
    f = Facts(view)
    c = claim(view, f, "商家")
    refused = f.refusal() or "商家拒绝处理"
    s = [Section(rows=[("投诉对象", f"{view.platform_zh}“{f.shop}”"), ("投诉问题", f"{f.product}存在问题，商家拒绝退换"),
                       ("投诉要求", c.words), ("涉诉金额", f"{f.amount} 元")]),
         Section("投诉内容", limited=True,
                 paras=[f"{f.ordered}在{view.platform_zh}“{f.shop}”购买{f.product}，订单号{f.order_half_masked}，{f.received}签收。"
                        f"{f.problem}。{refused}。",
                        f"依据{cite(c.articles)}，要求商家{c.words}。"])]
    t = Text("public_complaint", "黑猫投诉", "heimao", s)
    t.notes.append("投诉内容会公开：本文没有写入您的姓名、电话和地址；上传的截图先遮盖手机号、地址、姓名、身份证号")
    return _finish(view, t, f)


def lawsuit(view: CaseView) -> Text:
    f = Facts(view)
    c = claim(view, f, "被告")
    court = choose(view)
    items = c.items + [("判令被告承担本案诉讼费用", None)]
    total = sum((a for _, a in items if a is not None), Decimal(0))
    unknown_amount = any(a is None for label, a in items[:-1] if "元" in label)
    total_s = BLANK if (unknown_amount or total == 0) else f"{total:,.2f}"
    refused = f.refusal("被告", "原告") or f"被告拒绝（理由：{BLANK}）"
    talks = [e for e in view.events_of("联系客服", "申请售后", "商家拒绝", "申请平台介入", "12315投诉", "12345", "消协调解")
             if e.day]
    talk_s = "；".join(f"{_zh_date(e.day)}{(e.title if e.title != e.type else e.type).replace('商家', '被告')}"
                      + (f"（{'、'.join(e.exhibits)}）" if e.exhibits else "") for e in talks) or "无"
    timeline = [f"{_zh_date(e.day)} {e.type}" + (f"：{e.title}" if e.title and e.title != e.type else "")
                + (f"（{'、'.join(e.exhibits)}）" if e.exhibits else "")
                for e in sorted((e for e in view.events if e.status == "confirmed" and e.day), key=lambda e: e.when)]
    quality = bool(view.events_of("发现问题", include_proposed=True))
    s = [Section(paras=["说明：本起诉状按最高人民法院、司法部、中华全国律师协会《民事起诉状示范文本》买卖合同纠纷（要素式）"
                        "的结构填写；“＿＿＿”处请补充，“无”表示没有该项内容；〔请核对〕处据证据识读，请核对后删去标记。"]),
         Section("当事人信息", rows=[
             ("原告", f"{f.claimant('name')}，性别＿＿＿，出生日期＿＿＿，民族＿＿＿，"
                    f"住所地（收货地址）{f.claimant('address')}，公民身份号码{f.claimant('id')}，联系电话{f.claimant('contact')}"),
             ("被告", f"{f.merchant}，住所地{f.get('merchant_address', '被告住所地')}，"
                    f"统一社会信用代码{f.get('merchant_credit_code', '统一社会信用代码')}，法定代表人＿＿＿，联系电话＿＿＿"
                    + (f"（网店：{view.platform_zh}“{f.shop}”）" if view.field('shop').known else ""))]),
         Section("诉讼请求", rows=[(f"第{i}项", label) for i, (label, _) in enumerate(items, 1)]
                 + [("标的总额", f"{total_s} 元"), ("请求依据", cite(c.articles)
                                                  + "；《民法典》第五百七十七条、第五百八十二条")]),
         Section("约定管辖和诉讼保全", rows=[("1. 有无仲裁、法院管辖约定", "无"), ("2. 是否已经诉前保全", "无")]),
         Section("事实与理由", rows=[
             ("1. 合同的签订情况", f"{f.ordered}，原告通过{view.platform_zh}在被告经营的“{f.shop}”下单购买，订单号{f.order}"),
             ("2. 签订主体", f"出卖人：{f.merchant}；买受人：{f.claimant('name')}"),
             ("3. 买卖标的物情况", f"{f.product}，数量＿＿＿"),
             ("4. 合同约定的价格及支付方式", f"实付 {f.amount} 元，{f.paid}通过线上支付"),
             ("5. 交货时间、地点、方式", f"快递送至原告收货地址，原告于{f.received}签收"),
             ("6. 质量标准及检验方式、质量异议期限", "无特别约定，适用国家标准和法律规定"),
             ("7. 违约金、定金、赔偿损失的约定", "无"),
             ("8. 价款支付及标的物交付情况", f"原告已付清价款 {f.amount} 元；被告已交付，原告于{f.received}签收"),
             ("9. 是否存在迟延履行", "无"),
             ("10. 是否催促过履行 / 协商情况", talk_s),
             ("11. 标的物质量争议", (f"{f.problem}。{refused}" if quality else "无")),
             ("12. 被告应当承担的责任", f"被告应当{c.words}"),
             ("13. 其他需要说明的内容", "；".join(timeline) or "无"),
         ]),
         Section("证据清单", paras=_evidence_list(view) or ["详见所附证据目录"]),
         Section(paras=["此致", court.name, "", "具状人（签字）：＿＿＿", f"{BLANK}年{BLANK}月{BLANK}日", "",
                        "附：1. 本起诉状副本 1 份；2. 证据目录及证据（另附）"])]
    t = Text("lawsuit", "民事起诉状（买卖合同纠纷）", court.contact_id, s,
             unlimited_note="起诉状没有字数限制；网上立案时上传 Word 或 PDF")
    t.notes.append("法院：" + court.why)
    t.notes.append(small_claims_note(court, total if total_s != BLANK else None))
    return _finish(view, t, f)


BUILDERS = {"negotiation": negotiation, "refusal_request": refusal_request, "platform_appeal": platform_appeal,
            "complaint_12315": complaint_12315, "call_12345": call_12345, "public_complaint": public_complaint,
            "lawsuit": lawsuit}


def draft(view: CaseView, kind: str) -> Text:
    if kind not in BUILDERS:
        raise DisputeError(f"没有这种文书：{kind}（可用：{'、'.join(KINDS)}）", f"no such text: {kind} (known: {', '.join(KINDS)})")
    return BUILDERS[kind](view)


# ----- channel limits --------------------------------------------------------------------------------------

def _limit(channel: str | None) -> tuple[int | None, bool, str]:
    if not channel:
        return None, False, ""
    from ..channels import channel as get_channel
    ch = get_channel(channel)
    lim = ch.limit("text_chars")
    if lim is None or lim.value is None:
        return None, False, ch.name
    return int(lim.value), lim.default, ch.name


def _finish(view: CaseView, t: Text, f: Facts) -> Text:
    t.to_check = list(f.to_check)
    limit, default, name = _limit(t.channel)
    t.limit, t.limit_default = limit, default
    if limit is None:
        if t.channel is None:
            t.notes.append(t.unlimited_note)
        else:
            t.notes.append(f"{name}没有公布字数限制")
    else:
        _fit(t, limit, default, name)
    if t.to_check:
        t.notes.append("以下内容是从证据中识读的，请核对：" + "、".join(t.to_check))
    if t.blanks:
        t.notes.append(f"有 {t.blanks} 处“{BLANK}”需要您补充")
    return t


def _fit(t: Text, limit: int, default: bool, name: str) -> None:
    where = f"{name}的字数上限 {limit} 字" + ("（平台未公布，这是保守的默认值）" if default else "")
    dropped = []
    while len(t.limited_text) > limit:
        candidates = [s for s in t.sections if s.drop > 0 and s.limited]
        if not candidates:
            break
        s = max(candidates, key=lambda s: s.drop)
        i = t.sections.index(s)
        if s.instead:
            t.sections[i] = Section(paras=[s.instead], limited=True)
        else:
            t.sections.remove(s)
        dropped.append(s.drop_what or s.title or "一段")
    cut = False
    if len(t.limited_text) > limit:
        limited = [s for s in t.sections if s.limited] or t.sections
        for s in reversed(limited):
            while s.paras and len(t.limited_text) > limit:
                over = len(t.limited_text) - limit
                last = s.paras[-1]
                if len(last) - over - 2 >= 20:
                    s.paras[-1] = last[:len(last) - over - 2].rstrip("，。；、") + "……"
                else:
                    s.paras.pop()
                cut = True
            if len(t.limited_text) <= limit:
                break
    if dropped or cut:
        what = "；".join(x for x in ("省略了" + "、".join(dropped) if dropped else "",
                                     "截短了最后一段" if cut else "") if x)
        t.notes.insert(0, f"已压缩到{where}：{what}，详细内容见证据")
    else:
        t.notes.insert(0, f"长度 {len(t.limited_text)} 字，在{where}以内")
