"""verify-export: check a bundle (the PDF, its folder of originals and the manifest)."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .bundle import bundle_folder

@dataclass
class ExportCheck:
    ok: bool
    problems: list[tuple[str, dict]]   # message codes and their parameters
    checked: int = 0

    def lines(self, lang: str | None = None) -> list[str]:
        from ..messages import render

        if self.ok:
            return [render("export_ok", lang, n=self.checked)]
        return [render(code, lang, **params) for code, params in self.problems]


def verify_export(target: str | os.PathLike) -> ExportCheck:
    target = Path(target)
    if not target.exists():
        return ExportCheck(False, [("export_target_missing", {"path": str(target)})])
    folder = target if target.is_dir() else bundle_folder(target)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        return ExportCheck(False, [("export_manifest_missing", {"path": str(manifest_path)})])
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return ExportCheck(False, [("export_manifest_bad", {"error": str(exc)})])
    problems = []
    for item in manifest.get("exhibits", []):
        path = folder / item["file"]
        params = {"number": item["number"], "file": item["file"]}
        if not path.is_file():
            problems.append(("export_original_missing", params))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != item["sha256"]:
            problems.append(("export_original_changed", params))
    pdf = folder.parent / manifest.get("pdf", "")
    if not pdf.is_file():
        problems.append(("export_pdf_missing", {"name": pdf.name}))
    elif hashlib.sha256(pdf.read_bytes()).hexdigest() != manifest.get("pdf_sha256"):
        problems.append(("export_pdf_changed", {"name": pdf.name}))
    return ExportCheck(not problems, problems, len(manifest.get("exhibits", [])))
