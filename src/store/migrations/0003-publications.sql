-- 0003: publications, their immutable revisions, media, correction notes
-- and the verifier's checklist. Times are µs since the Unix epoch (UTC).
CREATE TABLE publications (
  id                   INTEGER PRIMARY KEY,
  state                TEXT NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1,   -- bumped by every change: stale writes fail
  title                TEXT NOT NULL DEFAULT '',     -- of the current revision, for lists
  category             TEXT NOT NULL DEFAULT 'periodic',
  current_revision_id  INTEGER,
  approved_revision_id INTEGER,
  approved_hash        TEXT,                         -- approval binds to this content hash
  step                 INTEGER NOT NULL DEFAULT 1,   -- SOP step whose clock runs; 0 none
  step_entered_at      INTEGER NOT NULL,
  deadline_at          INTEGER NOT NULL DEFAULT 0,   -- 0: no limit
  correction_rounds    INTEGER NOT NULL DEFAULT 0,
  created_by           INTEGER NOT NULL REFERENCES users (id),
  created_at           INTEGER NOT NULL,
  updated_by           INTEGER NOT NULL REFERENCES users (id),
  updated_at           INTEGER NOT NULL,
  last_event_id        INTEGER
) STRICT;

CREATE TABLE revisions (
  id             INTEGER PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES publications (id),
  number         INTEGER NOT NULL,
  hash           TEXT NOT NULL,    -- SHA-256 of the canonical content
  author_id      INTEGER NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  title          TEXT,
  what           TEXT,
  who            TEXT,
  when_text      TEXT,
  where_text     TEXT,
  why            TEXT,
  how            TEXT,
  narrative      TEXT,
  category       TEXT,
  hashtags       TEXT,
  article_title  TEXT,
  article_body   TEXT,
  scheduled_at   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (publication_id, number)
) STRICT;

CREATE TABLE revision_captions (
  revision_id INTEGER NOT NULL REFERENCES revisions (id),
  target      TEXT NOT NULL,
  caption     TEXT NOT NULL,
  PRIMARY KEY (revision_id, target)
) STRICT, WITHOUT ROWID;

CREATE TABLE media_items (
  id                  INTEGER PRIMARY KEY,
  revision_id         INTEGER NOT NULL REFERENCES revisions (id),
  position            INTEGER NOT NULL,
  path                TEXT NOT NULL,
  sha256              TEXT NOT NULL,
  kind                TEXT NOT NULL,            -- photo, video
  width               INTEGER NOT NULL DEFAULT 0,
  height              INTEGER NOT NULL DEFAULT 0,
  credit              TEXT,
  alt_text            TEXT,
  illustration        INTEGER NOT NULL DEFAULT 0,
  identifiable_people INTEGER NOT NULL DEFAULT 0,
  minor               INTEGER NOT NULL DEFAULT 0,
  consent             TEXT,                     -- the guardian's recorded consent
  UNIQUE (revision_id, position)
) STRICT;

-- A revision never changes once written: approval binds to its hash.
CREATE TRIGGER revisions_immutable BEFORE UPDATE ON revisions
BEGIN SELECT RAISE (ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revisions_undeletable BEFORE DELETE ON revisions
BEGIN SELECT RAISE (ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revision_captions_immutable BEFORE UPDATE ON revision_captions
BEGIN SELECT RAISE (ABORT, 'revisions are immutable'); END;
CREATE TRIGGER media_items_immutable BEFORE UPDATE ON media_items
BEGIN SELECT RAISE (ABORT, 'revisions are immutable'); END;

CREATE TABLE correction_notes (
  id                   INTEGER PRIMARY KEY,
  publication_id       INTEGER NOT NULL REFERENCES publications (id),
  revision_id          INTEGER REFERENCES revisions (id),  -- the revision it was written on
  author_id            INTEGER NOT NULL REFERENCES users (id),
  created_at           INTEGER NOT NULL,
  field                TEXT,            -- a 5W+1H or content field, or NULL
  media_sha256         TEXT,            -- a media item, or NULL
  text                 TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'confirmed')),
  resolved_by          INTEGER REFERENCES users (id),
  resolved_revision_id INTEGER REFERENCES revisions (id),
  resolved_at          INTEGER,
  confirmed_by         INTEGER REFERENCES users (id),
  confirmed_at         INTEGER,
  version              INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX correction_notes_publication ON correction_notes (publication_id, status);

CREATE TABLE checklist_answers (
  revision_id    INTEGER NOT NULL REFERENCES revisions (id),
  check_id       TEXT NOT NULL,
  publication_id INTEGER NOT NULL REFERENCES publications (id),
  ticked         INTEGER NOT NULL CHECK (ticked IN (0, 1)),
  note           TEXT,
  verifier_id    INTEGER NOT NULL REFERENCES users (id),
  answered_at    INTEGER NOT NULL,
  PRIMARY KEY (revision_id, check_id)
) STRICT, WITHOUT ROWID;
