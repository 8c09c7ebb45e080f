-- 0006: the archive. A full-text index over the texts of each
-- publication's latest revision, the register fields the public-information
-- list needs beyond what the publication holds, and an index for reports
-- by publishing time.

-- One row per publication, rowid = publications.id, so the index's own
-- rowid order is the order of creation: "newest first" walks it backwards
-- and stops after a page. unicode61 with remove_diacritics 2 folds case and
-- diacritics ("Képala" matches "kepala"); prefix indexes keep search-as-
-- you-type cheap.
CREATE VIRTUAL TABLE archive_fts USING fts5 (
  title, body, captions, notes, names,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '2 3 4'
);

-- What the index holds for a publication: its current revision's texts,
-- its captions, every correction note, and the names of people in it.
CREATE VIEW archive_documents AS
SELECT p.id AS id,
       coalesce (r.title, p.title) AS title,
       coalesce (r.what, '') || ' ' || coalesce (r.when_text, '') || ' ' ||
       coalesce (r.where_text, '') || ' ' || coalesce (r.why, '') || ' ' ||
       coalesce (r.how, '') || ' ' || coalesce (r.narrative, '') || ' ' ||
       coalesce (r.hashtags, '') || ' ' || coalesce (r.article_title, '') || ' ' ||
       coalesce (r.article_body, '') AS body,
       coalesce ((SELECT group_concat (c.caption, ' ') FROM revision_captions c
                  WHERE c.revision_id = r.id), '') AS captions,
       coalesce ((SELECT group_concat (n.text, ' ') FROM correction_notes n
                  WHERE n.publication_id = p.id), '') AS notes,
       coalesce (r.who, '') || ' ' ||
       coalesce ((SELECT group_concat (m.credit, ' ') FROM media_items m
                  WHERE m.revision_id = r.id), '') || ' ' ||
       coalesce ((SELECT display_name FROM users WHERE id = p.created_by), '') AS names
FROM publications p
LEFT JOIN revisions r ON r.id = p.current_revision_id;

-- The repository writes a revision (with its captions and media) before it
-- points the publication at it, so the pointer's move is the moment to
-- index. Transitions rewrite the same pointer and are skipped.
CREATE TRIGGER archive_fts_revision AFTER UPDATE OF current_revision_id ON publications
WHEN new.current_revision_id IS NOT old.current_revision_id
BEGIN
  DELETE FROM archive_fts WHERE rowid = new.id;
  INSERT INTO archive_fts (rowid, title, body, captions, notes, names)
  SELECT id, title, body, captions, notes, names FROM archive_documents WHERE id = new.id;
END;

CREATE TRIGGER archive_fts_note AFTER INSERT ON correction_notes
BEGIN
  DELETE FROM archive_fts WHERE rowid = new.publication_id;
  INSERT INTO archive_fts (rowid, title, body, captions, notes, names)
  SELECT id, title, body, captions, notes, names FROM archive_documents
  WHERE id = new.publication_id;
END;

INSERT INTO archive_fts (rowid, title, body, captions, notes, names)
SELECT id, title, body, captions, notes, names FROM archive_documents;

-- Register fields the publication does not hold: the unit that produced
-- the information (empty: the agency named in the settings).
CREATE TABLE archive_register (
  publication_id INTEGER PRIMARY KEY REFERENCES publications (id),
  unit           TEXT NOT NULL DEFAULT '',
  form           TEXT NOT NULL DEFAULT 'soft-copy'
) STRICT;

CREATE INDEX archive_register_unit ON archive_register (unit);

-- Reports count a publication in the period it was published: when its
-- stay in step 5 ended.
CREATE INDEX step_records_exit ON step_records (exit_state, exited_at);
