"""The OCR engine: RapidOCR (PP-OCR models inside the wheel, onnxruntime on the CPU), loaded once.

Why these settings (measured in bench/ocr.py against the engine's defaults, in the same run):
- no angle classifier: screenshots and photos are upright once EXIF orientation is applied; the
  classifier costs time and finds nothing;
- detection on the long side limited to 960 px (the default scales the short side up to 736, which
  for a 1080x2400 screenshot means detecting on the whole 1080x2400 picture); recognition still
  crops the text lines from the full-resolution picture, so characters are read at full detail;
- recognition pads each batch of lines to at least 160 px wide instead of 320: a screenshot is full of
  short labels (运费, 复制, 实付款) that were padded to 320, so this saves about a fifth of the time with
  the same characters read (bench/ocr.py);
- recognition in batches of 2 lines instead of 6: a batch is padded to its widest line, so a long line
  made five short ones pay for its width; peak memory of a worker reading 30 screenshots went from
  about 600 MB to about 410 MB, and time per screenshot did not grow (0.46-0.50 s against 0.58 s);
- long screenshots (a chat of 1080x5540) are read in overlapping tiles about twice as tall as wide, so
  each tile is detected at the same scale as an ordinary screenshot; a line is kept from the one tile
  whose middle part holds its centre, so nothing is read twice or lost at a seam.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from PIL import Image

ENGINE_NAME = "rapidocr"
TUNED_VERSION = 3          # bump when TUNED or the tiling changes: cached results are then read again

DEFAULTS: dict = {"Global.log_level": "error"}
TUNED: dict = {"Global.log_level": "error", "Global.use_cls": False,
               "Det.limit_type": "max", "Det.limit_side_len": 960, "Rec.rec_img_shape": [3, 48, 160],
         "Rec.rec_batch_num": 2}

TILE_RATIO = 2.0      # a tile is at most this many widths tall
TILE_OVERLAP = 0.12   # overlap between tiles, as a share of the width (130 px at 1080: a line of text)
MIN_SIDE = 16         # smaller pictures hold no readable text
MAX_PIXELS = 60_000_000


@dataclass
class Line:
    text: str
    box: tuple[int, int, int, int]   # x0, y0, x1, y1 in the upright picture's pixels
    conf: float
    page: int = 0                    # page of a PDF, frame of a video, else 0

    def to_json(self) -> dict:
        return {"text": self.text, "box": list(self.box) if self.box else None, "conf": round(self.conf, 4), "page": self.page}

    @classmethod
    def from_json(cls, d: dict) -> "Line":
        box = d.get("box")
        return cls(d["text"], tuple(box) if box else None, float(d.get("conf", 1.0)), int(d.get("page", 0)))


class EngineError(RuntimeError):
    pass


_engines: dict[str, "Engine"] = {}
_engines_lock = threading.Lock()


def engine(settings: str = "tuned") -> "Engine":
    """The shared engine for `settings` ("tuned" or "default"); its models are loaded once per process."""
    with _engines_lock:
        if settings not in _engines:
            _engines[settings] = Engine(TUNED if settings == "tuned" else DEFAULTS, tile=settings == "tuned")
        return _engines[settings]


class Engine:
    def __init__(self, params: dict, tile: bool = True):
        self.params = dict(params)
        self.tile = tile
        self._ocr = None
        self._lock = threading.Lock()   # one picture at a time: onnxruntime already uses every core

    def _load(self):
        if self._ocr is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:  # pragma: no cover - packaging problem
                raise EngineError(f"OCR engine not installed: {exc}") from exc
            self._ocr = RapidOCR(params=self.params)
        return self._ocr

    def read_image(self, image: Image.Image, page: int = 0) -> list[Line]:
        """Text lines of an upright picture, top to bottom."""
        import numpy as np

        w, h = image.size
        if min(w, h) < MIN_SIDE:
            return []
        if image.mode != "RGB":
            if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
                rgba = image.convert("RGBA")
                background = Image.new("RGB", image.size, (255, 255, 255))
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            else:
                image = image.convert("RGB")
        pixels = np.asarray(image)[:, :, ::-1]  # RGB -> BGR, as the engine expects
        lines: list[Line] = []
        with self._lock:
            ocr = self._load()
            for top, keep_from, keep_to, tile in self._tiles(pixels):
                result = ocr(np.ascontiguousarray(tile))
                if result.boxes is None or result.txts is None:
                    continue
                for quad, text, score in zip(result.boxes, result.txts, result.scores):
                    text = (text or "").strip()
                    if not text:
                        continue
                    xs = [float(p[0]) for p in quad]
                    ys = [float(p[1]) + top for p in quad]
                    centre = (min(ys) + max(ys)) / 2
                    if not keep_from <= centre < keep_to:
                        continue
                    box = (max(0, int(min(xs))), max(0, int(min(ys))), min(w, int(round(max(xs)))),
                           min(h, int(round(max(ys)))))
                    lines.append(Line(text, box, float(score), page))
        lines.sort(key=lambda l: (l.box[1], l.box[0]))
        return lines

    def _tiles(self, pixels):
        h, w = pixels.shape[:2]
        tall = int(w * TILE_RATIO)
        if not self.tile or h <= tall * 1.25:
            yield 0, float("-inf"), float("inf"), pixels
            return
        overlap = max(64, int(w * TILE_OVERLAP))
        step = tall - overlap
        top, keep_from = 0, float("-inf")
        while True:
            bottom = min(h, top + tall)
            last = bottom >= h
            keep_to = float("inf") if last else bottom - overlap / 2
            yield top, keep_from, keep_to, pixels[top:bottom]
            if last:
                return
            keep_from = keep_to          # each line belongs to exactly one tile
            top += step
            if h - top < tall // 3:      # a thin last strip: start the last tile earlier instead
                top = max(0, h - tall)
