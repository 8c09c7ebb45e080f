-- 0002: the people who work on publications, with their SOP roles.
-- roles is a bit set (WartaRole): 1 activity officer, 2 social media admin,
-- 4 verifier, 8 approver. is_admin is the right to manage people.
CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  login           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  password_hash   TEXT NOT NULL,               -- libsodium crypto_pwhash_str (Argon2id)
  roles           INTEGER NOT NULL DEFAULT 0 CHECK (roles BETWEEN 0 AND 15),
  is_admin        INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,  -- wrong passwords since the last sign-in
  locked_until    INTEGER NOT NULL DEFAULT 0,  -- µs since the epoch; 0: not locked
  created_at      INTEGER NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
) STRICT;
