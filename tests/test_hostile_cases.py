"""A case is data, never a key to your files; a damaged, foreign or odd case is a clear message.

Every attack runs the real CLI in a subprocess: no traceback, exit 1 (or 2 for bad usage), the case and
everything outside it as they were."""
import hashlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest

from app.core.export import export_court
from app.core.store import Case
from conftest import ROOT, make_image, make_video, run_cli, tree_fingerprint

RUNS = {"cases": 0}


def cli(*args, env=None, code=None):
    r = run_cli(*args, env=env)
    RUNS["cases"] += 1
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    if code is not None:
        assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    return r


@pytest.fixture
def made(tmp_path):
    """A case of three screenshots, and a victim folder outside it."""
    ev = tmp_path / "ev"
    for i in range(3):
        make_image(ev / f"Screenshot_2025030{i + 1}-120000.png", size=(200, 300), color=(i * 80, 40, 40))
    victim = tmp_path / "victim"
    make_image(victim / "family_photo.jpg", size=(300, 200), color=(10, 120, 10))
    (victim / "diary.txt").write_text("私人日记", encoding="utf-8")
    case_dir = tmp_path / "case"
    cli("new", str(case_dir), "--title", "测试", code=0)
    cli("import", str(case_dir), str(ev), code=0)
    return case_dir, ev, victim


def db(case_dir):
    return sqlite3.connect(case_dir / "case.sqlite", isolation_level=None)


def file_sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ----- a crafted case moves nothing and opens nothing outside itself ------------------------------

def test_pending_tmp_pointing_outside_moves_nothing(made, tmp_path):
    case_dir, ev, victim = made
    before = tree_fingerprint(victim)
    photo = victim / "family_photo.jpg"
    with db(case_dir) as conn:
        conn.execute("INSERT INTO exhibits (number, sha256, ext, size, kind, category, name, original_name, status, "
                     "include_in_export, pending_tmp, created_at) VALUES (9, ?, 'jpg', ?, 'photo', 'product', 'x', "
                     "'x.jpg', 'ok', 1, '../../victim/family_photo.jpg', '2025-01-01')",
                     [file_sha(photo), photo.stat().st_size])
    cli("import", str(case_dir), str(ev), code=0)
    assert tree_fingerprint(victim) == before
    assert not list((case_dir / "originals").glob(file_sha(photo) + "*"))


def test_pending_tmp_naming_a_device_never_hangs(made):
    case_dir, ev, _ = made
    with db(case_dir) as conn:
        conn.execute("UPDATE exhibits SET pending_tmp = '/dev/zero' WHERE number = 1")
        conn.execute("UPDATE exhibits SET pending_tmp = '../../../../dev/zero' WHERE number = 2")
    r = subprocess.run([sys.executable, "-m", "app", "list", str(case_dir)], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0
    r = subprocess.run([sys.executable, "-m", "app", "import", str(case_dir), str(ev)], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)  # hung for ever before
    assert "Traceback" not in r.stderr and r.returncode == 0


def test_a_row_whose_extension_is_a_path_is_refused(made, tmp_path):
    case_dir, ev, victim = made
    with db(case_dir) as conn:
        conn.execute("UPDATE exhibits SET ext = 'png/../../../victim/diary.txt' WHERE number = 1")
    r = cli("export", str(case_dir), "--out", str(tmp_path / "out" / "x.pdf"), code=1)
    assert "never write" in r.stderr
    r = cli("verify", str(case_dir), code=1)
    assert "never write" in r.stdout
    assert not (tmp_path / "out" / "x_原件").exists()


def test_links_in_the_case_are_never_followed(made, tmp_path):
    case_dir, ev, victim = made
    before = tree_fingerprint(victim)
    # tmp/ pointing at the user's folder: opening the case for writing cleaned tmp/ (deleting the folder's files)
    (case_dir / "tmp").rmdir()
    (case_dir / "tmp").symlink_to(victim, target_is_directory=True)
    r = cli("import", str(case_dir), str(ev), code=1)
    assert "not a plain folder" in r.stderr
    assert tree_fingerprint(victim) == before
    (case_dir / "tmp").unlink()
    (case_dir / "tmp").mkdir()
    # an original replaced by a link to a private file: export and verify do not carry or read it
    original = sorted((case_dir / "originals").iterdir())[0]
    original.chmod(0o644)
    original.unlink()
    original.symlink_to(victim / "family_photo.jpg")
    r = cli("export", str(case_dir), "--out", str(tmp_path / "out" / "x.pdf"), code=1)
    assert "cannot be read" in r.stderr and not (tmp_path / "out" / "x.pdf").exists()
    r = cli("verify", str(case_dir), code=1)
    assert "not a regular file (link)" in r.stdout
    assert tree_fingerprint(victim) == before


def test_cached_key_frames_cannot_pull_a_private_file_into_the_pdf(tmp_path):
    victim = tmp_path / "victim" / "secret.jpg"
    make_image(victim, size=(400, 300), color=(250, 0, 250))
    make_video(tmp_path / "ev" / "VID_20250301_120000.mp4", seconds=1.0)
    with Case.create(tmp_path / "case", "v") as case:
        from app.core.ingest import Importer
        list(Importer(case, durable=False).import_paths([tmp_path / "ev"]))
        [row] = case.exhibits()
        frames = case.root / "derived" / "keyframes"
        frames.mkdir(parents=True, exist_ok=True)
        (frames / f"{row['sha256']}.json").write_text(json.dumps([[0.0, str(victim)], [0.5, "../../../victim/secret.jpg"]]))
        result = export_court(case, tmp_path / "out" / "x.pdf")
    secret = victim.read_bytes()
    from pypdf import PdfReader
    for page in PdfReader(str(result.pdf_path)).pages:
        for xo in (page["/Resources"].get("/XObject") or {}).values():
            assert xo.get_object().get_data() != secret


def make_hostile_pdf(path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(100, 700, "Invoice 12345 total 299.00")
    c.showPage()
    c.save()
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))

    def action(kind, **extra):
        return DictionaryObject({NameObject("/S"): NameObject(kind),
                                 **{NameObject(k): TextStringObject(v) for k, v in extra.items()}})

    def annot(subtype, y, **extra):
        return w._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): ArrayObject([FloatObject(90), FloatObject(y), FloatObject(300), FloatObject(y + 20)]),
            **{NameObject(k): v for k, v in extra.items()}}))
    page = w.pages[0]
    page[NameObject("/Annots")] = ArrayObject([
        annot("/Link", 690, **{"/A": action("/JavaScript", **{"/JS": "app.alert('pwned')"})}),
        annot("/Link", 600, **{"/A": action("/Launch", **{"/F": "calc.exe"})}),
        annot("/Text", 500, **{"/Contents": TextStringObject("seller note"),
                               "/AA": DictionaryObject({NameObject("/E"): action("/JavaScript", **{"/JS": "app.alert(2)"})})}),
    ])
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): action("/JavaScript", **{"/JS": "app.alert(3)"})})
    w._root_object[NameObject("/OpenAction")] = action("/JavaScript", **{"/JS": "app.alert(4)"})
    with open(path, "wb") as fh:
        w.write(fh)


def test_active_content_of_a_pdf_original_is_not_carried_into_the_court_pdf(tmp_path):
    evil = tmp_path / "ev" / "商家发票.pdf"
    evil.parent.mkdir()
    make_hostile_pdf(evil)
    cli("new", str(tmp_path / "case"), "--title", "pdf", code=0)
    cli("import", str(tmp_path / "case"), str(evil), code=0)
    out = tmp_path / "out" / "x.pdf"
    cli("export", str(tmp_path / "case"), "--out", str(out), code=0)
    expanded = tmp_path / "q.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(out), str(expanded)], check=False)
    data = expanded.read_bytes()
    for needle in (rb"/JavaScript", rb"app\.alert", rb"/Launch", rb"/AA\s*(<<|\d+ 0 R)", rb"/OpenAction"):
        assert not re.search(needle, data), needle  # (a font subset is named /AAAAAA+…: not an action)
    assert b"seller note" in data  # a note that only shows something stays
    from pypdf import PdfReader
    assert any("Invoice 12345" in p.extract_text() for p in PdfReader(str(out)).pages)
    [original] = (tmp_path / "out" / "x_原件").glob("证据*")
    assert original.read_bytes() == evil.read_bytes()  # the original travels unchanged


# ----- damaged, emptied and foreign case.sqlite ----------------------------------------------------

@pytest.mark.parametrize("damage", ["truncate", "random", "empty"])
def test_a_damaged_database_is_named_and_repair_rebuilds_a_new_case(made, tmp_path, damage):
    case_dir, ev, _ = made
    with db(case_dir) as conn:
        conn.execute("UPDATE exhibits SET name = '商家拒绝退货的聊天', purpose = '证明商家拒绝' WHERE number = 2")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dbfile = case_dir / "case.sqlite"
    data = dbfile.read_bytes()
    if damage == "truncate":
        dbfile.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "random":
        dbfile.write_bytes(os.urandom(len(data)))
    else:
        dbfile.write_bytes(b"")
    damaged = dbfile.read_bytes()
    originals = tree_fingerprint(case_dir / "originals")
    for command in (["list"], ["import", str(ev)], ["export"], ["verify"], ["renumber"]):
        r = cli(command[0], str(case_dir), *command[1:], code=1)
        assert ("damaged" in r.stderr or "empty" in r.stderr) and "repair" in r.stderr, r.stderr
    assert dbfile.read_bytes() == damaged and tree_fingerprint(case_dir / "originals") == originals
    new = tmp_path / "rebuilt"
    r = cli("repair", str(case_dir), str(new))
    assert r.returncode in (0, 1) and "rebuilt a new case" in r.stdout
    assert dbfile.read_bytes() == damaged  # the old case is only read
    with Case.open(new, writable=False) as case:
        rows = case.exhibits()
    assert len(rows) == 3
    if damage != "truncate":  # nothing survives in the database: the originals come back, marked so
        assert all(r["name"].startswith("找回的原件") for r in rows)
    cli("verify", str(new), code=0)


def test_a_foreign_sqlite_file_is_refused_and_never_changed(tmp_path):
    folder = tmp_path / "not_ours"
    folder.mkdir()
    with sqlite3.connect(folder / "case.sqlite") as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('张三', '13800000000')")
    before = file_sha(folder / "case.sqlite")
    for command in (["list"], ["verify"], ["import", str(tmp_path)], ["export"], ["watch"]):
        r = cli(command[0], str(folder), *command[1:], code=1)
        assert "not an Evidence Binder case database" in r.stderr
    assert file_sha(folder / "case.sqlite") == before
    assert sorted(p.name for p in folder.iterdir()) == ["case.sqlite"]


def test_a_planted_original_is_reported_not_laundered(made):
    case_dir, ev, victim = made
    planted_bytes = (victim / "family_photo.jpg").read_bytes()
    planted = case_dir / "originals" / f"{hashlib.sha256(planted_bytes).hexdigest()}.jpg"
    planted.write_bytes(planted_bytes)
    r = cli("import", str(case_dir), str(ev), code=0)
    assert "have no exhibit record" in r.stderr
    r = cli("list", str(case_dir), "--json", code=0)
    assert len(json.loads(r.stdout)) == 3
    r = cli("verify", str(case_dir), code=1)
    assert "without a record" in r.stdout and planted.name in r.stdout


def test_a_missing_original_is_named_and_a_reimport_restores_it(made, tmp_path):
    case_dir, ev, _ = made
    original = sorted((case_dir / "originals").iterdir())[1]
    kept = original.read_bytes()
    original.chmod(0o644)
    original.unlink()
    r = cli("export", str(case_dir), "--out", str(tmp_path / "out" / "x.pdf"), code=1)
    assert "is missing from the case" in r.stderr and "import the file again" in r.stderr
    r = cli("import", str(case_dir), str(ev), code=0)
    assert "restored from this identical file" in r.stdout
    assert original.read_bytes() == kept and not os.access(original, os.W_OK) or os.geteuid() == 0
    cli("verify", str(case_dir), code=0)
    cli("export", str(case_dir), "--out", str(tmp_path / "out" / "x.pdf"), code=0)


# ----- odd paths --------------------------------------------------------------------------------

def test_odd_places(made, tmp_path):
    case_dir, ev, _ = made
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    r = cli("new", str(a_file / "case"), "--title", "t", code=1)
    assert "cannot create a case" in r.stderr
    r = cli("new", str(a_file), "--title", "t", code=1)
    assert "cannot create a case" in r.stderr or "not an Evidence Binder case" in r.stderr
    r = cli("export", str(case_dir), "--out", str(a_file / "x.pdf"), code=1)
    assert "not a folder" in r.stderr
    cli("export", str(case_dir), "--out", str(tmp_path / "new" / "deeper" / "x.pdf"), code=0)  # made for you
    # tmp/ replaced by a file
    (case_dir / "tmp").rmdir()
    (case_dir / "tmp").write_text("x")
    r = cli("import", str(case_dir), str(ev), code=1)
    assert "not a plain folder" in r.stderr
    (case_dir / "tmp").unlink()
    r = cli("list", str(case_dir / "nowhere"), code=1)
    assert "not found" in r.stderr


def test_output_piped_into_head_ends_quietly(made):
    case_dir, ev, _ = made
    proc = subprocess.Popen(f"'{sys.executable}' -m app list '{case_dir}' --json | head -c 10", shell=True, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "EVIDENCE_BINDER_LANG": "en"})
    out, err = proc.communicate(timeout=60)
    assert len(out) == 10 and b"Traceback" not in err and b"Exception" not in err, err


def test_new_is_atomic_and_an_earlier_failed_new_is_taken_over(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "case.sqlite").write_bytes(b"")  # what an interrupted `new` of an earlier version left
    cli("new", str(folder), "--title", "标题保住了", code=0)
    r = cli("list", str(folder), code=0)
    assert r.stdout.startswith("标题保住了")
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".case")) == []
    r = cli("new", str(folder), "--title", "again", code=1)
    assert "already a case" in r.stderr
