"""Images as PDF XObjects without re-encoding, and where to put them on a page.

JPEG originals (and MPO, the JPEG phones write with extra frames after the first) go in byte for byte
(DCTDecode); an embedded ICC colour profile goes in as the image's ICCBased colour space; 8-bit grey, RGB and palette PNGs go in as their own
zlib stream (FlateDecode with the PNG predictor), as img2pdf does. Everything else (alpha, 16-bit,
interlaced PNG, HEIC, WebP ...) is decoded once, with bounded memory (imagedecode: a huge picture is
reduced while it is decoded, to at most OUTPUT_PIXELS): lossless Flate for screen images, JPEG for
photos. A file too big to hold (PASSTHROUGH_BYTES) is decoded the same way instead of copied.
EXIF orientation is honoured by the drawing matrix, never by touching the pixels.
"""
from __future__ import annotations

import io
import os
import struct
import zlib
from dataclasses import dataclass

from PIL import Image
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject

PNG_SIG = b"\x89PNG\r\n\x1a\n"
PASSTHROUGH_BYTES = 128 * 1024 * 1024   # a larger image file is decoded (bounded), not held in memory whole


@dataclass
class ImageXObject:
    stream: StreamObject
    width: int          # stored pixels
    height: int
    passthrough: bool   # the original's bytes (JPEG) or its compressed data (PNG) went in unchanged
    method: str         # "jpeg", "png", "flate", "jpeg-reencoded"


def _stream(data: bytes, width: int, height: int, colorspace, bpc: int, filt: str, parms: dict | None = None,
            extra: dict | None = None) -> StreamObject:
    s = StreamObject()
    s._data = data
    s[NameObject("/Type")] = NameObject("/XObject")
    s[NameObject("/Subtype")] = NameObject("/Image")
    s[NameObject("/Width")] = NumberObject(width)
    s[NameObject("/Height")] = NumberObject(height)
    s[NameObject("/ColorSpace")] = colorspace
    s[NameObject("/BitsPerComponent")] = NumberObject(bpc)
    s[NameObject("/Filter")] = NameObject(filt)
    if parms:
        from pypdf.generic import DictionaryObject

        d = DictionaryObject()
        for k, v in parms.items():
            d[NameObject(k)] = NumberObject(v)
        s[NameObject("/DecodeParms")] = d
    for k, v in (extra or {}).items():
        s[NameObject(k)] = v
    return s


def _png_chunks(data: bytes):
    pos = 8
    while pos + 8 <= len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IEND":
            break


ICC_COMPONENTS = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}
_ALTERNATE = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}


def _icc_colorspace(profile: bytes | None, components: int):
    """[/ICCBased <profile>] for an embedded colour profile that fits the image, as img2pdf does; the
    profile's own header says how many components it describes. None: use the Device space."""
    if not profile or len(profile) < 128 or ICC_COMPONENTS.get(profile[16:20]) != components:
        return None
    icc = StreamObject()
    icc._data = profile
    icc[NameObject("/N")] = NumberObject(components)
    icc[NameObject("/Alternate")] = NameObject(_ALTERNATE[components])
    return ArrayObject([NameObject("/ICCBased"), icc])


def add_to_writer(writer, xo: ImageXObject):
    """Add an image XObject to a pypdf writer, its ICC profile as an indirect stream of its own."""
    cs = xo.stream.get("/ColorSpace")
    if isinstance(cs, ArrayObject) and len(cs) == 2 and cs[0] == "/ICCBased" and isinstance(cs[1], StreamObject):
        cs[1] = writer._add_object(cs[1])
    return writer._add_object(xo.stream)


def _png_passthrough(data: bytes) -> ImageXObject | None:
    if not data.startswith(PNG_SIG):
        return None
    ihdr, palette, idat, trns, icc = None, None, [], False, None
    for kind, body in _png_chunks(data):
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"tRNS":
            trns = True
        elif kind == b"iCCP":  # profile name, NUL, method 0, zlib data
            try:
                icc = zlib.decompressobj().decompress(body[body.index(b"\0") + 2:], 4 * 1024 * 1024)
            except (ValueError, zlib.error):
                icc = None
    if not ihdr or not idat:
        return None
    width, height, depth, ctype, _comp, _filter, interlace = ihdr
    if interlace or trns:
        return None
    if ctype == 0 and depth == 8:
        cs, colors = _icc_colorspace(icc, 1) or NameObject("/DeviceGray"), 1
    elif ctype == 2 and depth == 8:
        cs, colors = _icc_colorspace(icc, 3) or NameObject("/DeviceRGB"), 3
    elif ctype == 3 and palette and depth in (1, 2, 4, 8):
        from pypdf.generic import ByteStringObject

        cs = ArrayObject([NameObject("/Indexed"), NameObject("/DeviceRGB"), NumberObject(len(palette) // 3 - 1),
                          ByteStringObject(palette)])
        colors = 1
    else:
        return None
    stream = _stream(b"".join(idat), width, height, cs, depth, "/FlateDecode",
                     {"/Predictor": 15, "/Colors": colors, "/BitsPerComponent": depth, "/Columns": width})
    return ImageXObject(stream, width, height, True, "png")


def _jpeg_passthrough(data: bytes, im: Image.Image) -> ImageXObject | None:
    mode = im.mode
    extra = {}
    icc = im.info.get("icc_profile")
    if mode == "L":
        cs = _icc_colorspace(icc, 1) or NameObject("/DeviceGray")
    elif mode in ("RGB", "YCbCr"):
        cs = _icc_colorspace(icc, 3) or NameObject("/DeviceRGB")
    elif mode == "CMYK":
        cs = _icc_colorspace(icc, 4) or NameObject("/DeviceCMYK")
        if "adobe" in im.info:  # Adobe CMYK JPEGs are stored inverted
            extra["/Decode"] = ArrayObject([NumberObject(x) for x in (1, 0, 1, 0, 1, 0, 1, 0)])
    else:
        return None
    stream = _stream(data, im.width, im.height, cs, 8, "/DCTDecode", extra=extra)
    return ImageXObject(stream, im.width, im.height, True, "jpeg")


def make_xobject(path, photo: bool = False, orientation: int | None = None) -> tuple[ImageXObject, int]:
    """The XObject for an image file and the EXIF orientation to draw it with (1 when baked in).

    `orientation` is the EXIF value ingest already read; None reads it here."""
    from .imagedecode import open_bounded, transpose

    small = os.path.getsize(path) <= PASSTHROUGH_BYTES
    with open(path, "rb") as fh:
        data = fh.read() if small else b""
    with Image.open(io.BytesIO(data) if small else path) as im:
        if orientation is None:
            orientation = 1 if im.format == "PNG" and "exif" not in im.info else None  # never inflate a PNG for it
            try:
                orientation = orientation or int(im.getexif().get(274, 1) or 1)
            except Exception:
                orientation = 1
        if orientation not in range(1, 9):
            orientation = 1
        if small and im.format in ("JPEG", "MPO"):  # MPO: phones' JPEG with extra frames after the first; verbatim
            xo = _jpeg_passthrough(data, im)
            if xo:
                return xo, orientation
        if small and im.format == "PNG":
            xo = _png_passthrough(data)
            if xo:
                return xo, orientation
        photo = photo or im.format in ("JPEG", "MPO")  # a JPEG too big to hold stays a JPEG, reduced
    del data
    # Decode once, bounded; orientation is applied to the (reduced) pixels here, so draw upright.
    decoded = open_bounded(path)
    icc = decoded.icc_profile
    frame = decoded.image
    if orientation != 1:
        frame = transpose(frame, orientation)
    if photo:
        buf = io.BytesIO()
        frame.save(buf, "JPEG", quality=92, subsampling=0, **({"icc_profile": icc} if icc else {}))
        with Image.open(io.BytesIO(buf.getvalue())) as again:
            xo = _jpeg_passthrough(buf.getvalue(), again)
        xo.passthrough, xo.method = False, "jpeg-reencoded"
        return xo, 1
    cs = _icc_colorspace(icc, 1 if frame.mode == "L" else 3) or \
        NameObject("/DeviceGray" if frame.mode == "L" else "/DeviceRGB")
    stream = _stream(_flate(frame), frame.width, frame.height, cs, 8, "/FlateDecode")
    return ImageXObject(stream, frame.width, frame.height, False, "flate"), 1


def _flate(frame: Image.Image) -> bytes:
    """The picture's rows, zlib-compressed a band at a time (no second copy of the whole picture)."""
    comp = zlib.compressobj(6)
    out = []
    step = max(1, (4 * 1024 * 1024) // max(1, frame.width * len(frame.getbands())))
    for top in range(0, frame.height, step):
        out.append(comp.compress(frame.crop((0, top, frame.width, min(frame.height, top + step))).tobytes()))
    out.append(comp.flush())
    return b"".join(out)


class LazyStream(StreamObject):
    """An image stream whose bytes are made again when the PDF is written, not held from planning to
    writing: an export of 1,000 screenshots keeps one image in memory at a time, not all of them.
    The last bytes made are kept (writing reads them twice: the length, then the data)."""

    _last: tuple[object, bytes] = (None, b"")

    def __init__(self, loader):
        DictionaryObject.__init__(self)
        self.decoded_self = None
        self.__dict__["_loader"] = loader

    @property
    def _data(self) -> bytes:  # type: ignore[override]
        owner, data = LazyStream._last
        if owner is not self:
            data = self._loader()
            LazyStream._last = (self, data)
        return data

    @_data.setter
    def _data(self, value: bytes) -> None:
        self.__dict__["_loader"] = lambda: value
        LazyStream._last = (None, b"")


def lazy(xo: ImageXObject, loader) -> ImageXObject:
    """`xo` with its stream's bytes dropped, to be made again by `loader()` (the same bytes) when written."""
    stream = LazyStream(loader)
    stream.update(xo.stream)
    return ImageXObject(stream, xo.width, xo.height, xo.passthrough, xo.method)


def display_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def placement_matrix(orientation: int, x: float, y: float, w: float, h: float) -> tuple[float, ...]:
    """The `cm` matrix that draws the unit-square image upright into the display rect (x, y, w, h)."""
    return {
        1: (w, 0, 0, h, x, y),
        2: (-w, 0, 0, h, x + w, y),
        3: (-w, 0, 0, -h, x + w, y + h),
        4: (w, 0, 0, -h, x, y + h),
        5: (0, -h, -w, 0, x + w, y + h),
        6: (0, -h, w, 0, x, y + h),
        7: (0, h, w, 0, x, y),
        8: (0, h, -w, 0, x + w, y),
    }[orientation]


@dataclass
class Slice:
    """One page's view of an image: the displayed rect (may run past the page) and the clip."""
    matrix: tuple[float, ...]
    clip: tuple[float, float, float, float]   # x, y, w, h on the page


# A screenshot that would be drawn narrower than MIN_READABLE_WIDTH (10.6 cm; a phone screen is about
# 7 cm wide) to fit one page is split over pages at SPLIT_WIDTH (12.7 cm) instead of being shrunk.
MIN_READABLE_WIDTH = 300.0
SPLIT_WIDTH = 360.0
OVERLAP_PT = 24.0


def layout_slices(disp_w: int, disp_h: int, orientation: int, box: tuple[float, float, float, float]) -> list[Slice]:
    bx, by, bw, bh = box
    fit = min(bw / disp_w, bh / disp_h)
    if disp_w * fit >= min(MIN_READABLE_WIDTH, bw) or disp_h <= disp_w * 1.5:
        w, h = disp_w * fit, disp_h * fit
        x, y = bx + (bw - w) / 2, by + bh - h
        return [Slice(placement_matrix(orientation, x, y, w, h), (x, y, w, h))]
    scale = min(bw, SPLIT_WIDTH) / disp_w
    w, h = disp_w * scale, disp_h * scale
    x = bx + (bw - w) / 2
    slices = []
    top = 0.0   # how far down the displayed image this page starts, in points
    while True:
        y = by + bh - h + top  # image's bottom edge so that `top` sits at the box top
        visible = min(bh, h - top)
        slices.append(Slice(placement_matrix(orientation, x, y, w, h), (x, by + bh - visible, w, visible)))
        if top + bh >= h:
            break
        top += bh - OVERLAP_PT
    return slices
