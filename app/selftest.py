"""`evidence-binder --self-test`: proves that this installation (a source checkout or a bundle) is whole.

Runs without a screen (offscreen Qt). Prints one line per check and exits 1 if any failed.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def _checks():
    from .core.paths import resource_path, schema_dir

    def qt_platform():
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication.instance() or QApplication([sys.argv[0]])
        label = QLabel("证据夹")
        label.show()
        app.processEvents()
        return f"platform plugin '{app.platformName()}'"

    def qt_modules():
        from PySide6 import QtMultimedia, QtMultimediaWidgets, QtPdf, QtPdfWidgets  # noqa: F401
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument

        pdf = next(resource_path("samples").glob("*.pdf"))
        doc = QPdfDocument()
        error = doc.load(str(pdf))
        if doc.pageCount() < 1:
            raise RuntimeError(f"QtPdf could not open {pdf.name}: {error}")
        image = doc.render(0, QSize(200, 280))
        if image.isNull():
            raise RuntimeError("QtPdf rendered nothing")
        formats = QtMultimedia.QMediaFormat().supportedFileFormats(QtMultimedia.QMediaFormat.Decode)
        return f"QtPdf rendered {pdf.name}; QtMultimedia decodes {len(formats)} formats"

    def fonts():
        from PySide6.QtGui import QFontDatabase

        from .core.export import register_font

        font = resource_path("fonts", "wqy-microhei.ttc")
        if QFontDatabase.addApplicationFont(str(font)) < 0:
            raise RuntimeError(f"Qt could not load {font}")
        register_font()
        return f"{font.name} ({font.stat().st_size // 1024} KB) in Qt and reportlab"

    def translations():
        from PySide6.QtCore import QCoreApplication, QTranslator

        qm = resource_path("translations", "evidence_binder_en.qm")
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise RuntimeError(f"cannot load {qm}")
        QCoreApplication.installTranslator(translator)
        try:
            text = QCoreApplication.translate("EvidenceBinder", "新建案件")
        finally:
            QCoreApplication.removeTranslator(translator)
        if text != "New case":
            raise RuntimeError(f"English translation gave {text!r}")
        return f"{qm.name}: 新建案件 -> {text}"

    def media_readers():
        import io

        import av
        import pillow_heif
        from PIL import Image

        from .core import media

        samples = resource_path("samples")
        m4a = next(samples.glob("*.m4a"))
        mp4 = next(samples.glob("*.mp4"))
        audio, video = media.read_av(m4a, "audio"), media.read_av(mp4, "video")
        if audio.status != "ok" or not audio.duration_s or video.status != "ok" or not video.width:
            raise RuntimeError(f"PyAV: {audio.reason} {video.reason}")
        opened = 0
        for path in list(samples.glob("*.jpg")) + list(samples.glob("*.png")) + list(samples.glob("*.PNG")):
            with Image.open(path) as im:
                im.load()
                opened += 1
        buf = io.BytesIO()
        pillow_heif.from_pillow(Image.new("RGB", (64, 48), (200, 30, 30))).save(buf, format="HEIF")
        with Image.open(io.BytesIO(buf.getvalue())) as heic:
            heic.load()
        return (f"PyAV {av.__version__}: {m4a.suffix} {audio.duration_s:.0f} s, {mp4.suffix} {video.width}x{video.height};"
                f" Pillow opened {opened} images and a HEIC")

    def case_round_trip():
        from .core.export import export_court, verify_export
        from .core.sample import build_sample_case
        from .core.verify import verify_case

        if not list(schema_dir().glob("*.sql")):
            raise RuntimeError(f"no migrations in {schema_dir()}")
        with tempfile.TemporaryDirectory(prefix="eb-selftest-") as tmp:
            case = build_sample_case(Path(tmp) / "case")
            try:
                report = verify_case(case)
                if not report.ok:
                    raise RuntimeError("; ".join(p.message("en") for p in report.problems))
                result = export_court(case, Path(tmp) / "out" / "证据清单.pdf")
            finally:
                case.close()
            check = verify_export(result.pdf_path)
            if not check.ok:
                raise RuntimeError("; ".join(check.lines("en")))
            return f"sample case of {report.checked} exhibits imported, verified and exported ({result.pages} pages)"

    def dispute_rules():
        from .core.dispute.calendar import official_years
        from .core.dispute.rules import deadline

        d = deadline("no_reason_return", "2025-09-28")
        if d.due.isoformat() != "2025-10-09":
            raise RuntimeError(f"7-day return from 2025-09-28 gave {d.due}, not 2025-10-09")
        first, last = official_years()
        estimated = deadline("limitation", f"{last}-12-01")
        if not estimated.estimated:
            raise RuntimeError("a deadline past the official schedule was not marked estimated")
        from .core.dispute.known import CaseView
        from .core.dispute.output import save
        from .core.dispute.texts import draft

        with tempfile.TemporaryDirectory(prefix="eb-selftest-") as tmp:
            out = save(draft(CaseView({"title": "t", "platform": "jd"}), "lawsuit"), Path(tmp) / "t.docx")
            size = out.stat().st_size
        return (f"holiday schedule {first}-{last}, later years estimated; 2025-09-28 + 7 days -> {d.due}; "
                f"起诉状 .docx {size} bytes")

    def reading():
        from PIL import Image

        from .core.read import worker
        from .core.read.facts import extract
        from .core.read.reader import read_image

        shot = resource_path("samples") / "Screenshot_20250305-143105.png"
        with Image.open(shot) as im:
            im.load()
            lines = read_image(im)       # in the reading worker process, as the app reads
        worker.shutdown()
        facts = extract(lines)
        numbers = [i["value"] for i in facts.values["order_numbers"]]
        if "30802519476281035946" not in numbers:
            raise RuntimeError(f"order number not read from {shot.name}: found {numbers}")
        where = "in this process" if worker.in_process() else "in a worker process"
        return (f"OCR read {len(lines)} lines of {shot.name} {where}, order number 30802519476281035946, "
                f"platform {facts.platform}")

    return [(("Qt 平台插件", "Qt platform"), qt_platform), (("Qt 多媒体与 PDF", "Qt multimedia and PDF"), qt_modules),
            (("内置字体", "bundled fonts"), fonts), (("界面翻译", "translations"), translations),
            (("媒体读取", "media readers"), media_readers), (("导入与导出", "import and export"), case_round_trip),
            (("期限计算", "deadlines"), dispute_rules),
            (("文字识别", "reading (OCR)"), reading)]


def run(lang: str | None = None, checks=None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from . import __version__
    from .core.messages import current_lang
    from .core.paths import app_root

    zh = (lang or current_lang()) == "zh"
    if zh:
        kind = "安装包" if getattr(sys, "frozen", False) else "源代码"
        print(f"证据夹 {__version__} 自检（{kind}，{app_root()}）")
    else:
        kind = "bundle" if getattr(sys, "frozen", False) else "source"
        print(f"Evidence Binder {__version__} self-test ({kind}, {app_root()})")
    failed = 0
    for (name_zh, name_en), check in (checks if checks is not None else _checks()):
        name = name_zh if zh else name_en
        start = time.perf_counter()
        try:
            detail = check()
            took = time.perf_counter() - start
            print(f"  通过  {name}：{detail}（{took:.1f} 秒）" if zh else f"  ok    {name}: {detail} [{took:.1f} s]",
                  flush=True)
        except Exception as exc:
            failed += 1
            print(f"  失败  {name}：{exc}" if zh else f"  FAIL  {name}: {exc}", flush=True)
            if os.environ.get("EVIDENCE_BINDER_DEBUG"):
                traceback.print_exc()
    if zh:
        print("自检通过" if not failed else f"自检失败：{failed} 项检查未通过")
    else:
        print("self-test passed" if not failed else f"self-test FAILED: {failed} check(s)")
    return 1 if failed else 0
