"""Drawing each exhibit page (header, stamp, audio waveform, video key frames, notices) and, with
pypdf, putting each exhibit's content under its page: images as XObjects from the original bytes, PDF
originals as their own pages."""
from __future__ import annotations

import io
from datetime import datetime

from reportlab.platypus import Flowable

from .. import pdfimages
from ..messages import human_size
from ..store import Case
from .geometry import CONTENT_BOX, FONT, HEADER_H, LANDSCAPE_BOX, MARGIN_X, PAGE_H, PAGE_W
from .layout import (SOURCE_ZH, _Doc, _duration, _esc, _fit, _format_text, _time_text, displayed_size,
                     primary_name)
from .plan import PagePlan, label

EMBEDDED_MANIFEST = "manifest.json"  # the file attached to the PDF (verify-export reads it back)

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
        c.drawString(MARGIN_X, page_h - 50, prefix + _fit(c, primary_name(row), 8.5, room))
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
            c.drawString(MARGIN_X + 10, y, _fit(c, text, 10, CONTENT_BOX[2] - 20))
            y -= 17
        return y

    def _media_lines(self, row):
        lines = [f"文件：{primary_name(row)}", f"时长：{_duration(row['duration_s'] or 0)}",
                 f"格式：{_format_text(row)}"]
        if row.get("width"):
            w, h = displayed_size(row)
            lines.append(f"分辨率：{w}×{h}" + ("（竖屏）" if h > w else ""))
        lines += [f"形成时间：{_time_text(row)}（{SOURCE_ZH.get(row['captured_at_source'], '未知')}）",
                  f"大小：{human_size(row['size'])}", f"SHA-256：{row['sha256']}",
                  "原始文件已原样附于随附文件夹，可直接播放。"]
        return lines

    def _audio(self, c, row):
        from ..mediapages import waveform

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
        lines = [self.plan.notice, f"原文件名：{primary_name(row)}", f"大小：{human_size(row['size'])}",
                 f"SHA-256：{row['sha256']}"]
        y = by + bh - 30
        for text in lines:
            p = Paragraph(_esc(text), st)
            _, h = p.wrap(bw - 20, bh)
            p.drawOn(c, bx + 10, y - h)
            y -= h + 8


# ----- pypdf: put each exhibit under its page ---------------------------------------------------

def _compose(base_pdf: bytes, plans: list[PagePlan], plan_pages: list[int], xobjects: dict, case: Case,
             when: datetime, doc: _Doc, attachment: bytes | None = None, out=None) -> tuple[bytes | None, int]:
    """The whole PDF: as bytes, or written into the binary file `out` (then None: the PDF never sits
    in memory whole)."""
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
                refs[plan.xobject_key] = pdfimages.add_to_writer(writer, xobjects[plan.xobject_key])
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
            strip_active_content(src)
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
    if attachment is not None:
        writer.add_attachment(EMBEDDED_MANIFEST, attachment)
    writer.page_mode = "/UseOutlines"
    if out is not None:
        writer.write(out)
        return None, len(writer.pages)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue(), len(writer.pages)


# Annotations that only show something (notes, highlights, stamps, drawings). Links, form fields,
# media, 3D and file attachments are dropped, and so is every action (/A, /AA) on what is kept.
_SHOWN_ANNOTS = {"/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Highlight",
                 "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup"}


def strip_active_content(page) -> None:
    """A merged PDF original keeps its text and drawings but loses JavaScript, launch and submit actions,
    links and form fields: the court PDF must do nothing when opened or clicked. (The original itself
    travels unchanged in the 原件 folder.) Document-level /OpenAction and /Names are never merged."""
    from pypdf.generic import ArrayObject, NameObject

    for key in ("/AA", "/A"):
        if key in page:
            del page[NameObject(key)]
    annots = page.get("/Annots")
    if annots is None:
        return
    kept = ArrayObject()
    for ref in annots.get_object():
        annot = ref.get_object()
        if annot is None or annot.get("/Subtype") not in _SHOWN_ANNOTS:
            continue
        for key in ("/A", "/AA"):
            if key in annot:
                del annot[NameObject(key)]
        kept.append(ref)
    if kept:
        page[NameObject("/Annots")] = kept
    else:
        del page[NameObject("/Annots")]


def _pdf_date(when: datetime) -> str:
    """A PDF date in China time with its real offset (D:20250305143012+08'00')."""
    from ..capture import CHINA

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


