"""Which court: an internet court where the city fits, else the basic court of the defendant's seat or of
the place of receipt (民诉法解释 art. 20); and whether the claim is small enough for 小额诉讼."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import contacts
from .known import BLANK, CaseView

INTERNET_COURTS = {"北京": "court_beijing", "杭州": "court_hangzhou", "广州": "court_guangzhou"}
CITY_PROVINCE = {"北京": "北京", "杭州": "浙江", "广州": "广东"}
_PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
              "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
              "内蒙古", "广西", "西藏", "宁夏", "新疆")


@dataclass(frozen=True)
class Court:
    name: str             # the addressee after 此致 (a blank for the user where no court is known)
    internet: bool
    why: str
    contact_id: str | None
    province: str | None


def _city(address: str | None) -> str | None:
    for city in INTERNET_COURTS:
        if address and city in address:
            return city
    return None


def _province(address: str | None) -> str | None:
    a = address or ""
    for p in _PROVINCES:
        if a.startswith(p):
            return p
    city = _city(a)
    return CITY_PROVINCE.get(city) if city else None


def choose(view: CaseView) -> Court:
    receipt = view.field("claimant_address").value
    seat = view.field("merchant_address").value
    for where, address, basis in (("收货地", receipt, "合同履行地（收货地，民诉法解释第二十条）"),
                                  ("被告住所地", seat, "被告住所地（民诉法第二十四条）")):
        city = _city(address)
        if city:
            cid = INTERNET_COURTS[city]
            c = contacts.contact(cid)
            return Court(c.name, True, f"{where}在{city}：{basis}属{c.name}集中管辖的网络购物合同纠纷"
                                       "（法释〔2018〕16号第二条）", cid, CITY_PROVINCE[city])
    province = _province(receipt) or _province(seat)
    if receipt or seat:
        return Court(f"{BLANK}人民法院", False,
                     "收货地和被告住所地都不在北京、杭州、广州：向被告住所地或收货地（合同履行地）的基层人民法院起诉"
                     "（民诉法第二十四条、民诉法解释第二十条），可在“人民法院在线服务”网上立案", None, province)
    return Court(f"{BLANK}人民法院", False,
                 "还不知道收货地址和商家住所地：填写后才能确定法院。收货地或被告住所地在北京、杭州、广州的，"
                 "可向当地互联网法院起诉；否则向被告住所地或收货地的基层人民法院起诉", None, None)


def small_claims_note(court: Court, claim: Decimal | None) -> str:
    if claim is None:
        return "标的额在本省上年度就业人员年平均工资50%以下的，适用小额诉讼程序，一审终审（民诉法第一百六十五条）"
    entry = contacts.small_claims(court.province) if court.province else None
    if entry:
        limit = Decimal(entry["limit"])
        if claim <= limit:
            return (f"请求金额 {claim:,.2f} 元，低于{court.province}小额诉讼标的额上限 {limit:,.2f} 元"
                    f"（{entry['since']} 起）：按小额诉讼程序审理，一审终审（民诉法第一百六十五条）")
        return (f"请求金额 {claim:,.2f} 元，高于{court.province}小额诉讼上限 {limit:,.2f} 元：适用简易或普通程序；"
                f"双方约定的，上限可至 {Decimal(entry['by_agreement']):,.2f} 元")
    return (f"请求金额 {claim:,.2f} 元：网购纠纷金额通常低于各省小额诉讼上限（上年度就业人员年平均工资的50%），"
            "一般按小额诉讼程序审理，一审终审（民诉法第一百六十五条）；以受理法院公布的标准为准")


def city_of(address: str | None) -> str | None:
    m = re.search(r"([\u4e00-\u9fff]{2,3})市", address or "")
    return m.group(1) if m else _city(address)
