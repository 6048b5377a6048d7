-- Benchmark data for a consent_bench_* database (never a service database): :rows consent decisions
-- of partner-demo-a with their history, the partner's projection and scope, and the check's
-- consent_current rows. psql -1 -v rows=1000000 -f load.sql (rows: a multiple of 10)
--
-- Shape: rows/10 subjects x 4 purposes; subject s has (s + p) % 4 + 1 decisions for purpose p, so
-- each subject has 10 decisions and the average (partner, subject, purpose) has 2.5. Every decision
-- but a purpose's newest is final: 70 % SUPERSEDED by the next one, 30 % REVOKED before the next
-- one was collected (10 % of the older ones were refusals). The newest: 70 % GRANTED (a third of
-- them expiring in a year), 5 % GRANTED but past their expiry (the scan has not run), 5 % EXPIRED,
-- 10 % REVOKED, 10 % REFUSED. Each decision covers 1-3 of user.name, user.contact.email,
-- user.device.identifier (user.financial.transaction is in scope but never consented).
-- Each decision has its RECORDED history entry, each final one the entry that ended it.
\set ON_ERROR_STOP on
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
\set subjects (:rows / 10)
TRUNCATE consent_current, consent_history, consent, partner_scope, partner_transfer, partner_projection;

INSERT INTO partner_projection (partner_id, status, jurisdiction, scope_version, adm_authorized, status_at, updated_at)
VALUES ('2b9ab027-cb68-523d-81ec-293ae3eaf63b', 'ACTIVE', 'CN', 1, false, now(), now());

INSERT INTO partner_scope (partner_id, purpose, category)
SELECT '2b9ab027-cb68-523d-81ec-293ae3eaf63b', p, c
FROM (VALUES ('payment_processing'), ('marketing.communications'), ('analytics'), ('customer_support')) AS ps(p),
     (VALUES ('user.name'), ('user.contact.email'), ('user.device.identifier'), ('user.financial.transaction')) AS cs(c);

-- The decisions are written in their final states (the service would have moved them one by one),
-- so the trigger that keeps consent_current is off while they go in; consent_current is then built
-- with the migration's own backfill statement, in a shuffled order like live traffic would leave it.
ALTER TABLE consent DISABLE TRIGGER consent_current_synced;

-- Collection round j (1..4) of every subject's purposes, in time order; ids UUID v7-like (the
-- recording time's milliseconds, then j, p and s so that every id is unique).
INSERT INTO consent (id, subject_id, partner_id, purpose, categories, sensitive, decision, state, legal_basis, method,
                     notice_version, notice_hash, language, channel, jurisdiction, collected_at, expires_at,
                     recipients, recorded_at, state_changed_at)
SELECT (lpad(to_hex((extract(epoch FROM d.at) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(d.j * 4 + d.p), 3, '0')
            || '8' || '000' || lpad(to_hex(d.s), 12, '0'))::uuid,
       'bench-subj-' || d.s,
       '2b9ab027-cb68-523d-81ec-293ae3eaf63b'::uuid,
       (ARRAY['payment_processing', 'marketing.communications', 'analytics', 'customer_support'])[d.p + 1],
       CASE (d.s + d.j) % 3 WHEN 0 THEN ARRAY['user.name'] WHEN 1 THEN ARRAY['user.name', 'user.contact.email']
            ELSE ARRAY['user.name', 'user.contact.email', 'user.device.identifier'] END,
       false,
       CASE WHEN d.newest AND d.h BETWEEN 18 AND 19 THEN 'REFUSED'
            WHEN NOT d.newest AND d.h = 9 THEN 'REFUSED' ELSE 'GRANTED' END,
       CASE WHEN d.newest THEN CASE WHEN d.h BETWEEN 18 AND 19 THEN 'REFUSED' WHEN d.h BETWEEN 16 AND 17 THEN 'REVOKED'
                                    WHEN d.h = 15 THEN 'EXPIRED' ELSE 'GRANTED' END
            WHEN d.h % 10 < 3 AND d.h <> 9 THEN 'REVOKED' ELSE 'SUPERSEDED' END,
       'EXPRESS_CONSENT', 'CHECKBOX', '2026-11',
       '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'zh-CN', 'WEB', 'CN',
       d.at - interval '1 minute',
       CASE WHEN d.newest AND d.h IN (14, 15) THEN d.at + interval '30 days'
            WHEN d.newest AND d.h < 14 AND d.h % 3 = 0 THEN now() + interval '365 days' END,
       '{"recipients": []}', d.at, d.at + interval '1 day'
FROM (SELECT j, s, p, j = (s + p) % 4 + 1 AS newest, abs(hashint8(s::bigint * 16 + p * 4 + j) % 20) AS h,
             now() - make_interval(days => 200 - 40 * j) + make_interval(secs => s / 1000.0) AS at
      FROM generate_series(1, 4) AS j, generate_series(0, :subjects - 1) AS s, generate_series(0, 3) AS p
      WHERE j <= (s + p) % 4 + 1) AS d;

-- History: every decision's RECORDED entry, then the entry that ended each final one.
INSERT INTO consent_history (id, consent_id, state, previous_state, cause, reason, actor, actor_role, request_id,
                             superseded_by, at)
SELECT gen_random_uuid(), id, decision, NULL, 'RECORDED', NULL, 'partner:' || partner_id, 'partner', NULL, NULL,
       recorded_at
FROM consent;
INSERT INTO consent_history (id, consent_id, state, previous_state, cause, reason, actor, actor_role, request_id,
                             superseded_by, at)
SELECT gen_random_uuid(), c.id, c.state, c.decision,
       CASE c.state WHEN 'REVOKED' THEN 'SUBJECT' WHEN 'EXPIRED' THEN 'EXPIRY' ELSE 'SUPERSEDED' END,
       CASE c.state WHEN 'SUPERSEDED' THEN 'a newer decision was recorded' WHEN 'EXPIRED' THEN 'expired' END,
       CASE c.state WHEN 'REVOKED' THEN 'user:' || c.subject_id WHEN 'EXPIRED' THEN 'system:consent-service'
                    ELSE 'partner:' || c.partner_id END,
       CASE c.state WHEN 'REVOKED' THEN 'data-subject' WHEN 'EXPIRED' THEN 'system' ELSE 'partner' END,
       NULL, NULL, c.state_changed_at
FROM consent c
WHERE c.state IN ('SUPERSEDED', 'REVOKED', 'EXPIRED');

-- consent_current: the migration's backfill (V2026_12_06_101), rows in a shuffled key order.
INSERT INTO consent_current (partner_id, subject_id, purpose, consent_id, state, categories, expires_at, legal_basis)
SELECT * FROM (
    SELECT DISTINCT ON (partner_id, subject_id, purpose)
           partner_id, subject_id, purpose, id, state, categories, expires_at, legal_basis
    FROM consent
    ORDER BY partner_id, subject_id, purpose, (state IN ('GRANTED', 'REFUSED')) DESC, recorded_at DESC, id DESC) AS cur
ORDER BY hashtext(subject_id || purpose);

ALTER TABLE consent ENABLE TRIGGER consent_current_synced;
