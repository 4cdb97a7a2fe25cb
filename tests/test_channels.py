"""The channel data file: every limit sourced and dated, defaults marked, aliases, bad files named."""
import json
from datetime import date

import pytest

from app.core import channels


def test_every_channel_the_packs_and_texts_need_is_there():
    known = channels.all_channels()
    for cid in ("jd", "taobao", "pdd", "douyin", "12315", "12345", "heimao", "jutousu",
                "court_hangzhou", "court_beijing", "court_guangzhou"):
        assert cid in known, cid


def test_every_limit_has_a_source_and_a_check_date_and_says_if_it_is_a_default():
    for cid, ch in channels.all_channels().items():
        assert ch.limits, cid
        for key, limit in ch.limits.items():
            assert limit.source.strip(), (cid, key)
            assert date(2020, 1, 1) <= limit.checked <= date.today(), (cid, key)
            assert isinstance(limit.default, bool)
        if ch.kind in ("platform", "public", "complaint"):
            for key in ("image_count", "image_bytes", "image_max_side_px", "image_formats", "text_chars"):
                assert ch.limit(key) is not None, (cid, key)


def test_unpublished_platform_figures_are_marked_as_defaults():
    # CHANNELS.md: no platform publishes its upload limits; the file must not pretend otherwise.
    for cid in ("jd", "taobao", "pdd", "douyin"):
        assert channels.channel(cid).limit("image_count").default is True
    assert channels.channel("12315").limit("required_fields").default is False


def test_aliases_and_text_limits():
    assert channels.channel("pinduoduo").id == "pdd"
    assert channels.channel("tmall").id == "taobao"
    assert channels.text_limit("jd") == channels.channel("jd").value("text_chars") > 0
    assert channels.text_limit("court_beijing") is None
    with pytest.raises(channels.UnknownChannel, match="unknown channel 'weibo'"):
        channels.channel("weibo")


@pytest.mark.parametrize("content, fragment", [
    ("not json", "cannot be read as JSON"),
    ("[]", "expected an object"),
    ('{"channels": {"jd": {"name": "京东", "kind": "platform", "limits": {"text_chars": {"value": 5}}}}}',
     "needs value, source, checked and default"),
    ('{"channels": {"jd": {"name": "京东", "kind": "platform", "limits": {"text_chars": '
     '{"value": 5, "source": "x", "checked": "2026-13-01", "default": true}}}}}', "is not YYYY-MM-DD"),
    ('{"channels": {"jd": {"name": "京东", "kind": "platform", "limits": {}}}, "aliases": {"x": "nowhere"}}',
     "aliases"),
])
def test_a_malformed_file_is_named_with_what_is_wrong(tmp_path, content, fragment):
    bad = tmp_path / "channels.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(channels.ChannelDataError, match=fragment) as info:
        channels.load(bad)
    assert str(bad) in str(info.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(channels.ChannelDataError, match="not found"):
        channels.load(tmp_path / "nope.json")


def test_the_shipped_file_round_trips_as_json():
    from app.core.paths import resource_path
    doc = json.loads(resource_path("data", "channels.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1
