-- Bootstrap of the restrictions projection from the registry's and breach-service's snapshots
-- (ProjectionBootstrap). Snapshots and events commute:
-- * status_at: the registry's time of the status change; an older fact never replaces a newer one.
--   Rows written before this migration count as older than anything the registry reports.
-- * an order whose end arrives without its start is remembered as ended (kind may be unknown).
ALTER TABLE gateway_partner_status ADD COLUMN status_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity';
ALTER TABLE gateway_partner_status ALTER COLUMN status_at DROP DEFAULT;
ALTER TABLE gateway_restriction ALTER COLUMN kind DROP NOT NULL;

-- when each source's snapshot was last applied completely; none yet = partner requests get 503
CREATE TABLE gateway_projection_sync (
    source     TEXT         PRIMARY KEY,
    synced_at  TIMESTAMPTZ  NOT NULL,
    items      INTEGER      NOT NULL
);
