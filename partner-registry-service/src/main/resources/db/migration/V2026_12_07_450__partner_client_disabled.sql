-- issue 15: the partner's Keycloak client is disabled once its termination's deletion work is complete
ALTER TABLE partner ADD COLUMN client_disabled_at timestamptz;
