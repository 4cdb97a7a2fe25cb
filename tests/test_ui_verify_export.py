"""验证导出包… in the GUI: a bundle someone sent you is checked off the GUI thread and every finding is shown."""
import stat

import pytest

from app.core.export import export_court
from app.core.ingest import Importer
from app.core.store import Case
from conftest import make_image
from ui_support import isolated_settings  # noqa: F401

WAIT = 30000


@pytest.fixture
def bundle(tmp_path):
    ev = tmp_path / "ev"
    ev.mkdir()
    make_image(ev / "Screenshot_20250301-120000.png", size=(300, 500))
    make_image(ev / "Screenshot_20250302-120000.png", size=(300, 500), color=(10, 200, 10))
    with Case.create(tmp_path / "case", "寄来的案件") as case:
        list(Importer(case, durable=False).import_paths([ev]))
        return export_court(case, tmp_path / "收到" / "证据清单.pdf")


def test_the_toolbar_offers_verify_and_the_dialog_reports_intact_and_tampered(qtbot, tmp_path, bundle):
    from app.ui.main import MainWindow

    window = MainWindow(library=tmp_path / "library")
    qtbot.addWidget(window)
    window.show()
    action = next(a for a in window.findChildren(type(window.export_action)) if a.text() == "验证导出包…")
    action.trigger()
    dialog = window.verify_dialog
    assert dialog.isVisible()
    dialog.verify(str(bundle.pdf_path))
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=WAIT)
    assert dialog.check.ok and dialog.summary.text().startswith("✓ 完好")
    victim = sorted(bundle.folder_path.glob("证据*"))[0]
    victim.chmod(stat.S_IWUSR | stat.S_IRUSR)
    victim.write_bytes(b"swapped")
    dialog.verify(str(bundle.folder_path))
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=WAIT)
    assert not dialog.check.ok and "未通过验证" in dialog.summary.text()
    assert "原件已被改动" in dialog.details.toPlainText() and victim.name in dialog.details.toPlainText()
    window.close()


def test_opening_a_case_with_a_planted_original_says_so(qtbot, tmp_path, bundle):
    import hashlib

    from app.ui.main import MainWindow

    case_dir = tmp_path / "case"
    planted = b"\x89PNG\r\n\x1a\n" + b"planted" * 100
    (case_dir / "originals" / f"{hashlib.sha256(planted).hexdigest()}.png").write_bytes(planted)
    window = MainWindow(library=tmp_path / "library")
    qtbot.addWidget(window)
    window.show()
    window.open_case(case_dir)
    qtbot.waitUntil(lambda: "没有对应的证据记录" in window.message.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT)  # the planted file is no exhibit
    window.close()
