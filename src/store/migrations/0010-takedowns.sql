-- 0010: a published target taken down later (a consent withdrawn, an
-- error found): when, by whom and why. The target's record stays, and the
-- history (events) has the take-down too.
ALTER TABLE outbox_jobs ADD COLUMN taken_down_at INTEGER;
ALTER TABLE outbox_jobs ADD COLUMN taken_down_by INTEGER REFERENCES users (id);
ALTER TABLE outbox_jobs ADD COLUMN takedown_reason TEXT;
