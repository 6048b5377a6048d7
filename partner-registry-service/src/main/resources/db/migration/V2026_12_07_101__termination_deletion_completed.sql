-- 3.5.d: when every deletion task of the partner's termination was resolved (dsr-service's event
-- dsr.termination-deletion-completed). Until then a TERMINATED partner keeps its duty routes; from
-- then on it is blocked entirely. Set once, never cleared.
ALTER TABLE partner ADD COLUMN termination_deletion_completed_at TIMESTAMPTZ;
