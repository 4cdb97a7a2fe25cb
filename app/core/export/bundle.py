"""The whole court export: the PDF, the folder of originals beside it with its manifests, and the
export's row in the case."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..ingest import make_read_only, remove_file
from ..store import Case, now_iso
from .compose import _compose
from .geometry import register_font
from .layout import _Doc
from .plan import ExportCancelled, ExportOptions, default_purpose, label, plan_pages

@dataclass
class ExportResult:
    pdf_path: Path
    folder_path: Path
    sha256: str
    pages: int
    exhibits: list[dict]               # number, name, first_page, last_page, file
    notices: list[dict] = field(default_factory=list)   # exhibits shown only as a notice page
    export_id: int | None = None



def unique_path(path: Path) -> Path:
    """`path`, or `name (2).pdf`, `name (3).pdf` ... so an earlier export is never overwritten."""
    folder = bundle_folder(path)
    if not path.exists() and not folder.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists() and not bundle_folder(candidate).exists():
            return candidate
        n += 1


def bundle_folder(pdf_path: Path) -> Path:
    return pdf_path.with_name(pdf_path.stem + "_原件")



def export_court(case: Case, out: str | os.PathLike, options: ExportOptions | None = None,
                 cancel: threading.Event | None = None,
                 on_progress: Callable[[str, int, int], None] | None = None) -> ExportResult:
    options = options or ExportOptions()
    cancel = cancel or threading.Event()
    progress = on_progress or (lambda step, done, total: None)
    when = options.when or datetime.now().astimezone()
    register_font()
    rows = [r for r in case.exhibits() if r["include_in_export"]]
    out = unique_path(Path(out).resolve())
    out.parent.mkdir(parents=True, exist_ok=True)
    progress("plan", 0, len(rows))
    plans, xobjects = plan_pages(case, rows, cancel)
    progress("layout", len(rows), len(rows))
    doc = _Doc(case.info(), rows, plans, options, when)
    doc.case_root = case.root
    base = doc.run()
    if cancel.is_set():
        raise ExportCancelled()
    pdf_bytes, total = _compose(base, plans, doc.plan_pages, xobjects, case, when, doc)
    sha = hashlib.sha256(pdf_bytes).hexdigest()
    progress("write", 0, len(rows))

    folder = bundle_folder(out)
    tmp_pdf = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    tmp_folder = out.with_name(f".{folder.name}.{uuid.uuid4().hex[:8]}.part")
    listed = []
    try:
        tmp_folder.mkdir()
        for i, row in enumerate(rows):
            if cancel.is_set():
                raise ExportCancelled()
            name = doc.file_names[row["id"]]
            shutil.copyfile(case.original_path(row["sha256"], row["ext"]), tmp_folder / name)
            make_read_only(tmp_folder / name)
            first, last = doc.exhibit_pages.get(row["id"], (None, None))
            listed.append({"number": label(row), "name": row["name"], "file": name,
                           "original_name": row["original_name"], "size": row["size"],
                           "captured_at": row["captured_at"], "captured_at_source": row["captured_at_source"],
                           "sha256": row["sha256"], "first_page": first, "last_page": last, "status": row["status"]})
            progress("write", i + 1, len(rows))
        manifest = {"app": doc.creator(), "profile": options.profile, "created_at": when.isoformat(timespec="seconds"),
                    "case": case.info().get("title"), "pdf": out.name, "pdf_sha256": sha, "pages": total,
                    "exhibits": listed}
        (tmp_folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        with open(tmp_folder / "manifest.csv", "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["序号", "证据名称", "文件", "原文件名", "大小（字节）", "形成时间", "时间来源", "SHA-256", "页码"])
            for item in listed:
                pages = "" if item["first_page"] is None else f"{item['first_page']}-{item['last_page']}"
                w.writerow([item["number"], item["name"], item["file"], item["original_name"], item["size"],
                            item["captured_at"] or "", item["captured_at_source"] or "", item["sha256"], pages])
        with open(tmp_pdf, "wb") as fh:
            fh.write(pdf_bytes)
            fh.flush()
            os.fsync(fh.fileno())
        out = unique_path(out)  # someone may have written there meanwhile
        folder = bundle_folder(out)
        os.replace(tmp_folder, folder)
        os.replace(tmp_pdf, out)
    except BaseException:
        remove_file(tmp_pdf)
        if tmp_folder.exists():
            for p in tmp_folder.iterdir():
                remove_file(p)
            tmp_folder.rmdir()
        raise
    with case.db.atomic():
        export_id = case.db["exports"].insert({
            "created_at": now_iso(), "profile": options.profile, "out_path": str(out), "sha256": sha,
            "exhibits_json": json.dumps([{"id": r["id"], "number": label(r)} for r in rows], ensure_ascii=False),
            "app_version": doc.creator()}).last_pk
    notices = [{"number": label(p.exhibit),
                "code": {"unreadable": "export_notice_unreadable", "encrypted": "export_notice_encrypted"}.get(
                    p.exhibit["status"], "export_notice_document")} for p in plans if p.kind == "notice"]
    unfilled = [label(r) for r in rows if not r.get("purpose") and not default_purpose(r)]
    if unfilled:
        notices.append({"number": "、".join(unfilled), "code": "export_purpose_missing"})
    exhibits = [{"number": item["number"], "name": item["name"], "first_page": item["first_page"],
                 "last_page": item["last_page"], "file": item["file"]} for item in listed]
    return ExportResult(out, folder, sha, total, exhibits, notices, export_id)


