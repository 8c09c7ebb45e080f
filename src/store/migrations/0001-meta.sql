-- 0001: the database's own facts: when it was made, and by which version.
CREATE TABLE warta_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

INSERT INTO warta_meta (key, value) VALUES ('created', strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
