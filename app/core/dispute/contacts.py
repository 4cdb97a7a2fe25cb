"""Whom to contact (resources/data/contacts.json): hotlines, 12345 of the platform's seat, 12315, public
complaint sites, internet courts; each entry with its source and the date it was checked."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource_path


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    what: str
    source: str
    checked: str
    confidence: str
    phone: str | None = None
    url: str | None = None
    city: str | None = None
    platforms: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "phone": self.phone, "url": self.url, "what": self.what,
                "source": self.source, "checked": self.checked, "confidence": self.confidence}

    @property
    def reach(self) -> str:
        return " ".join(x for x in (self.phone, self.url) if x)


@lru_cache(maxsize=1)
def data() -> dict:
    with open(resource_path("data", "contacts.json"), encoding="utf-8") as fh:
        return json.load(fh)


def all_contacts() -> list[Contact]:
    out = []
    for c in data()["contacts"]:
        out.append(Contact(c["id"], c["name"], c["what"], c["source"], c["checked"], c.get("confidence", "L"),
                           c.get("phone"), c.get("url"), c.get("city"), tuple(c.get("for", ())),
                           tuple(c.get("stages", ()))))
    return out


def contact(contact_id: str) -> Contact:
    return next(c for c in all_contacts() if c.id == contact_id)


def seat(platform: str | None) -> dict:
    """The platform operator's seat: {'city', 'operator', 'source', ...} ({} when unknown)."""
    return data()["seats"].get(platform or "", {}) if platform else {}


def for_case(platform: str | None, stages: tuple[str, ...] | None = None) -> list[Contact]:
    """The contacts for this platform (and the platform-independent ones), at these stages."""
    found = []
    for c in all_contacts():
        if c.platforms and platform not in c.platforms:
            continue
        if stages is not None and not set(c.stages) & set(stages):
            continue
        found.append(c)
    return found


def small_claims(province: str) -> dict | None:
    entry = data()["small_claims"].get(province)
    return entry if isinstance(entry, dict) else None
