-- 0017: the targets Warta cannot send to (the approved content does not
-- fit the platform) that the social media admin ticked all the same, to
-- upload them by hand: by whom and when. Such a target is unticked
-- unless chosen, the other way round from 0016's, so its choice is kept
-- apart: a target that stops being refused (its account fixed) is
-- offered ticked as every other, whatever is stored here.
CREATE TABLE by_hand_targets (
  publication_id INTEGER NOT NULL REFERENCES publications (id),
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  included_by    INTEGER NOT NULL REFERENCES users (id),
  included_at    INTEGER NOT NULL,
  PRIMARY KEY (publication_id, account_id)
) STRICT, WITHOUT ROWID;
