"""What goes into the court PDF and in which order: the exhibits, their labels and file names, and
each one's pages (image slices, PDF pages, audio/video pages, notices)."""
from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import pdfimages
from ..capture import SOURCE_MANUAL
from ..classify import slug
from ..imagedecode import TooLarge
from ..ingest import remove_file
from ..safefs import remove_tree
from ..store import Case
from .geometry import CONTENT_BOX, LANDSCAPE_BOX, WIDE

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
             "office": "文档属性", "mtime": "文件修改时间，仅供参考", SOURCE_MANUAL: "手动填写"}


def default_purpose(row: dict) -> str | None:
    """The purpose the index prints when the user wrote none (None: the row reads （待填写）)."""
    if row["status"] != "ok":
        return None  # a damaged file proves nothing by itself until the user says what it is for
    from ..read.suggest import proposed_purpose  # what reading the exhibit proposes comes first

    return proposed_purpose(row) or DEFAULT_PURPOSE.get(row["category"])


class ExportCancelled(Exception):
    pass


@dataclass
class ExportOptions:
    profile: str = "court"
    claimant: str | None = None        # 提交人; default: the case's claimant
    respondent: str | None = None      # 对方当事人; default: the merchant (or shop)
    cause: str = DEFAULT_CAUSE         # 案由
    when: datetime | None = None       # the export's date; default now
    include_paths: bool | None = None  # source paths in the appendix; default: only for the court bundle

    def __post_init__(self):
        if self.include_paths is None:
            self.include_paths = self.profile == "court"



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
    notice_code: str | None = None   # the export's message for a notice it had to make (else from the status)
    frames: list = field(default_factory=list)
    landscape: bool = False


def label(row: dict) -> str:
    return f"{row['number']}-{row['part']}" if row.get("part") else str(row["number"])



NAME_BYTES = 180  # file systems allow 255 bytes per name; leave room for the number and extension
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # direction overrides spoof extensions


def cut_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, on a character boundary."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


def original_file_name(row: dict, width: int) -> str:
    name = cut_bytes(slug(_BIDI.sub("", row["name"])), NAME_BYTES).rstrip(" ._") or "证据"
    return f"证据{row['number']:0{width}d}" + (f"-{row['part']}" if row.get("part") else "") + \
        f"_{name}.{row['ext']}"


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
        notice = notice_code = None  # why an image could not be placed, when it is not the usual reason
        if row["status"] == "ok" and mime.startswith("image/"):
            try:
                xo, orientation = pdfimages.make_xobject(path, photo=row["kind"] == "photo",
                                                         orientation=row.get("orientation") or 1)
            except TooLarge as exc:  # a format that cannot be reduced while decoding, too big to decode whole
                xo, notice_code = None, "export_notice_too_large"
                notice = (f"此图片尺寸过大（{exc.width}×{exc.height} 像素，{exc.format or '此'}格式无法分块缩小），"
                          "未在本文件中展示。原件已原样附于随附文件夹，其 SHA-256 见下。")
            except Exception:
                xo = None
            if xo is not None:
                key = f"/EbIm{row['id']}"
                # The bytes are made again as the PDF is written: memory stays flat with the case's size.
                xobjects[key] = pdfimages.lazy(xo, lambda path=path, photo=row["kind"] == "photo",
                                               o=row.get("orientation") or 1:
                                               pdfimages.make_xobject(path, photo=photo, orientation=o)[0].stream._data)
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
            pages = [PagePlan(row, 0, 0, "notice", notice=notice or _notice_for(row), notice_code=notice_code)]
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
    from ..mediapages import key_frames

    folder = case.root / "derived" / "keyframes"
    if os.path.islink(folder) or (os.path.lexists(folder) and not folder.is_dir()):
        remove_tree(folder)  # derived/ is ours and rebuildable; a link there is never followed
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / f"{row['sha256']}.json"
    expected = [f"{row['sha256']}-{i}.jpg" for i in range(6)]
    if index.is_file() and not index.is_symlink():
        try:
            cached = [(float(t), name) for t, name in json.loads(index.read_text(encoding="utf-8"))]
            # only names we write, regular files in this folder: a crafted case cannot point us elsewhere
            if all(name in expected and (folder / name).is_file() and not (folder / name).is_symlink()
                   for _, name in cached):
                return [(t, folder / name) for t, name in cached]
        except (ValueError, TypeError):
            pass
    try:
        frames = key_frames(path, 6, int((row.get("media") or {}).get("rotation") or 0))
    except Exception:
        return []
    result = []
    for i, (t, image) in enumerate(frames):
        target = folder / f"{row['sha256']}-{i}.jpg"
        remove_file(target)  # never write through a link someone left there
        image.thumbnail((960, 960))
        image.convert("RGB").save(target, "JPEG", quality=85)
        result.append((t, target))
    remove_file(index)
    index.write_text(json.dumps([(t, p.name) for t, p in result]), encoding="utf-8")
    return result


