-- 0014: a target the social media admin is uploading by hand: since when
-- and by whom. Every Warta on the file reads it, so none sends the target
-- meanwhile (a second post); it is cleared when the proof is recorded, or
-- when the admin has Warta send it after all.
ALTER TABLE outbox_jobs ADD COLUMN by_hand_since INTEGER;
-- by_hand_by is a users.id; no REFERENCES clause, so that a test can take
-- the column away again (SQLite drops no column a foreign key names).
ALTER TABLE outbox_jobs ADD COLUMN by_hand_by INTEGER;
