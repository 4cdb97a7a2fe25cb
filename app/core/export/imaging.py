"""Images for upload forms (platform appeal, 12315, public complaint): upright, split where a long
screenshot has a gap between lines of text, captioned in the image, and fitted to a channel's limits
as a metadata-free JPEG.

Memory is bounded: a picture is decoded at a reduced scale when it is far larger than the channel can
take (imagedecode: JPEG by the decoder's own scaling, PNG in strips), and every part is made from a
crop of the one decoded image.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..imagedecode import open_bounded
from ..messages import Said
from ..paths import resource_path

# A part a person can read on a phone or a desktop form: no taller than twice its width (a phone
# screen and a little more), no shorter than 0.8 of it (a sliver of a screenshot reads as nothing).
MAX_PART_RATIO = 2.0
MIN_PART_RATIO = 0.8
# One phone screen is never cut, however tall the phone: 20:9 (1080x2400) and 21:9 are read as they are.
ONE_SCREEN_RATIO = 2.4
OVERLAP = 48            # px repeated across a cut when no gap between lines is found
JPEG_QUALITIES = (90, 82, 74, 66)


@dataclass
class Fitted:
    data: bytes
    width: int
    height: int
    adjustments: list[Said] = field(default_factory=list)   # for the user, in either language


_fonts: dict[int, ImageFont.FreeTypeFont] = {}


def font(size: int) -> ImageFont.FreeTypeFont:
    if size not in _fonts:
        _fonts[size] = ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), size)
    return _fonts[size]


def open_upright(path: Path, orientation: int = 1, target_side: int | None = None) -> Image.Image:
    """The image as shown (EXIF orientation applied), RGB, decoded no larger than it must be: reduced
    while decoding towards `target_side` and never past imagedecode's pixel bound (a 16000x16000 PNG is
    decoded in strips; a huge picture in a format that cannot be reduced raises imagedecode.TooLarge)."""
    decoded = open_bounded(path, max_side=target_side)
    im = decoded.image
    if orientation and orientation != 1:
        im = _rotate(im, orientation)
    return im if im.mode == "RGB" else im.convert("RGB")


def _rotate(im: Image.Image, orientation: int) -> Image.Image:
    method = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}.get(orientation)
    return im.transpose(method) if method else im


def _row_busyness(im: Image.Image) -> list[int]:
    """For each row: how much it varies (max - min of grey over a narrowed copy). Gaps between lines
    of text, chat bubbles and cards are rows of one colour: busyness near 0."""
    small_w = min(256, im.width)
    grey = im.convert("L").resize((small_w, im.height), Image.Resampling.BOX)
    data = grey.tobytes()
    rows = []
    for y in range(im.height):
        row = data[y * small_w:(y + 1) * small_w]
        rows.append(max(row) - min(row))
    return rows


def split_points(im: Image.Image) -> list[tuple[int, int]]:
    """(top, bottom) of each part of a tall image. A cut goes in the middle of the gap between lines
    nearest the largest readable height; with no gap at all, parts overlap by OVERLAP pixels so a
    line cut in two is whole in one of them."""
    w, h = im.size
    max_h = int(w * MAX_PART_RATIO)
    if h <= w * ONE_SCREEN_RATIO:
        return [(0, h)]
    min_h = int(w * MIN_PART_RATIO)
    busy = _row_busyness(im)
    parts, top = [], 0
    while h - top > max_h * 1.1:
        lo, hi = top + min_h, min(top + max_h, h - min_h)
        best = None
        y = hi
        while y >= lo:                 # the lowest run of quiet rows (>= 6 px) in [lo, hi]
            if busy[y] <= 8:
                end = y
                while y >= lo and busy[y] <= 8:
                    y -= 1
                if end - y >= 6:
                    best = (y + 1 + end) // 2
                    break
            y -= 1
        if best is None:
            parts.append((top, hi))
            top = hi - OVERLAP
        else:
            parts.append((top, best))
            top = best
    parts.append((top, h))
    return parts


# What a caption line is never broken inside: a date with its time, a run of letters, digits and
# their punctuation ("16:45", "HF-40FB01", "…4502"); a CJK character or a space stands alone.
_ATOM = re.compile(r"（第\d+/\d+部分）|\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+|\s+|.")
_NO_LINE_START = set("，。、；：？！）」』】〉》,.;:?!)…")
CAPTION_WIDTHS = 30     # the caption's letters: the image's width over this (36 px on a 1080-px screenshot)


def caption_lines(text: str, fits) -> list[str]:
    """`text` in lines that each `fits`, broken between words: never inside a number, a time or a
    word of letters, and no line starting with closing punctuation."""
    lines, line = [], ""
    for atom in _ATOM.findall(text):
        if not line or fits(line + atom) or (atom[0] in _NO_LINE_START and len(atom) == 1):
            line += atom
        elif atom.isspace():
            lines.append(line)
            line = ""
        else:
            lines.append(line.rstrip())
            line = atom
        while not fits(line) and len(line) > 1:          # one atom wider than the line: cut it
            cut = len(line) - 1
            while cut > 1 and not fits(line[:cut]):
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line)
    return [ln for ln in lines if ln.strip()] or [""]


def side_by_side(parts: list[Image.Image]) -> Image.Image:
    """Parts of one long screenshot next to each other, top-aligned, read left to right, with a grey
    rule between them; one part is returned as it is."""
    if len(parts) == 1:
        return parts[0]
    gap = max(12, parts[0].width // 40)
    out = Image.new("RGB", (sum(p.width for p in parts) + gap * (len(parts) - 1), max(p.height for p in parts)),
                    "white")
    draw = ImageDraw.Draw(out)
    x = 0
    for i, part in enumerate(parts):
        out.paste(part, (x, 0))
        x += part.width
        if i < len(parts) - 1:
            draw.rectangle([x + gap // 2 - 1, 0, x + gap // 2 + 1, out.height], fill=(150, 150, 150))
            x += gap
    return out


def caption(im: Image.Image, text: str) -> Image.Image:
    """The image with a white band on top carrying `text` (wrapped between words), its letters in
    proportion to the image's width, so the caption reads the same when the image is shown smaller."""
    size = max(18, round(im.width / CAPTION_WIDTHS))
    f = font(size)
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    lines = caption_lines(text, lambda s: draw.textlength(s, font=f) <= im.width - 2 * size)
    band = size // 2 + len(lines) * int(size * 1.35) + size // 2
    out = Image.new("RGB", (im.width, im.height + band), "white")
    out.paste(im, (0, band))
    d = ImageDraw.Draw(out)
    y = size // 2
    for line in lines:
        d.text((size, y), line, fill=(170, 0, 0), font=f)
        y += int(size * 1.35)
    d.line([(0, band - 2), (im.width, band - 2)], fill=(170, 0, 0), width=2)
    return out


def fit_jpeg(im: Image.Image, max_side: int | None, max_bytes: int | None, min_side: int | None = None) -> Fitted:
    """A JPEG within the limits: scaled down to the side limit, then quality stepped down, then
    scaled down again until the size fits. No EXIF, GPS, XMP or ICC: a fresh image is saved."""
    notes = []
    if max_side and max(im.size) > max_side:
        scale = max_side / max(im.size)
        im = im.resize((max(1, round(im.width * scale)), max(1, round(im.height * scale))), Image.Resampling.LANCZOS)
        notes.append(Said("pack_downscaled", width=im.width, height=im.height, max=max_side))
    if min_side and min(im.size) < min_side:
        notes.append(Said("pack_small", width=im.width, height=im.height, min=min_side))
    while True:
        for q in JPEG_QUALITIES:
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=q, optimize=True)
            data = buf.getvalue()
            if not max_bytes or len(data) <= max_bytes:
                if q != JPEG_QUALITIES[0]:
                    notes.append(Said("pack_quality", quality=q, kb=max_bytes // 1024))
                return Fitted(data, im.width, im.height, notes)
        im = im.resize((max(1, int(im.width * 0.85)), max(1, int(im.height * 0.85))), Image.Resampling.LANCZOS)
        notes.append(Said("pack_shrunk_for_bytes", width=im.width, height=im.height))
