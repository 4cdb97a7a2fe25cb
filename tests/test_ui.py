"""The window and its model over a real case, offscreen."""
import pytest

from app.core.ingest import Importer
from app.core.store import Case
from app.ui.models import ExhibitTableModel


@pytest.fixture
def sample_case(tmp_path, samples_dir):
    with Case.create(tmp_path / "case", "电饭煲") as case:
        list(Importer(case, durable=False).import_paths([samples_dir]))
    return tmp_path / "case"


def test_model_without_a_window(qtbot, sample_case):
    with Case.open(sample_case, writable=False) as case:
        rows = case.exhibits()
    model = ExhibitTableModel()
    model.set_rows(rows)
    assert model.rowCount() == 13 and model.columnCount() == 7
    texts = {model.data(model.index(r, 1)) for r in range(13)}
    assert "京东截图 2025-03-05 14:30" in texts
    broken = next(r for r in range(13) if model.data(model.index(r, 5)) == "truncated.jpg")
    assert model.data(model.index(broken, 6)) == "无法读取"


def test_window_opens_a_case_in_the_background(qtbot, sample_case, tmp_path):
    from app.ui.main import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_case(sample_case)
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=10000)
    assert "电饭煲" in window.windowTitle() and "13" in window.status.text()
    window.open_case(tmp_path)  # not a case: a message in plain words, not a traceback
    qtbot.waitUntil(lambda: "case.sqlite" in window.status.text(), timeout=10000)
