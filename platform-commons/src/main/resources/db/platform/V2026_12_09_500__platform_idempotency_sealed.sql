-- Issue 16.3: the Idempotency-Key store keeps no personal value in clear. New rows hold the first
-- answer sealed (AES-GCM) and a keyed request fingerprint (HMAC-SHA256), both under the key named
-- by key_id (platform.idempotency.key; earlier keys in previous-keys). Rows written before this
-- migration (key_id NULL: plain SHA-256, answer in clear) are still replayed until they expire a
-- day later. Services that pass their own fingerprint and store no answer (dsr's POST /requests)
-- leave key_id NULL.
ALTER TABLE platform_idempotency ADD COLUMN key_id TEXT;
