"""Channel packs (DESIGN §5): what a platform appeal, a 12315 complaint, a public complaint site or an
internet court's online filing takes, each as a folder (and a zip of it) with a manifest.

Every pack is built in a temporary folder in the case's `tmp/` and renamed into place, so a killed
export leaves nothing beside the output; an existing pack is never overwritten. The manifest lists
every file of the pack with its SHA-256, and for each file made from an exhibit the original's
SHA-256, what was done to it (captioned, split, downscaled, redacted) and why; `verify-export`
checks a pack against it.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import threading
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..channels import Channel, channel
from ..classify import slug
from ..capture import CHINA
from ..imagedecode import TooLarge
from ..messages import Said
from ..safefs import own_folder, write_own
from ..store import Case, now_iso
from . import imaging
from .plan import ExportCancelled, default_purpose, label

PROFILES = ("court", "platform", "complaint_12315", "public", "internet_court")
PLATFORMS = ("jd", "taobao", "pdd", "douyin")
PUBLIC_SITES = ("heimao", "jutousu")

# What a reader of an appeal must see first when not everything fits: the refusal, then what was
# bought and paid, then the problem, then the talk about it.
IMPORTANCE = {"refusal": 0, "order": 1, "product": 2, "chat": 3, "payment": 4, "inspection": 5,
              "logistics": 6, "invoice": 7, "complaint": 8, "call": 9, "other": 10}

PROFILE_ZH = {"platform": "平台申诉", "complaint_12315": "12315投诉", "public": "公开投诉",
              "internet_court": "网上立案"}

Progress = Callable[[str, int, int], None]


@dataclass
class PackFile:
    file: str
    sha256: str
    size: int
    role: str                         # image, attachment, text, index, exhibit, checklist
    exhibit: str | None = None        # the label, "3" or "3-1"
    name: str | None = None
    source_sha256: str | None = None  # the original this file was made from
    part: int | None = None
    parts: int | None = None
    redacted: bool = False
    adjustments: list[str] = field(default_factory=list)


@dataclass
class PackResult:
    profile: str
    channel: str
    folder: Path
    zip_path: Path
    files: list[PackFile]
    left_out: list[dict]              # {"exhibit", "name", "reason"}
    adjustments: list[str]            # every change made to fit the channel, in Chinese
    notes: list[str]


# A second exhibit of the same kind says less than the first of the next kind: a reviewer given five
# images wants the refusal, the order, the product, the chat and the payment, not two order pages.
REPEAT_STEP = 4


def ranked(rows: list[dict]) -> list[dict]:
    """Most important first: by category (IMPORTANCE), each further exhibit of a category REPEAT_STEP
    places lower than the one before it; then by number."""
    rows = sorted(rows, key=lambda r: (IMPORTANCE.get(r["category"], 10), r["number"], r.get("part") or 0))
    seen: dict[str, int] = {}
    score = {}
    for r in rows:
        k = seen.get(r["category"], 0)
        seen[r["category"]] = k + 1
        score[r["id"]] = IMPORTANCE.get(r["category"], 10) + REPEAT_STEP * k
    return sorted(rows, key=lambda r: (score[r["id"]], IMPORTANCE.get(r["category"], 10), r["number"],
                                       r.get("part") or 0))


def caption_text(row: dict, part: int | None = None, parts: int | None = None) -> str:
    when = ""
    if row.get("captured_at"):
        stamp = row["captured_at"][:16].replace("T", " ")
        if stamp not in row["name"]:               # "照片 2025-03-04 20:15" says it already
            when = " " + stamp
    tail = f"（第{part}/{parts}部分）" if parts and parts > 1 else ""
    return f"证据{label(row)} {row['name']}{when}{tail}"


# ----- images of one exhibit --------------------------------------------------------------------------
@dataclass
class _Units:
    """How an exhibit becomes images: a (possibly split) picture, PDF pages, or a video frame."""
    kind: str                          # image, pdf, video
    count: int                         # images wanted
    cuts: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def exhibit_units(case: Case, row: dict, ch: Channel, cut: bool = True) -> tuple[_Units | None, str | None]:
    """What the exhibit would become, or (None, reason) when it cannot be an image. With `cut`, decodes
    once to find where a long screenshot splits and lets the image go: only counts are kept while the
    pack is planned; without, an image counts as one (for exhibits that will not fit anyway)."""
    path = case.original_path(row["sha256"], row["ext"])
    mime = row.get("mime") or ""
    if row["status"] == "encrypted":
        return None, Said("pack_encrypted")
    if row["status"] != "ok":
        return None, Said("pack_damaged")
    if mime.startswith("image/") and not cut:
        return _Units("image", 1), None
    if mime.startswith("image/"):
        try:
            im = imaging.open_upright(path, row.get("orientation") or 1, target_side=ch.value("image_max_side_px"))
        except TooLarge as exc:
            return None, Said("pack_image_too_large", width=exc.width, height=exc.height)
        except Exception:
            return None, Said("pack_undecodable")
        cuts = imaging.split_points(im)
        return _Units("image", len(cuts), cuts), None
    if mime == "application/pdf":
        n = min(3, row.get("pages") or 1)
        notes = [Said("pack_pdf_pages")]
        if (row.get("pages") or 0) > n:
            notes.append(Said("pack_pdf_first_pages", pages=row["pages"], n=n))
        return _Units("pdf", n, notes=notes), None
    if row["kind"] == "video":
        return _Units("video", 1, notes=[Said("pack_video_frame")]), None
    if row["kind"] == "audio":
        return None, Said("pack_audio")
    return None, Said("pack_document")


def merge_cuts(cuts: list[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """The cuts reduced to `k` parts, keeping cut points (gaps between lines) that divide most evenly."""
    if k >= len(cuts):
        return cuts
    top, bottom = cuts[0][0], cuts[-1][1]
    bounds = [b for _, b in cuts[:-1]]
    chosen = []
    for i in range(1, k):
        ideal = top + (bottom - top) * i / k
        best = min((b for b in bounds if not chosen or b > chosen[-1]), key=lambda b: abs(b - ideal))
        chosen.append(best)
    edges = [top, *chosen, bottom]
    return [(edges[i], edges[i + 1]) for i in range(k)]


MAX_SIDE_BY_SIDE = 4     # parts of a long screenshot put side by side in one image, at most


def tile_groups(cuts: list[tuple[int, int]], k: int) -> list[list[tuple[int, int]]]:
    """A long screenshot's parts in `k` images: each part alone when there are enough images, else
    consecutive parts side by side (up to MAX_SIDE_BY_SIDE in one image, each a readable screen's
    height), rather than one image many screens tall."""
    if k >= len(cuts):
        return [[c] for c in cuts]
    k = max(1, k)
    if len(cuts) > MAX_SIDE_BY_SIDE * k:
        cuts = merge_cuts(cuts, MAX_SIDE_BY_SIDE * k)
    size, extra = divmod(len(cuts), k)
    groups, at = [], 0
    for i in range(k):
        n = size + (1 if i < extra else 0)
        groups.append(cuts[at:at + n])
        at += n
    return groups


def unit_images(case: Case, row: dict, units: _Units, k: int, ch: Channel, redactor=None):
    """The exhibit's first `k` images (image, part, parts, notes, redacted). A redactor paints the whole
    picture (or page, or frame) before it is cut, so its boxes are those of the picture."""
    path = case.original_path(row["sha256"], row["ext"])
    redact = redactor or (lambda row, im, page: (im, False))
    if units.kind == "image":
        im = imaging.open_upright(path, row.get("orientation") or 1, target_side=ch.value("image_max_side_px"))
        im, redacted = redact(row, im, 0)
        groups = tile_groups(units.cuts, k)
        notes = []
        if len(groups) > 1:
            notes.append(Said("pack_split", n=len(groups)))
        if len(groups) < len(units.cuts):
            per = max(len(g) for g in groups)
            notes.append(Said("pack_split_tiled_one" if len(groups) == 1 else "pack_split_tiled",
                              n=len(units.cuts), per=per, **_names(ch)))
        for i, group in enumerate(groups):
            yield imaging.side_by_side([im.crop((0, top, im.width, bottom)) for top, bottom in group]), \
                i + 1, len(groups), notes, redacted
    elif units.kind == "pdf":
        # every page planned is shown: when the count limit gives fewer images than pages, the pages
        # sit side by side (a test report's cover alone would hide its results on page 2)
        pages = [redact(row, page, i + 1) for i, page in enumerate(_pdf_page_images(path, limit=units.count))]
        groups = tile_groups([(i, i + 1) for i in range(len(pages))], k)
        notes = list(units.notes)
        if len(groups) < len(pages):
            notes.append(Said("pack_pages_side_by_side", n=len(pages), k=len(groups)))
        for i, group in enumerate(groups):
            shown = [pages[top] for top, _ in group]
            yield imaging.side_by_side([im for im, _ in shown]), i + 1, len(groups), notes, \
                any(redacted for _, redacted in shown)
    else:
        from ..mediapages import key_frames

        frames = key_frames(path, 1, int((row.get("media") or {}).get("rotation") or 0))
        if frames:
            frame, redacted = redact(row, frames[0][1].convert("RGB"), 1)
            yield frame, None, None, units.notes, redacted


def _pdf_page_images(path: Path, limit: int) -> list:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:
        return []
    try:
        out = []
        for i in range(min(limit, len(pdf))):
            page = pdf[i]
            width = page.get_width()
            scale = min(3.0, 1600 / max(width, 1))      # about 1600 px across: small print stays legible
            out.append(page.render(scale=scale).to_pil().convert("RGB"))
        return out
    finally:
        pdf.close()


# ----- the pack folder --------------------------------------------------------------------------------
class _Pack:
    def __init__(self, case: Case, out: Path, profile: str, ch: Channel):
        self.case, self.profile, self.channel = case, profile, ch
        self.out = _unique_folder(out)
        self.work = case.tmp / f"pack-{uuid.uuid4().hex[:8]}"
        self.work.mkdir(parents=True)
        self.files: list[PackFile] = []
        self.left_out: list[dict] = []
        self.adjustments: list[str] = []
        self.notes: list[str] = []

    def add_bytes(self, file_name: str, data: bytes, role: str, **meta) -> PackFile:
        name = _safe_file_name(file_name)
        (self.work / name).write_bytes(data)
        item = PackFile(name, hashlib.sha256(data).hexdigest(), len(data), role, **meta)
        self.files.append(item)
        return item

    def add_copy(self, file_name: str, src: Path, role: str, **meta) -> PackFile:
        name = _safe_file_name(file_name)
        h = hashlib.sha256()
        size = 0
        with open(src, "rb") as fin, open(self.work / name, "wb") as fout:
            while chunk := fin.read(1 << 20):
                h.update(chunk)
                fout.write(chunk)
                size += len(chunk)
        item = PackFile(name, h.hexdigest(), size, role, **meta)
        self.files.append(item)
        return item

    def finish(self, when: datetime, extra: dict | None = None) -> PackResult:
        manifest = {"app": "证据夹 Evidence Binder", "kind": "pack", "profile": self.profile,
                    "channel": self.channel.id, "channel_name": self.channel.name,
                    "created_at": when.isoformat(timespec="seconds"), "case": self.case.info().get("title"),
                    "files": [vars(f) for f in self.files], "left_out": self.left_out,
                    "adjustments": self.adjustments, "notes": self.notes, **(extra or {})}
        (self.work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        with open(self.work / "manifest.csv", "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["文件", "用途", "证据", "证据名称", "原件 SHA-256", "本文件 SHA-256", "大小（字节）", "已打码", "调整"])
            for f in self.files:
                w.writerow([f.file, f.role, f.exhibit or "", f.name or "", f.source_sha256 or "", f.sha256, f.size,
                            "是" if f.redacted else "", "；".join(f.adjustments)])
        for p in self.work.iterdir():
            with open(p, "rb+") as fh:
                os.fsync(fh.fileno())
        zip_tmp = self.work.with_suffix(".zip.part")
        with zipfile.ZipFile(zip_tmp, "w", zipfile.ZIP_STORED) as zf:
            for p in sorted(self.work.iterdir()):
                zf.write(p, f"{self.out.name}/{p.name}")
        self.out.parent.mkdir(parents=True, exist_ok=True)
        out = _unique_folder(self.out)                 # someone may have written there meanwhile
        zip_path = out.with_name(out.name + ".zip")
        os.replace(self.work, out)
        shutil.move(str(zip_tmp), zip_path)
        with self.case.db.atomic():
            self.case.db["exports"].insert({
                "created_at": now_iso(), "profile": f"{self.profile}:{self.channel.id}", "out_path": str(out),
                "sha256": hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest(),
                "exhibits_json": json.dumps([{"number": f.exhibit, "file": f.file} for f in self.files if f.exhibit],
                                            ensure_ascii=False),
                "app_version": manifest["app"]})
        return PackResult(self.profile, self.channel.id, out, zip_path, self.files, self.left_out,
                          self.adjustments, self.notes)

    def abandon(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        Path(str(self.work.with_suffix(".zip.part"))).unlink(missing_ok=True)


def _unique_folder(path: Path) -> Path:
    candidate, n = path, 2
    while candidate.exists() or candidate.with_name(candidate.name + ".zip").exists():
        candidate = path.with_name(f"{path.name} ({n})")
        n += 1
    return candidate


def _safe_file_name(name: str, limit: int = 180) -> str:
    """A name any file system takes: our slug rules, cut by UTF-8 bytes, extension kept."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = slug(stem)
    budget = limit - len(ext.encode()) - 1
    while len(stem.encode()) > budget:
        stem = stem[:-1]
    return f"{stem}.{ext}" if ext else stem


def _short(files: list[str]) -> str:
    """How the index names an exhibit's files: their numbers ("附件01、附件02"), not the whole names."""
    return "、".join(f.split("_", 1)[0] for f in files)


def _rows(case: Case, numbers: list[str] | None) -> list[dict]:
    rows = [r for r in case.exhibits() if r["include_in_export"]]
    if numbers is not None:
        wanted = set(numbers)
        rows = [r for r in rows if label(r) in wanted or str(r["number"]) in wanted]
    return rows


# ----- image packs: platform appeal and public complaint ----------------------------------------------
def _names(ch: Channel) -> dict:
    return {"channel": ch.name, "channel_en": ch.name_en}


def _over_count(ch: Channel) -> Said:
    return Said("pack_over_count", n=ch.value("image_count"), **_names(ch))


def over_limit(item: dict) -> bool:
    """Whether a left-out exhibit was left out for a channel's count or size limit."""
    return getattr(item.get("reason"), "code", None) in ("pack_over_count", "pack_over_total")


def plan_images(case: Case, rows: list[dict], ch: Channel, keep_pdf: bool = False,
                cancel: threading.Event | None = None, progress: Progress | None = None):
    """Which exhibits become how many images: ([(row, units)] most important first, {id: images given},
    [left out with the reason]). Every exhibit that fits gets one image before any gets a second."""
    max_count = ch.value("image_count")
    max_bytes = ch.value("image_bytes")
    planned, left_out = [], []
    rows = ranked(rows)
    for i, row in enumerate(rows):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled()
        if progress:
            progress("plan", i, len(rows))
        units, reason = exhibit_units(case, row, ch, cut=not max_count or len(planned) < max_count)
        if keep_pdf and units is not None and units.kind == "pdf" and row["size"] <= (max_bytes or row["size"]):
            units = _Units("file", 1)
        if reason:
            left_out.append({"exhibit": label(row), "name": row["name"], "reason": reason})
        else:
            planned.append((row, units))
    slots = max_count or sum(u.count for _, u in planned)
    given: dict[int, int] = {}
    for row, units in planned:
        if slots <= 0:
            break
        given[row["id"]] = 1
        slots -= 1
    for row, units in planned:
        if row["id"] in given and slots > 0:
            extra = min(units.count - 1, slots)
            given[row["id"]] += extra
            slots -= extra
    return planned, given, left_out


@dataclass
class Choice:
    """One exhibit in the pack's choice list: the core's default (in or out) and why."""
    row: dict
    label: str
    rank: int                         # 1 = the most important; the list is in this order
    chosen: bool
    reason: Said
    images: int = 0                   # images (or files) it takes when chosen


def _why(row: dict) -> Said:
    category = row["category"] if row["category"] in IMPORTANCE else "other"
    return Said(f"pack_why_{category}")


def pack_choices(case: Case, profile: str, ch: Channel, cancel: threading.Event | None = None) -> list[Choice]:
    """Every exhibit marked for export, most important first, with the pack's default choice: what fits
    the channel's limits (the refusal, the order, ... first) is in; the rest is out with the reason.
    An internet court filing takes every exhibit, one file each, in upload order."""
    rows = _rows(case, None)
    if profile == "internet_court":
        return [Choice(r, label(r), i + 1, True, Said("pack_chosen_file"), 1) for i, r in enumerate(rows)]
    planned, given, left_out = plan_images(case, rows, ch, profile in PROFILE_KEEPS_PDF, cancel)
    units_of = {row["id"]: units for row, units in planned}
    reasons = {item["exhibit"]: item["reason"] for item in left_out}
    out = []
    for i, row in enumerate(ranked(rows)):
        k = given.get(row["id"], 0)
        if k:
            units = units_of[row["id"]]
            reason = Said("pack_chosen_because", rank=i + 1, why=_why(row)) if k == 1 else \
                Said("pack_chosen_parts", rank=i + 1, why=_why(row), k=k)
            if units.kind == "file":
                reason = Said("pack_chosen_because", rank=i + 1, why=_why(row))
        else:
            reason = reasons.get(label(row)) or _over_count(ch)
        out.append(Choice(row, label(row), i + 1, bool(k), reason, k))
    return out


@dataclass
class Preview:
    files: int                        # images and attachments the pack will hold
    exhibits: int
    approx_bytes: int
    adjustments: list[str]
    left_out: list[dict]
    redact: list[tuple[dict, int]] = field(default_factory=list)   # (row, page) the public pack paints


PROFILE_KEEPS_PDF = {"complaint_12315"}


def preview_pack(case: Case, profile: str, ch: Channel, numbers: list[str] | None = None,
                 cancel: threading.Event | None = None) -> Preview:
    """What the pack will hold, without writing anything: for the export dialog."""
    rows = _rows(case, numbers)
    if profile == "internet_court":
        limit = ch.value("file_bytes")
        big = [r for r in rows if limit and r["size"] > limit]
        return Preview(len(rows), len(rows), sum(r["size"] for r in rows),
                       [Said("pack_preview_court_big", number=label(r), mb=limit // (1024 * 1024)) for r in big], [])
    planned, given, left_out = plan_images(case, rows, ch, profile in PROFILE_KEEPS_PDF, cancel)
    max_side = ch.value("image_max_side_px") or 0
    adjustments, approx, files, redact = [], 0, 0, []
    for row, units in planned:
        k = given.get(row["id"])
        if not k:
            left_out.append({"exhibit": label(row), "name": row["name"], "reason": _over_count(ch)})
            continue
        files += k
        if units.kind == "file":
            approx += row["size"]
            continue
        w, h = row.get("width") or 1080, row.get("height") or 2400
        approx += min(ch.value("image_bytes") or 1 << 40, int(w * min(h, 2 * w) * 0.3)) * k
        if units.kind == "pdf" and k < units.count:
            adjustments.append(Said("pack_exhibit_note", number=label(row),
                                    note=Said("pack_pages_side_by_side", n=units.count, k=k)))
        elif units.count > 1 and units.kind == "image":
            per = -(-min(units.count, MAX_SIDE_BY_SIDE * k) // k)
            split = Said("pack_split_tiled_one", n=units.count, per=per, **_names(ch)) if k == 1 else \
                Said("pack_split_tiled", n=units.count, per=per, **_names(ch)) if k < units.count else \
                Said("pack_preview_split", k=k)
            adjustments.append(Said("pack_exhibit_note", number=label(row), note=split))
        if units.kind == "image" and max_side and max(w, h) > max_side:
            adjustments.append(Said("pack_exhibit_note", number=label(row), note=Said("pack_preview_downscale", max=max_side)))
        if units.kind in ("pdf", "video"):
            adjustments.append(Said("pack_exhibit_note", number=label(row), note=units.notes[0]))
        redact += [(row, 0)] if units.kind == "image" else \
            [(row, p + 1) for p in range(units.count if units.kind == "pdf" else k)]
    return Preview(files, len(given), approx, adjustments, left_out, redact if profile == "public" else [])


def image_pack(case: Case, out: Path, profile: str, ch: Channel, *, numbers: list[str] | None = None,
               redactor=None, cancel: threading.Event | None = None, progress: Progress | None = None,
               texts: dict[str, str] | None = None, when: datetime | None = None,
               keep_pdf: bool = False, prefix: str = "", index: bool = False, notes: list[str] = ()) -> PackResult:
    """Numbered, captioned JPEGs within `ch`'s limits, the most important first; the texts beside.
    keep_pdf: a PDF original within the size limit goes as it is (12315 takes PDFs); prefix: before the
    number in each file name ("附件"); index: a short 证据目录 PDF naming each exhibit's file."""
    cancel = cancel or threading.Event()
    progress = progress or (lambda step, done, total: None)
    when = when or datetime.now(CHINA)
    max_count = ch.value("image_count")
    max_bytes = ch.value("image_bytes")
    total_bytes = ch.value("total_bytes")
    pack = _Pack(case, out, profile, ch)
    pack.notes.extend(notes)
    try:
        planned, given, left_out = plan_images(case, _rows(case, numbers), ch, keep_pdf, cancel, progress)
        pack.left_out.extend(left_out)
        used_bytes = 0
        seq = 0
        files_of: dict[int, list[str]] = {}
        for i, (row, units) in enumerate(planned):
            if cancel.is_set():
                raise ExportCancelled()
            progress("images", i, len(planned))
            if redactor is not None and hasattr(redactor, "mask_text"):
                row = {**row, "name": redactor.mask_text(row["name"])}   # the caption and file name are public too
            if row["id"] not in given:
                pack.left_out.append({"exhibit": label(row), "name": row["name"], "reason": _over_count(ch)})
                continue
            if units.kind == "file":
                seq += 1
                item = pack.add_copy(f"{prefix}{seq:02d}_证据{label(row)}_{row['name']}.{row['ext']}",
                                     case.original_path(row["sha256"], row["ext"]), "attachment",
                                     exhibit=label(row), name=row["name"], source_sha256=row["sha256"])
                files_of.setdefault(row["id"], []).append(item.file)
                used_bytes += item.size
                continue
            made = []
            for im, part, parts, notes, redacted in unit_images(case, row, units, given[row["id"]], ch, redactor):
                fitted = imaging.fit_jpeg(imaging.caption(im, caption_text(row, part, parts)),
                                          ch.value("image_max_side_px"), max_bytes, ch.value("image_min_side_px"))
                made.append((fitted, part, parts, notes, redacted))
            size = sum(len(f.data) for f, *_ in made)
            if not made or (total_bytes and used_bytes + size > total_bytes):
                pack.left_out.append({"exhibit": label(row), "name": row["name"],
                                      "reason": Said("pack_no_frame") if not made else
                                      Said("pack_over_total", mb=total_bytes // (1024 * 1024), **_names(ch))})
                continue
            used_bytes += size
            for fitted, part, parts, notes, redacted in made:
                seq += 1
                # "证据12第2张", not "证据12-2": that would read as the part 12-2 of a group
                suffix = f"第{part}张" if parts and parts > 1 else ""
                name = f"{prefix}{seq:02d}_证据{label(row)}{suffix}_{row['name']}.jpg"
                adjustments = [*notes, *fitted.adjustments]
                files_of.setdefault(row["id"], []).append(_safe_file_name(name))
                pack.add_bytes(name, fitted.data, "image", exhibit=label(row), name=row["name"],
                               source_sha256=row["sha256"], part=part, parts=parts, redacted=redacted,
                               adjustments=adjustments)
                for note in adjustments:
                    said = Said("pack_exhibit_note", number=label(row), note=note)
                    if said not in pack.adjustments:       # once per exhibit, not once per image
                        pack.adjustments.append(said)
        if index:
            from .shortdocs import index_pdf

            listed = sorted((r for r, _ in planned if r["id"] in files_of),
                            key=lambda r: (r["number"], r.get("part") or 0))
            pack.add_bytes("证据目录.pdf", index_pdf(case.info(), listed,
                                                   {k: _short(v) for k, v in files_of.items()}, when), "index")
        _add_texts(pack, texts)
        if any(over_limit(item) for item in pack.left_out):
            pack.notes.append(Said("pack_left_out_note", **_names(ch)))
        if ch.limit("image_count") and ch.limit("image_count").default:
            pack.notes.append(Said("pack_default_limits", n=max_count, mb=max_bytes // (1024 * 1024), **_names(ch)))
        return pack.finish(when)
    except BaseException:
        pack.abandon()
        raise


def verify_pack(folder: Path, manifest: dict) -> list[tuple[str, dict]]:
    """Problems with a pack folder against its manifest (message codes and parameters): files missing,
    changed, extra, not regular, or named outside the folder (never opened); manifest.csv agreeing."""
    from ..safefs import NotRegular, child, sha256_regular

    problems: list[tuple[str, dict]] = []
    listed: dict[str, dict] = {}
    items = manifest.get("files")
    if not isinstance(items, list):
        return [("export_manifest_bad", {"error": 'manifest.json: "files" is not a list'})]
    for item in items:
        if (not isinstance(item, dict) or not isinstance(item.get("file"), str)
                or not isinstance(item.get("sha256"), str) or len(item["sha256"]) != 64):
            problems.append(("export_manifest_bad", {"error": f"manifest.json: entry {str(item)[:120]}"}))
            continue
        listed[item["file"]] = item
    for name, item in listed.items():
        path = child(folder, name)
        if path is None:
            problems.append(("export_path_outside", {"file": name[:200]}))
            continue
        params = {"number": item.get("exhibit") or "-", "file": name[:200]}
        try:
            sha, size = sha256_regular(path)
        except FileNotFoundError:
            problems.append(("export_original_missing", params))
            continue
        except NotRegular as exc:
            problems.append(("export_link" if exc.what == "link" else "export_not_regular", {**params, "what": exc.what}))
            continue
        except OSError as exc:
            problems.append(("export_unreadable", {"file": name, "error": exc.strerror or str(exc)}))
            continue
        if sha != item["sha256"] or (isinstance(item.get("size"), int) and size != item["size"]):
            problems.append(("export_original_changed", params))
    for name in sorted(os.listdir(folder)):
        if name not in listed and name not in ("manifest.json", "manifest.csv"):
            problems.append(("export_extra_file", {"file": name}))
    try:
        with open(folder / "manifest.csv", encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        pairs = {(r[0], r[5]) for r in rows[1:] if len(r) >= 6}
        if len(rows) - 1 != len(listed) or pairs != {(n, i["sha256"]) for n, i in listed.items()}:
            problems.append(("export_csv_disagrees", {"file": "manifest.csv"}))
    except (OSError, ValueError, csv.Error):
        problems.append(("export_csv_disagrees", {"file": "manifest.csv"}))
    return problems



# The texts each pack carries (app/core/dispute/texts.py), by file name.
PACK_TEXTS = {"platform": {"申诉说明.txt": "platform_appeal"},
              "public": {"投诉内容.txt": "public_complaint"},
              "complaint_12315": {"12315投诉内容.txt": "complaint_12315", "12345通话稿.txt": "call_12345"},
              "internet_court": {"民事起诉状.docx": "lawsuit", "民事起诉状.pdf": "lawsuit"}}


def pack_texts(case: Case, profile: str, shown: set[str] | None = None) -> tuple[dict[str, bytes], list[str]]:
    """The profile's texts filled from the case, as file contents, and what the user must know of them
    (shortened to the channel's limit, facts read from the evidence to check, blanks to fill). With `shown`
    (证据N), the texts' evidence lists name only those, and the rest as not sent."""
    import dataclasses

    from ..dispute.known import load
    from ..dispute.output import docx_document
    from ..dispute.texts import draft
    from .shortdocs import text_pdf

    view = load(case)
    if shown is not None:
        view = dataclasses.replace(view, shown=frozenset(shown))
    out: dict[str, bytes] = {}
    notes: list[str] = []
    made = {}
    for file_name, kind in PACK_TEXTS.get(profile, {}).items():
        if kind not in made:
            made[kind] = draft(view, kind)
            notes += [f"{made[kind].title}：{n}" for n in made[kind].notes]
        text = made[kind]
        if file_name.endswith(".docx"):
            buf = io.BytesIO()
            docx_document(text).save(buf)
            out[file_name] = buf.getvalue()
        elif file_name.endswith(".pdf"):
            out[file_name] = text_pdf(text.title, text.body)
        else:
            out[file_name] = text.render().encode("utf-8")
    return out, notes


def _add_texts(pack: "_Pack", texts: dict | None) -> None:
    for file_name, content in (texts or {}).items():
        pack.add_bytes(file_name, content.encode("utf-8") if isinstance(content, str) else content, "text")


def build_pack(case: Case, out: Path, profile: str, ch: Channel, *, numbers: list[str] | None = None,
               cancel: threading.Event | None = None, progress: Progress | None = None) -> PackResult:
    """The pack for `profile` on channel `ch` (the CLI's and the GUI's one entry), with its texts."""
    if numbers is not None and not _rows(case, numbers):
        from ..messages import CoreError

        raise CoreError("pack_nothing_chosen", numbers=",".join(numbers) or "-")
    shown = None
    if profile in ("platform", "complaint_12315", "public"):     # what the limits let in, as image_pack will
        rows = _rows(case, numbers)
        _, given, _ = plan_images(case, rows, ch, profile in PROFILE_KEEPS_PDF, cancel)
        shown = {f"证据{r['number']}" for r in rows if given.get(r["id"])}
    texts, notes = pack_texts(case, profile, shown)
    common = {"numbers": numbers, "cancel": cancel, "progress": progress, "texts": texts, "notes": notes}
    if profile == "platform":
        result = image_pack(case, out, profile, ch, **common)
    elif profile == "complaint_12315":
        result = image_pack(case, out, profile, ch, keep_pdf=True, prefix="附件", index=True, **common)
    elif profile == "internet_court":
        result = court_filing_pack(case, out, ch, **common)
    elif profile == "public":
        result = image_pack(case, out, profile, ch, redactor=Redactor(case, cancel), **common)
    else:
        raise ValueError(f"unknown pack profile {profile!r}")
    return result


def page_image(case: Case, row: dict, page: int):
    """The picture the public pack paints for (row, page): the upright image (page 0), a PDF page as
    rendered for the pack, or the video's frame (page 1). Boxes are fractions of it."""
    path = case.original_path(row["sha256"], row["ext"])
    if page == 0:
        return imaging.open_upright(path, row.get("orientation") or 1,
                                    target_side=channel("heimao").value("image_max_side_px"))
    if (row.get("mime") or "") == "application/pdf":
        return _pdf_page_images(path, limit=page)[page - 1]
    from ..mediapages import key_frames

    return key_frames(path, 1, int((row.get("media") or {}).get("rotation") or 0))[0][1].convert("RGB")


def known_order_numbers(case: Case) -> tuple[str, ...]:
    """The case's order numbers (its details and what the reading found on any exhibit): hidden by half
    wherever they appear on a public image, with or without a label."""
    from ..read.facts import flat

    found = {case.info().get("order_number") or ""}
    for row in case.db.query("SELECT facts_json FROM exhibits WHERE deleted_at IS NULL AND facts_json IS NOT NULL"):
        try:
            found.update(flat(json.loads(row["facts_json"])).get("order_numbers") or [])
        except (ValueError, TypeError, AttributeError):
            continue
    return tuple(sorted(n for n in found if len(re.sub(r"\D", "", n)) >= 8))


class Redactor:
    """Paints out personal data for a public pack: the stored areas of each picture, proposed from its
    OCR lines the first time (app/core/export/redact.py); the painted picture is kept in derived/."""

    def __init__(self, case: Case, cancel: threading.Event | None = None):
        from . import redact

        self.case, self.redact, self.cancel = case, redact, cancel
        info = case.info()
        self.names = tuple(n for n in (info.get("claimant_name") or "",) if n)
        self.numbers = known_order_numbers(case)
        self.folder = case.root / "derived" / "redacted"

    def __call__(self, row: dict, im, page: int):
        areas = self.redact.stored(self.case, row["id"], page)
        seen = self.case.db.execute("SELECT COUNT(*) FROM redactions WHERE exhibit_id = ? AND page = ? "
                                    "AND origin = 'auto'", [row["id"], page]).fetchone()[0]
        if not seen:
            lines, (w, h) = self._lines(row, im, page)
            areas = self.redact.propose(self.case, row["id"],
                                        self.redact.find(lines, w, h, self.names, page=page, image=im,
                                                         numbers=self.numbers), page)
        if not areas:
            return im, False
        painted = self.redact.paint(im, areas)
        own_folder(self.folder)  # derived/ is ours: never written through a link someone left there
        write_own(self.folder / f"{row['sha256']}-{page}.png", lambda fh: painted.save(fh, "PNG"))
        return painted, True

    def mask_text(self, text: str) -> str:
        """`text` (an exhibit's name, shown in a public image's caption and file name) with the personal
        data the pictures hide replaced by ＊ (numbers by half, as on the pictures)."""
        chars = list(text)
        for _kind, start, end in self.redact.find_spans(text, self.names, self.numbers):
            chars[start:end] = ["＊"] * (end - start)
        return "".join(chars)

    def _lines(self, row: dict, im, page: int):
        """OCR lines and the size their boxes refer to. A picture's lines come from the reading cache
        (boxes in the full upright picture); a PDF page or a video frame is read as rendered here."""
        from ..read import reader, worker

        try:
            return self._read_lines(reader, row, im, page)
        except worker.Cancelled:       # the export was stopped while a picture was being read
            raise ExportCancelled() from None

    def _read_lines(self, reader, row: dict, im, page: int):
        if page == 0:
            w, h = row.get("width") or im.width, row.get("height") or im.height
            if (row.get("orientation") or 1) in (5, 6, 7, 8):
                w, h = h, w
            return [ln for ln in reader.lines(self.case, row["id"], self.cancel) if ln.page == 0], (w, h)
        tmp = self.case.root / "tmp"
        lines = reader.read_image(im, page, tmp_dir=tmp if tmp.is_dir() and not tmp.is_symlink() else None,
                                   cancel=self.cancel)
        for ln in lines:
            ln.page = page
        return lines, im.size


FILING_CHECKLIST = """网上立案要准备的材料（杭州、北京、广州互联网法院及人民法院在线服务）
□ 民事起诉状：本文件夹中的 民事起诉状.docx / .pdf，核对后签名（可在线签名）
□ 原告身份证明：身份证正反面照片或扫描件
□ 被告主体信息：企业名称、统一社会信用代码、住所地（在“国家企业信用信息公示系统”查询并截图）；
  个体店铺写经营者姓名和店铺信息；平台上的店铺可在店铺首页“资质”或“营业执照”中查到
□ 证据：按“证据01_名称”的顺序逐个上传；证据目录.pdf 一并上传
□ 送达地址确认书：网上立案时按系统提示填写（电话、电子邮箱、地址）
□ 管辖：网购合同纠纷可在平台或卖家所在地、收货地的法院起诉；签收地或平台住所在杭州、北京、广州的，可选对应的互联网法院
□ 诉讼费：立案后按通知在线缴纳；标的额在本省小额诉讼标准内的，适用小额诉讼程序（一审终审）
"""


def court_filing_pack(case: Case, out: Path, ch: Channel, *, numbers: list[str] | None = None,
                      cancel: threading.Event | None = None, progress: Progress | None = None,
                      texts: dict[str, str] | None = None, when: datetime | None = None,
                      notes: list[str] = ()) -> PackResult:
    """One file per exhibit, `证据01_名称.ext` in upload order, the originals unchanged; the 证据目录 PDF;
    the 民事起诉状 (.docx and .pdf where the text is given); what the filing system will ask for."""
    from .plan import original_file_name
    from .shortdocs import index_pdf

    cancel = cancel or threading.Event()
    progress = progress or (lambda step, done, total: None)
    when = when or datetime.now(CHINA)
    limit = ch.value("file_bytes")
    pack = _Pack(case, out, "internet_court", ch)
    pack.notes.extend(notes)
    try:
        rows = _rows(case, numbers)
        width = max(2, len(str(max((r["number"] for r in rows), default=1))))
        names = {}
        for i, row in enumerate(rows):
            if cancel.is_set():
                raise ExportCancelled()
            progress("files", i, len(rows))
            item = pack.add_copy(original_file_name(row, width), case.original_path(row["sha256"], row["ext"]),
                                 "exhibit", exhibit=label(row), name=row["name"], source_sha256=row["sha256"])
            names[row["id"]] = item.file
            if limit and row["size"] > limit:
                note = Said("pack_court_too_big", number=label(row), size_mb=row["size"] // (1024 * 1024),
                            limit_mb=limit // (1024 * 1024))
                item.adjustments.append(note)
                pack.notes.append(note)
            if row["status"] != "ok":
                pack.notes.append(Said("pack_court_damaged", number=label(row), status=row["status"]))
        pack.add_bytes("证据目录.pdf", index_pdf(case.info(), rows, {k: _short([v]) for k, v in names.items()}, when),
                       "index")
        _add_texts(pack, texts)
        pack.add_bytes("立案材料清单.txt", FILING_CHECKLIST.encode("utf-8"), "checklist")
        return pack.finish(when)
    except BaseException:
        pack.abandon()
        raise
