-- The recorded facts of each exhibit (its bytes' SHA-256 and extension, size, original file name, capture
-- time and where that time came from, when it was imported) sealed by a digest kept with the row
-- (store.facts_digest). The app rewrites it only where it changes those facts itself; `verify` reports a
-- row whose facts no longer match it (an edit made behind the app's back). Existing rows are sealed by
-- the migration in Python (store._seal_unsealed), in the same transaction.
ALTER TABLE exhibits ADD COLUMN facts_digest TEXT;
