"""Short PDFs the packs carry: the 证据目录 on its own (for a 12315 complaint or an online filing,
where each exhibit travels as its own file) and a plain text document (the 民事起诉状)."""
from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from .geometry import FONT, register_font
from .plan import default_purpose, label

SOURCE_FALLBACK = "手机截图/文件"


def _styles():
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_font()
    base = ParagraphStyle("b", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    return {"base": base,
            "title": ParagraphStyle("t", parent=base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=10),
            "cell": ParagraphStyle("c", parent=base, fontSize=9, leading=12.5),
            "head": ParagraphStyle("h", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER)}


def index_pdf(case_info: dict, rows: list[dict], files: dict[int, str], when: datetime,
              heading: str = "证据目录") -> bytes:
    """序号, 证据名称, 证据来源, 证明目的, 文件 for each row; 案号 left blank; signature and date."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = _styles()
    P = lambda text, style="cell": Paragraph(escape(str(text or "")), st[style])  # noqa: E731
    story = [P(heading, "title"),
             P(f"案号：＿＿＿＿＿＿＿＿　　提交人：{case_info.get('claimant_name') or '＿＿＿＿'}（原告/投诉人）", "base"),
             P(f"案件：{case_info.get('title') or ''}", "base"), Spacer(1, 4 * mm)]
    data = [[P(h, "head") for h in ("序号", "证据名称", "证据来源", "证明目的", "文件")]]
    for row in rows:
        purpose = row.get("purpose") or default_purpose(row) or "（待填写）"
        data.append([P(label(row)), P(row["name"]), P(row.get("source_desc") or SOURCE_FALLBACK), P(purpose),
                     P(files.get(row["id"], "（未附）"))])
    table = Table(data, colWidths=[12 * mm, 42 * mm, 30 * mm, 62 * mm, 34 * mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
    story += [table, Spacer(1, 10 * mm),
              P(f"提交人（签名）：＿＿＿＿＿＿＿＿　　　提交日期：{when:%Y年%m月%d日}", "base")]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                      bottomMargin=15 * mm, title=heading, author="证据夹 Evidence Binder",
                      creator="证据夹 Evidence Binder", invariant=1).build(story)
    return buf.getvalue()


def text_pdf(title: str, text: str) -> bytes:
    """A plain A4 document: the title centred, then the text paragraph by paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = _styles()
    story = [Paragraph(escape(title), st["title"])]
    for para in text.split("\n"):
        story.append(Paragraph(escape(para) or "&nbsp;", st["base"]) if para.strip() else Spacer(1, 3 * mm))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm,
                      bottomMargin=20 * mm, title=title, author="证据夹 Evidence Binder",
                      creator="证据夹 Evidence Binder", invariant=1).build(story)
    return buf.getvalue()
