-- 0016: the accounts the social media admin left out of an approved
-- publication, before publishing starts: by whom and when. Kept in the
-- file, not in one window, so that the choice survives closing Warta and
-- every workstation shows the same one.
--
-- The exceptions are stored, not the accounts chosen: an account signed
-- in after the choice was made (or one whose sign-in was fixed) is
-- offered ticked, as every target is by default; only what the admin
-- deliberately took away stays away. Publishing starts with exactly the
-- accounts offered minus these.
CREATE TABLE left_out_targets (
  publication_id INTEGER NOT NULL REFERENCES publications (id),
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  left_out_by    INTEGER NOT NULL REFERENCES users (id),
  left_out_at    INTEGER NOT NULL,
  PRIMARY KEY (publication_id, account_id)
) STRICT, WITHOUT ROWID;
