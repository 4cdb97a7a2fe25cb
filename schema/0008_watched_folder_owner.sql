-- The case folder that chose each watched folder (issue 14): a case copied, moved or received from
-- someone else does not start watching folders on this computer by itself; they stay paused until
-- the user resumes them (which records this case folder).
ALTER TABLE watched_folders ADD COLUMN case_root TEXT;
