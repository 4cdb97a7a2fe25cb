-- Reading the evidence (issue 11): OCR/text status, facts, suggestions, proposed events, search.

-- NULL = not read yet (the reading queue); done, empty (no text found), skipped (nothing to read:
-- audio, documents, damaged files), failed (the reader failed on this file: read_reason says why).
ALTER TABLE exhibits ADD COLUMN read_status TEXT;
ALTER TABLE exhibits ADD COLUMN read_reason TEXT;          -- message code (app/core/messages.py)
ALTER TABLE exhibits ADD COLUMN read_at TEXT;
ALTER TABLE exhibits ADD COLUMN facts_json TEXT;           -- facts read from the content (app/core/read/facts.py)
-- {field: value} for the fields whose value the app proposed and the user has not yet accepted or
-- edited (name, purpose, source_desc, category); a field the user wrote is listed in user_fields and
-- is never overwritten.
ALTER TABLE exhibits ADD COLUMN suggested_json TEXT;
ALTER TABLE exhibits ADD COLUMN user_fields TEXT;          -- JSON list of the fields the user wrote

-- Purposes are only ever written by the user before this version; names the user typed do not
-- look like the ones import makes, so keep them as the user's.
UPDATE exhibits SET user_fields = json_array('purpose') WHERE purpose IS NOT NULL AND purpose != '';
UPDATE exhibits SET user_fields = json_insert(COALESCE(user_fields, '[]'), '$[#]', 'name')
 WHERE name NOT GLOB '*截图*' AND name NOT GLOB '照片*' AND name NOT GLOB '视频*' AND name NOT GLOB '录音*'
   AND name NOT GLOB '（文件损坏）*' AND name NOT GLOB '（已加密）*'
   AND name != original_name AND original_name NOT GLOB (replace(replace(name, '[', '?'), '*', '?') || '.*');

-- Case fields proposed from the facts: {field: {"value", "exhibit_id"}}; the case's own columns keep
-- only what the user entered or accepted.
ALTER TABLE case_info ADD COLUMN suggested_json TEXT;

-- Events: the user's are confirmed; the ones proposed from the evidence wait to be accepted (confirmed),
-- edited or dismissed. A dismissed proposal stays as a row, so the same proposal never comes back.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed';  -- proposed, confirmed, dismissed
ALTER TABLE events ADD COLUMN proposal_key TEXT;           -- what the proposal was made from
CREATE UNIQUE INDEX events_proposal_key ON events(proposal_key) WHERE proposal_key IS NOT NULL;

-- Search: names, purposes, notes, OCR text and facts, Chinese-aware (trigram); kept in step by triggers.
CREATE VIRTUAL TABLE exhibit_search USING fts5(name, purpose, notes, ocr_text, facts, tokenize = 'trigram');
INSERT INTO exhibit_search (rowid, name, purpose, notes, ocr_text, facts)
    SELECT id, name, purpose, notes, ocr_text, NULL FROM exhibits;
CREATE TRIGGER exhibit_search_insert AFTER INSERT ON exhibits BEGIN
    INSERT INTO exhibit_search (rowid, name, purpose, notes, ocr_text, facts)
    VALUES (new.id, new.name, new.purpose, new.notes, new.ocr_text,
            (SELECT group_concat(j.value, ' ') FROM json_tree(new.facts_json) j WHERE j.key = 'value' AND j.type = 'text'));
END;
CREATE TRIGGER exhibit_search_update AFTER UPDATE OF name, purpose, notes, ocr_text, facts_json ON exhibits BEGIN
    DELETE FROM exhibit_search WHERE rowid = old.id;
    INSERT INTO exhibit_search (rowid, name, purpose, notes, ocr_text, facts)
    VALUES (new.id, new.name, new.purpose, new.notes, new.ocr_text,
            (SELECT group_concat(j.value, ' ') FROM json_tree(new.facts_json) j WHERE j.key = 'value' AND j.type = 'text'));
END;
CREATE TRIGGER exhibit_search_delete AFTER DELETE ON exhibits BEGIN
    DELETE FROM exhibit_search WHERE rowid = old.id;
END;
