"""Decoding a picture with bounded memory (issue 14: a 16000x16000 image must not take gigabytes).

Every path that needs pixels (the court PDF when an image cannot go in as it is, the packs, the
thumbnails, the preview) asks here for a picture no larger than it needs and never larger than
OUTPUT_PIXELS:

- JPEG is decoded at a reduced scale by the decoder itself (DCT scaling, Pillow's draft: 1/2 .. 1/8);
- an 8-bit, non-interlaced PNG (any colour type, with or without transparency) is decoded in strips of
  rows, each reduced before the next is inflated: the whole picture is never held. Each strip is handed
  to Pillow as a small PNG of its own, whose first row is the previous strip's last row unfiltered
  (the only state PNG's row filters carry from one row to the next);
- anything else (WebP, TIFF, HEIC, GIF, BMP, AVIF, interlaced or 16-bit PNG) is decoded whole when it
  has at most WHOLE_PIXELS pixels, then reduced; larger ones are refused with TooLarge (the caller says
  so in words) rather than decoded.

Transparency is flattened on white; the result is "RGB" or "L". Orientation is not applied: the EXIF
value is returned (read from the header only) for the caller to apply to the small picture.
"""
from __future__ import annotations

import io
import math
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import media  # noqa: F401  (the pixel cutoff Pillow enforces, and the HEIC opener)

OUTPUT_PIXELS = 40_000_000     # the largest picture handed out (about 120 MB as RGB)
WHOLE_PIXELS = 64_000_000      # the largest picture decoded whole when it cannot be reduced while decoding
STRIP_BYTES = 8 * 1024 * 1024  # decoded bytes per PNG strip
PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_BANDS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class TooLarge(Exception):
    """The picture cannot be decoded within the memory bound (its format cannot be reduced while decoding)."""

    def __init__(self, width: int, height: int, fmt: str | None):
        super().__init__(f"{width}x{height} {fmt or ''} image too large to decode")
        self.width, self.height, self.format = width, height, fmt


@dataclass
class Decoded:
    image: Image.Image        # RGB or L, transparency flattened on white
    size: tuple[int, int]     # the original's size in pixels
    factor: float             # original width / decoded width
    orientation: int          # EXIF orientation (1..8) of the original, not applied
    method: str               # "whole", "draft", "strips"
    icc_profile: bytes | None = None

    def upright(self) -> Image.Image:
        return transpose(self.image, self.orientation)


def transpose(im: Image.Image, orientation: int) -> Image.Image:
    method = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}.get(orientation)
    return im.transpose(method) if method else im


def reduction(width: int, height: int, max_side: int | None = None, budget: int | None = None) -> int:
    """The integer factor to decode at: the largest that keeps the longer side at least `max_side` (a
    caller resizes the rest of the way with a good filter), and at least what keeps the picture within
    `budget` pixels."""
    budget = budget or OUTPUT_PIXELS
    factor = 1
    if max_side:
        factor = max(1, max(width, height) // max_side)
    while math.ceil(width / factor) * math.ceil(height / factor) > budget:
        factor += 1
    return factor


def flatten(im: Image.Image) -> Image.Image:
    """RGB or L, transparency composed on white."""
    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif im.mode in ("L", "RGB") and "transparency" in im.info:
        im = im.convert("LA" if im.mode == "L" else "RGBA")
    if im.mode in ("RGBA", "LA", "PA"):
        grey = im.mode == "LA"
        rgba = im.convert("LA" if grey else "RGBA")
        out = Image.new("L" if grey else "RGB", rgba.size, 255 if grey else (255, 255, 255))
        out.paste(rgba.convert("L" if grey else "RGB"), mask=rgba.getchannel("A"))
        return out
    if im.mode in ("L", "RGB"):
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        return im.point(lambda v: v / 256).convert("L")
    return im.convert("RGB")


def _orientation(im: Image.Image) -> int:
    """EXIF orientation from what the header gave (a PNG's eXIf after its data is not looked for:
    reading it would inflate the whole picture)."""
    try:
        if im.format == "PNG" and "exif" not in im.info:
            return 1
        value = int(im.getexif().get(274, 1) or 1)
    except Exception:
        return 1
    return value if value in range(1, 9) else 1


def open_bounded(path: str | os.PathLike, max_side: int | None = None, budget: int | None = None) -> Decoded:
    """The picture at `path`, decoded within the bound (see the module's docstring)."""
    path = Path(path)
    with Image.open(path) as im:
        width, height = im.size
        orientation = _orientation(im)
        icc = im.info.get("icc_profile")
        factor = reduction(width, height, max_side, budget)
        if im.format in ("JPEG", "MPO"):
            if factor > 1:  # the decoder scales by 1/2, 1/4 or 1/8: the largest that keeps max_side, or
                # the smallest that meets the budget when that is more
                side_factor = max(1, max(width, height) // max_side) if max_side else 1
                scale = min(8, 2 ** int(math.log2(side_factor)))
                budget_factor = reduction(width, height, None, budget)
                if scale < budget_factor:
                    scale = min(8, 2 ** math.ceil(math.log2(budget_factor)))
                im.draft(im.mode if im.mode in ("L", "RGB", "CMYK") else "RGB",
                         (math.ceil(width / scale), math.ceil(height / scale)))
            im.load()
            out, method = im, "draft" if im.size != (width, height) else "whole"
            rest = reduction(out.width, out.height, max_side, budget)
            if rest > 1:
                out = out.reduce(rest)
            out = flatten(out)
            return Decoded(out, (width, height), width / out.width, orientation, method, icc)
        if im.format == "PNG":
            header = _png_header(path)
            if header is not None and header["depth"] == 8 and not header["interlace"] and \
                    header["ctype"] in _PNG_BANDS:
                out = _png_strips(path, header, factor)
                return Decoded(out, (width, height), width / out.width, orientation, "strips", icc)
        if width * height > max(WHOLE_PIXELS, budget or 0):
            raise TooLarge(width, height, im.format)
        im.load()
        out = im
        if factor > 1:
            if out.mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
                out = out.convert("RGBA" if "transparency" in out.info or out.mode in ("PA", "P") else "RGB")
            out = out.reduce(factor)
        out = flatten(out)
        return Decoded(out, (width, height), width / out.width, orientation, "whole", icc)


# ----- PNG in strips ----------------------------------------------------------------------------------

def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _png_header(path: Path) -> dict | None:
    """IHDR and the chunks a strip needs (PLTE, tRNS), and where the IDAT chunks are; nothing inflated."""
    found = {"plte": None, "trns": None, "idat": []}
    with open(path, "rb") as fh:
        if fh.read(8) != PNG_SIG:
            return None
        while True:
            head = fh.read(8)
            if len(head) < 8:
                break
            length, kind = struct.unpack(">I", head[:4])[0], head[4:]
            if kind == b"IHDR":
                body = fh.read(length)
                w, h, depth, ctype, _c, _f, interlace = struct.unpack(">IIBBBBB", body[:13])
                found.update(width=w, height=h, depth=depth, ctype=ctype, interlace=interlace)
                fh.seek(4, 1)
            elif kind in (b"PLTE", b"tRNS"):
                found[kind.decode().lower()] = fh.read(length)
                fh.seek(4, 1)
            elif kind == b"IDAT":
                found["idat"].append((fh.tell(), length))
                fh.seek(length + 4, 1)
            elif kind == b"IEND":
                break
            else:
                fh.seek(length + 4, 1)
    return found if "width" in found and found["idat"] else None


def _idat_stream(path: Path, chunks: list[tuple[int, int]]):
    """The zlib stream of the IDAT chunks, 1 MB at a time."""
    with open(path, "rb") as fh:
        for offset, length in chunks:
            fh.seek(offset)
            while length > 0:
                data = fh.read(min(length, 1024 * 1024))
                if not data:
                    return
                length -= len(data)
                yield data


def _png_strips(path: Path, h: dict, factor: int) -> Image.Image:
    width, height, ctype = h["width"], h["height"], h["ctype"]
    rowbytes = width * _PNG_BANDS[ctype]
    grey = ctype in (0, 4)
    rows_per_strip = max(factor, (STRIP_BYTES // (rowbytes + 1)) // factor * factor)
    out = Image.new("L" if grey else "RGB", (math.ceil(width / factor), math.ceil(height / factor)),
                    255 if grey else (255, 255, 255))
    extra = b""
    if h["plte"] is not None:
        extra += _png_chunk(b"PLTE", h["plte"])
    if h["trns"] is not None:
        extra += _png_chunk(b"tRNS", h["trns"])
    inflate = zlib.decompressobj()
    source = _idat_stream(path, h["idat"])
    pending = b""
    previous = None     # the last row of the strip before, unfiltered (what the next row's filter refers to)
    top = 0
    while top < height:
        n = min(rows_per_strip, height - top)
        need = n * (rowbytes + 1)
        parts, have = [pending], len(pending)
        while have < need:
            data = inflate.unconsumed_tail or next(source, None)
            if data is None:
                break
            piece = inflate.decompress(data, need - have)
            parts.append(piece)
            have += len(piece)
        block = b"".join(parts)
        pending = block[need:]
        block = block[:need]
        if len(block) < need:
            raise OSError("PNG data ends before its last row")
        lead = 0 if previous is None else 1
        ihdr = struct.pack(">IIBBBBB", width, n + lead, 8, ctype, 0, 0, 0)
        raw = (b"\x00" + previous if previous is not None else b"") + block
        strip_png = PNG_SIG + _png_chunk(b"IHDR", ihdr) + extra + _png_chunk(b"IDAT", zlib.compress(raw, 0)) + \
            _png_chunk(b"IEND", b"")
        del raw, block
        with Image.open(io.BytesIO(strip_png)) as strip:
            strip.load()
            del strip_png
            previous = strip.crop((0, strip.height - 1, width, strip.height)).tobytes()
            if lead:
                strip = strip.crop((0, 1, width, strip.height))
            piece = flatten(strip)
            if factor > 1:
                piece = piece.reduce(factor)
            out.paste(piece, (0, top // factor))
        top += n
    return out
