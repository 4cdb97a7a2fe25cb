"""Audio and video in the preview: the first frame and the controls at once, the player only on 播放."""
from PySide6.QtWidgets import QLabel, QPushButton

from app.core.sample import build_sample_case
from app.core.store import Case
from ui_support import isolated_settings  # noqa: F401

WAIT = 30000


def test_video_shows_its_first_frame_without_starting_a_player(qtbot, tmp_path):
    from app.ui.detail import Preview

    build_sample_case(tmp_path / "sample").close()
    with Case.open(tmp_path / "sample", writable=False) as case:
        video = next(r for r in case.exhibits() if r["kind"] == "video")
        audio = next(r for r in case.exhibits() if r["kind"] == "audio")
        vpath = case.original_path(video["sha256"], video["ext"])
        apath = case.original_path(audio["sha256"], audio["ext"])
    preview = Preview()
    qtbot.addWidget(preview)
    preview.resize(500, 600)
    preview.show()
    preview.show_exhibit(video, vpath)
    poster = preview.media_layout.itemAt(0).widget()
    assert isinstance(poster, QLabel)
    qtbot.waitUntil(lambda: poster.pixmap() is not None and not poster.pixmap().isNull(), timeout=WAIT)
    assert preview.media is None                      # looked at, not played: no FFmpeg threads
    assert preview.media_times.text().startswith("0:00 / ") and "?" not in preview.media_times.text()  # duration known
    preview.grab().save(str(tmp_path / "video.png"))

    preview.show_exhibit(audio, apath)
    assert preview.media is None and "录音" in preview.media_layout.itemAt(0).widget().text()
    play = next(w for w in preview.media_box.findChildren(QPushButton) if w.text() == "播放" and w.isVisible())
    play.click()
    assert preview.media is not None                  # the player exists once the user asks for it
    preview.show_exhibit(None, None)
    assert preview.media is None
