-- 0012: publishing a scheduled post (step 5) is due the step's limit after
-- the approved revision's scheduled time, not after the approval: the time
-- was decided in step 2 and approved in step 4, and waiting for it is not
-- lateness. Stays in step 5 recorded before keep the limit they had
-- (deadline − entry) and have it run from that time. A stay's approved
-- revision is the one its opening approval names (the same instant).
UPDATE step_records AS s
SET deadline_at = a.scheduled_at + (s.deadline_at - s.entered_at)
FROM (SELECT e.publication_id, e.at, r.scheduled_at
      FROM events e JOIN revisions r ON r.id = e.revision_id
      WHERE e.kind = 'approve') AS a
WHERE s.step = 5 AND s.deadline_at <> 0
  AND a.publication_id = s.publication_id AND a.at = s.entered_at
  AND a.scheduled_at > s.entered_at;

-- The lists, the notifications and the tasks' order read the open stay's
-- deadline from the publication.
UPDATE publications AS p
SET deadline_at = s.deadline_at
FROM step_records AS s
WHERE p.step = 5 AND s.publication_id = p.id AND s.step = 5 AND s.exited_at IS NULL
  AND s.deadline_at <> p.deadline_at;
