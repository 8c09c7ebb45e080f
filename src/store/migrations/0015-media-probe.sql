-- 0015: what probing found when a file was added: a video's length (µs)
-- and the file's size (bytes), so that whether a platform takes it is
-- known before publishing. NULL for media added before: not known.
ALTER TABLE media_items ADD COLUMN duration_us INTEGER;
ALTER TABLE media_items ADD COLUMN size INTEGER;
