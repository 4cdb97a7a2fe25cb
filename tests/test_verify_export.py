"""verify-export proves a bundle by itself: the PDF's embedded manifest and printed hashes are the truth,
nothing outside the bundle is opened, and a malformed or edited manifest is a finding, not a crash."""
import hashlib
import io
import json
import os
import shutil
import stat
import tracemalloc

import pytest
from pypdf import PdfReader, PdfWriter

from app.core.export import bundle_folder, export_court, verify_export
from app.core.ingest import Importer
from app.core.store import Case
from conftest import make_image, make_pdf, run_cli


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    base = tmp_path_factory.mktemp("bundle")
    ev = base / "ev"
    ev.mkdir()
    for i in range(3):
        make_image(ev / f"Screenshot_2025030{i + 1}-120000.png", size=(300, 500), color=(i * 60, 90, 90))
    make_pdf(ev / "发票.pdf", pages=1)
    with Case.create(base / "case", "验证测试") as case:
        list(Importer(case, durable=False).import_paths([ev]))
        result = export_court(case, base / "out" / "证据清单.pdf")
    return result


def copy_of(bundle, tmp_path):
    """A writable copy of the bundle: (pdf, folder)."""
    dest = tmp_path / "copy"
    shutil.copytree(bundle.pdf_path.parent, dest)
    for p in dest.rglob("*"):
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    return dest / bundle.pdf_path.name, dest / bundle.folder_path.name


def codes(check):
    return [code for code, _ in check.problems]


def rewrite_manifest(folder, change):
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest = change(manifest) or manifest
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_an_untouched_bundle_verifies_by_pdf_and_by_folder_and_carries_its_manifest(bundle):
    assert verify_export(bundle.pdf_path).ok and verify_export(bundle.folder_path).ok
    reader = PdfReader(str(bundle.pdf_path))
    embedded = json.loads(reader.attachments["manifest.json"][0])
    on_disk = json.loads((bundle.folder_path / "manifest.json").read_text(encoding="utf-8"))
    assert embedded["exhibits"] == on_disk["exhibits"] and on_disk["pdf"] == "../" + bundle.pdf_path.name
    appendix = "".join(p.extract_text() for p in reader.pages[-2:]).replace("\n", "")
    for item in embedded["exhibits"]:
        assert item["sha256"][:32] in appendix and item["sha256"][32:] in appendix


def test_a_swapped_original_fails_whatever_the_manifest_says(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    victim = sorted(folder.glob("证据*"))[0]
    victim.write_bytes(b"forged evidence")
    new_sha = hashlib.sha256(b"forged evidence").hexdigest()

    def forge(m):
        for item in m["exhibits"]:
            if item["file"] == victim.name:
                item["sha256"], item["size"] = new_sha, 15
    rewrite_manifest(folder, forge)
    check = verify_export(pdf)
    assert not check.ok and "export_original_changed" in codes(check) and "export_manifest_disagrees" in codes(check)
    r = run_cli("verify-export", str(pdf))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "SHA-256 mismatch" in r.stdout


def test_a_forged_embedded_manifest_is_caught_by_the_printed_appendix(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    victim = sorted(folder.glob("证据*"))[0]
    victim.write_bytes(b"forged evidence")
    new_sha = hashlib.sha256(b"forged evidence").hexdigest()

    def forge(m):
        for item in m["exhibits"]:
            if item["file"] == victim.name:
                item["sha256"], item["size"] = new_sha, 15
    # the forger rewrites the PDF's attachment, manifest.json with the PDF's new hash, and the csv
    reader = PdfReader(str(pdf))
    embedded = json.loads(reader.attachments["manifest.json"][0])
    forge(embedded)
    writer = PdfWriter(clone_from=reader)
    writer._root_object.pop("/Names", None)
    writer.add_attachment("manifest.json", json.dumps(embedded, ensure_ascii=False).encode("utf-8"))
    buf = io.BytesIO()
    writer.write(buf)
    pdf.write_bytes(buf.getvalue())
    rewrite_manifest(folder, lambda m: {**embedded, "pdf": m["pdf"], "pages": m["pages"],
                                        "pdf_sha256": hashlib.sha256(buf.getvalue()).hexdigest()})
    csv_path = folder / "manifest.csv"
    old_sha = next(i["sha256"] for i in json.loads(bundle.folder_path.joinpath("manifest.json").read_text())["exhibits"]
                   if i["file"] == victim.name)
    csv_path.write_text(csv_path.read_text(encoding="utf-8-sig").replace(old_sha, new_sha), encoding="utf-8-sig")
    check = verify_export(pdf)
    assert codes(check) == ["export_appendix_disagrees"], check.problems


def test_missing_entries_extra_files_and_a_changed_pdf_are_reported(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    gone = sorted(folder.glob("证据*"))[1]
    gone.unlink()
    rewrite_manifest(folder, lambda m: {**m, "exhibits": [i for i in m["exhibits"] if i["file"] != gone.name]})
    (folder / "planted.jpg").write_bytes(b"\xff\xd8extra")
    check = verify_export(folder)
    assert {"export_original_missing", "export_manifest_disagrees", "export_extra_file"} <= set(codes(check))
    assert "export_csv_disagrees" not in codes(check)
    csv_path = folder / "manifest.csv"
    csv_path.write_text("\n".join(csv_path.read_text(encoding="utf-8-sig").splitlines()[:-1]), encoding="utf-8-sig")
    assert "export_csv_disagrees" in codes(verify_export(folder))
    pdf.write_bytes(pdf.read_bytes() + b"\n% appended\n")
    assert "export_pdf_changed" in codes(verify_export(pdf))


@pytest.mark.parametrize("evil", ["../../../../etc/passwd", "/etc/passwd", "../outside.fifo", "sub/../../x"])
def test_paths_out_of_the_bundle_are_findings_and_never_opened(bundle, tmp_path, evil):
    pdf, folder = copy_of(bundle, tmp_path)
    os.mkfifo(tmp_path / "copy" / "outside.fifo")  # opening it would hang the check for ever
    os.mkfifo(tmp_path / "outside.fifo")
    rewrite_manifest(folder, lambda m: m["exhibits"][0].update(file=evil))
    pdf.unlink()  # no embedded truth: manifest.json is all there is, and it is still not trusted with paths
    r = run_cli("verify-export", str(folder))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "points outside the export folder" in r.stdout and "PDF missing" in r.stdout


def test_the_manifest_cannot_send_verify_to_another_pdf(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    shutil.copy(pdf, tmp_path / "x.pdf")
    rewrite_manifest(folder, lambda m: m.update(pdf="../../x.pdf"))
    check = verify_export(folder)
    assert "export_path_outside" in codes(check)


def test_a_link_in_the_bundle_is_not_followed(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    victim = sorted(folder.glob("证据*"))[0]
    real = tmp_path / "elsewhere.png"
    shutil.copy(victim, real)
    victim.unlink()
    victim.symlink_to(real)
    check = verify_export(pdf)
    assert "export_link" in codes(check) and not check.ok


@pytest.mark.parametrize("text", ["[]", '{"exhibits": [{"file": null}]}', '{"exhibits": "x"}', "{", '"just text"',
                                  '{"exhibits": [{"file": "a", "sha256": "00", "number": 1}]}', "\xff\xfe"])
def test_a_malformed_manifest_gets_a_clear_message(bundle, tmp_path, text):
    pdf, folder = copy_of(bundle, tmp_path)
    (folder / "manifest.json").write_bytes(text.encode("utf-8", "surrogateescape") if text != "\xff\xfe"
                                           else b"\xff\xfe")
    r = run_cli("verify-export", str(folder))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "manifest (manifest.json) is damaged" in r.stdout
    check = verify_export(pdf)  # from the PDF, its own manifest still checks the originals
    assert codes(check) == ["export_manifest_bad"] and check.checked == 4


def test_a_moved_and_renamed_bundle_still_verifies(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    moved = tmp_path / "寄给法院"
    moved.mkdir()
    shutil.move(str(pdf), moved / pdf.name)
    shutil.move(str(folder), moved / "原件")
    assert verify_export(moved / "原件").ok


def test_hashing_streams_a_large_file(bundle, tmp_path):
    pdf, folder = copy_of(bundle, tmp_path)
    victim = sorted(folder.glob("证据*"))[0]
    with open(victim, "wb") as fh:
        fh.truncate(96 * 1024 * 1024)  # 96 MB that a forger put there
    tracemalloc.start()
    check = verify_export(pdf)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "export_original_changed" in codes(check)
    assert peak < 24 * 1024 * 1024, f"verify-export held {peak / 2**20:.0f} MB"


def test_racing_exports_for_one_out_each_get_a_bundle_that_verifies(tmp_path):
    ev = tmp_path / "ev"
    ev.mkdir()
    make_image(ev / "Screenshot_20250301-120000.png", size=(300, 500))
    for name in ("a", "b"):
        run_cli("new", str(tmp_path / name), "--title", name)
        run_cli("import", str(tmp_path / name), str(ev))
    out = tmp_path / "out" / "证据清单.pdf"
    raced = []

    def competitor(step, done, total):
        if step == "write" and done == 1 and not raced:  # ours has planned its names: another export lands first
            raced.append(run_cli("export", str(tmp_path / "b"), "--out", str(out)))
    with Case.open(tmp_path / "a") as case:
        ours = export_court(case, out, on_progress=competitor)
    assert raced and raced[0].returncode == 0, raced[0].stderr
    assert out.is_file() and ours.pdf_path == out.with_name("证据清单 (2).pdf")
    assert verify_export(out).ok and verify_export(ours.pdf_path).ok and verify_export(ours.folder_path).ok
    assert json.loads((ours.folder_path / "manifest.json").read_text(encoding="utf-8"))["pdf"] == \
        "../证据清单 (2).pdf"
    assert bundle_folder(out).is_dir() and sorted(p.name for p in out.parent.iterdir()) == \
        ["证据清单 (2).pdf", "证据清单 (2)_原件", "证据清单.pdf", "证据清单_原件"]
