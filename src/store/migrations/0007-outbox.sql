-- 0006: publishing accounts and the outbox. Times are µs since the Unix
-- epoch (UTC). No secret is ever stored here: tokens and application
-- passwords live in the system keyring, found by keyring_id and the
-- database's uuid.
CREATE TABLE accounts (
  id           INTEGER PRIMARY KEY,
  platform     TEXT NOT NULL,               -- mastodon, wordpress, x, youtube ...
  display_name TEXT NOT NULL,
  base_url     TEXT NOT NULL DEFAULT '',
  settings     TEXT NOT NULL DEFAULT '{}',  -- public settings as a JSON object
  keyring_id   TEXT NOT NULL UNIQUE,        -- the keyring item's "account" attribute
  created_at   INTEGER NOT NULL,
  removed_at   INTEGER                      -- kept for the jobs that name it
) STRICT;

-- One job per (publication, target), written before any request is sent.
CREATE TABLE outbox_jobs (
  id              INTEGER PRIMARY KEY,
  publication_id  INTEGER NOT NULL REFERENCES publications (id),
  revision_id     INTEGER NOT NULL REFERENCES revisions (id),
  revision_hash   TEXT NOT NULL,              -- the approved content hash
  account_id      INTEGER NOT NULL REFERENCES accounts (id),
  state           TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'running', 'waiting', 'paused', 'done',
                                   'failed', 'manual')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  error_code      TEXT,
  error_message   TEXT,
  scheduled_at    INTEGER NOT NULL DEFAULT 0, -- 0: as soon as possible
  created_by      INTEGER NOT NULL REFERENCES users (id),
  created_at      INTEGER NOT NULL,
  finished_at     INTEGER,
  remote_id       TEXT,
  remote_url      TEXT,
  lease_owner     TEXT,                       -- the process working on it
  lease_until     INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  UNIQUE (publication_id, account_id)
) STRICT;

CREATE INDEX outbox_jobs_runnable ON outbox_jobs (state, next_attempt_at);

-- Each remote step the platform confirmed, committed before the next request.
CREATE TABLE outbox_steps (
  job_id       INTEGER NOT NULL REFERENCES outbox_jobs (id),
  step         TEXT NOT NULL,                 -- media-0, media-0-ready, post ...
  value        TEXT NOT NULL,                 -- JSON: ids, URLs, session URL + offset
  confirmed_at INTEGER NOT NULL,
  PRIMARY KEY (job_id, step)
) STRICT, WITHOUT ROWID;

-- A target published by hand, with its evidence.
CREATE TABLE manual_proofs (
  id                INTEGER PRIMARY KEY,
  job_id            INTEGER NOT NULL REFERENCES outbox_jobs (id),
  url               TEXT NOT NULL,
  published_at      INTEGER NOT NULL,
  screenshot_path   TEXT,                     -- relative to the database's folder
  screenshot_sha256 TEXT,
  recorded_by       INTEGER NOT NULL REFERENCES users (id),
  recorded_at       INTEGER NOT NULL
) STRICT;

CREATE INDEX manual_proofs_job ON manual_proofs (job_id);

-- Keyring items are keyed by this, so two databases never share secrets.
INSERT INTO warta_meta (key, value) VALUES ('uuid', lower (hex (randomblob (16))));
