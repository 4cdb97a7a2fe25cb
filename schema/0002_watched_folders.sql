-- Folders the case watches for new evidence (issue 3), shared by the GUI and the CLI.
CREATE TABLE watched_folders (
    id                  INTEGER PRIMARY KEY,
    path                TEXT NOT NULL UNIQUE,
    recursive           INTEGER NOT NULL DEFAULT 0,
    polling_interval    REAL,               -- seconds; NULL = native events (polling only as a fallback)
    quiet_window        REAL NOT NULL DEFAULT 1.0,
    paused              INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    last_import_at      TEXT,
    last_error          TEXT
);
