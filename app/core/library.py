"""The library of cases: the case folders under one folder, for the welcome page and the case list."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .store import DB_NAME


@dataclass(frozen=True)
class CaseEntry:
    path: Path
    title: str
    modified: float   # the case database's mtime (seconds since the epoch)


def scan_library(folder: Path) -> list[CaseEntry]:
    """The cases directly under `folder`, most recently changed first. Reads only; never locks a case."""
    found: list[CaseEntry] = []
    folder = Path(folder)
    if not folder.is_dir():
        return found
    for sub in folder.iterdir():
        db = sub / DB_NAME
        if not db.is_file():
            continue
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2) as conn:
                title = conn.execute("SELECT title FROM case_info").fetchone()[0]
        except (sqlite3.Error, TypeError):
            title = sub.name
        found.append(CaseEntry(sub, title, db.stat().st_mtime))
    return sorted(found, key=lambda e: -e.modified)


def is_case_folder(path: Path) -> bool:
    return (Path(path) / DB_NAME).is_file()
