"""The escalation ladder (DESIGN §9): where the case stands, and what each stage asks of the user."""
from __future__ import annotations

from dataclasses import dataclass

from .known import CaseView


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    name_en: str
    events: tuple[str, ...]       # timeline event types that put a case at this stage
    words: tuple[str, ...]        # what a user may have typed in the stage field
    texts: tuple[str, ...]        # the texts to send at this stage
    todo: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("evidence", "固定证据", "fix the evidence", ("下单", "付款", "签收", "发现问题"), ("固定证据", "证据"),
          ("negotiation",),
          ("把订单页、付款记录、签收记录、问题照片或视频、聊天记录都截图保存并导入本案件",
           "从订单详情页保存“交易快照”",
           "在期限内向商家提出退货或维修要求")),
    Stage("negotiation", "协商（三明确）", "negotiate", ("联系客服", "申请售后", "商家拒绝"),
          ("协商", "三明确", "售后"),
          ("negotiation", "refusal_request"),
          ("发送“三明确”协商函：明确问题、明确诉求（附法条）、明确答复期限",
           "商家拒绝时要求书面拒绝说明（加盖公章或注明客服工号）",
           "期限届满未答复或仍拒绝：申请平台介入")),
    Stage("platform", "平台介入", "platform intervention", ("申请平台介入", "平台结果"), ("平台介入", "平台"),
          ("platform_appeal",),
          ("在订单售后页点“申请平台介入/客服介入”，粘贴平台申诉说明",
           "平台要求补充材料时在期限内（通常3-5个工作日）上传编号证据图片",
           "平台处理不公或超时：向12315投诉、拨打平台所在地12345")),
    Stage("complaint", "投诉（12315 / 12345 / 消协 / 黑猫投诉）", "complaints",
          ("12315投诉", "12345", "消协调解", "黑猫投诉", "聚投诉", "举报"),
          ("投诉", "12315", "12345", "消协", "黑猫", "聚投诉"),
          ("complaint_12315", "call_12345", "public_complaint"),
          ("在全国12315平台提交投诉（被投诉人名称、地址，投诉请求和事实，附证据）",
           "拨打平台所在地12345反映，记下工单号",
           "可同时在黑猫投诉、聚投诉公开投诉（先遮盖个人信息）",
           "12315 七个工作日内未告知是否受理：打12315催办")),
    Stage("lawsuit", "诉前调解 / 诉讼（小额诉讼、互联网法院）", "mediation / lawsuit",
          ("诉前调解", "起诉", "立案", "开庭", "判决"),
          ("诉讼", "起诉", "调解", "法院", "小额"),
          ("lawsuit",),
          ("准备民事起诉状（要素式）、身份证明、证据目录和证据",
           "在人民法院在线服务或互联网法院网上立案，可先选择诉前调解",
           "在诉讼时效（三年）内起诉")),
)
STAGE_IDS = tuple(s.id for s in STAGES)


def stage(stage_id: str) -> Stage:
    return next(s for s in STAGES if s.id == stage_id)


def from_text(text: str | None) -> str | None:
    """The stage a user-set value names (an id, a name, or an event word), or None."""
    t = (text or "").strip()
    if not t:
        return None
    for s in STAGES:
        if t in (s.id, s.name) or t in s.events:
            return s.id
    for s in reversed(STAGES):
        if any(w in t for w in s.words):
            return s.id
    return None


def from_events(view: CaseView) -> str:
    """The furthest stage the confirmed timeline reaches (固定证据 when it is empty)."""
    reached = 0
    for ev in view.events:
        if ev.status != "confirmed":
            continue
        for i, s in enumerate(STAGES):
            if ev.type in s.events or any(w in ev.type for w in s.events if len(w) > 2):
                reached = max(reached, i)
    return STAGES[reached].id


def current(view: CaseView) -> tuple[str, str, str | None]:
    """(stage, where it came from: 'events' or 'user', the stage the timeline alone gives).

    The stage follows the timeline; a stage the user set counts where it is further along."""
    by_events = from_events(view)
    chosen = from_text(view.info.get("stage"))
    if chosen and STAGE_IDS.index(chosen) > STAGE_IDS.index(by_events):
        return chosen, "user", by_events
    return by_events, "events", by_events
