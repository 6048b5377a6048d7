-- 3.5.d: a terminated partner keeps its duty routes until every deletion task of its termination is
-- resolved; dsr-service then publishes dsr.termination-deletion-completed (the registry's snapshot
-- carries the same fact as terminationDeletionCompletedAt) and the partner is blocked entirely.
-- Final: a row is inserted once and never changed or removed.
CREATE TABLE gateway_partner_discharge (
    partner_id     UUID         PRIMARY KEY,
    discharged_at  TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- the other replicas learn of it at once, like every other change of the projection (migration 203)
CREATE TRIGGER gateway_partner_discharge_inserted AFTER INSERT ON gateway_partner_discharge
    FOR EACH ROW EXECUTE FUNCTION gateway_controls_notify();
