"""What a file really is (from its bytes, not its name), and which names are skipped by rule."""
from __future__ import annotations

import re
from dataclasses import dataclass

import filetype

# How many leading bytes detection needs (filetype reads at most 8 KiB).
HEAD_SIZE = 8192

# Temporary and partial downloads: the browser or the phone is still writing these.
TEMP_SUFFIXES = (
    ".crdownload", ".part", ".partial", ".download", ".tmp", ".temp", ".opdownload",
    ".!ut", ".bc!", ".xltd", ".td", ".qkdownloading", ".downloading", ".swp", ".swx",
)
TEMP_PREFIXES = ("~$", ".~lock.", "~lock.")
SYSTEM_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", ".localized", "icon\r",
                ".nomedia", ".thumbnails"}

FAMILY_IMAGE = "image"
FAMILY_PDF = "pdf"
FAMILY_AUDIO = "audio"
FAMILY_VIDEO = "video"
FAMILY_DOCUMENT = "document"
FAMILY_ARCHIVE = "archive"

_IMAGE_MIMES = {"image/jpeg", "image/png", "image/heic", "image/avif", "image/webp", "image/gif",
                "image/bmp", "image/tiff"}
_AUDIO_MIMES = {"audio/mp4", "audio/mpeg", "audio/amr", "audio/x-wav", "audio/aac", "audio/ogg",
                "audio/x-flac", "audio/x-aiff"}
_VIDEO_MIMES = {"video/mp4", "video/quicktime", "video/3gpp", "video/x-m4v", "video/x-matroska",
                "video/x-msvideo", "video/webm", "video/x-ms-wmv", "video/x-flv", "video/mpeg"}
_DOCUMENT_MIMES = {
    "application/msword", "application/rtf", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
}
_ARCHIVE_MIMES = {"application/zip", "application/x-rar-compressed", "application/x-7z-compressed",
                  "application/gzip", "application/x-tar", "application/x-bzip2", "application/x-xz",
                  "application/zstd"}
# Plain-text evidence (exported chats, e-mails, web pages) has no magic number.
TEXT_EXTS = {"txt": "text/plain", "csv": "text/csv", "html": "text/html", "htm": "text/html",
             "eml": "message/rfc822"}
# Extensions that name the same type (the stored original keeps the one we already have).
_SAME = {"jpg": {"jpg", "jpeg", "jpe", "jfif"}, "tif": {"tif", "tiff"}, "heic": {"heic", "heif", "hif"},
         "mp4": {"mp4", "m4v"}, "m4a": {"m4a", "mp4", "aac", "m4b"}, "3gp": {"3gp", "3gpp", "3g2"},
         "mov": {"mov", "qt"}, "amr": {"amr", "3ga"}, "wav": {"wav", "wave"}, "mkv": {"mkv", "mka"}}


OFFICE_MIMES = {m for m in _DOCUMENT_MIMES if "openxmlformats" in m or "opendocument" in m}

# What a name promises: evidence extensions and their family, for files whose content does not say.
NOT_WHAT_NAME_SAYS = "application/octet-stream"
_EVIDENCE_EXTS = {
    FAMILY_IMAGE: "jpg jpeg jpe jfif png heic heif hif webp gif bmp tif tiff avif",
    FAMILY_PDF: "pdf",
    FAMILY_AUDIO: "m4a mp3 amr 3ga wav wave aac ogg opus flac aiff m4b wma",
    FAMILY_VIDEO: "mp4 mov qt 3gp 3gpp m4v mkv avi webm wmv flv mpg mpeg ts",
    FAMILY_DOCUMENT: "doc docx xls xlsx ppt pptx rtf odt ods wps et",
}
EVIDENCE_EXT_FAMILY = {ext: family for family, exts in _EVIDENCE_EXTS.items() for ext in exts.split()}

# The names a file of evidence may carry: the extensions above, their aliases and plain-text evidence.
# The watcher goes by this list, since it must judge a file by its name before the file is complete;
# import judges by content (a mislabelled JPEG named .dat still imports when given by hand).
EVIDENCE_EXTS = frozenset(EVIDENCE_EXT_FAMILY) | frozenset(TEXT_EXTS) | {"3g2", "mka", "oga", "aif"}


def is_evidence_name(name: str) -> bool:
    """A name that may be evidence: not skipped by rule, and an extension of a type we take."""
    return skip_reason(name) is None and split_ext(name) in EVIDENCE_EXTS


@dataclass(frozen=True)
class FileType:
    mime: str
    ext: str          # canonical extension of the real content, no dot
    family: str       # image, pdf, audio, video, document, archive


def split_ext(name: str) -> str:
    dot = name.rfind(".")
    if dot <= 0 or dot == len(name) - 1:
        return ""
    return name[dot + 1:].lower()


def skip_reason(name: str) -> str | None:
    """A message code when a file of this name is skipped by rule, else None."""
    low = name.lower()
    if low in SYSTEM_NAMES or low.startswith("._"):
        return "system_file"
    if low.endswith(TEMP_SUFFIXES) or name.startswith(TEMP_PREFIXES) or re.search(r"\.tmp\d*$", low):
        return "temp_file"
    if name.startswith("."):
        return "hidden_file"
    return None


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as exc:
            # A multi-byte character may be cut at the end of the head.
            if exc.start >= len(head) - 4:
                return True
    return False


def detect(head: bytes, name: str) -> FileType | None:
    """The real type from the leading bytes; None when it is not a type we take."""
    kind = filetype.guess(head)
    if kind is not None:
        mime = kind.mime
        ext = kind.extension
        if mime == "image/apng":
            mime, ext = "image/png", "png"
        if mime == "video/mp4" and _is_audio_only_mp4(head):
            mime, ext = "audio/mp4", "m4a"
        if mime in _IMAGE_MIMES:
            return FileType(mime, ext, FAMILY_IMAGE)
        if mime == "application/pdf":
            return FileType(mime, ext, FAMILY_PDF)
        if mime in _AUDIO_MIMES:
            return FileType(mime, ext, FAMILY_AUDIO)
        if mime in _VIDEO_MIMES:
            return FileType(mime, ext, FAMILY_VIDEO)
        if mime in _DOCUMENT_MIMES:
            return FileType(mime, ext, FAMILY_DOCUMENT)
        if mime in _ARCHIVE_MIMES:
            # docx/xlsx are zips too; filetype already told those apart.
            return FileType(mime, ext, FAMILY_ARCHIVE)
        return None
    if head[:4] == b"%PDF" or b"%PDF-" in head[:1024]:
        return FileType("application/pdf", "pdf", FAMILY_PDF)
    ext = split_ext(name)
    if ext in TEXT_EXTS and _looks_like_text(head):
        return FileType(TEXT_EXTS[ext], ext, FAMILY_DOCUMENT)
    return None


def _is_audio_only_mp4(head: bytes) -> bool:
    brand = head[8:12]
    return brand in (b"M4A ", b"M4B ")


def stored_ext(ft: FileType, name: str) -> str:
    """The extension the stored original gets: the file's own when it names the real type."""
    own = split_ext(name)
    if own == ft.ext or own in _SAME.get(ft.ext, ()):
        return own
    return ft.ext


def is_mislabelled(ft: FileType, name: str) -> bool:
    own = split_ext(name)
    if not own or ft.family == FAMILY_DOCUMENT and ft.mime.startswith("text/"):
        return False
    if own == ft.ext or own in _SAME.get(ft.ext, ()):
        return False
    # m4a written as .mp4 by recorders, or video .mp4 named .m4a: same container, not a lie.
    if {own, ft.ext} <= {"mp4", "m4a", "m4v", "mov", "3gp"}:
        return False
    return True


def by_name_only(name: str) -> FileType | None:
    """A file whose name says evidence but whose bytes are none of our types: kept, as unreadable."""
    ext = split_ext(name)
    family = EVIDENCE_EXT_FAMILY.get(ext)
    return FileType(NOT_WHAT_NAME_SAYS, ext, family) if family else None


CONTENT_WORDS = {  # code -> (zh, en), for the unreadable message
    "html": ("网页（HTML）", "a web page (HTML)"), "xml": ("XML 文本", "XML text"), "json": ("JSON 文本", "JSON text"),
    "text": ("纯文本", "plain text"), "random": ("无法识别的数据，像是随机字节或已损坏", "unrecognisable data, random or damaged"),
    "unknown": ("无法识别的数据", "unrecognisable data"),
}


def describe_content(head: bytes) -> dict[str, str]:
    """What the bytes look like, in Chinese and English, as message parameters found_zh / found_en."""
    kind = filetype.guess(head) if head else None
    if kind is not None:
        return {"found_zh": f"{kind.extension.upper()} 文件", "found_en": f"a {kind.extension.upper()} file"}
    low = head[:512].lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
        code = "html"
    elif low.startswith((b"<?xml", b"<svg")):
        code = "xml"
    elif low.startswith((b"{", b"[")) and _looks_like_text(head):
        code = "json"
    elif _looks_like_text(head):
        code = "text"
    elif head and len(set(head[:4096])) > 200:
        code = "random"
    else:
        code = "unknown"
    zh, en = CONTENT_WORDS[code]
    return {"found_zh": zh, "found_en": en}
