"""Extra check on the shared sample case (../shared/samples), where it sits beside the checkout.

The repo's own tests (test_ingest_samples.py and the rest) use resources/samples and files made in
fixtures; this file compares the app with the shared case's truth file and skips, with the reason,
where that case is absent (a fresh clone)."""
import hashlib
import os

from app.core.ingest import Importer, summarize
from conftest import tree_fingerprint

KIND = {"screenshot": "screenshot", "photo": "photo", "recording_audio": "audio", "recording_video": "video",
        "receipt_pdf": "pdf", "document": "pdf"}
SOURCE = {"exif": "exif", "filename": "filename", "container_metadata": "container", "pdf_metadata": "pdf"}


def test_the_shared_samples_match_their_truth(case, shared_samples):
    import json

    truth = json.loads((shared_samples / "samples.json").read_text(encoding="utf-8"))
    before = tree_fingerprint(shared_samples)
    outcomes = list(Importer(case, via="test", durable=False).import_paths([shared_samples]))
    assert tree_fingerprint(shared_samples) == before, "the import changed a source file"
    by_path = {os.path.relpath(o.path, shared_samples).replace(os.sep, "/"): o for o in outcomes}
    by_sha = {row["sha256"]: row for row in case.exhibits()}
    for t in truth["files"]:
        outcome = by_path[t["path"]]
        if t["expected"] == "ignore":
            assert outcome.status == "skipped", t["path"]
            continue
        if t["expected"].startswith("reject"):
            assert outcome.status == "refused" and outcome.message("zh"), t["path"]
            continue
        row = by_sha[t["sha256"]]
        assert row["size"] == t["size"], t["path"]
        assert row["status"] == ("unreadable" if "unreadable" in t["expected"] else "ok"), t["path"]
        assert row["captured_at"] == t["capture_time"], t["path"]
        assert row["captured_at_source"] == SOURCE[t["time_source"]], t["path"]
        if t["kind"] in KIND:
            assert row["kind"] == KIND[t["kind"]], t["path"]
        stored = case.original_path(row["sha256"], row["ext"])
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == t["sha256"]
    counts = summarize(outcomes)
    assert counts["imported"] == sum(1 for t in truth["files"] if t["expected"].startswith("import"))
