"""Capture time: the best time a file tells about when it was made, and where that time came from.

Order (DESIGN §3): camera metadata (EXIF, or the camera's container time for a video), the
file name as phones and desktops write it, the container creation time, the PDF CreationDate,
and last the file's mtime. Times without a zone are China time (UTC+08:00).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))

SOURCE_EXIF = "exif"
SOURCE_FILENAME = "filename"
SOURCE_CONTAINER = "container"
SOURCE_PDF = "pdf"
SOURCE_OFFICE = "office"
SOURCE_MTIME = "mtime"
SOURCE_MANUAL = "manual"
SOURCE_CONTENT = "content"       # printed in the evidence itself (an e-invoice's 开票日期), read by OCR / text layer

# Where a time came from, in words (Chinese, English): the CLI, manifest.csv and the PDF show these.
SOURCE_WORDS = {
    SOURCE_EXIF: ("拍摄信息", "camera (EXIF)"), SOURCE_FILENAME: ("文件名", "file name"),
    SOURCE_CONTAINER: ("媒体信息", "media container"), SOURCE_PDF: ("PDF信息", "PDF properties"),
    SOURCE_OFFICE: ("文档属性", "document properties"), SOURCE_MTIME: ("修改时间", "file modified time"),
    SOURCE_MANUAL: ("手动", "manual"), SOURCE_CONTENT: ("证据内容", "printed in the evidence"),
}


def source_words(source: str | None, lang: str = "zh") -> str:
    words = SOURCE_WORDS.get(source or "")
    return (words[0] if lang == "zh" else words[1]) if words else "—"


# Plausible range for evidence; anything else is a camera default (1904, 1970, 2000-01-01) or junk.
EARLIEST = datetime(2000, 1, 2, tzinfo=timezone.utc)


@dataclass(frozen=True)
class NameTime:
    when: datetime
    pattern: str
    package: str | None = None   # Android app package in MIUI/Huawei screenshot names


_D = r"(?P<y>20\d\d)"
_NB = r"(?<!\d)"      # not preceded by a digit
_NA = r"(?!\d)"       # not followed by a digit
_PKG = r"(?:_(?P<pkg>[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+))?"

# (name, compiled regex, audio only). Groups: y m d H M S, optional ampm, pkg, ms (epoch ms).
_PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    ("miui_screenshot", re.compile(
        rf"Screenshot_{_D}-(?P<m>\d\d)-(?P<d>\d\d)-(?P<H>\d\d)-(?P<M>\d\d)-(?P<S>\d\d)(?:-\d{{1,3}})?{_PKG}",
        re.I), False),
    ("android_screenshot", re.compile(
        rf"Screenshot_{_D}(?P<m>\d\d)(?P<d>\d\d)-(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d){_NA}{_PKG}", re.I), False),
    ("huawei_screenshot", re.compile(
        rf"Screenshot_{_D}(?P<m>\d\d)(?P<d>\d\d)_(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d){_NA}{_PKG}", re.I), False),
    ("camera", re.compile(
        rf"(?:IMG|VID|PXL|PANO|MVIMG|BURST)_?{_D}(?P<m>\d\d)(?P<d>\d\d)_?(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)", re.I),
     False),
    ("wechat_mmexport", re.compile(r"mmexport(?P<ms>1\d{12})(?!\d)", re.I), False),
    ("wechat_image", re.compile(
        rf"微信(?:图片|视频|截图)_{_D}(?P<m>\d\d)(?P<d>\d\d)(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d){_NA}"), False),
    ("windows_screenshot", re.compile(
        rf"(?:屏幕截图|Screenshot) {_D}-(?P<m>\d\d)-(?P<d>\d\d) (?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d){_NA}", re.I),
     False),
    ("macos_screenshot", re.compile(
        rf"(?:截屏|截圖|屏幕快照 ?|Screenshot |Screen Shot ){_D}-(?P<m>\d\d)-(?P<d>\d\d)(?: at)? ?"
        rf"(?P<ampm_zh>上午|下午)?(?P<H>\d{{1,2}})\.(?P<M>\d\d)\.(?P<S>\d\d)(?: ?(?P<ampm>[AP]M))?", re.I), False),
    ("datetime", re.compile(
        rf"{_NB}{_D}-(?P<m>\d\d)-(?P<d>\d\d)[ _T](?P<H>\d\d)[-.:](?P<M>\d\d)[-.:](?P<S>\d\d){_NA}"), False),
    # Recorders (call and sound, every brand): a word, maybe a contact or a phone number, then the start
    # time: "Recording_20250309_111502", "record_20250308_094501", "录音_20250306_102133",
    # iPhone voice memos "20250306 102133-1A2B3C4D". A date and a time apart are a time in any file.
    ("recorder", re.compile(
        rf"{_NB}{_D}(?P<m>\d\d)(?P<d>\d\d)[_ -](?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d){_NA}"), False),
    # Call recorders (Huawei/Honor "张三 13800138000_20250306102133", Xiaomi, OPPO/vivo) run the 14 digits
    # together; an e-invoice name does too, so only an audio file's name is read this way.
    ("call_recording", re.compile(
        rf"{_NB}{_D}(?P<m>\d\d)(?P<d>\d\d)(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d){_NA}"), True),
    # Samsung's call recorder writes a two-digit year: "Call recording 张三_250306_102133".
    ("samsung_recording", re.compile(
        r"(?<![\d])(?P<yy>[2-9]\d)(?P<m>[01]\d)(?P<d>[0-3]\d)_(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d)(?!\d)"),
     True),
]


def time_from_filename(name: str, audio: bool = False) -> NameTime | None:
    """The time a phone, desktop or recorder wrote into a file name, as China time."""
    dot = name.rfind(".")
    if dot > 0 and len(name) - dot <= 6:
        name = name[:dot]  # so an app package is not read as "com.jingdong.app.mall.jpg"
    for pattern_name, regex, audio_only in _PATTERNS:
        if audio_only and not audio:
            continue
        match = regex.search(name)
        if not match:
            continue
        groups = match.groupdict()
        pkg = groups.get("pkg")
        if groups.get("ms"):
            when = datetime.fromtimestamp(int(groups["ms"]) / 1000, tz=CHINA)
            if when < EARLIEST or when > datetime.now(CHINA) + timedelta(days=1):
                continue
            return NameTime(when, pattern_name)
        hour = int(groups["H"])
        ampm = (groups.get("ampm") or groups.get("ampm_zh") or "").upper()
        if ampm in ("PM", "下午") and hour < 12:
            hour += 12
        elif ampm in ("AM", "上午") and hour == 12:
            hour = 0
        try:
            year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
            when = datetime(year, int(groups["m"]), int(groups["d"]), hour,
                            int(groups["M"]), int(groups["S"]), tzinfo=CHINA)
        except ValueError:
            continue  # 20251345... is an order number, not a date
        return NameTime(when, pattern_name, pkg)
    return None


def parse_exif_datetime(value: str | None, offset: str | None) -> datetime | None:
    """EXIF 'YYYY:MM:DD HH:MM:SS' plus OffsetTime '+08:00'; no offset means China time."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip().rstrip("\x00")
    try:
        naive = datetime.strptime(value[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    tz = CHINA
    if isinstance(offset, str):
        m = re.fullmatch(r"\s*([+-])(\d\d):?(\d\d)\s*\x00*", offset)
        if m:
            delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
            tz = timezone(-delta if m.group(1) == "-" else delta)
    when = naive.replace(tzinfo=tz)
    return when if plausible(when) else None


def parse_iso(value: str | None) -> datetime | None:
    """Container creation_time ('2025-03-04T12:18:00.000000Z'); zone-less means China time."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=CHINA)
    return when if plausible(when) else None


def parse_pdf_date(value) -> datetime | None:
    """A PDF date ("D:20250303110245+08'00'") or a datetime pypdf already parsed."""
    if isinstance(value, datetime):
        when = value if value.tzinfo else value.replace(tzinfo=CHINA)
        return when if plausible(when) else None
    if not isinstance(value, str):
        return None
    m = re.match(r"(?:D:)?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?\s*([+\-Z])?(\d\d)?'?(\d\d)?", value.strip())
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = CHINA
    sign = m.group(7)
    if sign == "Z":
        tz = timezone.utc
    elif sign in ("+", "-") and m.group(8):
        delta = timedelta(hours=int(m.group(8)), minutes=int(m.group(9) or 0))
        tz = timezone(-delta if sign == "-" else delta)
    try:
        when = datetime(y, mo, d, h, mi, s, tzinfo=tz)
    except ValueError:
        return None
    return when if plausible(when) else None


def plausible(when: datetime) -> bool:
    return EARLIEST <= when <= datetime.now(timezone.utc) + timedelta(days=1)


def from_mtime(mtime: float) -> datetime:
    return datetime.fromtimestamp(mtime, tz=CHINA)


def local(when: datetime) -> datetime:
    """A time in the zone it was recorded in; UTC instants (containers) are shown as China time."""
    if when.utcoffset() == timedelta(0):
        return when.astimezone(CHINA)
    return when


def iso(when: datetime | None) -> str | None:
    """ISO 8601 with offset, in the zone the time was recorded in (China time for instants)."""
    return local(when).isoformat(timespec="seconds") if when is not None else None


def choose(family: str, *, exif=None, filename: NameTime | None = None, container=None, pdf=None,
           office=None, mtime=None) -> tuple[datetime | None, str | None]:
    """Pick the capture time for a file of this family from what was found, with its source.

    Images: EXIF, name, mtime. Video: the camera's container time first (a video's EXIF),
    then the name. Audio: the name first (call recorders name the call's start; the container
    time is when the file was written), then the container. PDF: name, then CreationDate. Office
    documents: name, then docProps/core.xml created.
    """
    name_time = filename.when if filename else None
    if family == "image":
        order = [(exif, SOURCE_EXIF), (name_time, SOURCE_FILENAME)]
    elif family == "video":
        order = [(container, SOURCE_CONTAINER), (name_time, SOURCE_FILENAME)]
    elif family == "audio":
        order = [(name_time, SOURCE_FILENAME), (container, SOURCE_CONTAINER)]
    elif family == "pdf":
        order = [(name_time, SOURCE_FILENAME), (pdf, SOURCE_PDF)]
    else:
        order = [(name_time, SOURCE_FILENAME), (office, SOURCE_OFFICE)]
    order.append((mtime, SOURCE_MTIME))
    for when, source in order:
        if when is not None:
            return when, source
    return None, None
