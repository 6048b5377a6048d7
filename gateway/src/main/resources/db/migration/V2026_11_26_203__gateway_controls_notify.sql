-- Several gateway replicas share this database but each event reaches only one of them: every
-- change of the restrictions projection NOTIFYs 'gateway_controls' with the partner's id, in the
-- writing transaction (delivered at commit, never for a rolled-back change), and every replica
-- LISTENs and reloads that partner from these tables (ControlsListener, 3.4.j). Triggers rather
-- than calls in the code, so that no write path (event, snapshot, a repair by hand) is missed.
-- Only real changes notify: a snapshot re-applying what is stored stays silent.
CREATE FUNCTION gateway_controls_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('gateway_controls', NEW.partner_id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER gateway_partner_status_inserted AFTER INSERT ON gateway_partner_status
    FOR EACH ROW EXECUTE FUNCTION gateway_controls_notify();
CREATE TRIGGER gateway_partner_status_changed AFTER UPDATE ON gateway_partner_status
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.status_at IS DISTINCT FROM NEW.status_at)
    EXECUTE FUNCTION gateway_controls_notify();

CREATE TRIGGER gateway_restriction_inserted AFTER INSERT ON gateway_restriction
    FOR EACH ROW EXECUTE FUNCTION gateway_controls_notify();
CREATE TRIGGER gateway_restriction_changed AFTER UPDATE ON gateway_restriction
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.partner_id IS DISTINCT FROM NEW.partner_id)
    EXECUTE FUNCTION gateway_controls_notify();

-- a source's first complete snapshot in this database: the other replicas reload everything and
-- stop answering 503 restrictions-unavailable even if their own bootstrap has not succeeded yet
CREATE FUNCTION gateway_controls_sync_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('gateway_controls', 'sync:' || NEW.source);
    RETURN NULL;
END $$;

CREATE TRIGGER gateway_projection_sync_inserted AFTER INSERT ON gateway_projection_sync
    FOR EACH ROW EXECUTE FUNCTION gateway_controls_sync_notify();
