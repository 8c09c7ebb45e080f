-- 0013: a published post corrected later (a name misspelt, a date
-- wrong): each correction, with the text before and after, why, by whom,
-- and whether Warta changed the post or the admin did it on the platform
-- by hand. The publication's history (events) has each one too.
CREATE TABLE post_corrections (
  id           INTEGER PRIMARY KEY,
  job_id       INTEGER NOT NULL REFERENCES outbox_jobs (id),
  corrected_at INTEGER NOT NULL,
  corrected_by INTEGER NOT NULL REFERENCES users (id),
  method       TEXT NOT NULL CHECK (method IN ('warta', 'by-hand')),
  reason       TEXT NOT NULL,
  old_title    TEXT,                          -- the website's and YouTube's titles
  old_text     TEXT NOT NULL,
  new_title    TEXT,
  new_text     TEXT NOT NULL
) STRICT;

CREATE INDEX post_corrections_job ON post_corrections (job_id, id);

-- What went out stays on record as it was.
CREATE TRIGGER post_corrections_immutable BEFORE UPDATE ON post_corrections
BEGIN
  SELECT RAISE (ABORT, 'post corrections are immutable');
END;
