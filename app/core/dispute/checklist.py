"""The evidence checklist for a case type (product class and demand), ticked from the exhibits'
categories, the facts read from them and the timeline; an unticked item says how to get it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .known import CaseView


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    how: str                 # how to get it, when missing
    required: bool = True
    done: bool = False
    by: tuple[str, ...] = ()  # the exhibits that tick it (证据N)
    note: str = ""

    def to_json(self) -> dict:
        return {"item": self.id, "label": self.label, "done": self.done, "required": self.required,
                "by": list(self.by), "how": self.how, "note": self.note}


def _named(view: CaseView, words: tuple[str, ...], categories: tuple[str, ...] | None = None) -> list[str]:
    """Exhibits whose name or the head of whose OCR text has one of the words."""
    found = []
    for x in view.exhibits:
        if categories is not None and x["category"] not in categories:
            continue
        text = (x.get("name") or "") + " " + (x.get("ocr_head") or "")
        if any(w in text for w in words):
            found.append(x["label"])
    return found


def _facts(view: CaseView, key: str) -> list[str]:
    labels = [view.label(f.get("exhibit_id")) for f in view.facts.get(key) or []]
    return [x for x in labels if x]


def _cats(view: CaseView, *categories: str) -> list[str]:
    return [x["label"] for x in view.exhibits_in(*categories)]


def _chats_of_refusal(view: CaseView) -> list[str]:
    """A chat in which the merchant refused is filed as a refusal, and is a record of talking to the merchant too
    (the reader names it …聊天记录截图; a refusal page is not a chat)."""
    return [x["label"] for x in view.exhibits_in("refusal") if "聊天" in (x.get("name") or "")]


def quality_disputed(view: CaseView) -> bool:
    """A refusal that denies a quality problem, or a demand that rests on one."""
    reason = view.refusal_reason().value or ""
    demand = view.info.get("demand") or ""
    return bool(re.search(r"质量|人为|正常现象|使用不当|不影响使用", reason)) or demand in ("换货", "维修") \
        or bool(view.events_of("发现问题"))


def checklist(view: CaseView) -> list[Item]:
    pc = view.info.get("product_class") or "ordinary"
    demand = view.info.get("demand") or ""
    platform = view.platform_zh
    items: list[Item] = []

    def add(id_, label, how, found, required=True, note=""):
        found = tuple(dict.fromkeys(x for x in found if x))
        items.append(Item(id_, label, how, required, bool(found), found, note))

    add("order", "订单凭证（订单号、商品、金额、下单时间）",
        f"在{platform}App“我的订单”打开本订单详情页，截取完整页面（含订单号、商品、实付金额、下单时间）",
        _cats(view, "order") + _facts(view, "order_numbers"))
    add("payment", "付款凭证",
        "微信或支付宝“账单”中找到这笔付款，截取含交易单号和金额的详情；或下载电子发票",
        _cats(view, "payment", "invoice") + _facts(view, "trade_numbers"))
    receipt = _cats(view, "logistics") + _facts(view, "waybills") + \
        [lbl for ev in view.events_of("签收") for lbl in ev.exhibits]
    add("receipt", "签收记录（签收时间）",
        "订单详情页“查看物流”截取签收记录（含签收时间）；七日和六个月期限都从签收起算",
        receipt + (["案件信息"] if view.info.get("received_on") else []))
    problem_how = "拍摄问题部位的照片和视频（开箱视频、序列号、故障过程），在同一画面中显示商品和订单信息更好"
    if pc == "food":
        problem_how = "拍摄食品实物和标签：生产日期、保质期、配料表、生产者和问题部位，保留剩余食品和包装"
    add("problem", "问题的照片或视频" + ("（含生产日期和保质期）" if pc == "food" else ""), problem_how,
        _cats(view, "product") + [lbl for ev in view.events_of("发现问题") for lbl in ev.exhibits])
    add("communication", "与商家沟通的记录",
        "截取与客服的完整聊天记录（含时间）；电话沟通时先说明“正在录音”并保存录音",
        _cats(view, "chat", "call") + _chats_of_refusal(view)
        + [lbl for ev in view.events_of("联系客服", "申请售后") for lbl in ev.exhibits])
    add("refusal", "商家拒绝的书面记录（书面拒赔说明）",
        "请商家在聊天或售后单中写明拒绝理由，或用“书面拒绝说明请求”文书要求其出具加盖公章或客服工号的书面说明；"
        "截取“退款申请被驳回”页面",
        _cats(view, "refusal") + _facts(view, "refusal_reasons")
        + [lbl for ev in view.events_of("商家拒绝") for lbl in ev.exhibits])
    add("snapshot", "交易快照（下单时的商品页面）",
        "订单详情页底部点“交易快照”（京东为“商品快照”），截取商品描述、规格和宣传内容",
        _named(view, ("快照", "snapshot", "Snapshot")),
        required=demand in ("三倍赔偿", "十倍赔偿"),
        note="商品描述与实物不符、虚假宣传时是关键证据")
    disputed = quality_disputed(view)
    add("inspection", "第三方检测报告",
        "向有资质（CMA）的检验检测机构送检，取得检测报告；费用可在诉讼中主张",
        _cats(view, "inspection"), required=disputed and pc != "durable",
        note="商家否认质量问题时用来证明质量缺陷" if disputed else "对质量有争议时需要")
    if demand in ("三倍赔偿",):
        add("fraud", "欺诈的证据（宣传与实物不符、虚假标注）",
            "截取商品详情页宣传内容，与实物、检测报告对照；保留商家承认的聊天记录",
            _named(view, ("详情", "宣传", "快照", "虚假")))
    if demand in ("十倍赔偿",) or pc == "food":
        add("food_label", "不符合食品安全标准的证据（标签、检测、监管通报）",
            "拍摄标签（生产日期、保质期、许可证号），必要时送检；保留购买凭证和剩余食品",
            _named(view, ("标签", "生产日期", "保质期", "检测")), required=demand == "十倍赔偿")
    return items


def burden_note(view: CaseView) -> str | None:
    """For durable goods within six months of receipt: the merchant bears the burden of proof."""
    if (view.info.get("product_class") or "") != "durable":
        return None
    from .rules import deadline
    received, _ = view.received()
    if received is None:
        return None
    d = deadline("burden_of_proof", received)
    if view.today <= d.due:
        return (f"耐用商品自签收起六个月内（至 {d.due}）发现瑕疵发生争议的，由经营者承担举证责任"
                f"（{d.rule.basis}）：不必先自费检测，可要求商家证明商品没有缺陷")
    return None


def missing(view: CaseView) -> list[Item]:
    return [i for i in checklist(view) if i.required and not i.done]
