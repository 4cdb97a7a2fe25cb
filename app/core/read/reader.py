"""Reading exhibits: text lines from pictures (OCR), PDFs (text layer, OCR for scanned pages) and
videos (key frames), cached in derived/ocr/<sha256>.json, then text and facts stored in the database.

The queue is the exhibits whose read_status is NULL: reading resumes after a restart, and one file
that cannot be read gets a status and never stops the others.
"""
from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PIL import Image, ImageOps

from ..store import Case, now_iso
from . import engine as engine_mod
from .engine import Line
from .facts import extract
from . import worker as worker_mod

CACHE_VERSION = 1
READ_DONE, READ_EMPTY, READ_SKIPPED, READ_FAILED = "done", "empty", "skipped", "failed"
VIDEO_FRAMES = 12            # sampled frames of a screen recording
PDF_OCR_PAGES = 20           # scanned pages read by OCR at most
OCR_PIXELS = 16_000_000      # larger pictures are read from a reduced decode (memory of the worker)


@dataclass
class Reading:
    status: str
    lines: list[Line] = field(default_factory=list)
    reason: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(l.text for l in self.lines)


# ----- the cache -------------------------------------------------------------------------------------

def cache_dir(case: Case) -> Path:
    return case.root / "derived" / "ocr"


def cache_path(case: Case, sha256: str) -> Path:
    return cache_dir(case) / f"{sha256}.json"


def _cache_key() -> dict:
    return {"version": CACHE_VERSION, "engine": engine_mod.ENGINE_NAME, "settings": engine_mod.TUNED_VERSION}


def load_cached(case: Case, sha256: str) -> Reading | None:
    from ..safefs import read_own

    path = cache_path(case, sha256)
    try:   # a link, pipe or folder planted in the cache is never read through (removed, read again)
        raw = read_own(path)
        data = json.loads(raw.decode("utf-8")) if raw is not None else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != _cache_key():
        return None
    try:
        return Reading(data["status"], [Line.from_json(d) for d in data["lines"]], data.get("reason"),
                       data.get("params") or {})
    except (KeyError, TypeError, ValueError):
        return None


def store_cached(case: Case, sha256: str, reading: Reading) -> None:
    """Atomically (a fresh temp file, then a rename that replaces a planted link itself, never its target)."""
    from ..safefs import own_folder, write_own

    own_folder(cache_dir(case))
    data = {"key": _cache_key(), "status": reading.status, "reason": reading.reason, "params": reading.params,
            "lines": [l.to_json() for l in reading.lines]}
    write_own(cache_path(case, sha256), lambda fh: fh.write(json.dumps(data, ensure_ascii=False).encode("utf-8")))


def lines(case: Case, exhibit_id: int, cancel: threading.Event | None = None) -> list[Line]:
    """The OCR lines (text, box, confidence, page) of an exhibit, from the cache, read again if missing.

    Boxes are in the pixels of the upright picture (EXIF orientation applied); for redaction. Raises
    worker.Cancelled when `cancel` is set while the file is being read."""
    row = case.db.execute("SELECT sha256 FROM exhibits WHERE id = ?", [exhibit_id]).fetchone()
    if row is None:
        return []
    cached = load_cached(case, row[0])
    if cached is not None:
        return cached.lines
    full = next(case.db.query("SELECT * FROM exhibits WHERE id = ?", [exhibit_id]))
    reading = read_file(case, full, cancel=cancel)
    if reading.reason not in ("read_engine_crashed", "read_timeout"):
        store_cached(case, row[0], reading)
    return reading.lines


# ----- reading one file ------------------------------------------------------------------------------

def read_file(case: Case, row: dict, settings: str = "tuned", cancel: threading.Event | None = None) -> Reading:
    """Read the text of one exhibit's original, in the reading worker (worker.py). Never raises for a bad
    file or a crash of the engine: the status says why. Raises worker.Cancelled when `cancel` is set."""
    from . import worker

    path = case.original_path(row["sha256"], row["ext"])
    needs_engine = row.get("status") not in DAMAGED and row.get("kind") in TEXT_KINDS
    if not needs_engine or worker.in_process() or settings != "tuned":
        return read_path(path, row, settings)   # its own rules say which files are skipped, and why
    fields = {k: row.get(k) for k in ("kind", "status", "width", "height", "media_json")}
    try:
        return reading_from_json(worker.shared().request({"op": "file", "path": str(path), "row": fields},
                                                         cancel))
    except worker.WorkerFailed as exc:
        return Reading(READ_FAILED, reason=exc.reason, params={"error": exc.detail[:200]})


def read_image(image: Image.Image, page: int = 0, tmp_dir: Path | None = None,
               cancel: threading.Event | None = None) -> list[Line]:
    """OCR lines of a picture the caller made (a PDF page, a video frame), read in the reading worker:
    the picture goes to it as a PNG in `tmp_dir`. Raises EngineError when it cannot be read."""
    from . import worker

    if worker.in_process():
        return engine_mod.engine().read_image(image, page=page)
    fd, tmp = tempfile.mkstemp(prefix=".ocr-", suffix=".png", dir=tmp_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, "PNG", compress_level=1)
        answer = worker.shared().request({"op": "image", "path": tmp, "page": page}, cancel)
    except worker.WorkerFailed as exc:
        raise engine_mod.EngineError(f"{exc.reason}: {exc.detail}") from exc
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return reading_from_json(answer).lines


def reading_to_json(reading: Reading) -> dict:
    return {"status": reading.status, "reason": reading.reason, "params": reading.params,
            "lines": [l.to_json() for l in reading.lines]}


def reading_from_json(data: dict) -> Reading:
    return Reading(data["status"], [Line.from_json(d) for d in data.get("lines") or []], data.get("reason"),
                   data.get("params") or {})


TEXT_KINDS = ("screenshot", "photo", "pdf", "video")
DAMAGED = ("unreadable", "encrypted")      # exhibit statuses whose text is not read


def read_path(path: Path, row: dict, settings: str = "tuned") -> Reading:
    """Read the text of a file in this process (the worker's side). Never raises for a bad file."""
    if row.get("status") in DAMAGED:
        return Reading(READ_SKIPPED, reason="read_damaged")
    kind = row.get("kind")
    try:
        if kind in ("screenshot", "photo"):
            return _read_picture(path, row, settings)
        if kind == "pdf":
            return _read_pdf(path, settings)
        if kind == "video":
            return _read_video(path, row, settings)
        return Reading(READ_SKIPPED, reason="read_no_text_kind")
    except engine_mod.EngineError as exc:
        return Reading(READ_FAILED, reason="read_engine_error", params={"error": str(exc)[:200]})
    except MemoryError:
        return Reading(READ_FAILED, reason="read_too_big", params={"width": row.get("width"), "height": row.get("height")})
    except Exception as exc:  # a damaged file or an engine failure on this one file: contained, reported
        return Reading(READ_FAILED, reason="read_error", params={"error": f"{type(exc).__name__}: {exc}"[:200]})


def _done(lines: list[Line]) -> Reading:
    return Reading(READ_DONE if lines else READ_EMPTY, lines, None if lines else "read_no_text")


def _read_picture(path: Path, row: dict, settings: str) -> Reading:
    w, h = row.get("width") or 0, row.get("height") or 0
    if w * h > engine_mod.MAX_PIXELS:
        return Reading(READ_SKIPPED, reason="read_too_big", params={"width": w, "height": h})
    with Image.open(path) as im:
        if im.width * im.height > engine_mod.MAX_PIXELS:
            return Reading(READ_SKIPPED, reason="read_too_big", params={"width": im.width, "height": im.height})
        if min(im.size) < engine_mod.MIN_SIDE:
            return Reading(READ_EMPTY, reason="read_too_small", params={"width": im.width, "height": im.height})
        if im.width * im.height <= OCR_PIXELS:
            im.load()
            upright = ImageOps.exif_transpose(im)
            return _done(engine_mod.engine(settings).read_image(upright))
    # A big photo is decoded reduced (bounded memory: JPEG by its decoder, PNG in strips); text on a
    # 16-megapixel picture is still large enough to read. Boxes go back to the full picture's pixels.
    from ..imagedecode import TooLarge, open_bounded

    try:
        decoded = open_bounded(path, budget=OCR_PIXELS)
    except TooLarge as exc:
        return Reading(READ_SKIPPED, reason="read_too_big", params={"width": exc.width, "height": exc.height})
    lines = engine_mod.engine(settings).read_image(decoded.upright())
    f = decoded.factor
    if f != 1:
        for ln in lines:
            ln.box = tuple(int(round(v * f)) for v in ln.box)
    return _done(lines)


def _read_pdf(path: Path, settings: str) -> Reading:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                return Reading(READ_SKIPPED, reason="read_damaged")
        except Exception:
            return Reading(READ_SKIPPED, reason="read_damaged")
    lines: list[Line] = []
    ocr_pages = 0
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text() or ""
        page_lines = [Line(t.strip(), None, 1.0, number) for t in text.splitlines() if t.strip()]
        if page_lines:
            lines.extend(page_lines)
            continue
        if ocr_pages >= PDF_OCR_PAGES:  # a scanned page: read its largest picture
            continue
        images = sorted(page.images, key=lambda i: -(i.image.width * i.image.height) if i.image else 0)
        if images and images[0].image is not None:
            ocr_pages += 1
            lines.extend(engine_mod.engine(settings).read_image(images[0].image, page=number))
    return _done(lines)


def _read_video(path: Path, row: dict, settings: str) -> Reading:
    from ..mediapages import key_frames

    rotation = int(json.loads(row.get("media_json") or "{}").get("rotation") or 0)
    frames = key_frames(path, count=VIDEO_FRAMES, rotation=rotation)
    lines: list[Line] = []
    last = None
    for index, (_, image) in enumerate(frames, 1):
        small = image.convert("L").resize((32, 32))
        if last is not None and _similar(small, last):
            continue                      # a screen recording holds the same page for seconds
        last = small
        lines.extend(engine_mod.engine(settings).read_image(image, page=index))
    return _done(lines)


def _similar(a: Image.Image, b: Image.Image) -> bool:
    pa, pb = a.tobytes(), b.tobytes()
    return sum(abs(x - y) for x, y in zip(pa, pb)) / len(pa) < 4


# ----- the queue -------------------------------------------------------------------------------------

@dataclass
class Progress:
    done: int
    total: int
    exhibit_id: int | None = None
    number: int | None = None
    status: str | None = None


def pending(case: Case) -> list[int]:
    return [r[0] for r in case.db.execute(
        "SELECT id FROM exhibits WHERE read_status IS NULL AND deleted_at IS NULL AND pending_tmp IS NULL "
        "ORDER BY number, COALESCE(part, 0), id")]


def counts(case: Case) -> tuple[int, int]:
    """(read, total) of the exhibits not in the trash."""
    row = case.db.execute("SELECT SUM(read_status IS NOT NULL), COUNT(*) FROM exhibits "
                          "WHERE deleted_at IS NULL AND pending_tmp IS NULL").fetchone()
    return int(row[0] or 0), int(row[1] or 0)


def read_one(case: Case, exhibit_id: int, cancel: threading.Event | None = None) -> tuple[Reading, dict]:
    """Read one exhibit (cache first) without writing the database; returns the reading and facts."""
    row = next(case.db.query("SELECT * FROM exhibits WHERE id = ?", [exhibit_id]), None)
    if row is None:
        raise LookupError(exhibit_id)
    return analyse(case, row, cancel)


def next_pending(case: Case) -> dict | None:
    """The next exhibit row to read (number order), or None."""
    return next(case.db.query(
        "SELECT * FROM exhibits WHERE read_status IS NULL AND deleted_at IS NULL AND pending_tmp IS NULL "
        "ORDER BY number, COALESCE(part, 0), id LIMIT 1"), None)


def analyse(case: Case, row: dict, cancel: threading.Event | None = None) -> tuple[Reading, dict]:
    """The reading (cache, else OCR / text layer) and facts of an exhibit row. Touches files only, never
    the database, so the GUI runs it in a worker while the database thread stays free. The OCR itself
    runs in the reading worker process; raises worker.Cancelled when `cancel` is set meanwhile. A file
    the worker crashed or timed out on is not cached: it is read again when asked again."""
    reading = load_cached(case, row["sha256"])
    if reading is None:
        reading = read_file(case, row, cancel=cancel)
        if reading.reason in ("read_engine_crashed", "read_timeout"):
            return reading, {}
        try:
            store_cached(case, row["sha256"], reading)
        except OSError:
            pass  # the cache is only a cache
    if not reading.lines:
        return reading, {}
    try:
        facts = extract(reading.lines, row["original_name"], _app_platform(row["original_name"]))
    except Exception as exc:  # a fault in a rule must not stop the queue: the text is kept, the file marked
        return Reading(READ_FAILED, reading.lines, "read_error", {"error": f"{type(exc).__name__}: {exc}"[:200]}), {}
    return reading, facts.to_json()


def _app_platform(original_name: str) -> str | None:
    from ..capture import time_from_filename
    from ..classify import app_packages

    nt = time_from_filename(original_name)
    app = app_packages().get(nt.package) if nt and nt.package else None
    return app.get("platform") if app else None


def save(case: Case, exhibit_id: int, reading: Reading, facts: dict) -> dict:
    """Store what was read and what follows from it, in one transaction. Returns what changed."""
    from . import suggest

    with case.db.atomic():
        if case.db.execute("SELECT 1 FROM exhibits WHERE id = ?", [exhibit_id]).fetchone() is None:
            return {"exhibits": [], "events": [], "case": False}
        case.db["exhibits"].update(exhibit_id, {
            "read_status": reading.status, "read_reason": reading.reason,
            "read_at": now_iso(), "ocr_text": reading.text or None,
            "facts_json": json.dumps(facts, ensure_ascii=False) if facts else None})
        changed = suggest.apply(case, exhibit_id)
    return changed


def read_case(case: Case, on_progress: Callable[[Progress], None] | None = None,
              stop: threading.Event | None = None) -> Progress:
    """Read every exhibit not read yet, in number order; stops between files when `stop` is set."""
    queue = pending(case)
    done, total = counts(case)
    progress = Progress(done, total)
    if on_progress:
        on_progress(progress)
    for exhibit_id in queue:
        if stop is not None and stop.is_set():
            break
        try:
            reading, facts = read_one(case, exhibit_id, stop)
        except LookupError:
            continue
        except worker_mod.Cancelled:
            break
        save(case, exhibit_id, reading, facts)
        done += 1
        number = case.db.execute("SELECT number FROM exhibits WHERE id = ?", [exhibit_id]).fetchone()
        progress = Progress(done, total, exhibit_id, number[0] if number else None, reading.status)
        if on_progress:
            on_progress(progress)
    return progress
