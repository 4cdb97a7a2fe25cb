-- Evidence Binder case database, version 1.
-- One case per database. Applied in one transaction together with PRAGMA user_version = 1.

CREATE TABLE case_info (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    title           TEXT NOT NULL,
    product         TEXT,
    platform        TEXT,
    shop            TEXT,
    merchant        TEXT,           -- the merchant's legal name
    order_number    TEXT,
    amount_paid     TEXT,           -- decimal as text, yuan
    ordered_on      TEXT,
    paid_on         TEXT,
    received_on     TEXT,           -- 签收
    product_class   TEXT,           -- ordinary, durable, food, custom, perishable
    claimant_name   TEXT,
    claimant_contact TEXT,
    demand          TEXT,           -- 退货退款, 换货, 维修, 三倍赔偿, 十倍赔偿
    stage           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE exhibits (
    id                  INTEGER PRIMARY KEY,
    number              INTEGER NOT NULL,       -- 证据N, reorderable
    part                INTEGER,                -- k in 证据N-k when grouped, else NULL
    sha256              TEXT NOT NULL UNIQUE,
    ext                 TEXT NOT NULL,          -- stored file is originals/<sha256>.<ext>
    size                INTEGER NOT NULL,
    mime                TEXT,
    kind                TEXT NOT NULL,          -- screenshot, photo, audio, video, pdf, document
    category            TEXT NOT NULL,          -- order, payment, invoice, chat, call, product, logistics, inspection, refusal, complaint, other
    name                TEXT NOT NULL,          -- 证据名称
    source_desc         TEXT,                   -- 证据来源
    purpose             TEXT,                   -- 证明目的
    captured_at         TEXT,                   -- ISO 8601 with offset, NULL when unknown
    captured_at_source  TEXT,                   -- exif, filename, container, pdf, mtime, manual
    original_name       TEXT NOT NULL,
    width               INTEGER,
    height              INTEGER,
    duration_s          REAL,
    pages               INTEGER,
    orientation         INTEGER,
    device              TEXT,
    media_json          TEXT NOT NULL DEFAULT '{}',
    status              TEXT NOT NULL,          -- ok, unreadable, encrypted
    reason              TEXT,                   -- message code (app/core/messages.py) explaining the status
    reason_params       TEXT,                   -- JSON parameters of that message
    ocr_text            TEXT,
    notes               TEXT,
    include_in_export   INTEGER NOT NULL DEFAULT 1,
    deleted_at          TEXT,                   -- in the case's trash when set
    pending_tmp         TEXT,                   -- set while the original is being moved into place
    created_at          TEXT NOT NULL
);
CREATE INDEX exhibits_number ON exhibits(number, part);

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    exhibit_id  INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    name        TEXT NOT NULL,
    mtime       TEXT,
    via         TEXT NOT NULL,          -- cli, watch, drop, dialog, recovered
    seen_at     TEXT NOT NULL,
    UNIQUE (exhibit_id, path)
);
CREATE INDEX sources_exhibit ON sources(exhibit_id);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    type        TEXT NOT NULL,          -- 下单, 付款, 签收, ... or custom
    title       TEXT NOT NULL,
    occurred_at TEXT,                   -- ISO 8601; NULL = 待定
    approximate INTEGER NOT NULL DEFAULT 0,
    notes       TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE event_exhibits (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    exhibit_id  INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, exhibit_id)
);

CREATE TABLE exports (
    id              INTEGER PRIMARY KEY,
    created_at      TEXT NOT NULL,
    profile         TEXT NOT NULL,
    out_path        TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    exhibits_json   TEXT NOT NULL,      -- ids and numbers in the order used
    app_version     TEXT NOT NULL
);
