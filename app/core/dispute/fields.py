"""Checking a case field before it is stored: dates that exist, amounts to the fen, known classes and stages.

Used by the CLI (`info --set`) and the GUI's 当事人信息 form, so a bad value is refused with the same words.
"""
from __future__ import annotations

from .compensation import parse_amount
from .errors import DisputeError
from .rules import parse_date

DATE_FIELDS = ("ordered_on", "paid_on", "received_on")
PRODUCT_CLASSES = ("ordinary", "durable", "food", "custom", "perishable", "digital", "newspaper")
PARTY_FIELDS = {"claimant_name": "姓名", "claimant_contact": "联系电话", "claimant_address": "通讯地址（收货地址）",
                "claimant_id_number": "身份证号", "merchant": "商家（公司全称）", "merchant_address": "商家住所地",
                "merchant_credit_code": "统一社会信用代码"}


def check(field: str, value: str | None) -> str | None:
    """The value to store (normalised), or DisputeError saying what is wrong. Empty clears the field."""
    from ..edit import CASE_FIELDS

    if field not in CASE_FIELDS:
        raise DisputeError(f"没有这个案件字段：{field}（可用：{'、'.join(CASE_FIELDS)}）",
                           f"no such case field: {field} (known: {', '.join(CASE_FIELDS)})")
    v = (value or "").strip()
    if not v:
        if field == "title":
            raise DisputeError("案件名称不能为空", "the title cannot be empty")
        return None
    if field in DATE_FIELDS:
        return parse_date(v).isoformat()
    if field == "amount_paid":
        return f"{parse_amount(v, '实付金额', 'amount paid'):.2f}"
    if field == "product_class" and v not in PRODUCT_CLASSES:
        raise DisputeError(f"商品类别只能是：{'、'.join(PRODUCT_CLASSES)}", f"product class must be one of {', '.join(PRODUCT_CLASSES)}")
    if field == "stage":
        from .stages import from_text
        stage = from_text(v)
        if stage is None:
            raise DisputeError(f"无法识别的阶段：{v}", f"unknown stage: {v}")
        return stage
    if field == "merchant_credit_code":
        code = v.upper()
        if len(code) != 18 or not code.isalnum():
            raise DisputeError(f"统一社会信用代码应为 18 位数字和字母，收到的是“{v}”",
                               f"a unified social credit code has 18 letters and digits, got {v!r}")
        return code
    return v
