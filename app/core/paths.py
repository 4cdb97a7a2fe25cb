"""Where the app's own files live: one function for a source checkout and a frozen bundle."""
from __future__ import annotations

import sys
from pathlib import Path

import platformdirs


def app_root() -> Path:
    """The folder that holds resources/ and schema/.

    In a PyInstaller bundle that is sys._MEIPASS; from a source checkout (or an editable
    install) it is the repository root.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def schema_dir() -> Path:
    return app_root() / "schema"


def library_dir() -> Path:
    """Default place for the user's cases (the platform's user data directory)."""
    return Path(platformdirs.user_data_dir("EvidenceBinder", "EvidenceBinder")) / "cases"
