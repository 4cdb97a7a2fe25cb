-- Search (issue 11): a phrase the app wrapped onto two lines (不 / 予退货) is still one phrase, so the
-- OCR text is indexed with its line breaks removed.
DROP TRIGGER exhibit_search_insert;
DROP TRIGGER exhibit_search_update;
CREATE TRIGGER exhibit_search_insert AFTER INSERT ON exhibits BEGIN
    INSERT INTO exhibit_search (rowid, name, purpose, notes, ocr_text, facts)
    VALUES (new.id, new.name, new.purpose, new.notes, replace(new.ocr_text, char(10), ''),
            (SELECT group_concat(j.value, ' ') FROM json_tree(new.facts_json) j WHERE j.key = 'value' AND j.type = 'text'));
END;
CREATE TRIGGER exhibit_search_update AFTER UPDATE OF name, purpose, notes, ocr_text, facts_json ON exhibits BEGIN
    DELETE FROM exhibit_search WHERE rowid = old.id;
    INSERT INTO exhibit_search (rowid, name, purpose, notes, ocr_text, facts)
    VALUES (new.id, new.name, new.purpose, new.notes, replace(new.ocr_text, char(10), ''),
            (SELECT group_concat(j.value, ' ') FROM json_tree(new.facts_json) j WHERE j.key = 'value' AND j.type = 'text'));
END;
UPDATE exhibit_search SET ocr_text = replace(ocr_text, char(10), '') WHERE ocr_text IS NOT NULL;
