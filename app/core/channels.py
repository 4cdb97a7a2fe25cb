"""What each channel accepts (DESIGN §5): one data file, `resources/data/channels.json`.

Every limit carries its value, where it came from, the date it was checked, and whether it is a
conservative default standing in for a figure nobody publishes. The texts (dispute) and the packs
(export) read their limits here, so a corrected figure needs no code change.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .paths import resource_path

CHANNELS_FILE = ("data", "channels.json")


class ChannelDataError(ValueError):
    """The channel data file is missing or malformed; the message says where."""


class UnknownChannel(KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


@dataclass(frozen=True)
class Limit:
    value: Any
    source: str
    checked: date
    default: bool           # True: no published figure; a conservative default
    confidence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    name_en: str
    kind: str               # platform, complaint, hotline, public, court
    text_field: str
    limits: dict[str, Limit]
    notes: str = ""
    jurisdiction: str = ""

    def limit(self, key: str) -> Limit | None:
        return self.limits.get(key)

    def value(self, key: str, fallback: Any = None) -> Any:
        found = self.limits.get(key)
        return fallback if found is None else found.value


def _limit(cid: str, key: str, raw: Any, where: Path) -> Limit:
    if not isinstance(raw, dict) or not {"value", "source", "checked", "default"} <= raw.keys():
        raise ChannelDataError(f"{where}: channel {cid!r}, limit {key!r} needs value, source, checked and default")
    try:
        checked = date.fromisoformat(str(raw["checked"]))
    except ValueError:
        raise ChannelDataError(f"{where}: channel {cid!r}, limit {key!r}: checked {raw['checked']!r} is not YYYY-MM-DD") from None
    if not str(raw["source"]).strip():
        raise ChannelDataError(f"{where}: channel {cid!r}, limit {key!r} has no source")
    return Limit(raw["value"], str(raw["source"]), checked, bool(raw["default"]),
                 raw.get("confidence"), raw.get("note"))


def parse(doc: Any, where: Path) -> tuple[dict[str, Channel], dict[str, str]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("channels"), dict):
        raise ChannelDataError(f"{where}: expected an object with a 'channels' object")
    channels: dict[str, Channel] = {}
    for cid, raw in doc["channels"].items():
        if not isinstance(raw, dict) or not isinstance(raw.get("limits"), dict):
            raise ChannelDataError(f"{where}: channel {cid!r} needs a 'limits' object")
        for field in ("name", "kind"):
            if not isinstance(raw.get(field), str) or not raw[field]:
                raise ChannelDataError(f"{where}: channel {cid!r} needs a {field!r}")
        limits = {key: _limit(cid, key, value, where) for key, value in raw["limits"].items()}
        channels[cid] = Channel(cid, raw["name"], raw.get("name_en", raw["name"]), raw["kind"],
                                raw.get("text_field", ""), limits, raw.get("notes", ""),
                                raw.get("jurisdiction", ""))
    aliases = doc.get("aliases", {})
    if not isinstance(aliases, dict) or any(target not in channels for target in aliases.values()):
        raise ChannelDataError(f"{where}: 'aliases' must map names to channel ids in this file")
    return channels, aliases


def load(path: Path | None = None) -> tuple[dict[str, Channel], dict[str, str]]:
    where = path or resource_path(*CHANNELS_FILE)
    try:
        doc = json.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ChannelDataError(f"channel data file not found: {where}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChannelDataError(f"{where}: cannot be read as JSON ({exc})") from None
    return parse(doc, where)


@lru_cache(maxsize=1)
def _default() -> tuple[dict[str, Channel], dict[str, str]]:
    return load()


def all_channels() -> dict[str, Channel]:
    return _default()[0]


def channel(cid: str) -> Channel:
    """The channel by id or alias (`pinduoduo` is `pdd`, `tmall` is `taobao`)."""
    channels, aliases = _default()
    key = aliases.get(cid, cid)
    if key not in channels:
        raise UnknownChannel(f"unknown channel {cid!r}; known: {', '.join(sorted(channels))}")
    return channels[key]


def text_limit(cid: str) -> int | None:
    """The longest text the channel takes, in characters; None where it sets none."""
    return channel(cid).value("text_chars")


_PLATFORM_WORDS = {"京东": "jd", "jd": "jd", "淘宝": "taobao", "天猫": "taobao", "taobao": "taobao", "tmall": "taobao",
                   "拼多多": "pdd", "pdd": "pdd", "pinduoduo": "pdd", "抖音": "douyin", "douyin": "douyin"}


def platform_id(text: str | None) -> str | None:
    """The platform channel a case's platform field names ("京东自营" is jd), or None."""
    value = (text or "").strip().lower()
    for word, cid in _PLATFORM_WORDS.items():
        if word in value:
            return cid
    return None
