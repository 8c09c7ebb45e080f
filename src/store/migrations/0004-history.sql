-- 0004: the event history (a hash chain) and the record of each step.
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  publication_id INTEGER REFERENCES publications (id),  -- NULL for events about people
  at             INTEGER NOT NULL,
  actor_id       INTEGER REFERENCES users (id),
  role           TEXT,
  kind           TEXT NOT NULL,
  from_state     TEXT,
  to_state       TEXT,
  revision_id    INTEGER,
  note           TEXT,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL     -- SHA-256 over prev_hash and this event's fields
) STRICT;

CREATE INDEX events_publication ON events (publication_id, id);

-- Append-only. (The chain still detects an edit by a tool that drops these.)
CREATE TRIGGER events_immutable BEFORE UPDATE ON events
BEGIN SELECT RAISE (ABORT, 'the history is append-only'); END;
CREATE TRIGGER events_undeletable BEFORE DELETE ON events
BEGIN SELECT RAISE (ABORT, 'the history is append-only'); END;

CREATE TABLE step_records (
  id              INTEGER PRIMARY KEY,
  publication_id  INTEGER NOT NULL REFERENCES publications (id),
  step            INTEGER NOT NULL,
  state           TEXT NOT NULL,     -- the state that entered the step
  entered_at      INTEGER NOT NULL,
  deadline_at     INTEGER NOT NULL DEFAULT 0,
  exited_at       INTEGER,
  exit_state      TEXT,
  entered_by      INTEGER REFERENCES users (id),
  exited_by       INTEGER REFERENCES users (id)
) STRICT;

CREATE INDEX step_records_publication ON step_records (publication_id, id);
CREATE INDEX step_records_step ON step_records (step, entered_at);

-- "My tasks": publications waiting in the states of a user's roles, by deadline.
CREATE INDEX publications_tasks ON publications (state, deadline_at, id);

INSERT INTO warta_meta (key, value) VALUES ('history-head', '0 ');
