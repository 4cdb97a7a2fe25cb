"""Punitive compensation (消法 art. 55, 食品安全法 art. 148), exact to the fen."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import DisputeError

FEN = Decimal("0.01")

BASES = {
    "fraud": {"law": "《消费者权益保护法》第五十五条第一款", "times_price": Decimal(3), "times_loss": None,
              "minimum": Decimal(500),
              "rule": "经营者提供商品有欺诈行为的，增加赔偿的金额为价款的三倍；不足五百元的，为五百元"},
    "food": {"law": "《食品安全法》第一百四十八条第二款", "times_price": Decimal(10), "times_loss": Decimal(3),
             "minimum": Decimal(1000),
             "rule": "生产不符合食品安全标准的食品或者经营明知是不符合食品安全标准的食品，消费者可以要求支付价款十倍"
                     "或者损失三倍的赔偿金；增加赔偿的金额不足一千元的，为一千元"},
}


def parse_amount(text, what: str = "金额", what_en: str = "amount", allow_zero: bool = False) -> Decimal:
    """Yuan from '399', '399.00', '¥1,199.5', '399元'; refuses words, negatives, zero and fractions of a fen."""
    if isinstance(text, Decimal):
        value = text
    else:
        s = re.sub(r"[\s,，]", "", str(text if text is not None else ""))
        s = s.removeprefix("¥").removeprefix("￥").removeprefix("RMB").removesuffix("元")
        try:
            value = Decimal(s)
        except InvalidOperation:
            raise DisputeError(f"{what}必须是数字（元），例如 399.00，收到的是“{text}”",
                               f"the {what_en} must be a number of yuan, e.g. 399.00, got {text!r}") from None
    if not value.is_finite():
        raise DisputeError(f"{what}必须是数字（元）", f"the {what_en} must be a number of yuan")
    if value < 0 or (value == 0 and not allow_zero):
        raise DisputeError(f"{what}必须大于 0，收到的是 {text}", f"the {what_en} must be more than 0, got {text}")
    if value != value.quantize(FEN):
        raise DisputeError(f"{what}最多精确到分（两位小数），收到的是 {text}",
                           f"the {what_en} has fractions of a fen: {text}")
    return value.quantize(FEN)


@dataclass(frozen=True)
class Compensation:
    basis: str
    price: Decimal
    loss: Decimal | None
    amount: Decimal
    law: str
    rule: str
    how: str          # the arithmetic, in words

    def to_json(self) -> dict:
        return {"basis": self.basis, "price": f"{self.price:.2f}",
                "loss": None if self.loss is None else f"{self.loss:.2f}", "amount": f"{self.amount:.2f}"}


def compensation(basis: str, price, loss=None) -> Compensation:
    if basis not in BASES:
        raise DisputeError(f"赔偿依据只能是 fraud（欺诈，消法第五十五条）或 food（食品安全法第一百四十八条），收到的是 {basis}",
                           f"basis must be fraud or food, got {basis}")
    b = BASES[basis]
    p = parse_amount(price, "价款", "price")
    l_ = None if loss is None or loss == "" else parse_amount(loss, "损失", "loss", allow_zero=True)
    candidates = [(p * b["times_price"], f"价款 {p:,.2f} 元 × {b['times_price']} = {p * b['times_price']:,.2f} 元")]
    if b["times_loss"] is not None and l_ is not None:
        candidates.append((l_ * b["times_loss"], f"损失 {l_:,.2f} 元 × {b['times_loss']} = {l_ * b['times_loss']:,.2f} 元"))
    amount, how = max(candidates, key=lambda c: c[0])
    if len(candidates) > 1:
        how = "取较高者：" + how
    if amount < b["minimum"]:
        amount, how = b["minimum"], f"{how}，不足 {b['minimum']:,} 元，按 {b['minimum']:,} 元"
    return Compensation(basis, p, l_, amount.quantize(FEN, ROUND_HALF_UP), b["law"], b["rule"], how)
