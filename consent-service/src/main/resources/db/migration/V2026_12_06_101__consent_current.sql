-- The consent check's own table (issue #22): one narrow row per partner x subject x purpose with
-- exactly what the check answers from - the decision it rests on, its state, categories, expiry
-- and legal basis. Its size follows the (partner, subject, purpose) triples decided, not the
-- history: superseded decisions leave it, and every check is one index-only probe of
-- consent_current_key instead of a range of the consent table's history plus a wide row.
--
-- Which decision a triple's row holds is what the check read before: the live one (GRANTED or
-- REFUSED; at most one, index consent_live), else the newest. The row is written by a trigger on
-- consent in the transaction that writes the decision, so every write path - recording and
-- superseding, revocation by the subject, the partner, a dsr request or the partner's termination,
-- the expiry scan, a fixture or an operator's SQL - keeps it exact, and a change is visible to the
-- very next check (no cache). Records, history, receipts and events are unchanged.

-- No decision may be written while the table is filled: the backfill below must see every row
-- that exists when the trigger starts to apply (reads go on; the lock ends with the migration).
LOCK TABLE consent IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE consent_current (
    partner_id   UUID         NOT NULL,
    subject_id   TEXT         NOT NULL,
    purpose      TEXT         NOT NULL,
    consent_id   UUID         NOT NULL,
    state        TEXT         NOT NULL,
    categories   TEXT[]       NOT NULL,
    expires_at   TIMESTAMPTZ,
    legal_basis  TEXT         NOT NULL,
    -- the check reads only this index (an index-only scan): the key, then what the check returns
    CONSTRAINT consent_current_key PRIMARY KEY (partner_id, subject_id, purpose)
        INCLUDE (consent_id, state, categories, expires_at, legal_basis),
    CONSTRAINT consent_current_state_known CHECK (state IN ('GRANTED', 'REFUSED', 'REVOKED', 'EXPIRED', 'SUPERSEDED'))
);
-- (No foreign key to consent: rows are written only by the trigger below from a consent row, and
-- consent rows are never deleted; the check would pay nothing for it, every write would.)

CREATE FUNCTION consent_current_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- A new live decision answers from now on (the live one it replaces was superseded first).
        -- A decision inserted in a final state (only imports and fixtures do that) answers only where
        -- no live decision does.
        INSERT INTO consent_current AS cur (partner_id, subject_id, purpose, consent_id, state, categories,
                                            expires_at, legal_basis)
        VALUES (NEW.partner_id, NEW.subject_id, NEW.purpose, NEW.id, NEW.state, NEW.categories, NEW.expires_at,
                NEW.legal_basis)
        ON CONFLICT (partner_id, subject_id, purpose) DO UPDATE
            SET consent_id = EXCLUDED.consent_id, state = EXCLUDED.state, categories = EXCLUDED.categories,
                expires_at = EXCLUDED.expires_at, legal_basis = EXCLUDED.legal_basis
            WHERE EXCLUDED.state IN ('GRANTED', 'REFUSED') OR cur.state NOT IN ('GRANTED', 'REFUSED');
    ELSIF NEW.state IS DISTINCT FROM OLD.state THEN
        -- revoked, expired or superseded: the decided fields never change (consent_guard)
        UPDATE consent_current SET state = NEW.state
        WHERE partner_id = NEW.partner_id AND subject_id = NEW.subject_id AND purpose = NEW.purpose
          AND consent_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER consent_current_synced
    AFTER INSERT OR UPDATE OF state ON consent
    FOR EACH ROW EXECUTE FUNCTION consent_current_sync();

-- Backfill: per triple the decision the check chose until now (live first, then the newest).
INSERT INTO consent_current (partner_id, subject_id, purpose, consent_id, state, categories, expires_at, legal_basis)
SELECT DISTINCT ON (partner_id, subject_id, purpose)
       partner_id, subject_id, purpose, id, state, categories, expires_at, legal_basis
FROM consent
ORDER BY partner_id, subject_id, purpose, (state IN ('GRANTED', 'REFUSED')) DESC, recorded_at DESC, id DESC;

-- The check no longer reads the history: its index over every decision ever recorded goes
-- (recording finds the live decision through consent_live, lists use consent_by_subject/_partner).
DROP INDEX consent_check;
