"""Starting the desktop app: Qt, the bundled font, translations, the window, and a case given from outside."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..core.paths import resource_path
from .labels import language


def install_qt_translations(app: QApplication, lang: str) -> QTranslator | None:
    """Qt's own texts (file dialogs, OK/Cancel) in the app's language; Qt ships them as qtbase_*.qm."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if translator.load(f"qtbase_{'zh_CN' if lang == 'zh' else 'en'}", folder):
        app.installTranslator(translator)
        if lang == "zh":  # texts Qt's zh_CN catalogue misses ("&Look in:", "Files of &type:")
            from .qtlang import install_fallback
            translator.fallback = install_fallback(app)
        return translator
    return None


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    if lang != "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", "evidence_binder_en.qm"))):
        app.installTranslator(translator)
        return translator
    return None


class FileOpener(QObject):
    """A folder handed over by the system (QFileOpenEvent on macOS) opens in the window."""

    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, obj, event):
        if event.type() == QEvent.FileOpen and event.file():
            self.window.open_from_outside(Path(event.file()))
            return True
        return super().eventFilter(obj, event)


def run_gui(argv: list[str] | None = None, open_path: str | Path | None = None) -> int:
    """The window; with open_path (`python -m app open CASE_DIR`, or a folder the file manager hands
    the bundle) it opens that case, or says on the welcome page why it cannot."""
    # The first argument names the app to the window system (taskbar, window class).
    app = QApplication.instance() or QApplication(argv or ["EvidenceBinder"])
    app.setDesktopFileName("evidence-binder")
    app.setApplicationName("Evidence Binder")
    app.setApplicationDisplayName("证据夹")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("EvidenceBinder")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    from PySide6.QtGui import QFontDatabase

    # The bundled CJK font, so Chinese renders even where the system has none.
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    lang = language()
    app._translator = install_translator(app, lang)
    app._qt_translator = install_qt_translations(app, lang)
    from .main import MainWindow

    window = MainWindow()
    window.show()
    if open_path is not None:
        window.open_from_outside(Path(open_path))
    app._file_opener = FileOpener(window)  # macOS hands dropped or "Open With" folders as events
    app.installEventFilter(app._file_opener)
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    from .session import wait_for_closing

    wait_for_closing(60)  # the file in hand finishes and the case database closes before Python goes
    QThreadPool.globalInstance().waitForDone(10000)
    return code
