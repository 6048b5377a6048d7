-- Benchmark data for consent_bench (never a service database): :rows consent decisions of
-- partner-demo-a over :rows/4 subjects x 4 purposes, ~90% GRANTED, some expiring, plus the
-- partner's projection and scope. psql -v rows=1000000 -f load.sql
\set ON_ERROR_STOP on
TRUNCATE consent_history, consent, partner_scope, partner_projection;

INSERT INTO partner_projection (partner_id, status, jurisdiction, scope_version, adm_authorized, status_at, updated_at)
VALUES ('2b9ab027-cb68-523d-81ec-293ae3eaf63b', 'ACTIVE', 'CN', 1, false, now(), now());

INSERT INTO partner_scope (partner_id, purpose, category)
SELECT '2b9ab027-cb68-523d-81ec-293ae3eaf63b', p, c
FROM (VALUES ('payment_processing'), ('marketing.communications'), ('analytics'), ('customer_support')) AS ps(p),
     (VALUES ('user.name'), ('user.contact.email'), ('user.device.identifier'), ('user.financial.transaction')) AS cs(c);

-- ids: UUID v7-like (time prefix + random), as the service writes them
INSERT INTO consent (id, subject_id, partner_id, purpose, categories, sensitive, decision, state, legal_basis, method,
                     notice_version, notice_hash, language, channel, jurisdiction, collected_at, expires_at,
                     recipients, recorded_at, state_changed_at)
SELECT (lpad(to_hex((extract(epoch FROM now())::bigint * 1000 + n / 1000)), 12, '0')
            || '7' || substr(md5(n::text), 1, 3) || '8' || substr(md5(n::text), 4, 15))::uuid,
       'bench-subj-' || (n / 4),
       '2b9ab027-cb68-523d-81ec-293ae3eaf63b'::uuid,
       (ARRAY['payment_processing', 'marketing.communications', 'analytics', 'customer_support'])[n % 4 + 1],
       ARRAY['user.name', 'user.contact.email', 'user.device.identifier'],
       true,
       CASE WHEN n % 10 = 9 THEN 'REFUSED' ELSE 'GRANTED' END,
       CASE WHEN n % 10 = 9 THEN 'REFUSED' WHEN n % 10 = 8 THEN 'REVOKED' ELSE 'GRANTED' END,
       'EXPRESS_CONSENT', 'CHECKBOX', '2026-11',
       '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'zh-CN', 'WEB', 'CN',
       now() - interval '30 days',
       CASE WHEN n % 7 = 0 THEN now() + interval '365 days' END,
       '{"recipients": []}', now() - interval '30 days', now() - interval '30 days'
FROM generate_series(0, :rows - 1) AS n;

ANALYZE consent;
ANALYZE partner_scope;
ANALYZE partner_projection;
