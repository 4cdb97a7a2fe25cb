"""Qt's own file dialog speaks the chosen language: no "Look in" or "Files of type" in the Chinese UI."""
import re

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from app.ui.app import install_qt_translations


def _texts(dialog):
    return [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton) if w.text()]


def test_file_dialog_is_chinese_when_chinese_is_chosen(qtbot, qapp):
    translators = []
    try:
        translators.append(install_qt_translations(qapp, "zh"))
        dialog = QFileDialog(None, "选择要导入的证据文件", "", "图片 (*.png *.jpg)")
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)  # the dialog Linux desktops without a portal get
        qtbot.addWidget(dialog)
        texts = _texts(dialog)
        assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts, texts
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"  # the type column
        for text in texts:  # nothing English left once the accelerator "(&L)" is set aside
            assert not re.search(r"[A-Za-z]", re.sub(r"\(&\w\)", "", text)), text
    finally:
        for t in translators:
            if t is not None:
                qapp.removeTranslator(t)
                if getattr(t, "fallback", None) is not None:
                    qapp.removeTranslator(t.fallback)


def test_file_dialog_stays_english_in_english(qtbot, qapp):
    translator = install_qt_translations(qapp, "en")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        assert "&Look in:" in _texts(dialog)
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_a_suggested_purpose_is_marked_until_accepted(qtbot, case, importer, tmp_path):
    """The detail panel shows the app's purpose as a grey suggestion with 采用建议; accepting writes it."""
    from app.ui.detail import DetailPanel
    from conftest import make_image

    make_image(tmp_path / "IMG_20250304_201533.jpg", size=(300, 200), fmt="JPEG", when="2025:03:04 20:15:33",
               camera=True)
    list(importer.import_paths([tmp_path / "IMG_20250304_201533.jpg"]))
    [row] = case.exhibits()
    assert row["purpose"] is None and row["category"] == "product"
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_row(dict(row), [])
    assert not panel.accept_purpose.isHidden() and panel.purpose.toPlainText() == ""
    assert panel.purpose.placeholderText().startswith("建议（未确认）：")
    with qtbot.waitSignal(panel.edited) as signal:
        panel.accept_purpose.click()
    assert signal.args[1] == {"purpose": panel.purpose.toPlainText()} and panel.purpose.toPlainText()
    assert panel.accept_purpose.isHidden()
    confirmed = dict(row, purpose="证明商品内胆涂层脱落")
    panel.show_row(confirmed, [])
    assert panel.accept_purpose.isHidden()
