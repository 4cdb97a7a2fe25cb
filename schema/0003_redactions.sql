-- Redaction areas for public packs (issue 13): boxes over personal data, as fractions of the upright
-- picture (page: page of a PDF or frame of a video, else 0). origin auto = found by the app, user = drawn
-- by the user; a removed area stays as a row so the app never proposes it again.
CREATE TABLE redactions (
    id          INTEGER PRIMARY KEY,
    exhibit_id  INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    page        INTEGER NOT NULL DEFAULT 0,
    kind        TEXT NOT NULL,          -- mobile, landline, id_card, bank_card, address, name, order_number, manual
    text        TEXT,                   -- what the OCR read under the box (never exported)
    x0          REAL NOT NULL,
    y0          REAL NOT NULL,
    x1          REAL NOT NULL,
    y1          REAL NOT NULL,
    origin      TEXT NOT NULL,          -- auto, user
    state       TEXT NOT NULL DEFAULT 'active',   -- active, removed
    created_at  TEXT NOT NULL
);
CREATE INDEX redactions_exhibit ON redactions(exhibit_id, page);
