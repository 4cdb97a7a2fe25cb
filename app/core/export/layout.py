"""The reportlab pass: cover, 证据目录 (index table), appendix 电子数据说明, footers, bookmarks; page
numbers known only at the end are named forms filled in when the canvas saves."""
from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path

from ..messages import human_size
from .geometry import FONT, FOOTER_H, MARGIN_X, PAGE_H, PAGE_W
from .plan import (DEFAULT_CAUSE, SOURCE_ZH, ExportOptions, PagePlan, default_purpose, label,
                   original_file_name)

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

        from .compose import _ExhibitPage  # compose draws the exhibit pages this document lays out

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
        from ... import __version__

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


