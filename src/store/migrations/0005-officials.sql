-- 0005: the officials directory. "Who" and the captions take an official's
-- full title from here, so names, degrees and positions are written the
-- same way every time ("Dr. H. Name, S.E., M.Si., Inspektur Provinsi").
CREATE TABLE officials (
  id         INTEGER PRIMARY KEY,
  prefix     TEXT NOT NULL DEFAULT '',   -- titles before the name: "Dr. H."
  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),
  suffix     TEXT NOT NULL DEFAULT '',   -- degrees after the name: "S.E., M.Si."
  position   TEXT NOT NULL DEFAULT '',   -- "Inspektur Provinsi"
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX officials_name ON officials (name COLLATE NOCASE);
