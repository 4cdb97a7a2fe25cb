"""Edits: fields, manual times, order, groups, trash and events."""
import pytest

from app.core import edit
from app.core.edit import EditError
from conftest import make_image


@pytest.fixture
def five(case, importer, tmp_path):
    for i, t in enumerate(["20250305-143000", "20250301-090000", "20250310-120000", "20250303-100000",
                           "20250302-080000"]):
        make_image(tmp_path / "in" / f"Screenshot_{t}.png", size=(100, 200 + i))
    list(importer.import_paths([tmp_path / "in"]))
    return [r["id"] for r in case.exhibits()]


def order(case):
    return [(r["id"], r["number"], r["part"]) for r in case.exhibits()]


def test_field_edits_and_manual_time(case, five):
    edit.update_exhibit(case, five[0], name="商家拒绝退货聊天记录", purpose="证明被告拒绝退货", category="refusal",
                        include_in_export=False)
    edit.update_exhibit(case, five[0], captured_at="2025-03-05T16:00:00+08:00")
    row = next(r for r in case.exhibits() if r["id"] == five[0])
    assert (row["name"], row["category"], row["include_in_export"]) == ("商家拒绝退货聊天记录", "refusal", 0)
    assert row["captured_at"] == "2025-03-05T16:00:00+08:00" and row["captured_at_source"] == "manual"
    for bad in ({"name": " "}, {"category": "nonsense"}, {"captured_at": "yesterday"}, {"sha256": "x"}):
        with pytest.raises(EditError):
            edit.update_exhibit(case, five[0], **bad)
    edit.update_case_info(case, merchant="佛山市禾丰电器有限公司", amount_paid="399.00")
    assert case.info()["merchant"] == "佛山市禾丰电器有限公司"
    with pytest.raises(EditError):
        edit.update_case_info(case, title="")


def test_move_group_renumber_trash_restore(case, five):
    a, b, c, d, e = five
    edit.move(case, [e], before_id=a)
    assert [i for i, _, _ in order(case)] == [e, a, b, c, d]
    edit.group(case, [b, c])
    assert order(case) == [(e, 1, None), (a, 2, None), (b, 3, 1), (c, 3, 2), (d, 4, None)]
    with pytest.raises(EditError):
        edit.group(case, [e, d])  # not adjacent
    edit.move(case, [c], before_id=e)  # a group moves as a whole
    assert order(case) == [(b, 1, 1), (c, 1, 2), (e, 2, None), (a, 3, None), (d, 4, None)]
    edit.renumber_by_time(case)  # imported by name, so a..e are 03-01, 03-02, 03-03, 03-05, 03-10
    assert order(case) == [(a, 1, None), (b, 2, 1), (c, 2, 2), (d, 3, None), (e, 4, None)]
    edit.trash(case, [b])  # the group of two becomes a single exhibit
    assert order(case) == [(a, 1, None), (c, 2, None), (d, 3, None), (e, 4, None)]
    assert [t["id"] for t in edit.trashed(case)] == [b]
    trashed_row = next(r for r in case.exhibits(include_deleted=True) if r["id"] == b)
    assert case.original_path(trashed_row["sha256"], trashed_row["ext"]).exists(), "trash never deletes originals"
    edit.restore(case, [b])  # back, at the end
    assert order(case) == [(a, 1, None), (c, 2, None), (d, 3, None), (e, 4, None), (b, 5, None)]
    assert edit.trashed(case) == []


def test_events_and_links(case, five):
    event_id, changes = edit.add_event(case, "商家拒绝", occurred_at="2025-03-05T16:42:08+08:00")
    undated, _ = edit.add_event(case, "联系客服", title="第一次联系客服")
    assert changes.events
    edit.link(case, event_id, five[:2])
    edit.link(case, event_id, five[:1])  # twice is once
    evs = edit.events(case)
    assert [e["id"] for e in evs] == [event_id, undated]  # undated (待定) last
    assert sorted(evs[0]["exhibit_ids"]) == sorted(five[:2])
    edit.unlink(case, event_id, [five[0]])
    assert edit.events(case)[0]["exhibit_ids"] == [five[1]]
    with pytest.raises(EditError):
        edit.add_event(case, "下单", occurred_at="2025-03-02 10:15")  # no zone
    edit.delete_event(case, event_id)
    assert [e["id"] for e in edit.events(case)] == [undated]
