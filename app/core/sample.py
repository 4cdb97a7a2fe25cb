"""The sample case (示例案件): a rice cooker bought on JD whose coating peeled, built from resources/samples."""
from __future__ import annotations

from pathlib import Path

from . import edit
from .ingest import Importer
from .paths import resource_path
from .store import Case

INFO = {
    "product": "禾丰 HF-40FB01 电饭煲 4L", "platform": "jd", "shop": "禾丰小家电旗舰店",
    "merchant": "佛山市禾丰电器有限公司", "order_number": "30802519476281035946", "amount_paid": "399.00",
    "ordered_on": "2025-03-02", "paid_on": "2025-03-02", "received_on": "2025-03-03", "product_class": "durable",
    "claimant_name": "张三", "claimant_contact": "138****8000", "demand": "退货退款", "stage": "12315投诉",
}
EVENTS = [  # type, time, files whose exhibits prove it
    ("下单", "2025-03-02T10:15:26+08:00", ["Screenshot_20250305-143105.png", "截屏2025-03-05 14.38.21.png"]),
    ("付款", "2025-03-02T10:15:48+08:00", ["Screenshot_20250305_150233_com.tencent.mm.jpg"]),
    ("签收", "2025-03-03T11:02:45+08:00", ["dzfp_25442000000039876543_佛山市禾丰电器有限公司_20250303110245.pdf"]),
    ("发现问题", "2025-03-04T20:15:33+08:00", ["IMG_20250304_201533.jpg", "IMG_20250304_201612.jpg",
                                            "VID_20250304_201800.mp4"]),
    ("联系客服", "2025-03-05T14:26:00+08:00", ["Screenshot_2025-03-05-14-30-12-123_com.jingdong.app.mall.jpg"]),
    ("商家拒绝", "2025-03-05T16:42:08+08:00", ["IMG_0123.PNG"]),
    ("联系客服", "2025-03-06T10:21:33+08:00", ["通话录音 京东客服 2025-03-06 10-21-33.m4a"]),
    ("其他", "2025-03-10T16:20:00+08:00", ["检验检测报告_WT2025-03-0156.pdf"]),
    ("12315投诉", "2025-03-11T09:28:47+08:00", ["屏幕截图 2025-03-11 093015.png"]),
    ("申请平台介入", None, []),
]
TITLES = {"其他": "第三方检测出具报告", "申请平台介入": "申请京东平台介入（待办）"}


def samples_dir() -> Path:
    return resource_path("samples")


def build_sample_case(root: Path) -> Case:
    """Create and fill the sample case at `root` (a new folder). Returns it open for writing."""
    case = Case.create(root, "示例案件：电饭煲内胆涂层脱落，商家拒绝退货", **INFO)
    list(Importer(case, via="sample", durable=False).import_paths([samples_dir()]))
    by_name = {r["original_name"]: r["id"] for r in case.exhibits()}
    for type_, when, files in EVENTS:
        event_id, _ = edit.add_event(case, type_, title=TITLES.get(type_, type_), occurred_at=when)
        ids = [by_name[f] for f in files if f in by_name]
        if ids:
            edit.link(case, event_id, ids)
    names = {
        "IMG_0123.PNG": ("京东退款申请被驳回页面截图", "refusal", "证明被告以“已拆封影响二次销售”为由拒绝退货退款"),
        "Screenshot_2025-03-05-14-30-12-123_com.jingdong.app.mall.jpg":
            ("与京东店铺客服聊天记录截图", "chat", "证明原告及时反映内胆涂层脱落问题，被告客服拒绝退货"),
        "Screenshot_20250305-143105.png": ("京东订单详情页截图", "order", None),
        "截屏2025-03-05 14.38.21.png": ("京东订单详情页截图（电脑端）", "order", None),
        "Screenshot_20250305_150233_com.tencent.mm.jpg": ("微信支付凭证截图", "payment", "证明原告已支付货款399元"),
        "屏幕截图 2025-03-11 093015.png": ("12315投诉提交成功页面截图", "complaint", None),
    }
    for original, (name, category, purpose) in names.items():
        if original in by_name:
            fields = {"name": name, "category": category}
            if purpose:
                fields["purpose"] = purpose
            edit.update_exhibit(case, by_name[original], **fields)
    edit.renumber_by_time(case)
    return case
