"""Issue 14: derived/ (thumbnails, painted pictures) is ours and rebuildable. A link, a pipe or a folder
someone planted there, or in place of derived/thumbs/ itself, is never followed, read through or written
through: it is removed and the file made again."""
import os
import threading

import pytest
from PIL import Image

from app.core.ingest import Importer
from app.core.safefs import own_folder, read_own, write_own
from app.core.store import Case
from conftest import make_image, tree_fingerprint


@pytest.fixture
def shot(tmp_path):
    """A case with one blue screenshot, and a victim folder outside it holding a red picture."""
    src = make_image(tmp_path / "ev" / "Screenshot_20250301-120000.png", size=(300, 600), color=(20, 40, 220))
    victim = tmp_path / "victim"
    make_image(victim / "family.jpg", size=(300, 600), color=(230, 10, 10))
    root = tmp_path / "case"
    with Case.create(root, "缩略图") as case:
        list(Importer(case, durable=False).import_paths([src]))
        row = case.exhibits()[0]
    return root, row, victim


def thumbnail(root, row):
    from app.ui.models import make_thumbnail

    return make_thumbnail(root / "originals" / f"{row['sha256']}.{row['ext']}",
                          root / "derived" / "thumbs" / f"{row['sha256']}.jpg", row["mime"])


def blue(image):
    """The thumbnail shows the blue original (not the red picture a link pointed at)."""
    c = image.pixelColor(image.width() // 2, image.height() // 3)
    return c.blue() > 150 and c.red() < 100


def test_a_link_planted_as_a_thumbnail_is_never_followed(shot):
    root, row, victim = shot
    before = tree_fingerprint(victim)
    cache = root / "derived" / "thumbs" / f"{row['sha256']}.jpg"
    cache.parent.mkdir(parents=True)
    os.symlink(victim / "family.jpg", cache)
    image = thumbnail(root, row)
    assert image is not None and blue(image)
    assert not cache.is_symlink() and cache.is_file()      # rebuilt as our own file
    assert tree_fingerprint(victim) == before
    assert blue(thumbnail(root, row))                      # and read from the cache the next time


def test_a_link_in_place_of_the_thumbs_folder_is_never_followed(shot):
    root, row, victim = shot
    before = tree_fingerprint(victim)
    (root / "derived").mkdir(exist_ok=True)
    os.symlink(victim, root / "derived" / "thumbs")
    # a thumbnail-named link inside the victim folder: it would be read if the folder link were followed
    os.symlink(victim / "family.jpg", victim / f"{row['sha256']}.jpg")
    before = tree_fingerprint(victim)
    assert blue(thumbnail(root, row))
    assert (root / "derived" / "thumbs").is_dir() and not (root / "derived" / "thumbs").is_symlink()
    assert tree_fingerprint(victim) == before


def test_a_pipe_or_folder_planted_as_a_thumbnail_is_rebuilt_without_hanging(shot):
    root, row, _ = shot
    cache = root / "derived" / "thumbs" / f"{row['sha256']}.jpg"
    cache.parent.mkdir(parents=True)
    os.mkfifo(cache)
    result = {}
    worker = threading.Thread(target=lambda: result.update(image=thumbnail(root, row)), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "opening the thumbnail blocked on a pipe"
    assert blue(result["image"]) and cache.is_file()
    cache.unlink()
    cache.mkdir()
    (cache / "x").write_text("x")
    assert blue(thumbnail(root, row)) and cache.is_file()


def test_cache_files_are_never_written_through_a_link(tmp_path):
    """write_own makes a fresh temp file and renames it over the name: a link there is replaced, its
    target untouched (the painted pictures of the public pack are written this way)."""
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    folder = own_folder(tmp_path / "derived" / "redacted")
    os.symlink(victim, folder / "x.png")
    os.symlink(victim, folder / "x.part")           # the old fixed temp name, planted too
    assert read_own(folder / "x.png") is None and not os.path.lexists(folder / "x.png")
    os.symlink(victim, folder / "x.png")
    write_own(folder / "x.png", lambda fh: Image.new("RGB", (4, 4)).save(fh, "PNG"))
    assert victim.read_text() == "mine" and not (folder / "x.png").is_symlink()
    assert read_own(folder / "x.png").startswith(b"\x89PNG")
    # derived/redacted itself a link to the user's folder: replaced by a folder of our own
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "derived" / "redacted2").symlink_to(outside)
    made = own_folder(tmp_path / "derived" / "redacted2")
    assert made.is_dir() and not made.is_symlink() and list(outside.iterdir()) == []
