-- The folder the user imported (or the watched folder) each source was found under, so exports can
-- show a source path from there ("手机相册/Screenshots/x.png") instead of a home, temp or drive path.
ALTER TABLE sources ADD COLUMN root TEXT;
