"""verify-export: does a bundle (the PDF, its folder of originals, the manifests) prove itself?

The truth is the manifest embedded in the PDF (an attached file) and the SHA-256 printed in the PDF's
appendix. The originals are checked against it, manifest.json and manifest.csv against it, and the
PDF against manifest.json's hash, so a change to any one of them is caught whatever the others say.
Nothing outside the bundle's folder is ever opened: a path with `..`, an absolute path or a link is
itself a finding. Files are hashed in chunks; a malformed manifest gets a clear message.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..safefs import NotRegular, child, open_regular, plain_name, sha256_regular
from .bundle import bundle_folder, is_leftover
from .compose import EMBEDDED_MANIFEST

MANIFEST_LIMIT = 64 * 1024 * 1024   # a manifest larger than this is not ours
_SHA = re.compile(r"^[0-9a-f]{64}$")
OWN_FILES = {"manifest.json", "manifest.csv"}


@dataclass
class ExportCheck:
    ok: bool
    problems: list[tuple[str, dict]]   # message codes and their parameters
    checked: int = 0
    pdf: str | None = None             # the PDF and the folder that were checked
    folder: str | None = None
    notes: list[tuple[str, dict]] = field(default_factory=list)
    ok_code: str = "export_ok"         # a pack says so in its own words: it has no PDF

    def lines(self, lang: str | None = None) -> list[str]:
        from ..messages import render

        if self.ok:
            return [render(self.ok_code, lang, n=self.checked)]
        return [render(code, lang, **params) for code, params in self.problems]


class _Bad(Exception):
    def __init__(self, error: str):
        super().__init__(error)
        self.error = error


def _validate(manifest, where: str) -> list[dict]:
    """The exhibits of a manifest, checked for shape; _Bad says what is wrong, in a few words."""
    if not isinstance(manifest, dict):
        raise _Bad(f"{where}: not a JSON object")
    exhibits = manifest.get("exhibits")
    if not isinstance(exhibits, list):
        raise _Bad(f"{where}: \"exhibits\" is not a list")
    for i, item in enumerate(exhibits):
        if not isinstance(item, dict):
            raise _Bad(f"{where}: exhibits[{i}] is not an object")
        if not isinstance(item.get("file"), str) or not item["file"]:
            raise _Bad(f"{where}: exhibits[{i}].file is not a file name")
        if not isinstance(item.get("sha256"), str) or not _SHA.match(item["sha256"]):
            raise _Bad(f"{where}: exhibits[{i}].sha256 is not a SHA-256")
        if item.get("size") is not None and (not isinstance(item["size"], int) or isinstance(item["size"], bool)):
            raise _Bad(f"{where}: exhibits[{i}].size is not a number")
        if not isinstance(item.get("number"), (str, int)) or isinstance(item.get("number"), bool):
            raise _Bad(f"{where}: exhibits[{i}].number is missing")
    files = [item["file"] for item in exhibits]
    if len(set(files)) != len(files):
        raise _Bad(f"{where}: a file is listed twice")
    return exhibits


def _read_limited(fh) -> bytes:
    """At most MANIFEST_LIMIT + 1 bytes, without reserving that much memory for a small file."""
    return fh.read(min(MANIFEST_LIMIT + 1, os.fstat(fh.fileno()).st_size + 1))


def _read_manifest(folder: Path, problems: list) -> dict | None:
    path = folder / "manifest.json"
    try:
        with open_regular(path) as fh:
            data = _read_limited(fh)
    except FileNotFoundError:
        problems.append(("export_manifest_missing", {"path": str(path)}))
        return None
    except NotRegular as exc:
        problems.append(("export_not_regular", {"file": "manifest.json", "what": exc.what}))
        return None
    except OSError as exc:
        problems.append(("export_unreadable", {"file": "manifest.json", "error": exc.strerror or str(exc)}))
        return None
    if len(data) > MANIFEST_LIMIT:
        problems.append(("export_manifest_bad", {"error": "manifest.json: too large"}))
        return None
    try:
        manifest = json.loads(data.decode("utf-8"))
        _validate(manifest, "manifest.json")
    except (ValueError, UnicodeDecodeError) as exc:
        problems.append(("export_manifest_bad", {"error": f"manifest.json: {exc}"}))
        return None
    except _Bad as exc:
        problems.append(("export_manifest_bad", {"error": exc.error}))
        return None
    return manifest


def _read_pdf(pdf: Path, problems: list) -> tuple[str | None, dict | None, str | None]:
    """The PDF's SHA-256, its embedded manifest and the text of its appendix (None where not read)."""
    try:
        sha, _ = sha256_regular(pdf)
    except FileNotFoundError:
        problems.append(("export_pdf_missing", {"name": pdf.name}))
        return None, None, None
    except NotRegular as exc:
        problems.append(("export_not_regular", {"file": pdf.name, "what": exc.what}))
        return None, None, None
    except OSError as exc:
        problems.append(("export_unreadable", {"file": pdf.name, "error": exc.strerror or str(exc)}))
        return None, None, None
    from pypdf import PdfReader

    try:
        with open_regular(pdf) as fh:
            reader = PdfReader(fh)
            attached = reader.attachments.get(EMBEDDED_MANIFEST)
            if not attached:
                problems.append(("export_pdf_no_manifest", {"name": pdf.name}))
                return sha, None, None
            try:
                embedded = json.loads(attached[0].decode("utf-8"))
                _validate(embedded, f"{pdf.name} ({EMBEDDED_MANIFEST})")
            except (ValueError, UnicodeDecodeError) as exc:
                problems.append(("export_manifest_bad", {"error": f"{pdf.name} ({EMBEDDED_MANIFEST}): {exc}"}))
                return sha, None, None
            except _Bad as exc:
                problems.append(("export_manifest_bad", {"error": exc.error}))
                return sha, None, None
            text = _appendix_text(reader, {item["sha256"] for item in embedded["exhibits"]})
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        problems.append(("export_pdf_unreadable", {"name": pdf.name, "error": str(exc)[:200]}))
        return sha, None, None
    return sha, embedded, text


def _pdf_from_manifest(folder: Path, manifest: dict, problems: list) -> Path | None:
    """The PDF a manifest names, relative to itself (`../name.pdf`), never outside the bundle."""
    named = manifest.get("pdf")
    if isinstance(named, str) and named.startswith("../") and plain_name(named[3:]):
        return folder.parent / named[3:]
    problems.append(("export_path_outside", {"file": str(named)[:200]}))
    return None


def _appendix_text(reader, shas: set[str]) -> str:
    """Text of the last pages, up to the first page of the appendix (电子数据说明), or all of them."""
    texts = []
    for index in range(len(reader.pages) - 1, -1, -1):
        text = reader.pages[index].extract_text() or ""
        texts.append(text)
        joined = "".join(texts)
        compact = re.sub(r"\s+", "", joined)
        if all(s[:32] in compact and s[32:] in compact for s in shas) or "电子数据说明" in text:
            break
    return re.sub(r"\s+", "", "".join(texts))


def _unfinished(folder: Path, pdf: Path | None) -> bool:
    """A PDF beside an empty originals folder: an export stopped before its last step (the folder of
    originals and manifests is renamed into place last), not a bundle with files missing."""
    if pdf is None:
        name = folder.name
        pdf = folder.with_name(name[:-len("_原件")] + ".pdf") if name.endswith("_原件") else None
    try:
        return pdf is not None and os.path.isfile(pdf) and not os.path.islink(folder) and folder.is_dir() \
            and not any(os.scandir(folder))
    except OSError:
        return False


def verify_export(target: str | os.PathLike) -> ExportCheck:
    target = Path(os.path.abspath(target))
    if is_leftover(target):
        return ExportCheck(False, [("export_leftover", {"path": str(target)})])
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return ExportCheck(False, [("export_target_missing", {"path": str(target)})])
    except OSError as exc:
        return ExportCheck(False, [("export_unreadable", {"file": str(target), "error": exc.strerror or str(exc)})])
    if stat.S_ISLNK(st.st_mode):  # follow the one link the user typed, as a shell would
        target = Path(os.path.realpath(target))
        st = os.stat(target)
    problems: list[tuple[str, dict]] = []
    if stat.S_ISDIR(st.st_mode):
        folder, pdf = target, None
    elif stat.S_ISREG(st.st_mode):
        folder, pdf = bundle_folder(target), target
    else:
        return ExportCheck(False, [("export_target_bad", {"path": str(target)})])

    if stat.S_ISDIR(st.st_mode) and _is_pack(folder):
        return _verify_pack(folder)
    if _unfinished(folder, pdf):
        return ExportCheck(False, [("export_unfinished", {"path": str(folder)})], pdf=str(pdf) if pdf else None,
                           folder=str(folder))
    manifest = None
    if os.path.islink(folder):
        problems.append(("export_link", {"file": folder.name}))
        folder_ok = False
    elif not folder.is_dir():
        problems.append(("export_folder_missing", {"path": str(folder)}))
        folder_ok = False
    else:
        folder_ok = True
        manifest = _read_manifest(folder, problems)
    if pdf is None and manifest is not None:
        pdf = _pdf_from_manifest(folder, manifest, problems)
    pdf_sha = embedded = appendix = None
    if pdf is not None:
        pdf_sha, embedded, appendix = _read_pdf(pdf, problems)
        if manifest is not None and pdf_sha is not None and manifest.get("pdf_sha256") != pdf_sha:
            problems.append(("export_pdf_changed", {"name": pdf.name}))
    check = ExportCheck(False, problems, pdf=str(pdf) if pdf else None, folder=str(folder))
    truth = embedded if embedded is not None else manifest
    if truth is None:
        return check
    listed = {item["file"]: item for item in truth["exhibits"]}

    # manifest.json against the PDF's own manifest
    if embedded is not None and manifest is not None:
        theirs = {item["file"]: item for item in manifest["exhibits"]}
        for name in sorted(set(listed) | set(theirs)):
            a, b = listed.get(name), theirs.get(name)
            if a is None or b is None or (a["sha256"], a.get("size"), str(a["number"])) != \
                    (b["sha256"], b.get("size"), str(b["number"])):
                problems.append(("export_manifest_disagrees", {"file": name[:200]}))
    # the appendix printed in the PDF names the same hashes
    if embedded is not None and appendix is not None:
        for item in listed.values():
            if item["sha256"][:32] not in appendix or item["sha256"][32:] not in appendix:
                problems.append(("export_appendix_disagrees", {"number": item.get("label", item["number"]), "file": item["file"]}))

    if folder_ok:
        # every listed original, hashed in chunks, never outside the folder
        for name, item in listed.items():
            params = {"number": item.get("label", item["number"]), "file": name[:200]}
            path = child(folder, name)
            if path is None:
                problems.append(("export_path_outside", {"file": name[:200]}))
                continue
            try:
                sha, size = sha256_regular(path)
            except FileNotFoundError:
                problems.append(("export_original_missing", params))
                continue
            except NotRegular as exc:
                problems.append(("export_link" if exc.what == "link" else "export_not_regular",
                                 {**params, "what": exc.what}))
                continue
            except OSError as exc:
                problems.append(("export_unreadable", {"file": name, "error": exc.strerror or str(exc)}))
                continue
            if sha != item["sha256"] or (item.get("size") is not None and size != item["size"]):
                problems.append(("export_original_changed", params))
            else:
                check.checked += 1
        # nothing more in the folder than the bundle made
        try:
            present = sorted(os.listdir(folder))
        except OSError:
            present = []
        for name in present:
            if name not in listed and name not in OWN_FILES:
                problems.append(("export_extra_file", {"file": name}))
        _check_csv(folder, listed, problems)
    check.ok = not problems
    return check


def _is_pack(folder: Path) -> bool:
    """A channel pack (export/packs.py) rather than a court bundle: its manifest says kind "pack"."""
    try:
        with open_regular(folder / "manifest.json") as fh:
            manifest = json.loads(_read_limited(fh).decode("utf-8"))
    except (OSError, NotRegular, ValueError, UnicodeDecodeError):
        return False
    return isinstance(manifest, dict) and manifest.get("kind") == "pack"


def _verify_pack(folder: Path) -> ExportCheck:
    from .packs import verify_pack

    with open_regular(folder / "manifest.json") as fh:
        manifest = json.loads(_read_limited(fh).decode("utf-8"))
    problems = verify_pack(folder, manifest)
    files = manifest.get("files") if isinstance(manifest.get("files"), list) else []
    return ExportCheck(not problems, problems, 0 if problems else len(files), folder=str(folder),
                       ok_code="export_pack_ok")


def _check_csv(folder: Path, listed: dict, problems: list) -> None:
    path = folder / "manifest.csv"
    try:
        with open_regular(path) as fh:
            data = _read_limited(fh)
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    except FileNotFoundError:
        problems.append(("export_csv_disagrees", {"file": "manifest.csv"}))
        return
    except (OSError, ValueError, csv.Error):
        problems.append(("export_csv_disagrees", {"file": "manifest.csv"}))
        return
    pairs = {(r[2], r[7]) for r in rows[1:] if len(r) >= 8}
    if len(rows) - 1 != len(listed) or pairs != {(name, item["sha256"]) for name, item in listed.items()}:
        problems.append(("export_csv_disagrees", {"file": "manifest.csv"}))
