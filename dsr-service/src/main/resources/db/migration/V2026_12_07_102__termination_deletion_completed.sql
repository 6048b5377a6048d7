-- 3.5.d: when the deletion work of a termination is complete (every request it ordered completed),
-- dsr-service publishes dsr.termination-deletion-completed once; completed_at records that it did.
-- fanned_out: the order's requests exist (until then a request completed during the fan-out - all
-- its tasks exempt - must not be taken for the end of the work). Orders older than this migration
-- were fanned out long ago.
ALTER TABLE deletion_order ADD COLUMN completed_at TIMESTAMPTZ;
ALTER TABLE deletion_order ADD COLUMN fanned_out BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE deletion_order ALTER COLUMN fanned_out SET DEFAULT false;
