"""Facts read from an original: pixels and EXIF, PDF pages and dates, audio/video streams.

Readers never decode more than they must: image headers only (with a cheap structural check for
truncation), PDF trailers, container headers and one video frame for its rotation. A reader
never raises for bad content: it returns a status and a message code instead.
"""
from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from . import capture

try:  # HEIC/HEIF (iPhone photos) through libheif
    import pillow_heif

    pillow_heif.register_heif_opener()
except Exception:  # pragma: no cover - the wheel is a declared dependency
    pillow_heif = None

# Above this many pixels an image is treated as a decompression bomb and never decoded.
# 256 MP leaves room for 200 MP phone cameras and very long screenshots.
BOMB_PIXELS = 256_000_000
Image.MAX_IMAGE_PIXELS = BOMB_PIXELS  # Pillow refuses at twice this, before any decoding

logging.getLogger("pypdf").setLevel(logging.ERROR)

EXIF_IFD = 0x8769
TAG_MAKE, TAG_MODEL, TAG_ORIENTATION, TAG_SOFTWARE = 271, 272, 274, 305
TAG_DTO, TAG_DTD, TAG_OFFSET_DTO, TAG_OFFSET_DTD, TAG_USER_COMMENT = 36867, 36868, 36881, 36882, 37510


@dataclass
class Facts:
    status: str = "ok"                   # ok, unreadable, encrypted
    reason: str | None = None            # message code when status is not ok
    reason_params: dict = field(default_factory=dict)
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None
    pages: int | None = None
    orientation: int | None = None
    device: str | None = None
    family: str | None = None            # corrected family (an mp4 with only audio is audio)
    exif_time: object = None
    container_time: object = None
    pdf_time: object = None
    office_time: object = None
    meta: dict = field(default_factory=dict)   # everything else, stored as media_json

    def fail(self, status: str, reason: str, **params) -> "Facts":
        self.status, self.reason, self.reason_params = status, reason, params
        return self


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return text[:200]


def _clean(value) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


def read_image(path: Path, mime: str, tail: bytes, data: bytes | None = None) -> Facts:
    """`data`, when given, is the whole file already in memory (small files: no second read)."""
    import io

    facts = Facts(family="image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data) if data is not None else path)
    except Image.DecompressionBombError:
        w, h = _header_size(path, data)
        return facts.fail("unreadable", "image_bomb", width=w, height=h)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return facts.fail("unreadable", "corrupt_image", error=_short(exc))
    with im:
        facts.width, facts.height = im.size
        facts.meta["format"] = im.format
        facts.meta["mode"] = im.mode
        if im.width * im.height > BOMB_PIXELS:
            return facts.fail("unreadable", "image_bomb", width=im.width, height=im.height)
        try:
            exif = _exif(im, tail)
            sub = exif.get_ifd(EXIF_IFD) if exif else {}
        except Exception:  # damaged EXIF is not a damaged image
            exif, sub = {}, {}
        if exif:
            facts.orientation = exif.get(TAG_ORIENTATION) if isinstance(exif.get(TAG_ORIENTATION), int) else None
            make, model = _clean(exif.get(TAG_MAKE)), _clean(exif.get(TAG_MODEL))
            if make or model:
                facts.device = " ".join(x for x in (make, model) if x)
            software = _clean(exif.get(TAG_SOFTWARE))
            if software:
                facts.meta["software"] = software
            comment = _clean(sub.get(TAG_USER_COMMENT))
            if comment:
                facts.meta["user_comment"] = re.sub(r"^(ASCII|UNICODE|JIS)\s*", "", comment)
            facts.meta["camera_exposure"] = 33434 in sub  # ExposureTime: written by cameras only
            facts.exif_time = (capture.parse_exif_datetime(sub.get(TAG_DTO), sub.get(TAG_OFFSET_DTO))
                               or capture.parse_exif_datetime(sub.get(TAG_DTD), sub.get(TAG_OFFSET_DTD)))
        problem = _truncation(im, mime, tail)
        if problem:
            return facts.fail("unreadable", "truncated_image", error=problem)
    return facts


def _exif(im: Image.Image, tail: bytes) -> Image.Exif:
    """EXIF without decoding pixels. Pillow decodes a whole PNG to look for an eXIf chunk after
    the image data; such a chunk sits near the end of the file, so look for it in the tail."""
    if im.format != "PNG" or "exif" in im.info:
        return im.getexif()
    exif = Image.Exif()
    at = tail.rfind(b"eXIf")
    if at >= 4:
        length = int.from_bytes(tail[at - 4:at], "big")
        data = tail[at + 4:at + 4 + length]
        if len(data) == length:
            exif.load(data)
    return exif


def _header_size(path: Path, data: bytes | None) -> tuple[int | None, int | None]:
    """Width and height from the header of an image Pillow refused to open as a bomb: each format's
    opener reads only the header (Image.open adds the bomb check after it), so nothing is decoded."""
    import io

    fp = io.BytesIO(data) if data is not None else open(path, "rb")
    with fp:
        prefix = fp.read(16)
        Image.init()
        for fmt in Image.ID:
            factory, accept = Image.OPEN[fmt]
            fp.seek(0)
            if accept and not accept(prefix):
                continue
            try:
                return factory(fp, "").size
            except Exception:
                continue
    return None, None


def _truncation(im: Image.Image, mime: str, tail: bytes) -> str | None:
    """A reason when the image's data is cut short; cheap for the common, complete file."""
    if mime == "image/jpeg":
        body = tail.rstrip(b"\x00\r\n ")
        if body.endswith(b"\xff\xd9"):
            return None
        # No end marker at the end: motion photos and vendor trailers append data after it,
        # so decode at 1/8 scale to tell a trailer from a truncation.
        return _decode_problem(im, draft=True)
    if mime == "image/png":
        if b"IEND" in tail[-64:]:
            return None
        try:
            im.verify()  # walks the chunks and their CRCs without inflating pixels
        except Exception as exc:
            return _short(exc)
        return "PNG has no IEND chunk"
    return None


def _decode_problem(im: Image.Image, draft: bool) -> str | None:
    try:
        if draft:
            im.draft("RGB", (max(1, im.width // 8), max(1, im.height // 8)))
        im.load()
    except Exception as exc:
        return _short(exc)
    return None


def read_pdf(path: Path) -> Facts:
    import pypdf

    facts = Facts(family="pdf")
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            facts.meta["encrypted"] = True
            try:
                opened = reader.decrypt("")
            except Exception:
                opened = 0
            if not opened:
                return facts.fail("encrypted", "encrypted_pdf")
            facts.meta["owner_password_only"] = True
        else:
            facts.meta["encrypted"] = False
        facts.pages = len(reader.pages)
        info = reader.metadata or {}
        raw_date = info.get("/CreationDate")
        facts.pdf_time = capture.parse_pdf_date(str(raw_date) if raw_date is not None else None)
        for key in ("/Title", "/Author", "/Creator", "/Producer"):
            value = _clean(info.get(key))
            if value:
                facts.meta[key[1:].lower()] = value[:500]
    except Exception as exc:  # pypdf raises many kinds on damaged or hostile files
        return facts.fail("unreadable", "corrupt_pdf", error=_short(exc))
    if not facts.pages:
        return facts.fail("unreadable", "corrupt_pdf", error="no pages")
    return facts


def read_av(path: Path, family: str) -> Facts:
    import av

    facts = Facts(family=family)
    try:
        with av.open(str(path), metadata_errors="replace") as container:
            meta = dict(container.metadata)
            if container.duration is not None and container.duration > 0:
                facts.duration_s = round(container.duration / 1_000_000, 3)
            video = next((s for s in container.streams.video
                          if not (s.disposition & av.stream.Disposition.attached_pic)), None)
            audio = next(iter(container.streams.audio), None)
            if video is None and audio is None:
                return facts.fail("unreadable", "corrupt_media", error="no audio or video stream")
            facts.family = "video" if video is not None else "audio"
            facts.meta["format"] = container.format.name
            if video is None and container.format.name in ("amr", "amrnb", "amrwb"):
                # AMR has no duration in its header; FFmpeg estimates one from the bitrate, which is wrong
                # for a call with silence (DTX frames are smaller): count the frames instead.
                facts.duration_s = _demuxed_seconds(container, audio) or facts.duration_s
            if video is not None:
                ctx = video.codec_context
                facts.width, facts.height = ctx.width or None, ctx.height or None
                facts.meta["video_codec"] = ctx.name
                if video.average_rate:
                    facts.meta["fps"] = round(float(video.average_rate), 3)
                meta = {**dict(video.metadata), **meta}
                facts.meta["rotation"] = _rotation(container, video)
            if audio is not None:
                actx = audio.codec_context
                facts.meta["audio_codec"] = actx.name
                facts.meta["sample_rate"] = actx.sample_rate
                facts.meta["channels"] = getattr(actx, "channels", None)
                meta = {**dict(audio.metadata), **meta}
            facts.container_time = capture.parse_iso(meta.get("creation_time")
                                                     or meta.get("com.apple.quicktime.creationdate"))
            make = meta.get("com.apple.quicktime.make") or meta.get("com.android.manufacturer")
            model = meta.get("com.apple.quicktime.model") or meta.get("com.android.model")
            if make or model:
                facts.device = " ".join(x for x in (make, model) if x)
            if meta.get("title"):
                facts.meta["title"] = str(meta["title"])[:200]
    except Exception as exc:  # av.error.* and anything FFmpeg throws at hostile input
        return facts.fail("unreadable", "corrupt_media", error=_short(exc))
    return facts


OFFICE_META = {  # member holding the creation time -> (namespace URI, element)
    "docProps/core.xml": ("http://purl.org/dc/terms/", "created"),                  # .docx .xlsx .pptx
    "meta.xml": ("urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "creation-date"),  # .odt .ods
}
OFFICE_META_MAX = 1024 * 1024  # core.xml is a few hundred bytes; never inflate more than this


def read_office(path: Path) -> Facts:
    """An Office or OpenDocument file's creation time from its properties part. The zip is read by
    member name, never extracted: no path inside it is trusted or touched on disk."""
    import zipfile
    from xml.etree import ElementTree

    facts = Facts(family="document")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            for member, (ns, tag) in OFFICE_META.items():
                if member not in names:
                    continue
                info = zf.getinfo(member)
                if info.file_size > OFFICE_META_MAX:
                    continue
                with zf.open(info) as fh:
                    text = fh.read(OFFICE_META_MAX + 1)
                if len(text) > OFFICE_META_MAX or b"<!ENTITY" in text:
                    continue  # entity tricks have no place in a properties part
                node = ElementTree.fromstring(text).find(f".//{{{ns}}}{tag}")
                if node is not None and node.text:
                    facts.meta["office_created"] = node.text.strip()[:64]
                    facts.office_time = capture.parse_iso(node.text)
                break
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, OSError, ValueError,
            EOFError, NotImplementedError, RuntimeError) as exc:  # RuntimeError: an encrypted member
        facts.meta["office_error"] = _short(exc)
    return facts


def _demuxed_seconds(container, stream) -> float | None:
    """The length of a stream as the sum of its packets' durations (demuxed, not decoded)."""
    total = 0
    for packet in container.demux(stream):
        if packet.duration:
            total += packet.duration
    return round(float(total * stream.time_base), 3) if total and stream.time_base else None


def _rotation(container, video) -> int:
    """Clockwise degrees to turn a frame for display (phones store portrait video as landscape plus
    a display matrix). The old `rotate` tag is clockwise already; FFmpeg's matrix angle is counter-clockwise."""
    rotate = video.metadata.get("rotate")
    if rotate:
        try:
            return int(rotate) % 360
        except ValueError:
            pass
    try:
        frame = next(container.decode(video))
        return int(round(-(getattr(frame, "rotation", 0) or 0))) % 360
    except Exception:
        return 0
