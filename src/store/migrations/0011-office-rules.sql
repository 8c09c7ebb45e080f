-- 0011: the office's rules, shared by every workstation that opens the
-- database: the SOP's step time limits, the role and unit names, the time
-- zone. Keyed by the settings key they were kept in on each workstation
-- before ("deadline-processing" …); the value is that setting's GVariant
-- text. Times are µs since the Unix epoch (UTC).
CREATE TABLE office_rules (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id),  -- NULL: brought from a workstation's settings
  updated_at INTEGER NOT NULL
) STRICT;
