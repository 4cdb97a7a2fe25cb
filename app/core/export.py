"""The court / mediation export (DESIGN §5): one A4 PDF (cover, 证据目录, the exhibits, 电子数据说明,
signature line) and beside it a folder with every original, unchanged, and a manifest.

How the PDF is made: reportlab lays out every page of our own (cover, index, headers, stamps, page
numbers, audio and video pages, appendix, bookmarks and links) in passes until the page numbers
settle; then pypdf puts each exhibit's content under its page: images as XObjects built from the
original bytes (pdfimages), PDF originals as their own pages with text and vectors intact.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import pdfimages
from .capture import SOURCE_MANUAL
from .classify import slug
from .ingest import make_read_only, remove_file
from .messages import human_size
from .paths import resource_path
from .store import Case, now_iso

PAGE_W, PAGE_H = 595.2756, 841.8898   # A4 in points
MARGIN_X = 42.0
HEADER_H = 64.0     # exhibit header band (name, time, stamp)
FOOTER_H = 40.0
CONTENT_BOX = (MARGIN_X, FOOTER_H + 6, PAGE_W - 2 * MARGIN_X, PAGE_H - HEADER_H - FOOTER_H - 16)
# Wide images (desktop screenshots, landscape photos) get a landscape A4 page, so their text is not
# shrunk to a third of the page's height.
LANDSCAPE_BOX = (MARGIN_X, FOOTER_H + 6, PAGE_H - 2 * MARGIN_X, PAGE_W - HEADER_H - FOOTER_H - 16)
WIDE = 1.15  # width / height above which an image goes on a landscape page
FONT = "EBCJK"
DEFAULT_CAUSE = "网络购物合同纠纷"

DEFAULT_PURPOSE = {
    "order": "证明原、被告之间存在网络购物合同关系，以及所购商品、价格和下单时间",
    "payment": "证明原告已按约支付货款",
    "invoice": "证明交易真实发生，以及商品价款和销售方",
    "chat": "证明原告就商品问题与被告客服沟通的经过及被告的答复",
    "call": "证明原告与被告客服电话沟通的内容",
    "product": "证明商品存在的质量问题及其状况",
    "logistics": "证明商品的发货及签收时间",
    "inspection": "证明商品经检测存在质量问题",
    "refusal": "证明被告拒绝原告的退货退款请求",
    "complaint": "证明原告已通过投诉渠道主张权利",
}
SOURCE_ZH = {"exif": "照片EXIF信息", "filename": "文件名", "container": "媒体文件信息", "pdf": "PDF文件信息",
             "mtime": "文件修改时间，仅供参考", SOURCE_MANUAL: "手动填写"}


def default_purpose(row: dict) -> str | None:
    """The purpose the index prints when the user wrote none (None: the row reads （待填写）)."""
    if row["status"] != "ok":
        return None  # a damaged file proves nothing by itself until the user says what it is for
    return DEFAULT_PURPOSE.get(row["category"])


class ExportCancelled(Exception):
    pass


@dataclass
class ExportOptions:
    profile: str = "court"
    claimant: str | None = None        # 提交人; default: the case's claimant
    respondent: str | None = None      # 对方当事人; default: the merchant (or shop)
    cause: str = DEFAULT_CAUSE         # 案由
    when: datetime | None = None       # the export's date; default now


@dataclass
class ExportResult:
    pdf_path: Path
    folder_path: Path
    sha256: str
    pages: int
    exhibits: list[dict]               # number, name, first_page, last_page, file
    notices: list[dict] = field(default_factory=list)   # exhibits shown only as a notice page
    export_id: int | None = None


@dataclass
class PagePlan:
    exhibit: dict
    index: int            # 0-based page of this exhibit
    count: int            # pages of this exhibit
    kind: str             # image, pdf, audio, video, notice
    slice: pdfimages.Slice | None = None
    xobject_key: str | None = None
    pdf_page: int | None = None
    notice: str | None = None
    frames: list = field(default_factory=list)
    landscape: bool = False


def label(row: dict) -> str:
    return f"{row['number']}-{row['part']}" if row.get("part") else str(row["number"])


@lru_cache(maxsize=1)
def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0))
    return FONT


def unique_path(path: Path) -> Path:
    """`path`, or `name (2).pdf`, `name (3).pdf` ... so an earlier export is never overwritten."""
    folder = bundle_folder(path)
    if not path.exists() and not folder.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists() and not bundle_folder(candidate).exists():
            return candidate
        n += 1


def bundle_folder(pdf_path: Path) -> Path:
    return pdf_path.with_name(pdf_path.stem + "_原件")


def original_file_name(row: dict, width: int) -> str:
    return f"证据{row['number']:0{width}d}" + (f"-{row['part']}" if row.get("part") else "") + \
        f"_{slug(row['name'])}.{row['ext']}"


# ----- planning -----------------------------------------------------------------------------------

def _notice_for(row: dict) -> str:
    if row["status"] == "encrypted":
        return "此 PDF 受密码保护，无法在本文件中展示其内容。原件已原样附于随附文件夹。"
    if row["status"] == "unreadable":
        return "此文件已损坏或不完整，无法在本文件中展示其内容。原件已原样附于随附文件夹，其 SHA-256 见下。"
    return "此证据为文档文件，无法在本文件中直接展示。原件已原样附于随附文件夹。"


def plan_pages(case: Case, rows: list[dict], cancel: threading.Event) -> tuple[list[PagePlan], dict]:
    plans: list[PagePlan] = []
    xobjects: dict[str, pdfimages.ImageXObject] = {}
    for row in rows:
        if cancel.is_set():
            raise ExportCancelled()
        path = case.original_path(row["sha256"], row["ext"])
        mime = row["mime"] or ""
        pages: list[PagePlan] = []
        if row["status"] == "ok" and mime.startswith("image/"):
            try:
                xo, orientation = pdfimages.make_xobject(path, photo=row["kind"] == "photo",
                                                         orientation=row.get("orientation") or 1)
            except Exception:
                xo = None
            if xo is not None:
                key = f"/EbIm{row['id']}"
                xobjects[key] = xo
                dw, dh = pdfimages.display_size(xo.width, xo.height, orientation)
                wide = dw > dh * WIDE
                for sl in pdfimages.layout_slices(dw, dh, orientation, LANDSCAPE_BOX if wide else CONTENT_BOX):
                    pages.append(PagePlan(row, 0, 0, "image", slice=sl, xobject_key=key, landscape=wide))
        elif row["status"] == "ok" and mime == "application/pdf" and row["pages"]:
            pages = [PagePlan(row, 0, 0, "pdf", pdf_page=i, landscape=wide)
                     for i, wide in enumerate(_wide_pdf_pages(path, row["pages"]))]
        elif row["status"] == "ok" and row["kind"] == "audio":
            pages = [PagePlan(row, 0, 0, "audio")]
        elif row["status"] == "ok" and row["kind"] == "video":
            pages = [PagePlan(row, 0, 0, "video", frames=_key_frames(case, row, path))]
        if not pages:
            pages = [PagePlan(row, 0, 0, "notice", notice=_notice_for(row))]
        for i, p in enumerate(pages):
            p.index, p.count = i, len(pages)
        plans.extend(pages)
    return plans, xobjects


def _wide_pdf_pages(path: Path, count: int) -> list[bool]:
    """For each page of a PDF original: is it landscape (as shown, after its /Rotate)?"""
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            reader.decrypt("")
        result = []
        for page in reader.pages:
            w, h = float(page.cropbox.width), float(page.cropbox.height)
            if (page.rotation or 0) % 180:
                w, h = h, w
            result.append(w > h * WIDE)
        return result
    except Exception:
        return [False] * count


def _key_frames(case: Case, row: dict, path: Path) -> list[tuple[float, Path]]:
    """Key frames cached in derived/ (rebuildable), as JPEG files reportlab embeds as they are."""
    from .mediapages import key_frames

    folder = case.root / "derived" / "keyframes"
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / f"{row['sha256']}.json"
    if index.exists():
        try:
            cached = [(t, folder / name) for t, name in json.loads(index.read_text(encoding="utf-8"))]
            if all(p.exists() for _, p in cached):
                return cached
        except (ValueError, TypeError):
            pass
    try:
        frames = key_frames(path, 6, int((row.get("media") or {}).get("rotation") or 0))
    except Exception:
        return []
    result = []
    for i, (t, image) in enumerate(frames):
        target = folder / f"{row['sha256']}-{i}.jpg"
        image.thumbnail((960, 960))
        image.convert("RGB").save(target, "JPEG", quality=85)
        result.append((t, target))
    index.write_text(json.dumps([(t, p.name) for t, p in result]), encoding="utf-8")
    return result


# ----- the reportlab pass -------------------------------------------------------------------------

def _styles():
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=14, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=28, leading=36, alignment=TA_CENTER, spaceAfter=30),
        "h1": ParagraphStyle("h1", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=14),
        "cover": ParagraphStyle("cover", parent=base, fontSize=13, leading=24),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12.5),
        "cellc": ParagraphStyle("cellc", parent=base, fontSize=9, leading=12.5, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=13),
    }


def _esc(text) -> str:
    from xml.sax.saxutils import escape

    return escape(str(text if text is not None else ""))


def _time_text(row: dict) -> str:
    if not row["captured_at"]:
        return "待定"
    when = row["captured_at"].replace("T", " ")[:19]
    offset = row["captured_at"][19:]
    if offset and offset != "+08:00":
        when += f"（UTC{offset}）"
    return when


class _Doc:
    """Builds the reportlab part; run() returns the PDF bytes and where each page of the plan landed."""

    def __init__(self, case_info: dict, rows: list[dict], plans: list[PagePlan], options: ExportOptions,
                 when: datetime):
        self.info = case_info
        self.rows = rows
        self.plans = plans
        self.options = options
        self.when = when
        self.styles = _styles()
        self.exhibit_pages: dict[int, tuple[int, int]] = {}
        self.plan_pages: list[int] = []
        width = max(2, len(str(max((r["number"] for r in rows), default=1))))
        self.file_names = {r["id"]: original_file_name(r, width) for r in rows}

    def run(self) -> bytes:
        """One layout pass. Numbers known only at the end (the total, each exhibit's page range) are
        drawn as named forms that the canvas defines when it saves, so the index and the footers
        always agree with where the exhibits really landed, however long the index gets."""
        data, plan_pages, total = self._build_once()
        self.plan_pages = plan_pages
        return data

    def record_pages(self, plan_pages: list[int]) -> None:
        exhibit_pages: dict[int, tuple[int, int]] = {}
        for plan, page in zip(self.plans, plan_pages):
            first, last = exhibit_pages.get(plan.exhibit["id"], (page, page))
            exhibit_pages[plan.exhibit["id"]] = (min(first, page), max(last, page))
        self.exhibit_pages = exhibit_pages

    def define_forms(self, canv, total: int) -> None:
        """Called by the canvas after the last page: the forms the index and the footers refer to."""
        self.record_pages(self.seen)
        for row in self.rows:
            first, last = self.exhibit_pages.get(row["id"], (None, None))
            text = "—" if first is None else (f"{first}" if first == last else f"{first}-{last}")
            canv.beginForm(f"ebpr{row['id']}")
            canv.setFont(FONT, 9)
            canv.drawCentredString(PAGE_RANGE_W / 2, 3, text)
            canv.endForm()
        canv.beginForm("ebtotal")
        canv.setFont(FONT, 9)
        canv.drawString(0, 0, f"共 {total} 页")
        canv.endForm()

    def _build_once(self):
        from reportlab.lib.units import mm
        from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

        from reportlab.pdfgen.canvas import Canvas

        buf = io.BytesIO()
        seen: list[int] = []
        self.seen = seen
        owner = self

        class FormsCanvas(Canvas):
            def save(self):
                owner.define_forms(self, self.getPageNumber() - 1)
                super().save()

        doc = BaseDocTemplate(buf, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                              topMargin=20 * mm, bottomMargin=FOOTER_H + 10, title=self.title(),
                              author=self.claimant() or "", subject="证据清单",
                              creator=self.creator(), invariant=1, initialFontName=FONT, initialFontSize=10)
        plain = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="plain")
        full = Frame(0, 0, PAGE_W, PAGE_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="full")
        wide = Frame(0, 0, PAGE_H, PAGE_W, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="wide")
        doc.addPageTemplates([PageTemplate("plain", [plain], onPage=self._footer),
                              PageTemplate("exhibit", [full], onPage=self._footer),
                              PageTemplate("exhibit_wide", [wide], onPage=self._footer, pagesize=(PAGE_H, PAGE_W))])
        story = self._cover() + [PageBreak()] + self._index()

        def template(plan):
            return "exhibit_wide" if plan.landscape else "exhibit"

        if self.plans:
            story += [NextPageTemplate(template(self.plans[0])), PageBreak()]
        for i, plan in enumerate(self.plans):
            story.append(_ExhibitPage(self, plan, i, seen))
            if i + 1 < len(self.plans):
                story += [NextPageTemplate(template(self.plans[i + 1])), PageBreak()]
        story += [NextPageTemplate("plain"), PageBreak()] + self._appendix()
        doc.build(story, canvasmaker=FormsCanvas)
        return buf.getvalue(), list(seen), doc.page

    # pieces ------------------------------------------------------------------------------------
    def title(self) -> str:
        return f"证据清单 — {self.info.get('title') or ''}"

    def creator(self) -> str:
        from .. import __version__

        return f"证据夹 Evidence Binder {__version__}"

    def claimant(self) -> str | None:
        return self.options.claimant or self.info.get("claimant_name")

    def respondent(self) -> str | None:
        return self.options.respondent or self.info.get("merchant") or self.info.get("shop")

    def _footer(self, canv, doc):
        width = canv._pagesize[0]
        canv.saveState()
        canv.setFont(FONT, 9)
        canv.drawRightString(width / 2 - 3, FOOTER_H / 2, f"第 {doc.page} 页")
        canv.translate(width / 2 + 3, FOOTER_H / 2)
        canv.doForm("ebtotal")  # "共 N 页", defined when the last page is known
        canv.restoreState()

    def _cover(self):
        from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

        s = self.styles
        blank = "＿＿＿＿＿＿＿＿＿＿＿＿"
        rows = [
            ("案件", self.info.get("title") or blank),
            ("提交人", self.claimant() or blank),
            ("对方当事人", self.respondent() or blank),
            ("案由", self.options.cause or DEFAULT_CAUSE),
        ]
        if self.info.get("order_number"):
            rows.append(("订单号", self.info["order_number"]))
        if self.info.get("amount_paid"):
            rows.append(("实付金额", f"¥{self.info['amount_paid']}"))
        if self.info.get("demand"):
            rows.append(("诉求", self.info["demand"]))
        rows += [("证据数量", f"{len(self.rows)} 项"), ("日期", f"{self.when:%Y年%m月%d日}")]
        table = Table([[Paragraph(_esc(k) + "：", s["cover"]), Paragraph(_esc(v), s["cover"])] for k, v in rows],
                      colWidths=[110, 330])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (1, 0), (1, -1), 0.4,
                                                                          "#999999")]))
        return [Spacer(1, 150), Paragraph("证 据 清 单", s["title"]), Spacer(1, 40), table]

    def _index(self):
        from reportlab.platypus import LongTable, Paragraph, TableStyle

        s = self.styles
        head = [Paragraph(h, s["head"]) for h in ("序号", "证据名称", "证据来源", "证明目的", "页码", "形式")]
        data = [head]
        for row in self.rows:
            purpose = row.get("purpose") or default_purpose(row) or "（待填写）"
            key = f"ex{row['id']}"
            data.append([
                label(row),
                Paragraph(f'<a href="#{key}">{_esc(row["name"])}</a>', s["cell"]),
                Paragraph(_esc(row.get("source_desc") or ""), s["cell"]),
                Paragraph(_esc(purpose), s["cell"]),
                _PageRange(row["id"], key),
                "电子数据" if row["status"] == "ok" else "电子数据\n（文件损坏）" if row["status"] == "unreadable"
                else "电子数据\n（已加密）",
            ])
        table = LongTable(data, colWidths=[36, 118, 96, 159, 50, 52], repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 9), ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (5, 1), (5, -1), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, "#444444"), ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        return [_Bookmark("index", "证据目录"), Paragraph("证 据 目 录", self.styles["h1"]), table]

    def _appendix(self):
        from reportlab.platypus import LongTable, Paragraph, Spacer, TableStyle

        s = self.styles
        data = [[Paragraph(h, s["head"]) for h in ("序号", "原文件名与来源路径", "形成时间及其来源", "大小与规格",
                                                    "SHA-256")]]
        for row in self.rows:
            sources = "<br/>".join(_esc(_source_path(src["path"])) for src in row["sources"][:3])
            spec = [human_size(row["size"])]
            if row.get("width") and row.get("height"):
                spec.append(f"{row['width']}×{row['height']} 像素")
            if row.get("duration_s"):
                spec.append(f"时长 {_duration(row['duration_s'])}")
            if row.get("pages"):
                spec.append(f"{row['pages']} 页")
            if row["status"] != "ok":
                spec.append({"unreadable": "文件损坏/不完整", "encrypted": "受密码保护"}.get(row["status"], row["status"]))
            sha = row["sha256"]
            data.append([
                label(row),
                Paragraph(f"{_esc(row['original_name'])}<br/><font size=6.5 color='#555555'>{sources}</font>"
                          f"<br/><font size=6.5>随附文件：{_esc(self.file_names.get(row['id'], ''))}</font>",
                          s["small"]),
                f"{_time_text(row)}\n来源：{SOURCE_ZH.get(row['captured_at_source'], '未知')}",
                "\n".join(spec),
                f"{sha[:32]}\n{sha[32:]}",
            ])
        table = LongTable(data, colWidths=[32, 150, 100, 78, 151], repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 7.2, 9.5), ("FONT", (4, 1), (4, -1), FONT, 6.8, 9),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, "#444444"), ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        intro = ("以下电子数据均为原始文件的完整副本，已按原样附于本清单随附文件夹，可用 SHA-256 校验值核对其"
                 "未经修改。形成时间按照片 EXIF 信息、文件名、媒体文件信息、PDF 文件信息的顺序取得，无法取得时标注"
                 "为文件修改时间（仅供参考）；时间为北京时间（UTC+8），另有标注的除外。")
        sign = Paragraph("提交人（签名）：＿＿＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日", s["cover"])
        return [_Bookmark("appendix", "电子数据说明"), Paragraph("电子数据说明", s["h1"]), Paragraph(intro, s["note"]),
                Spacer(1, 8), table, Spacer(1, 36), sign]


def _fit(c, text: str, size: float, width: float) -> str:
    """`text`, shortened in the middle with … until it fits `width` points."""
    if c.stringWidth(text, FONT, size) <= width:
        return text
    head, tail = text[: len(text) // 2], text[len(text) // 2:]
    while head and tail and c.stringWidth(head + "…" + tail, FONT, size) > width:
        head, tail = head[:-1], tail[1:]
    return head + "…" + tail


def _format_text(row: dict) -> str:
    """What a clerk understands: "MP4 视频（H.264 / AAC）", not FFmpeg's demuxer list."""
    media = row.get("media") or {}
    container = (row.get("ext") or "").upper()
    codecs = [CODEC_NAMES.get(c, (c or "").upper()) for c in (media.get("video_codec"), media.get("audio_codec")) if c]
    kind = "视频" if row["kind"] == "video" else "音频"
    return f"{container} {kind}" + (f"（{' / '.join(codecs)}）" if codecs else "")


CODEC_NAMES = {"h264": "H.264", "hevc": "H.265/HEVC", "aac": "AAC", "mp3float": "MP3", "mp3": "MP3",
               "amrnb": "AMR-NB", "amrwb": "AMR-WB", "pcm_s16le": "PCM", "mpeg4": "MPEG-4", "opus": "Opus",
               "vp9": "VP9", "av1": "AV1", "alac": "ALAC", "flac": "FLAC"}


def _source_path(path: str) -> str:
    """A source path with the home folder shortened to ~ (the user's account name stays private)."""
    home = str(Path.home())
    return "~" + path[len(home):] if home not in ("/", "") and path.startswith(home + os.sep) else path


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


from reportlab.platypus import Flowable  # noqa: E402  (reportlab is only needed once we export)


PAGE_RANGE_W = 50 - 12  # the 页码 column less its padding


class _PageRange(Flowable):
    """An exhibit's page range in the index: a form filled in at the end, and a link to the exhibit."""

    def __init__(self, exhibit_id: int, key: str):
        super().__init__()
        self.exhibit_id, self.key = exhibit_id, key

    def wrap(self, aw, ah):
        return PAGE_RANGE_W, 12.5

    def draw(self):
        self.canv.doForm(f"ebpr{self.exhibit_id}")
        self.canv.linkRect("", self.key, (0, 0, PAGE_RANGE_W, 12.5), relative=1, thickness=0)


class _Bookmark(Flowable):
    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


class _ExhibitPage(Flowable):
    """One whole page of an exhibit: header, stamp, and what reportlab draws itself."""

    def __init__(self, doc: _Doc, plan: PagePlan, position: int, seen: list[int]):
        super().__init__()
        self.doc, self.plan, self.position, self.seen = doc, plan, position, seen

    def wrap(self, aw, ah):
        return aw, ah

    def draw(self):
        c = self.canv
        plan, row = self.plan, self.plan.exhibit
        self.seen.append(c.getPageNumber())
        c.saveState()
        if plan.index == 0:
            key = f"ex{row['id']}"
            c.bookmarkPage(key)
            c.addOutlineEntry(f"证据{label(row)} {row['name']}", key, level=0)
        stamp = f"证据 {label(row)}"
        if plan.count > 1:
            stamp += f"（{plan.index + 1}/{plan.count}）"
        page_w, page_h = (PAGE_H, PAGE_W) if plan.landscape else (PAGE_W, PAGE_H)
        c.setFont(FONT, 14)
        sw = c.stringWidth(stamp, FONT, 14)
        x1, y1 = page_w - MARGIN_X, page_h - 22
        c.setStrokeColor("#b22222")
        c.setFillColor("#b22222")
        c.setLineWidth(1.4)
        c.rect(x1 - sw - 16, y1 - 24, sw + 16, 26, stroke=1, fill=0)
        c.drawString(x1 - sw - 8, y1 - 17, stamp)
        c.setFillColor("#000000")
        name = row["name"]
        c.setFont(FONT, 11)
        c.drawString(MARGIN_X, page_h - 34, _fit(c, name, 11, page_w - 2 * MARGIN_X - sw - 40))
        c.setFont(FONT, 8.5)
        c.setFillColor("#444444")
        src = SOURCE_ZH.get(row["captured_at_source"], "未知")
        prefix = f"形成时间：{_time_text(row)}（{src}）　原文件："
        room = page_w - 2 * MARGIN_X - sw - 30 - c.stringWidth(prefix, FONT, 8.5)
        c.drawString(MARGIN_X, page_h - 50, prefix + _fit(c, row["original_name"], 8.5, room))
        c.setStrokeColor("#999999")
        c.setLineWidth(0.5)
        c.line(MARGIN_X, page_h - HEADER_H + 4, page_w - MARGIN_X, page_h - HEADER_H + 4)
        c.setFillColor("#000000")
        if plan.kind == "audio":
            self._audio(c, row)
        elif plan.kind == "video":
            self._video(c, row)
        elif plan.kind == "notice":
            self._notice(c, row)
        c.restoreState()

    def _facts(self, c, row, y, lines):
        c.setFont(FONT, 10)
        for text in lines:
            c.drawString(MARGIN_X + 10, y, text)
            y -= 17
        return y

    def _media_lines(self, row):
        lines = [f"文件：{row['original_name']}", f"时长：{_duration(row['duration_s'] or 0)}",
                 f"格式：{_format_text(row)}"]
        if row.get("width"):
            lines.append(f"分辨率：{row['width']}×{row['height']}")
        lines += [f"形成时间：{_time_text(row)}（{SOURCE_ZH.get(row['captured_at_source'], '未知')}）",
                  f"大小：{human_size(row['size'])}", f"SHA-256：{row['sha256']}",
                  "原始文件已原样附于随附文件夹，可直接播放。"]
        return lines

    def _audio(self, c, row):
        from .mediapages import waveform

        bx, by, bw, bh = CONTENT_BOX
        top = by + bh - 20
        c.setFont(FONT, 12)
        c.drawString(MARGIN_X, top, "录音波形")
        try:
            wave = waveform(self.doc_case_path(row))
        except Exception:
            wave = []
        wy, wh = top - 190, 160
        c.setStrokeColor("#cccccc")
        c.rect(bx, wy, bw, wh)
        mid = wy + wh / 2
        if wave:
            c.setStrokeColor("#1a4d99")
            c.setLineWidth(max(0.3, bw / len(wave) * 0.8))
            for i, (lo, hi) in enumerate(wave):
                x = bx + (i + 0.5) * bw / len(wave)
                c.line(x, mid + lo * wh / 2 * 0.95, x, mid + hi * wh / 2 * 0.95)
        else:
            c.setFont(FONT, 10)
            c.drawCentredString(bx + bw / 2, mid, "无法读取波形")
        c.setFillColor("#000000")
        self._facts(c, row, wy - 30, self._media_lines(row))

    def doc_case_path(self, row):
        return self.doc.case_root / "originals" / f"{row['sha256']}.{row['ext']}"

    def _video(self, c, row):
        bx, by, bw, bh = CONTENT_BOX
        top = by + bh - 20
        c.setFont(FONT, 12)
        c.drawString(MARGIN_X, top, "视频关键帧")
        frames = self.plan.frames
        cols, gap = 3, 8
        cell_w = (bw - gap * (cols - 1)) / cols
        y = top - 14
        if frames:
            from PIL import Image

            with Image.open(frames[0][1]) as im:
                ratio = im.height / im.width
            cell_h = min(cell_w * ratio, 200)
            for i, (t, path) in enumerate(frames):
                col, line = i % cols, i // cols
                x = bx + col * (cell_w + gap)
                top_y = y - line * (cell_h + 24)
                w = min(cell_w, cell_h / ratio)
                c.drawImage(str(path), x + (cell_w - w) / 2, top_y - cell_h, w, cell_h)
                c.setFont(FONT, 8)
                c.drawCentredString(x + cell_w / 2, top_y - cell_h - 11, f"{_duration(t)}")
            y = y - ((len(frames) + cols - 1) // cols) * (cell_h + 24) - 10
        else:
            c.setFont(FONT, 10)
            c.drawString(bx, y - 20, "无法提取关键帧")
            y -= 40
        self._facts(c, row, y - 10, self._media_lines(row))

    def _notice(self, c, row):
        from reportlab.platypus import Paragraph

        bx, by, bw, bh = CONTENT_BOX
        st = self.doc.styles["note"]
        lines = [self.plan.notice, f"原文件名：{row['original_name']}", f"大小：{human_size(row['size'])}",
                 f"SHA-256：{row['sha256']}"]
        y = by + bh - 30
        for text in lines:
            p = Paragraph(_esc(text), st)
            _, h = p.wrap(bw - 20, bh)
            p.drawOn(c, bx + 10, y - h)
            y -= h + 8


# ----- pypdf: put each exhibit under its page ---------------------------------------------------

def _compose(base_pdf: bytes, plans: list[PagePlan], plan_pages: list[int], xobjects: dict, case: Case,
             when: datetime, doc: _Doc) -> tuple[bytes, int]:
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(base_pdf)))
    refs = {}
    sources: dict[int, PdfWriter] = {}
    for plan, number in zip(plans, plan_pages):
        page = writer.pages[number - 1]
        _own_resources(page)
        if plan.kind == "image":
            if plan.xobject_key not in refs:
                refs[plan.xobject_key] = writer._add_object(xobjects[plan.xobject_key].stream)
            resources = page[NameObject("/Resources")].get_object()
            xdict = resources.get("/XObject")
            if xdict is None:
                xdict = DictionaryObject()
                resources[NameObject("/XObject")] = xdict
            xdict = xdict.get_object()
            xdict[NameObject(plan.xobject_key)] = refs[plan.xobject_key]
            m = plan.slice.matrix
            cx, cy, cw, ch = plan.slice.clip
            ops = (f"q {cx:.3f} {cy:.3f} {cw:.3f} {ch:.3f} re W n "
                   f"{m[0]:.4f} {m[1]:.4f} {m[2]:.4f} {m[3]:.4f} {m[4]:.3f} {m[5]:.3f} cm {plan.xobject_key} Do Q\n")
            under = StreamObject()
            under._data = ops.encode("ascii")
            under_ref = writer._add_object(under)
            contents = page.raw_get("/Contents")
            existing = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
            page[NameObject("/Contents")] = ArrayObject([under_ref, *existing])
        elif plan.kind == "pdf":
            row = plan.exhibit
            if row["id"] not in sources:
                reader = PdfReader(str(case.original_path(row["sha256"], row["ext"])))
                if reader.is_encrypted:
                    reader.decrypt("")  # only PDFs with an empty user password get this far
                sources[row["id"]] = PdfWriter(clone_from=reader)
            src = sources[row["id"]].pages[plan.pdf_page]
            if src.rotation:
                src.transfer_rotation_to_content()
            box = src.cropbox
            sw, sh = float(box.width), float(box.height)
            bx, by, bw, bh = LANDSCAPE_BOX if plan.landscape else CONTENT_BOX
            scale = min(bw / sw, bh / sh)
            tx = bx + (bw - sw * scale) / 2 - float(box.left) * scale
            ty = by + bh - sh * scale - float(box.bottom) * scale
            page.merge_transformed_page(src, Transformation().scale(scale, scale).translate(tx, ty), over=False)
    stamp = _pdf_date(when)
    writer.add_metadata({"/Title": doc.title(), "/Author": doc.claimant() or "", "/Subject": "证据清单",
                         "/Creator": doc.creator(), "/Producer": doc.creator(),
                         "/CreationDate": stamp, "/ModDate": stamp})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


def _pdf_date(when: datetime) -> str:
    """A PDF date in China time with its real offset (D:20250305143012+08'00')."""
    from .capture import CHINA

    local = when.astimezone(CHINA)
    return local.strftime("D:%Y%m%d%H%M%S+08'00'")


def _own_resources(page) -> None:
    """reportlab shares one /Resources dictionary among pages; give this page its own before adding to it."""
    from pypdf.generic import DictionaryObject, NameObject

    shared = page[NameObject("/Resources")].get_object()
    mine = DictionaryObject()
    for key, value in shared.items():
        inner = value.get_object()
        mine[NameObject(key)] = DictionaryObject(inner) if isinstance(inner, DictionaryObject) else value
    page[NameObject("/Resources")] = mine


# ----- the whole export -----------------------------------------------------------------------------

def export_court(case: Case, out: str | os.PathLike, options: ExportOptions | None = None,
                 cancel: threading.Event | None = None,
                 on_progress: Callable[[str, int, int], None] | None = None) -> ExportResult:
    options = options or ExportOptions()
    cancel = cancel or threading.Event()
    progress = on_progress or (lambda step, done, total: None)
    when = options.when or datetime.now().astimezone()
    register_font()
    rows = [r for r in case.exhibits() if r["include_in_export"]]
    out = unique_path(Path(out).resolve())
    out.parent.mkdir(parents=True, exist_ok=True)
    progress("plan", 0, len(rows))
    plans, xobjects = plan_pages(case, rows, cancel)
    progress("layout", len(rows), len(rows))
    doc = _Doc(case.info(), rows, plans, options, when)
    doc.case_root = case.root
    base = doc.run()
    if cancel.is_set():
        raise ExportCancelled()
    pdf_bytes, total = _compose(base, plans, doc.plan_pages, xobjects, case, when, doc)
    sha = hashlib.sha256(pdf_bytes).hexdigest()
    progress("write", 0, len(rows))

    folder = bundle_folder(out)
    tmp_pdf = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    tmp_folder = out.with_name(f".{folder.name}.{uuid.uuid4().hex[:8]}.part")
    listed = []
    try:
        tmp_folder.mkdir()
        for i, row in enumerate(rows):
            if cancel.is_set():
                raise ExportCancelled()
            name = doc.file_names[row["id"]]
            shutil.copyfile(case.original_path(row["sha256"], row["ext"]), tmp_folder / name)
            make_read_only(tmp_folder / name)
            first, last = doc.exhibit_pages.get(row["id"], (None, None))
            listed.append({"number": label(row), "name": row["name"], "file": name,
                           "original_name": row["original_name"], "size": row["size"],
                           "captured_at": row["captured_at"], "captured_at_source": row["captured_at_source"],
                           "sha256": row["sha256"], "first_page": first, "last_page": last, "status": row["status"]})
            progress("write", i + 1, len(rows))
        manifest = {"app": doc.creator(), "profile": options.profile, "created_at": when.isoformat(timespec="seconds"),
                    "case": case.info().get("title"), "pdf": out.name, "pdf_sha256": sha, "pages": total,
                    "exhibits": listed}
        (tmp_folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        with open(tmp_folder / "manifest.csv", "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["序号", "证据名称", "文件", "原文件名", "大小（字节）", "形成时间", "时间来源", "SHA-256", "页码"])
            for item in listed:
                pages = "" if item["first_page"] is None else f"{item['first_page']}-{item['last_page']}"
                w.writerow([item["number"], item["name"], item["file"], item["original_name"], item["size"],
                            item["captured_at"] or "", item["captured_at_source"] or "", item["sha256"], pages])
        with open(tmp_pdf, "wb") as fh:
            fh.write(pdf_bytes)
            fh.flush()
            os.fsync(fh.fileno())
        out = unique_path(out)  # someone may have written there meanwhile
        folder = bundle_folder(out)
        os.replace(tmp_folder, folder)
        os.replace(tmp_pdf, out)
    except BaseException:
        remove_file(tmp_pdf)
        if tmp_folder.exists():
            for p in tmp_folder.iterdir():
                remove_file(p)
            tmp_folder.rmdir()
        raise
    with case.db.atomic():
        export_id = case.db["exports"].insert({
            "created_at": now_iso(), "profile": options.profile, "out_path": str(out), "sha256": sha,
            "exhibits_json": json.dumps([{"id": r["id"], "number": label(r)} for r in rows], ensure_ascii=False),
            "app_version": doc.creator()}).last_pk
    notices = [{"number": label(p.exhibit),
                "code": {"unreadable": "export_notice_unreadable", "encrypted": "export_notice_encrypted"}.get(
                    p.exhibit["status"], "export_notice_document")} for p in plans if p.kind == "notice"]
    unfilled = [label(r) for r in rows if not r.get("purpose") and not default_purpose(r)]
    if unfilled:
        notices.append({"number": "、".join(unfilled), "code": "export_purpose_missing"})
    exhibits = [{"number": item["number"], "name": item["name"], "first_page": item["first_page"],
                 "last_page": item["last_page"], "file": item["file"]} for item in listed]
    return ExportResult(out, folder, sha, total, exhibits, notices, export_id)


# ----- verify-export -------------------------------------------------------------------------------

@dataclass
class ExportCheck:
    ok: bool
    problems: list[tuple[str, dict]]   # message codes and their parameters
    checked: int = 0

    def lines(self, lang: str | None = None) -> list[str]:
        from .messages import render

        if self.ok:
            return [render("export_ok", lang, n=self.checked)]
        return [render(code, lang, **params) for code, params in self.problems]


def verify_export(target: str | os.PathLike) -> ExportCheck:
    target = Path(target)
    if not target.exists():
        return ExportCheck(False, [("export_target_missing", {"path": str(target)})])
    folder = target if target.is_dir() else bundle_folder(target)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        return ExportCheck(False, [("export_manifest_missing", {"path": str(manifest_path)})])
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return ExportCheck(False, [("export_manifest_bad", {"error": str(exc)})])
    problems = []
    for item in manifest.get("exhibits", []):
        path = folder / item["file"]
        params = {"number": item["number"], "file": item["file"]}
        if not path.is_file():
            problems.append(("export_original_missing", params))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != item["sha256"]:
            problems.append(("export_original_changed", params))
    pdf = folder.parent / manifest.get("pdf", "")
    if not pdf.is_file():
        problems.append(("export_pdf_missing", {"name": pdf.name}))
    elif hashlib.sha256(pdf.read_bytes()).hexdigest() != manifest.get("pdf_sha256"):
        problems.append(("export_pdf_changed", {"name": pdf.name}))
    return ExportCheck(not problems, problems, len(manifest.get("exhibits", [])))
