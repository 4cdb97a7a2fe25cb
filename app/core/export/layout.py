"""The reportlab pass: cover, 证据目录 (index table), appendix 电子数据说明, footers, bookmarks; page
numbers known only at the end are named forms filled in when the canvas saves."""
from __future__ import annotations

import io
import os
import re
from datetime import datetime
from pathlib import Path

from ..classify import is_copy_name
from ..messages import human_size
from .geometry import FONT, FOOTER_H, MARGIN_X, PAGE_H, PAGE_W, drawable
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
        # Table cells wrap at spaces and split only a run longer than the cell, so a date, a time or an
        # order number is never cut in two ("2025-0 / 3-04"); CJK wrapping would split them anywhere.
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12.5, wordWrap=None),
        "cellc": ParagraphStyle("cellc", parent=base, fontSize=9, leading=12.5, alignment=TA_CENTER, wordWrap=None),
        "head": ParagraphStyle("head", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, wordWrap=None),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=7.2, leading=9.5, wordWrap=None),
        "tinyc": ParagraphStyle("tinyc", parent=base, fontSize=7.2, leading=9.5, alignment=TA_CENTER, wordWrap=None),
        "hash": ParagraphStyle("hash", parent=base, fontSize=6.8, leading=9, wordWrap=None),
        "sign": ParagraphStyle("sign", parent=base, fontSize=12, leading=22),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=13),
    }


_CJK_RUN = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])(?=[0-9A-Za-z]{6,})|(?<=[0-9A-Za-z]{6})(?=[\u4e00-\u9fff])")


def _esc(text) -> str:
    """Text for a reportlab paragraph: markup escaped, characters the font cannot draw dropped, and a
    space where Chinese meets a long number or code, so a cell can wrap there instead of cutting it."""
    from xml.sax.saxutils import escape

    return escape(_CJK_RUN.sub(" ", drawable(text)))


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
        """What the case form holds, as a clerk needs it on the first page: the parties and contacts,
        where and what was bought, when, for how much, and what is asked."""
        from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

        from ..dispute.known import PLATFORM_ZH, PLATFORMS

        s = self.styles
        info = self.info
        blank = "＿＿＿＿＿＿＿＿＿＿＿＿"
        platform = info.get("platform")
        rows = [
            ("案件", info.get("title") or blank),
            ("提交人", self.claimant() or blank),
            ("联系方式", info.get("claimant_contact") or blank),
            ("对方当事人", self.respondent() or blank),
        ]
        optional = [
            # the form stores ids ("pinduoduo", "other"); a clerk reads 拼多多 (a name a user typed stays as typed)
            ("购物平台", (PLATFORM_ZH.get(PLATFORMS.get(str(platform).strip().lower(), ""))
                      or {"other": None}.get(platform, platform)) if platform else None),
            ("店铺", info.get("shop") if info.get("shop") != self.respondent() else None),
            ("商品", info.get("product")),
            ("订单号", info.get("order_number")),
            ("下单日期", _date_text(info.get("ordered_on"))),
            ("签收日期", _date_text(info.get("received_on"))),
            ("实付金额", f"¥{info['amount_paid']}" if info.get("amount_paid") else None),
            ("诉求", info.get("demand")),
        ]
        rows += [(k, v) for k, v in optional if v]
        rows += [("案由", self.options.cause or DEFAULT_CAUSE), ("证据数量", f"{len(self.rows)} 项"),
                 ("日期", f"{self.when:%Y年%m月%d日}")]
        table = Table([[Paragraph(_esc(k) + "：", s["cover"]), Paragraph(_esc(v), s["cover"])] for k, v in rows],
                      colWidths=[110, 330])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (1, 0), (1, -1), 0.4, "#999999")]))
        top = max(40, 150 - 14 * max(0, len(rows) - 9))
        return [Spacer(1, top), Paragraph("证 据 清 单", s["title"]), Spacer(1, 30), table]

    def _signature(self):
        """The submitter's signature and date (民事诉讼证据规定 art. 19), kept together on one page."""
        from reportlab.platypus import KeepTogether, Paragraph, Spacer

        return [KeepTogether([Spacer(1, 28), Paragraph(
            "提交人（签名）：＿＿＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日", self.styles["sign"])])]

    def _index(self):
        from reportlab.platypus import LongTable, Paragraph, TableStyle

        s = self.styles
        head = [Paragraph(h, s["head"]) for h in ("序号", "证据名称", "证据来源", "证明目的", "页码", "形式")]
        data = [head]
        for row in self.rows:
            purpose = row.get("purpose") or default_purpose(row) or "（待填写）"
            key = f"ex{row['id']}"
            form = "电子数据" if row["status"] == "ok" else "电子数据<br/><font size=7.5>（文件损坏）</font>" \
                if row["status"] == "unreadable" else "电子数据<br/><font size=7.5>（已加密）</font>"
            data.append([
                label(row),
                Paragraph(f'<a href="#{key}">{_esc(row["name"])}</a>', s["cell"]),
                Paragraph(_esc(row.get("source_desc") or ""), s["cell"]),
                Paragraph(_esc(purpose), s["cell"]),
                _PageRange(row["id"], key),
                Paragraph(form, s["cellc"]),
            ])
        widths = [34, 116, 94, 155, 50, 62]
        style = [
            ("FONT", (0, 0), (-1, -1), FONT, 9), ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, "#444444"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
        return [_Bookmark("index", "证据目录"), Paragraph("证 据 目 录", self.styles["h1"])] + \
            self._table_then_signature(data, widths, style)

    def _table_then_signature(self, data, widths, style, keep_rows: int = 2):
        """A table with its header repeated on every page and the signature line as its last, unruled
        row: NOSPLIT keeps the last rows and the line on one page, so the line never stands alone and
        the rows it follows keep their header."""
        from reportlab.platypus import LongTable, Paragraph, TableStyle

        sign = Paragraph("提交人（签名）：＿＿＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日", self.styles["sign"])
        rows = data + [[sign] + [""] * (len(widths) - 1)]
        last = len(rows) - 1
        style = [cmd for cmd in style if cmd[0] != "GRID"] + [
            ("GRID", (0, 0), (-1, last - 1), 0.5, "#444444"), ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
            ("SPAN", (0, last), (-1, last)), ("ALIGN", (0, last), (-1, last), "LEFT"),
            ("TOPPADDING", (0, last), (-1, last), 26), ("LEFTPADDING", (0, last), (-1, last), 0),
            ("NOSPLIT", (0, max(1, last - keep_rows)), (-1, last))]
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(style))
        return [table]

    def _appendix(self):
        from reportlab.platypus import LongTable, Paragraph, Spacer, TableStyle

        s = self.styles
        data = [[Paragraph(h, s["head"]) for h in ("序号", "原文件名与来源路径", "形成时间及其来源", "大小与规格",
                                                    "SHA-256")]]
        for row in self.rows:
            shown = [_source_path(src) for src in primary_sources(row["sources"])[:3]] \
                if self.options.include_paths else []
            sources = "<br/>".join(_esc(p) for p in shown)
            spec = [human_size(row["size"])]
            if row.get("width") and row.get("height"):
                w, h = displayed_size(row)
                spec.append(f"{w}×{h} 像素")
            if row.get("duration_s"):
                spec.append(f"时长 {_duration(row['duration_s'])}")
            if row.get("pages"):
                spec.append(f"{row['pages']} 页")
            if row["status"] != "ok":
                spec.append({"unreadable": "文件损坏/不完整", "encrypted": "受密码保护"}.get(row["status"], row["status"]))
            sha = row["sha256"]
            paths = f"<br/><font size=6.5 color='#555555'>{sources}</font>" if sources else ""
            data.append([
                Paragraph(_esc(label(row)), s["tinyc"]),
                Paragraph(f"{_esc(primary_name(row))}{paths}"
                          f"<br/><font size=6.5>随附文件：{_esc(self.file_names.get(row['id'], ''))}</font>",
                          s["small"]),
                Paragraph(f"{_esc(_time_text(row))}<br/>来源：{_esc(SOURCE_ZH.get(row['captured_at_source'], '未知'))}",
                          s["tiny"]),
                Paragraph("<br/>".join(_esc(x) for x in spec), s["tiny"]),
                Paragraph(f"{sha[:32]}<br/>{sha[32:]}", s["hash"]),
            ])
        style = [("FONT", (0, 0), (-1, -1), FONT, 7.2, 9.5), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                 ("GRID", (0, 0), (-1, -1), 0.5, "#444444"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        intro = ("以下电子数据均为原始文件的完整副本，已按原样附于本清单随附文件夹，可用 SHA-256 校验值核对其"
                 "未经修改。形成时间按照片 EXIF 信息、文件名、媒体文件信息、PDF 文件信息、文档属性的顺序取得，无法"
                 "取得时标注为文件修改时间（仅供参考）；时间为北京时间（UTC+8），另有标注的除外。来源路径从导入的"
                 "文件夹写起。")
        if not self.options.include_paths:
            intro += "来源路径按提交人的选择未列出。"
        return [_Bookmark("appendix", "电子数据说明"), Paragraph("电子数据说明", s["h1"]), Paragraph(intro, s["note"]),
                Spacer(1, 8)] + self._table_then_signature(data, [32, 150, 100, 78, 151], style, keep_rows=1)


def _fit(c, text: str, size: float, width: float) -> str:
    """`text`, shortened in the middle with … until it fits `width` points (glyphs the font lacks dropped)."""
    text = drawable(text)
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


def primary_sources(sources: list[dict]) -> list[dict]:
    """The places an exhibit was found, the original before any "- 副本" copy, else in the order found."""
    return sorted(sources, key=lambda src: (is_copy_name(src.get("name") or ""), src.get("id") or 0))


def primary_name(row: dict) -> str:
    """The original file name to cite: the first source that is not a system-made copy."""
    first = next(iter(primary_sources(row.get("sources") or [])), None)
    if first and is_copy_name(row["original_name"]) and not is_copy_name(first.get("name") or ""):
        return first["name"]
    return row["original_name"]


def _source_path(src) -> str:
    """Where a file was found, from the folder the user imported ("手机相册/Screenshots/x.png"), so no
    home folder, temp folder or drive letter shows. Without a recorded folder: its folder and name."""
    path = src["path"] if isinstance(src, dict) else src
    root = src.get("root") if isinstance(src, dict) else None
    sep = "\\" if ("\\" in path and "/" not in path) else "/"
    parts = [p for p in re.split(r"[\\/]", path) if p]
    if root:
        root_parts = [p for p in re.split(r"[\\/]", root) if p]
        if parts[:len(root_parts)] == root_parts:
            shown = ([root_parts[-1].rstrip(":")] if root_parts and not root_parts[-1].endswith(":") else []) \
                + parts[len(root_parts):]
            return "/".join(shown)
    return "/".join(parts[-2:]) if len(parts) >= 2 else (parts[0] if parts else "")


def displayed_size(row: dict) -> tuple[int, int]:
    """Width and height as the viewer sees them: a phone's portrait video is stored landscape with a
    rotation, a photo with an EXIF orientation."""
    w, h = row["width"], row["height"]
    rotation = (row.get("media") or {}).get("rotation") or 0
    if rotation in (90, 270) or (row.get("kind") in ("photo", "screenshot") and (row.get("orientation") or 1) in
                                 (5, 6, 7, 8)):
        return h, w
    return w, h


def _date_text(value: str | None) -> str | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{when:%Y年%m月%d日}"


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


from reportlab.platypus import Flowable  # noqa: E402  (reportlab is only needed once we export)


PAGE_RANGE_W = 50 - 12  # the 页码 column (50 pt in _index) less its padding


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


