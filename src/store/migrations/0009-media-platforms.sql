-- 0009: a photo or video can be left out of some platforms (X takes four
-- photos, Instagram ten …): their account platform ids, sorted and
-- comma-separated; NULL when it goes to every platform.
ALTER TABLE media_items ADD COLUMN skipped_platforms TEXT;
