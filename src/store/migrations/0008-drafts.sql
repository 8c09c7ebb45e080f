-- 0008: the draft each publication is written in. Autosave writes here;
-- each submit turns the draft into the next immutable revision. Photos
-- also get their blur regions and per-platform crop centres.
CREATE TABLE drafts (
  publication_id INTEGER PRIMARY KEY REFERENCES publications (id),
  content        TEXT NOT NULL CHECK (json_valid (content)),  -- warta_revision_to_json()
  version        INTEGER NOT NULL DEFAULT 1,                   -- bumped by every save: stale saves fail
  updated_by     INTEGER NOT NULL REFERENCES users (id),
  updated_at     INTEGER NOT NULL
) STRICT;

-- JSON [[x, y, width, height], …] in fractions of the upright photo.
ALTER TABLE media_items ADD COLUMN blur_regions TEXT;
-- JSON {"instagram": [x, y], …}: where each platform's crop is centred.
ALTER TABLE media_items ADD COLUMN crop_centers TEXT;
