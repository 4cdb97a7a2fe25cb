"""The whole court export: the PDF, the folder of originals beside it with its manifests, and the
export's row in the case."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
import stat
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

import filelock

from ..capture import source_words
from ..ingest import _crash_point, make_read_only, remove_file
from ..messages import CoreError
from ..safefs import remove_tree, sha256_regular
from ..store import Case, now_iso
from .compose import _compose
from .geometry import register_font
from .layout import _Doc
from .plan import ExportCancelled, ExportOptions, default_purpose, label, plan_pages

MANIFEST_FORMAT = "evidence-binder-export/2"


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
    if not os.path.lexists(path) and not os.path.lexists(folder):
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not os.path.lexists(candidate) and not os.path.lexists(bundle_folder(candidate)):
            return candidate
        n += 1


def bundle_folder(pdf_path: Path) -> Path:
    return pdf_path.with_name(pdf_path.stem + "_原件")


# An export works in one hidden folder beside its output, `.eb-export-<random>.part`, locked while it
# runs. The next export into the same folder removes any such folder whose lock is free (its export was
# killed), and the names of earlier versions' leftovers (`.x.pdf.1a2b3c4d.part`).
WORK_PREFIX, WORK_SUFFIX = ".eb-export-", ".part"
_OLD_LEFTOVER = re.compile(r"^\..+(\.pdf|_原件)\.[0-9a-f]{8}\.part$")


def is_leftover(path: Path) -> bool:
    """Is this (or a folder it lies in) the temp work of an export, never a finished one?"""
    for part in Path(os.path.abspath(path)).parts:
        if (part.startswith(WORK_PREFIX) and part.endswith(WORK_SUFFIX)) or _OLD_LEFTOVER.match(part):
            return True
    return False


def clean_leftovers(folder: Path) -> list[str]:
    """Remove what killed exports left in `folder`: their work folders (whose lock is free), the temp
    files of earlier versions, and empty name reservations (`x_原件` with no `x.pdf`) when no export is
    running there. A running export's work (locked) is left alone, and so is anything with files in it
    that is not an export's work."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    busy = False
    for entry in entries:
        name = entry.name
        if name.startswith(WORK_PREFIX) and name.endswith(WORK_SUFFIX) and entry.is_dir(follow_symlinks=False):
            lock = filelock.FileLock(os.path.join(entry.path, ".lock"))
            try:
                lock.acquire(timeout=0)
            except (filelock.Timeout, OSError):
                busy = True  # an export is running there
                continue
            try:
                removed += _unpublished(Path(entry.path), folder, entries)
                remove_tree(Path(entry.path))
            finally:
                lock.release()
            removed.append(name)
        elif _OLD_LEFTOVER.match(name) and not entry.is_symlink():
            remove_tree(Path(entry.path))
            removed.append(name)
    if not busy:
        for entry in entries:
            name = entry.name
            if name.endswith("_原件") and entry.is_dir(follow_symlinks=False) and \
                    not os.path.lexists(os.path.join(folder, name[:-len("_原件")] + ".pdf")):
                try:
                    os.rmdir(entry.path)  # only ever succeeds on an empty folder
                    removed.append(name)
                except OSError:
                    pass
    return removed


def _unpublished(work: Path, folder: Path, entries: list) -> list[str]:
    """Remove the PDF an export killed before its last rename left (a hard link of its work PDF, beside
    its still empty originals folder), and that empty folder. Only that very file is ever removed: the
    same inode as the dead export's own PDF."""
    try:
        own = os.lstat(work / "bundle.pdf")
    except OSError:
        return []
    if own.st_nlink < 2:
        return []
    removed = []
    for entry in entries:
        if not entry.name.endswith(".pdf") or not entry.is_file(follow_symlinks=False):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        reservation = bundle_folder(Path(entry.path))
        if (st.st_ino, st.st_dev) != (own.st_ino, own.st_dev) or os.path.islink(reservation):
            continue
        try:
            if reservation.is_dir() and not any(os.scandir(reservation)):
                os.rmdir(reservation)
                os.remove(entry.path)
                removed += [entry.name, reservation.name]
        except OSError:
            pass
    return removed


def _publish(work: Path, out: Path, write_manifests: Callable[[Path, str], None]) -> Path:
    """Give the finished bundle in `work` its final names without ever taking an existing one; the bundle
    comes into being with one rename, the last step.

    The originals folder is reserved with mkdir (atomic: of two exports racing for one name, one wins and
    the other takes the next free name), the manifests are written naming the PDF that goes with them, the
    PDF is hard-linked beside its still empty reservation (a link never overwrites), and then the folder of
    originals and manifests replaces the reservation in one rename. Until that rename there is no bundle:
    a PDF beside an empty originals folder, which verify-export calls an unfinished export and the next
    export here removes (clean_leftovers: the PDF is the same file as the dead export's work PDF)."""
    wanted = out
    work_pdf = work / "bundle.pdf"
    work_folder = work / "originals"
    while True:
        out = unique_path(wanted)
        folder = bundle_folder(out)
        try:
            os.mkdir(folder)
        except FileExistsError:
            continue
        _crash_point("export_reserved")
        for name in ("manifest.json", "manifest.csv"):  # from a try at a name someone took meanwhile
            remove_file(work_folder / name)
        write_manifests(work_folder, out.name)
        try:
            os.link(work_pdf, out)
        except FileExistsError:
            os.rmdir(folder)  # someone took the PDF's name meanwhile: try the next name
            continue
        except OSError:  # no hard links on this file system
            if os.path.lexists(out):
                os.rmdir(folder)
                continue
            os.replace(work_pdf, out)
        _crash_point("export_linked")
        try:
            os.replace(work_folder, folder)  # the bundle is whole from this one rename on
        except OSError:  # Windows cannot rename onto a folder, even an empty one
            os.rmdir(folder)
            os.rename(work_folder, folder)
        return out


def export_court(case: Case, out: str | os.PathLike, options: ExportOptions | None = None,
                 cancel: threading.Event | None = None,
                 on_progress: Callable[[str, int, int], None] | None = None) -> ExportResult:
    options = options or ExportOptions()
    cancel = cancel or threading.Event()
    progress = on_progress or (lambda step, done, total: None)
    when = options.when or datetime.now().astimezone()
    register_font()
    rows = [r for r in case.exhibits() if r["include_in_export"]]
    out = Path(os.path.abspath(out))
    check_originals(case, rows)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise export_os_error(exc, out) from None
    clean_leftovers(out.parent)
    progress("plan", 0, len(rows))
    plans, xobjects = plan_pages(case, rows, cancel)
    progress("layout", len(rows), len(rows))
    doc = _Doc(case.info(), rows, plans, options, when)
    doc.case_root = case.root
    base = doc.run()
    if cancel.is_set():
        raise ExportCancelled()
    listed = []
    for row in rows:
        first, last = doc.exhibit_pages.get(row["id"], (None, None))
        listed.append({"number": row["number"], "part": row.get("part"), "label": label(row),
                       "name": row["name"], "file": doc.file_names[row["id"]],
                       "original_name": row["original_name"], "size": row["size"],
                       "captured_at": row["captured_at"], "captured_at_source": row["captured_at_source"],
                       "sha256": row["sha256"], "first_page": first, "last_page": last, "status": row["status"]})
    # The PDF carries its own manifest (an attached file): a recipient checks the originals against the
    # PDF itself, not against a manifest.json anyone could edit.
    embedded = {"format": MANIFEST_FORMAT, "app": doc.creator(), "profile": options.profile,
                "created_at": when.isoformat(timespec="seconds"), "case": case.info().get("title"),
                "exhibits": listed}
    attachment = json.dumps(embedded, ensure_ascii=False, indent=1).encode("utf-8")
    sha = total = None

    def write_manifests(target: Path, pdf_name: str) -> None:
        manifest = {**embedded, "pdf": "../" + pdf_name, "pdf_sha256": sha, "pages": total}
        _write_atomic(target / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["序号", "证据名称", "文件", "原文件名", "大小（字节）", "形成时间", "时间来源", "SHA-256", "页码"])
        for item in listed:
            pages = "" if item["first_page"] is None else f"{item['first_page']}-{item['last_page']}"
            w.writerow([item["label"], item["name"], item["file"], item["original_name"], item["size"],
                        item["captured_at"] or "", source_words(item["captured_at_source"]) if
                        item["captured_at_source"] else "", item["sha256"], pages])
        _write_atomic(target / "manifest.csv", buf.getvalue().encode("utf-8-sig"))

    work = out.parent / f"{WORK_PREFIX}{uuid.uuid4().hex[:12]}{WORK_SUFFIX}"
    lock = None
    try:
        try:
            work.mkdir()
            lock = filelock.FileLock(str(work / ".lock"))
            lock.acquire(timeout=0)
            # The PDF is written straight into the work folder: it never sits in memory whole.
            with open(work / "bundle.pdf", "xb") as fh:
                _, total = _compose(base, plans, doc.plan_pages, xobjects, case, when, doc,
                                    attachment=attachment, out=fh)
                fh.flush()
                os.fsync(fh.fileno())
            sha, _ = sha256_regular(work / "bundle.pdf")
            _crash_point("export_pdf")
            progress("write", 0, len(rows))
            (work / "originals").mkdir()
            for i, row in enumerate(rows):
                if cancel.is_set():
                    raise ExportCancelled()
                target = work / "originals" / doc.file_names[row["id"]]
                shutil.copyfile(case.original_path(row["sha256"], row["ext"]), target)
                make_read_only(target)
                progress("write", i + 1, len(rows))
                _crash_point("export_copied")
            out = _publish(work, out, write_manifests)
        except OSError as exc:
            raise export_os_error(exc, out) from None
        folder = bundle_folder(out)
    finally:
        if lock is not None:
            lock.release()
        remove_tree(work)
    with case.db.atomic():
        export_id = case.db["exports"].insert({
            "created_at": now_iso(), "profile": options.profile, "out_path": str(out), "sha256": sha,
            "exhibits_json": json.dumps([{"id": r["id"], "number": label(r)} for r in rows], ensure_ascii=False),
            "app_version": doc.creator()}).last_pk
    notices = [{"number": label(p.exhibit),
                "code": p.notice_code or {"unreadable": "export_notice_unreadable", "encrypted": "export_notice_encrypted"}.get(
                    p.exhibit["status"], "export_notice_document")} for p in plans if p.kind == "notice"]
    unfilled = [label(r) for r in rows if not r.get("purpose") and not default_purpose(r)]
    if unfilled:
        notices.append({"number": "、".join(unfilled), "code": "export_purpose_missing"})
    suggested = [label(r) for r in rows if not r.get("purpose") and default_purpose(r)]
    if suggested:  # the index prints the app's suggestion for these; nobody has confirmed it yet
        notices.append({"number": "、".join(suggested), "code": "export_purpose_suggested"})
    exhibits = [{"number": item["number"], "part": item["part"], "label": item["label"], "name": item["name"],
                 "first_page": item["first_page"],
                 "last_page": item["last_page"], "file": item["file"]} for item in listed]
    return ExportResult(out, folder, sha, total, exhibits, notices, export_id)




def _write_atomic(path: Path, data: bytes) -> None:
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def check_originals(case: Case, rows: list[dict]) -> None:
    """Every original the export needs is there as a regular file, or the user is told which is not."""
    for row in rows:
        path = case.original_path(row["sha256"], row["ext"])
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            raise CoreError("export_case_original_missing", number=label(row),
                            path=f"originals/{path.name}", name=row["original_name"]) from None
        except OSError as exc:
            raise CoreError("export_case_original_unreadable", number=label(row), error=exc.strerror or str(exc)) from None
        if not stat.S_ISREG(st.st_mode):
            raise CoreError("export_case_original_unreadable", number=label(row), error="not a regular file")


def export_os_error(exc: OSError, out: Path) -> CoreError:
    """The file-system error of an export, in words: full disk, no permission, a file where a folder
    should be, a name too long."""
    where = str(out.parent)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return CoreError("export_disk_full", path=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CoreError("export_no_permission", path=where)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return CoreError("export_not_a_folder", path=where)
    if exc.errno == errno.ENAMETOOLONG:
        return CoreError("export_name_too_long", path=str(out))
    return CoreError("export_write_failed", path=where, error=exc.strerror or str(exc))
