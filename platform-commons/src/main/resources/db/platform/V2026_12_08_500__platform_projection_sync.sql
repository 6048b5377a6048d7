-- Issue 18.2: each local projection of another service's data (consent-service's partners,
-- dsr-service's consent holdings) reconciles against its source on a schedule and on demand.
-- One row per projection: when its first complete rebuild was done (until then requests that need
-- it answer 503 projection-unavailable), its last reconciliation and the drift it repaired.
CREATE TABLE platform_projection_sync (
    projection          text        PRIMARY KEY,
    first_synced_at     timestamptz NOT NULL,
    last_reconciled_at  timestamptz NOT NULL,
    last_repaired       integer     NOT NULL,
    repaired_total      bigint      NOT NULL,
    reconciliations     bigint      NOT NULL
);
