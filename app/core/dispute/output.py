"""Write a text as .txt (UTF-8) or .docx (python-docx), atomically, never over an existing file."""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from .errors import DisputeError
from .texts import KIND_ZH, Text

FORMATS = ("txt", "docx")
FONT = "宋体"


def default_path(folder: Path, text: Text, fmt: str, today: date | None = None) -> Path:
    """exports/文书_<名称>_<日期>.<fmt>, numbered _2, _3 ... rather than replace an earlier one."""
    stem = f"文书_{KIND_ZH[text.kind].replace(' ', '')}_{(today or date.today()):%Y%m%d}"
    path = folder / f"{stem}.{fmt}"
    n = 2
    while path.exists():
        path = folder / f"{stem}_{n}.{fmt}"
        n += 1
    return path


def save(text: Text, out: Path, fmt: str | None = None) -> Path:
    out = Path(out)
    fmt = fmt or (out.suffix.lstrip(".").lower() or "txt")
    if fmt not in FORMATS:
        raise DisputeError(f"不支持的格式：{fmt}（可用 txt 或 docx）", f"unsupported format: {fmt} (txt or docx)")
    if out.suffix.lower() != f".{fmt}":
        out = out.with_name(out.name + f".{fmt}")
    if out.exists():
        raise DisputeError(f"文件已存在，不会覆盖：{out}", f"file exists, not overwritten: {out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".draft-", suffix=f".{fmt}", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if fmt == "txt":
                fh.write(text.render().replace("\n", os.linesep).encode("utf-8-sig" if os.name == "nt" else "utf-8"))
            else:
                docx_document(text).save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, out)          # fails if out appeared meanwhile: never replaced
        except FileExistsError:
            raise DisputeError(f"文件已存在，不会覆盖：{out}", f"file exists, not overwritten: {out}") from None
        except OSError:
            os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def docx_document(text: Text):
    """The text as a python-docx Document (saved by `save`, or into a pack by export/packs)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)

    def para(s: str, bold=False, size=None, center=False):
        p = doc.add_paragraph()
        run = p.add_run(s)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    para(text.title, bold=True, size=18, center=True)
    table_rows = text.kind in ("lawsuit", "complaint_12315")
    for section in text.sections:
        if section.title:
            para(section.title, bold=True, size=14 if table_rows else None)
        labelled = [(k, v) for k, v in section.rows if k]
        if table_rows and labelled:
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for k, v in section.rows:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = k, v
            doc.add_paragraph()
        else:
            for k, v in section.rows:
                para(f"{k}：{v}" if k else v)
        for line in section.paras:
            para(line)
    return doc
