"""Shared fixtures: the sample evidence, fresh cases, and real media files made on the spot."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EVIDENCE_BINDER_LANG", "zh")
os.environ.setdefault("EVIDENCE_BINDER_READING", "0")  # background OCR only in the tests that ask for it

ROOT = Path(__file__).resolve().parents[1]
REPO_SAMPLES = ROOT / "resources" / "samples"       # the project's own sample files, in the repo
REPO_TRUTH = ROOT / "tests" / "data" / "samples.json"
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"  # an extra check, only where it sits beside the repo

from app.core.ingest import Importer  # noqa: E402
from app.core.store import Case  # noqa: E402


def noise_image(size, seed: int = 0) -> Image.Image:
    """A photo-like RGB image of seeded noise (not Image.effect_noise, which draws from the C library's
    shared rand() and so would shift what other tests' noise looks like)."""
    import random

    small = Image.frombytes("RGB", (max(1, size[0] // 4), max(1, size[1] // 4)),
                            random.Random(seed).randbytes(max(1, size[0] // 4) * max(1, size[1] // 4) * 3))
    return small.resize(size, Image.BILINEAR)


def make_bad_files(folder: Path) -> list[dict]:
    """The files a phone folder really holds beside the evidence: an empty screenshot, a JPEG cut off
    at 55% whose EXIF header survived, a Chrome download still in progress. Returns their truth rows."""
    import hashlib
    import io

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.png").write_bytes(b"")
    buf = io.BytesIO()
    im = noise_image((1600, 1200), seed=60)
    im.save(buf, "JPEG", quality=90, exif=exif_bytes(when="2025:03:04 20:15:40", offset="+08:00",
                                                      make="Xiaomi", model="23113RKC6C", camera=True))
    data = buf.getvalue()
    (folder / "truncated.jpg").write_bytes(data[:int(len(data) * 0.55)])
    (folder / "禾丰电饭煲检测报告(1).pdf.crdownload").write_bytes((REPO_SAMPLES / "检验检测报告_WT2025-03-0156.pdf")
                                                             .read_bytes()[:25241])
    rows = []
    for name, kind, when, source, expected in [
            ("empty.png", "junk", None, None, "reject with clear error"),
            ("truncated.jpg", "junk", "2025-03-04T20:15:40+08:00", "exif", "import as unreadable"),
            ("禾丰电饭煲检测报告(1).pdf.crdownload", "junk", None, None, "ignore")]:
        body = (folder / name).read_bytes()
        rows.append({"path": f"bad/{name}", "kind": kind, "capture_time": when, "time_source": source,
                     "expected": expected, "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)})
    return rows


@pytest.fixture(scope="session")
def samples_dir(tmp_path_factory) -> Path:
    """A phone folder as a user hands it over: the repo's samples, the bad files beside them (made
    here), a README and the truth file (which are not evidence). Needs nothing outside the repo."""
    import shutil

    folder = tmp_path_factory.mktemp("samples") / "samples"
    shutil.copytree(REPO_SAMPLES, folder)
    truth = json.loads(REPO_TRUTH.read_text(encoding="utf-8"))
    truth["files"] += make_bad_files(folder / "bad")
    (folder / "samples.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "README.md").write_text("# 样例证据\n电饭煲涂层脱落，京东商家拒绝退货。\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def samples_truth(samples_dir) -> dict:
    return json.loads((samples_dir / "samples.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_samples() -> Path:
    """The shared sample case beside the repo (../shared/samples): an extra check that skips where absent."""
    if not (SHARED_SAMPLES / "samples.json").is_file():
        pytest.skip(f"extra check: the shared sample case is not beside this checkout ({SHARED_SAMPLES} "
                    "not found); the repo's own samples are tested without it")
    return SHARED_SAMPLES


@pytest.fixture
def case(tmp_path):
    c = Case.create(tmp_path / "case", "测试案件")
    yield c
    c.close()


@pytest.fixture
def importer(case):
    return Importer(case, via="test", durable=False)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    import subprocess

    full_env = {**os.environ, "EVIDENCE_BINDER_LANG": "en", **(env or {})}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=full_env, timeout=300)


# ----- media makers ---------------------------------------------------------------------------

def exif_bytes(when: str | None = None, offset: str | None = None, make: str | None = None,
               model: str | None = None, orientation: int | None = None, camera: bool = False) -> bytes:
    exif = Image.Exif()
    if make:
        exif[271] = make
    if model:
        exif[272] = model
    if orientation:
        exif[274] = orientation
    sub = exif.get_ifd(0x8769)
    if when:
        sub[36867] = when
    if offset:
        sub[36881] = offset
    if camera:
        sub[33434] = 0.01
    return exif.tobytes()


def make_image(path: Path, size=(1080, 2400), fmt: str | None = None, color=(200, 60, 60), **exif) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", size, color)
    # Some structure so the encoders produce realistic sizes.
    for y in range(0, size[1], 97):
        im.paste((30, 30, 30), (0, y, size[0], min(size[1], y + 3)))
    kwargs = {}
    if exif:
        kwargs["exif"] = exif_bytes(**exif)
    im.save(path, format=fmt, **kwargs)
    return path


def make_pdf(path: Path, pages: int = 2, title: str = "测试文件", encrypt: str | None = None,
             creation: str | None = None) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    kwargs = {}
    if encrypt:
        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner-" + encrypt)
    c = canvas.Canvas(str(path), invariant=1, **kwargs)
    c.setTitle(title)
    for n in range(pages):
        c.drawString(72, 720, f"Page {n + 1}")
        c.showPage()
    c.save()
    if creation:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(str(path)))
        writer.add_metadata({"/CreationDate": creation, "/Title": title})
        with open(path, "wb") as fh:
            writer.write(fh)
    return path


def make_audio(path: Path, codec: str, fmt: str | None = None, seconds: float = 1.0, rate: int = 8000,
               metadata: dict | None = None) -> Path:
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format=fmt) as out:
        if metadata:
            out.metadata.update(metadata)
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame_size = stream.codec_context.frame_size or 1024
        total = int(seconds * rate)
        t = np.arange(total) / rate
        samples = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)
        fmt_name = stream.codec_context.format.name if stream.codec_context.format else "s16"
        pts = 0
        for start in range(0, total, frame_size):
            chunk = samples[start:start + frame_size]
            if len(chunk) < frame_size:
                chunk = np.pad(chunk, (0, frame_size - len(chunk)))
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = rate
            frame.pts = pts
            pts += frame_size
            if fmt_name != "s16":
                frame = av.AudioResampler(format=fmt_name, layout="mono", rate=rate).resample(frame)[0]
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def make_video(path: Path, seconds: float = 1.0, size=(320, 240), fmt: str | None = None,
               metadata: dict | None = None, rotation: int | None = None) -> Path:
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format=fmt) as out:
        if metadata:
            out.metadata.update(metadata)
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        if rotation is not None:
            stream.set_display_rotation(rotation)
        for i in range(int(seconds * 10)):
            arr = np.full((size[1], size[0], 3), (i * 20) % 255, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(arr, format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def tree_fingerprint(folder: Path) -> dict:
    """Bytes and mtimes of every file under a folder, to prove an import left it untouched."""
    import hashlib

    result = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            result[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mtime_ns,
                                                  st.st_mode)
    return result


def readline(stream, timeout: float = 60.0) -> str:
    """A line from a child's pipe, or a failed test after `timeout` seconds (never a hung suite)."""
    import queue
    import threading

    box: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: box.put(stream.readline()), daemon=True).start()
    try:
        return box.get(timeout=timeout)
    except queue.Empty:
        pytest.fail(f"no line from the child process within {timeout:.0f} s")
