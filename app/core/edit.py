"""Edits to a case, each a small operation in one transaction that returns what changed.

Exhibit order: the exhibits not in the trash, sorted by (number, part), form units: a single exhibit,
or a group of consecutive exhibits sharing one number (证据3-1, 3-2 ...). Every reordering is done on
units and ends in one renumbering, so numbers are always 1..N without gaps.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .capture import SOURCE_MANUAL, iso
from .classify import CATEGORIES
from .store import Case, now_iso, update_exhibit_row

EVENT_TYPES = ("下单", "付款", "签收", "发现问题", "联系客服", "申请售后", "商家拒绝", "申请平台介入", "平台结果", "12315投诉",
               "12345", "消协调解", "起诉", "判决", "其他")
CASE_FIELDS = ("title", "product", "platform", "shop", "merchant", "order_number", "amount_paid", "ordered_on",
               "paid_on", "received_on", "product_class", "claimant_name", "claimant_contact", "demand", "stage",
               "claimant_address", "claimant_id_number", "merchant_address", "merchant_credit_code")
EXHIBIT_FIELDS = ("name", "source_desc", "purpose", "category", "notes", "include_in_export", "captured_at")


@dataclass
class Changes:
    """What an operation changed, so each view updates only that part (after Anki's OpChanges).

    `exhibits`/`events` say a kind of thing changed at all; `exhibit_ids` names the exhibits whose rows
    changed or were added, `removed` those that left the list (trash), `order` that numbers moved
    (reorder, group, renumber, trash, restore); `event_ids` and `events_removed` likewise for events.
    """
    case: bool = False
    exhibits: bool = False
    events: bool = False
    ids: tuple = ()
    exhibit_ids: tuple = ()
    removed: tuple = ()
    order: bool = False
    event_ids: tuple = ()
    events_removed: tuple = ()
    folders: bool = False

    def merge(self, other: "Changes") -> "Changes":
        """Both together (coalescing several operations into one view update)."""
        def union(a, b):
            return tuple(dict.fromkeys((*a, *b)))

        return Changes(case=self.case or other.case, exhibits=self.exhibits or other.exhibits,
                       events=self.events or other.events, ids=union(self.ids, other.ids),
                       exhibit_ids=union(self.exhibit_ids, other.exhibit_ids),
                       removed=union(self.removed, other.removed), order=self.order or other.order,
                       event_ids=union(self.event_ids, other.event_ids),
                       events_removed=union(self.events_removed, other.events_removed),
                       folders=self.folders or other.folders)


class EditError(ValueError):
    """A refused edit, with a message for the user (Chinese)."""


def update_case_info(case: Case, **fields) -> Changes:
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise EditError(f"未知的案件字段：{', '.join(sorted(unknown))}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise EditError("案件名称不能为空")
    with case.db.atomic():
        case.db["case_info"].update(1, {**fields, "updated_at": now_iso()})
    return Changes(case=True)


def update_exhibit(case: Case, exhibit_id: int, **fields) -> Changes:
    unknown = set(fields) - set(EXHIBIT_FIELDS)
    if unknown:
        raise EditError(f"未知的证据字段：{', '.join(sorted(unknown))}")
    if "name" in fields and not (fields["name"] or "").strip():
        raise EditError("证据名称不能为空")
    if "category" in fields and fields["category"] not in CATEGORIES:
        raise EditError(f"未知的证据类别：{fields['category']}")
    values = dict(fields)
    if "captured_at" in values:
        when = values["captured_at"]
        if isinstance(when, datetime):
            if when.tzinfo is None:
                raise EditError("时间必须带时区")
            values["captured_at"] = iso(when)
        elif when is not None:
            try:
                datetime.fromisoformat(when)
            except (TypeError, ValueError):
                raise EditError(f"无法识别的时间：{when}") from None
        values["captured_at_source"] = SOURCE_MANUAL if values["captured_at"] else None
    if "include_in_export" in values:
        values["include_in_export"] = 1 if values["include_in_export"] else 0
    with case.db.atomic():
        from .read.suggest import mark_user_fields  # what the user writes is never replaced by a proposal
        row = case.db.execute("SELECT user_fields, suggested_json FROM exhibits WHERE id = ?", [exhibit_id]).fetchone()
        values.update(mark_user_fields(dict(zip(("user_fields", "suggested_json"), row)) if row else None, fields))
        update_exhibit_row(case.db, exhibit_id, values)  # a new capture time is sealed with the row
    return Changes(exhibits=True, ids=(exhibit_id,), exhibit_ids=(exhibit_id,))


# ----- order ---------------------------------------------------------------------------------------

def units(case: Case) -> list[list[int]]:
    rows = list(case.db.query("SELECT id, number, part FROM exhibits WHERE deleted_at IS NULL "
                              "ORDER BY number, COALESCE(part, 0), id"))
    result: list[list[int]] = []
    last_number = None
    for row in rows:
        if row["part"] is not None and row["number"] == last_number and result:
            result[-1].append(row["id"])
        else:
            result.append([row["id"]])
        last_number = row["number"] if row["part"] is not None else None
    return result


def _renumber(case: Case, ordered: list[list[int]]) -> None:
    for n, unit in enumerate(ordered, 1):
        if len(unit) == 1:
            case.db.execute("UPDATE exhibits SET number = ?, part = NULL WHERE id = ?", [n, unit[0]])
        else:
            for k, exhibit_id in enumerate(unit, 1):
                case.db.execute("UPDATE exhibits SET number = ?, part = ? WHERE id = ?", [n, k, exhibit_id])


def move(case: Case, exhibit_ids: list[int], before_id: int | None) -> Changes:
    """Move exhibits (whole groups move with them) to just before `before_id` (None: to the end)."""
    with case.db.atomic():
        order = units(case)
        moving_ids = set(exhibit_ids)
        moving = [u for u in order if moving_ids & set(u)]
        rest = [u for u in order if not moving_ids & set(u)]
        at = len(rest)
        if before_id is not None:
            for i, u in enumerate(rest):
                if before_id in u:
                    at = i
                    break
        _renumber(case, rest[:at] + moving + rest[at:])
    return Changes(exhibits=True, ids=tuple(exhibit_ids), order=True)


def group(case: Case, exhibit_ids: list[int]) -> Changes:
    """Group consecutive exhibits under one number (证据N-1, N-2 ...)."""
    with case.db.atomic():
        order = units(case)
        flat = [i for u in order for i in u]
        positions = sorted(flat.index(i) for i in exhibit_ids if i in flat)
        if len(positions) < 2:
            raise EditError("请选择至少两项证据来分组")
        if positions != list(range(positions[0], positions[-1] + 1)):
            raise EditError("只能把相邻的证据分为一组，请先调整顺序")
        chosen = set(flat[p] for p in positions)
        result, merged = [], []
        for u in order:
            if chosen & set(u):
                if not set(u) <= chosen:
                    raise EditError("所选证据与另一组部分重叠，请先取消那一组")
                merged.extend(u)
                if not result or result[-1] is not merged:
                    result.append(merged)
            else:
                result.append(u)
        _renumber(case, result)
    return Changes(exhibits=True, ids=tuple(exhibit_ids), order=True)


def ungroup(case: Case, exhibit_ids: list[int]) -> Changes:
    with case.db.atomic():
        result = []
        for u in units(case):
            if len(u) > 1 and set(exhibit_ids) & set(u):
                result.extend([i] for i in u)
            else:
                result.append(u)
        _renumber(case, result)
    return Changes(exhibits=True, ids=tuple(exhibit_ids), order=True)


def renumber_by_time(case: Case) -> Changes:
    """Order by capture time (undated last, groups kept together, ties by current order)."""
    with case.db.atomic():
        times = {r["id"]: r["captured_at"] for r in case.db.query("SELECT id, captured_at FROM exhibits")}

        def key(item):
            position, unit = item
            stamps = [datetime.fromisoformat(times[i]) for i in unit if times[i]]
            return (0, min(stamps).timestamp(), position) if stamps else (1, 0, position)

        ordered = [u for _, u in sorted(enumerate(units(case)), key=key)]
        _renumber(case, ordered)
    return Changes(exhibits=True, order=True)


def trash(case: Case, exhibit_ids: list[int]) -> Changes:
    """Move exhibits to the case's trash. Their originals stay in originals/; restore() brings them back."""
    with case.db.atomic():
        stamp = now_iso()
        for exhibit_id in exhibit_ids:
            case.db.execute("UPDATE exhibits SET deleted_at = ? WHERE id = ?", [stamp, exhibit_id])
        _renumber(case, units(case))
    return Changes(exhibits=True, ids=tuple(exhibit_ids), removed=tuple(exhibit_ids), order=True)


def restore(case: Case, exhibit_ids: list[int]) -> Changes:
    with case.db.atomic():
        for exhibit_id in exhibit_ids:
            case.db.execute("UPDATE exhibits SET deleted_at = NULL, part = NULL, number = ? WHERE id = ?",
                            [case.next_number() + 1000000, exhibit_id])
        _renumber(case, units(case))
    return Changes(exhibits=True, ids=tuple(exhibit_ids), exhibit_ids=tuple(exhibit_ids), order=True)


def order(case: Case) -> list[tuple[int, int, int | None]]:
    """(id, number, part) of every exhibit in the list, in order: enough for a view to re-sort."""
    return [(r[0], r[1], r[2]) for r in case.db.execute(
        "SELECT id, number, part FROM exhibits WHERE deleted_at IS NULL ORDER BY number, part, id")]


def trashed(case: Case) -> list[dict]:
    return list(case.db.query("SELECT id, name, original_name, deleted_at FROM exhibits "
                              "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"))


# ----- events --------------------------------------------------------------------------------------

def add_event(case: Case, type: str, title: str | None = None, occurred_at: str | None = None,
              approximate: bool = False, notes: str | None = None) -> tuple[int, Changes]:
    if not (type or "").strip():
        raise EditError("请选择事件类型")
    _check_time(occurred_at)
    with case.db.atomic():
        event_id = case.db["events"].insert({"type": type, "title": (title or type).strip(), "occurred_at": occurred_at,
                                             "approximate": int(approximate), "notes": notes,
                                             "created_at": now_iso()}).last_pk
    return event_id, Changes(events=True, ids=(event_id,), event_ids=(event_id,))


def update_event(case: Case, event_id: int, **fields) -> Changes:
    allowed = {"type", "title", "occurred_at", "approximate", "notes"}
    if set(fields) - allowed:
        raise EditError("未知的事件字段")
    if "occurred_at" in fields:
        _check_time(fields["occurred_at"])
    with case.db.atomic():
        # editing a proposed event accepts it; a dismissed one stays dismissed
        case.db["events"].update(event_id, fields)
        case.db.execute("UPDATE events SET status = 'confirmed' WHERE id = ? AND status = 'proposed'", [event_id])
    return Changes(events=True, ids=(event_id,), event_ids=(event_id,))


def delete_event(case: Case, event_id: int) -> Changes:
    with case.db.atomic():
        case.db.execute("DELETE FROM events WHERE id = ?", [event_id])
    return Changes(events=True, ids=(event_id,), events_removed=(event_id,))


def link(case: Case, event_id: int, exhibit_ids: list[int]) -> Changes:
    with case.db.atomic():
        for exhibit_id in exhibit_ids:
            case.db.execute("INSERT OR IGNORE INTO event_exhibits (event_id, exhibit_id) VALUES (?, ?)",
                            [event_id, exhibit_id])
    return Changes(events=True, exhibits=True, ids=(event_id,), event_ids=(event_id,))


def unlink(case: Case, event_id: int, exhibit_ids: list[int]) -> Changes:
    with case.db.atomic():
        for exhibit_id in exhibit_ids:
            case.db.execute("DELETE FROM event_exhibits WHERE event_id = ? AND exhibit_id = ?", [event_id, exhibit_id])
    return Changes(events=True, exhibits=True, ids=(event_id,), event_ids=(event_id,))


def events(case: Case, ids=None, include_dismissed: bool = False) -> list[dict]:
    """The case's events with their linked exhibit ids (only those named in `ids` when given); proposed
    ones (status 'proposed') included, dismissed ones only on request."""
    where = [] if include_dismissed else ["status != 'dismissed'"]
    if ids is not None:
        where.append(f"id IN ({','.join('?' * len(ids))})")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = list(case.db.query(f"SELECT * FROM events {clause} ORDER BY occurred_at IS NULL, occurred_at, id",
                              list(ids or ())))
    links: dict[int, list[int]] = {}
    for r in case.db.query("SELECT event_id, exhibit_id FROM event_exhibits"):
        links.setdefault(r["event_id"], []).append(r["exhibit_id"])
    for row in rows:
        row["exhibit_ids"] = links.get(row["id"], [])
    return rows


def _check_time(value) -> None:
    if value is None:
        return
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise EditError(f"无法识别的时间：{value}") from None
    if when.tzinfo is None:
        raise EditError("时间必须带时区")
