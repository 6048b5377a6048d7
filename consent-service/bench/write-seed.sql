-- Seed of consent_write_bench (never a service database): partner-demo-a ACTIVE with the
-- benchmark's purpose and category in scope, as the partner projection would hold it.
\set ON_ERROR_STOP on
TRUNCATE partner_scope, partner_projection CASCADE;
INSERT INTO partner_projection (partner_id, status, jurisdiction, scope_version, adm_authorized, status_at, updated_at)
VALUES ('2b9ab027-cb68-523d-81ec-293ae3eaf63b', 'ACTIVE', 'CN', 1, false, now(), now());
INSERT INTO partner_scope (partner_id, purpose, category)
VALUES ('2b9ab027-cb68-523d-81ec-293ae3eaf63b', 'payment_processing', 'user.name');
