"""The reading worker: OCR runs in a child process that loads the models, not in the app's process; a
native crash of the engine on one file is contained; a file in hand can be given up at once; an idle
worker gives its memory back and the next request starts a new one."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from app.core.ingest import Importer
from app.core.read import read_case, reader, worker
from app.core.store import Case
from bench import screens

ROOT = Path(__file__).resolve().parents[1]
JD = "Screenshot_20250302-101600_com.jingdong.app.mall.png"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:   # a zombie is not alive
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return True


@pytest.fixture
def proc(monkeypatch):
    monkeypatch.delenv("EVIDENCE_BINDER_OCR_PROCESS", raising=False)
    p = worker.ReaderProcess()
    yield p
    p.close()


def test_the_app_process_never_loads_the_engine(tmp_path):
    """Import and read a screenshot in a fresh process: the facts are found, yet neither the OCR engine
    nor onnxruntime was ever imported there; the worker was another process."""
    shot = tmp_path / "phone" / JD
    shot.parent.mkdir()
    screens.save(screens.test_set()[JD], shot)
    script = textwrap.dedent(f"""
        import json, os, sys
        from app.core.ingest import Importer
        from app.core.read import read_case, worker
        from app.core.store import Case
        with Case.create({str(tmp_path / 'case')!r}, "t") as case:
            list(Importer(case, via="cli").import_paths([{str(shot.parent)!r}]))
            progress = read_case(case)
            row = case.exhibits()[0]
            print(json.dumps({{"done": progress.done, "status": row["read_status"],
                              "facts": json.loads(row["facts_json"] or "{{}}"),
                              "loaded": sorted(m for m in ("rapidocr", "onnxruntime", "cv2") if m in sys.modules),
                              "started": worker.shared().started, "worker": worker.shared().pid,
                              "me": os.getpid()}}))
    """)
    env = {k: v for k, v in os.environ.items() if k != "EVIDENCE_BINDER_OCR_PROCESS"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["done"] == 1 and result["status"] == "done"
    assert "30802519476281035946" in [f["value"] for f in result["facts"]["order_numbers"]]
    assert result["loaded"] == [], "the OCR engine was loaded in the app's own process"
    assert result["started"] == 1 and result["worker"] not in (None, result["me"])


def test_a_native_crash_on_one_file_is_contained(case, tmp_path, monkeypatch):
    """The worker dies (as a segfault in onnxruntime would end it) on the second of three screenshots: that
    one is marked failed with its reason and not cached, the others are read by a new worker."""
    monkeypatch.delenv("EVIDENCE_BINDER_OCR_PROCESS", raising=False)
    folder = tmp_path / "phone"
    folder.mkdir()
    names = [JD, "Screenshot_20250305-143105_com.jingdong.app.mall.png", "Screenshot_20250306-090000.png"]
    item = screens.test_set()[JD]
    for name in names:
        screens.save(item, folder / name)
    # three different files (a pixel apart) so each is its own exhibit
    from PIL import Image
    for i, name in enumerate(names):
        with Image.open(folder / name) as im:
            im = im.convert("RGB")
            im.putpixel((0, 0), (i, i, i))
            im.save(folder / name)
    list(Importer(case, via="cli").import_paths([str(folder)]))
    rows = {r["original_name"]: r for r in case.exhibits()}
    victim = rows[names[1]]["sha256"]
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_TEST_CRASH", victim)
    monkeypatch.setattr(worker, "_shared", None)
    before = threading.active_count()
    progress = read_case(case)
    assert progress.done == 3
    rows = {r["original_name"]: r for r in case.exhibits()}
    assert rows[names[1]]["read_status"] == "failed" and rows[names[1]]["read_reason"] == "read_engine_crashed"
    assert rows[names[0]]["read_status"] == rows[names[2]]["read_status"] == "done"
    assert "30802519476281035946" in rows[names[2]]["ocr_text"].replace(" ", "")
    assert worker.shared().started == 2
    assert not reader.cache_path(case, victim).exists(), "a crash must not be cached as the file's reading"
    worker.shutdown()
    assert threading.active_count() <= before + 2


def test_cancel_gives_up_the_file_in_hand_at_once(proc):
    proc.request({"op": "ping"})
    pid = proc.pid
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(worker.Cancelled):
        proc.request({"op": "sleep", "seconds": 60}, cancel)
    assert time.monotonic() - started < 5
    time.sleep(0.2)
    assert not _alive(pid), "the worker still runs after its file was given up"
    assert proc.request({"op": "ping"})["status"] == "done"      # and the next request gets a new one
    assert proc.started == 2


def test_a_file_that_takes_too_long_is_stopped(proc):
    with pytest.raises(worker.WorkerFailed) as err:
        proc.request({"op": "sleep", "seconds": 60}, timeout=1.0)
    assert err.value.reason == "read_timeout"
    assert proc.pid is None


def test_an_idle_worker_exits_and_comes_back(monkeypatch, proc):
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_IDLE", "0.5")
    first = proc.request({"op": "ping"})["params"]["pid"]
    deadline = time.monotonic() + 20
    while _alive(first) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(first), "an idle worker keeps its memory"
    second = proc.request({"op": "ping"})["params"]["pid"]
    assert second != first and proc.started == 2


def test_a_bad_request_is_an_answer_not_a_crash(proc):
    with pytest.raises(worker.WorkerFailed) as err:
        proc.request({"op": "image", "path": "/nonexistent/picture.png"})
    assert "FileNotFoundError" in err.value.detail
    assert proc.request({"op": "ping"})["status"] == "done" and proc.started == 1


def test_stray_prints_in_the_worker_do_not_garble_answers(proc, tmp_path):
    """Anything a native library prints goes to stderr, never into the protocol on stdout."""
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(path)
    answer = proc.request({"op": "image", "path": str(path)})
    assert answer["status"] == "empty"
    assert proc.request({"op": "ping"})["status"] == "done"


def test_a_link_planted_in_the_ocr_cache_is_never_read_through(case, tmp_path):
    """derived/ocr is ours and rebuildable: a link planted there (to a crafted reading elsewhere) is not
    taken as the exhibit's text; it is removed and the file read again, and the write replaces the link,
    never its target."""
    from PIL import Image

    Image.new("RGB", (400, 300), "white").save(tmp_path / "blank.png")
    list(Importer(case, via="cli").import_paths([str(tmp_path / "blank.png")]))
    row = case.exhibits()[0]
    outside = tmp_path / "crafted.json"
    crafted = {"key": reader._cache_key(), "status": "done", "reason": None, "params": {},
               "lines": [{"text": "订单编号 99999999999999999999", "box": [0, 0, 10, 10], "conf": 1, "page": 0}]}
    outside.write_text(json.dumps(crafted, ensure_ascii=False), encoding="utf-8")
    before = outside.read_bytes()
    folder = reader.cache_dir(case)
    folder.mkdir(parents=True, exist_ok=True)
    reader.cache_path(case, row["sha256"]).symlink_to(outside)
    reading, facts = reader.analyse(case, row)
    assert "99999999999999999999" not in reading.text and not facts
    assert reading.status == "empty"
    path = reader.cache_path(case, row["sha256"])
    assert path.is_file() and not path.is_symlink()
    assert outside.read_bytes() == before


def test_a_big_photo_is_read_from_a_reduced_decode_with_boxes_in_full_pixels(case, tmp_path):
    """A 24-megapixel photo of a label: read (in the worker) from a decode within OCR_PIXELS, and each box
    points at the text in the full picture's pixels (redaction paints the original's size)."""
    from PIL import Image, ImageDraw

    from app.core.export.imaging import font

    w, h = 6000, 4000
    assert w * h > reader.OCR_PIXELS
    im = Image.new("RGB", (w, h), (235, 235, 230))
    ImageDraw.Draw(im).text((3000, 2600), "订单编号 30802519476281035946", fill="black", font=font(120))
    im.save(tmp_path / "IMG_20250413_190211.jpg", quality=90)
    list(Importer(case, via="cli").import_paths([str(tmp_path / "IMG_20250413_190211.jpg")]))
    row = case.exhibits()[0]
    reading, facts = reader.analyse(case, row)
    assert reading.status == "done", reading
    assert "30802519476281035946" in [f["value"] for f in facts["order_numbers"]]
    line = next(l for l in reading.lines if "3080251947" in l.text.replace(" ", ""))
    x0, y0, x1, y1 = line.box
    assert 2700 < x0 < 4200 and 2500 < y0 < 2800 and x1 > 4500, line.box


def test_stopping_a_public_pack_gives_up_the_picture_being_read(case, tmp_path, monkeypatch):
    """A public pack reads the pictures not read yet (for redaction) in the worker; stopping the export
    while one is being read ends it at once with the export's own cancellation, and the worker is gone."""
    from app.core import channels
    from app.core.export import packs
    from app.core.export.plan import ExportCancelled

    monkeypatch.delenv("EVIDENCE_BINDER_OCR_PROCESS", raising=False)
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_TEST_DELAY", "60")
    monkeypatch.setattr(worker, "_shared", None)
    shot = tmp_path / "phone" / JD
    shot.parent.mkdir()
    screens.save(screens.test_set()[JD], shot)
    list(Importer(case, via="cli").import_paths([str(shot.parent)]))
    cancel = threading.Event()
    outcome = []

    def run():
        try:
            packs.build_pack(case, tmp_path / "public", "public", channels.channel("heimao"), cancel=cancel)
            outcome.append("finished")
        except ExportCancelled:
            outcome.append("cancelled")
        except Exception as exc:   # noqa: BLE001 - the test reports what it got
            outcome.append(repr(exc))
    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 30
    while worker.shared().pid is None and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = worker.shared().pid
    assert pid is not None, "the pack never asked the worker to read"
    time.sleep(0.5)
    started = time.monotonic()
    cancel.set()
    thread.join(20)
    assert outcome == ["cancelled"] and time.monotonic() - started < 5
    time.sleep(0.2)
    assert not _alive(pid)
    worker.shutdown()
