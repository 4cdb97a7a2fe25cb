"""Peak memory of one huge image through import, the court export, a platform pack and a thumbnail
(issue 14 item 8: no single image may take more than a few hundred MB).

    python bench/image_memory.py [--side 16000] [--kinds png,png_alpha,jpeg,webp,tiff] [--keep DIR]

Each kind runs in a fresh child process; between steps the child resets its peak RSS
(/proc/self/clear_refs, Linux) so each step's peak is its own. Prints one line per kind and step:
RSS before the step, the step's peak and the difference. Memory only: no timings are reported.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _status(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) // 1024   # MB
    return -1


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def write_png(path: Path, side: int, alpha: bool) -> None:
    """A side x side screenshot-like PNG (bands of 'text' on white), written row by row so that making
    it never holds the picture (the filters vary per row, as an encoder's would)."""
    bands = 4 if alpha else 3
    white = bytes([255] * bands) * side
    dark = bytes([40, 40, 40] + ([255] if alpha else [])) * side
    text = b"".join(bytes([30 + (x * 7) % 200, 60, 90 + (x * 3) % 150] + ([200] if alpha else []))
                    for x in range(side))
    comp = zlib.compressobj(1)
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(_png_chunk(b"IHDR", side.to_bytes(4, "big") * 2 + bytes([8, 6 if alpha else 2, 0, 0, 0])))
        rows = {"white": white, "dark": dark, "text": text}
        up = {(a, b): b"\x02" + bytes((x - y) & 0xFF for x, y in zip(rows[a], rows[b])) for a in rows for b in rows}
        prev = None
        for y in range(side):
            name = "dark" if y % 97 < 2 else "text" if y % 40 < 14 else "white"
            # some rows with the Up filter (delta to the row above), as an encoder would choose
            raw = up[(name, prev)] if prev is not None and y % 3 == 0 else b"\x00" + rows[name]
            prev = name
            data = comp.compress(raw)
            if data:
                fh.write(_png_chunk(b"IDAT", data))
        fh.write(_png_chunk(b"IDAT", comp.flush()))
        fh.write(_png_chunk(b"IEND", b""))


def make_image(kind: str, folder: Path, side: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if kind in ("png", "png_alpha"):
        path = folder / f"Screenshot_20250305-120000_{kind}.png"
        if not path.exists():
            write_png(path, side, alpha=kind == "png_alpha")
        return path
    ext = {"jpeg": "jpg", "webp": "webp", "tiff": "tif"}[kind]
    path = folder / f"IMG_20250305_120000_{kind}.{ext}"
    if path.exists():
        return path
    from PIL import Image, ImageDraw

    side = min(side, 16383) if kind == "webp" else side
    im = Image.new("RGB", (side, side), "white")
    d = ImageDraw.Draw(im)
    for y in range(0, side, 40):
        d.rectangle((0, y, side, y + 13), fill=(30 + y % 200, 60, 90))
    if kind == "jpeg":
        im.save(path, "JPEG", quality=85)
    elif kind == "webp":
        im.save(path, "WEBP", lossless=True, method=0)  # lossy fails at this size (partition overflow)
    else:
        im.save(path, "TIFF", compression="tiff_deflate")
    return path


def child(image: str, work: str) -> None:
    """Import one image into a new case, then export it (court PDF), pack it, and thumbnail it."""
    os.environ.setdefault("EVIDENCE_BINDER_READING", "0")
    from app.core.export import export_court
    from app.core.export.packs import image_pack
    from app.core.channels import channel
    from app.core.ingest import Importer
    from app.core.store import Case

    results = {}

    def step(name, fn):
        before = _status("VmRSS")
        _reset_peak()
        try:
            out, note = fn(), ""
        except Exception as exc:  # a refusal in words (imagedecode.TooLarge) is a result too
            out, note = None, f"{type(exc).__name__}: {exc}"
        results[name] = {"before": before, "peak": _status("VmHWM"), "note": note}
        return out

    work = Path(work)
    with Case.create(work / "case", "内存测量") as case:
        outcomes = step("import", lambda: list(Importer(case, durable=False).import_paths([Path(image)])))
        results["import"]["status"] = outcomes[0].status + "/" + (outcomes[0].reason or "")
        row = case.exhibits()[0]
        results["size"] = f"{row['width']}x{row['height']} {row['status']} {row.get('reason') or ''}".strip()
        step("court export", lambda: export_court(case, work / "out" / "证据清单.pdf"))
        step("platform pack", lambda: image_pack(case, work / "pack", "platform", channel("jd")))
        original = case.original_path(row["sha256"], row["ext"])

    def thumb():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app.ui.models import make_thumbnail
        return make_thumbnail(original, work / "thumb.jpg", row["mime"] or "image/png")
    step("thumbnail", thumb)
    print(json.dumps(results))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--side", type=int, default=16000)
    ap.add_argument("--kinds", default="png,png_alpha,jpeg,webp,tiff")
    ap.add_argument("--keep", help="folder for the generated images (reused when present)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="eb-bigimg-"))
    print(f"{'kind':10} {'file':>8}  {'step':14} {'before':>7} {'peak':>7} {'step +':>7}   (MB, peak RSS of the step)")
    for kind in args.kinds.split(","):
        path = make_image(kind, folder, args.side)
        with tempfile.TemporaryDirectory(prefix="eb-bigimg-case-") as work:
            r = subprocess.run([sys.executable, __file__, "--child", str(path), work],
                               capture_output=True, text=True, cwd=ROOT)
        if r.returncode != 0:
            print(f"{kind:10} failed: {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode}")
            continue
        res = json.loads(r.stdout.strip().splitlines()[-1])
        size = path.stat().st_size // (1024 * 1024)
        print(f"{kind:10} {size:>6}MB  ({res['size']}; import {res['import']['status']})")
        for name in ("import", "court export", "platform pack", "thumbnail"):
            s = res[name]
            print(f"{'':10} {'':>8}  {name:14} {s['before']:>7} {s['peak']:>7} {s['peak'] - s['before']:>7}"
                  f"{'   ' + s['note'] if s.get('note') else ''}")


if __name__ == "__main__":
    main()
