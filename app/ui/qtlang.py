"""Qt's own texts in Chinese, where Qt's catalogue falls short.

Qt 6 gave a few QFileDialog labels keyboard accelerators ("&Look in:", "Files of &type:") while the
zh_CN catalogue that ships with Qt still translates only the old texts ("Look in:"), so a Chinese
user's file dialog said "Look in" and "Files of type", and "Folder" in its type column. This translator
answers for such texts from the catalogue's translation of the text without its accelerator (adding the
accelerator back) or under the context's old name.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

CONTEXTS = ("QFileDialog", "QFileSystemModel", "QMessageBox", "QPlatformTheme", "QDialogButtonBox")


# Contexts Qt 6 renamed: the catalogue still has their texts under the old one ("Folder" in the file
# dialog's type column comes from QAbstractFileIconProvider, translated only under QFileDialog).
RENAMED = {"QAbstractFileIconProvider": "QFileDialog", "QFileIconProvider": "QFileDialog",
           "QFileSystemModel": "QFileDialog"}


class AcceleratorFallback(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
        if context in RENAMED and source and "&" not in source:
            text = QCoreApplication.translate(RENAMED[context], source)
            return text if text and text != source else None
        if context not in CONTEXTS or "&" not in (source or "") or source.count("&") != 1:
            return None
        at = source.index("&")
        if at == len(source) - 1:
            return None
        plain = source.replace("&", "")
        text = QCoreApplication.translate(context, plain)
        if not text or text == plain:
            return None
        key = source[at + 1].upper()
        for colon in ("：", ":"):
            if text.endswith(colon):
                return f"{text[:-len(colon)]}(&{key}){colon}"
        return f"{text}(&{key})"

    def isEmpty(self):  # noqa: N802
        return False


def install_fallback(app) -> QTranslator:
    translator = AcceleratorFallback(app)
    app.installTranslator(translator)
    return translator
