# shellcheck shell=bash
# consent-service/bench/prod-env.sh - sourced by the consent benchmarks (run.sh, write.sh): exports
# what consent-service's production profile reads without a default, with fresh throw-away keys for
# one run: a receipt signing key (tools/receipt-jwks.sh), an audit checkpoint key (Ed25519,
# platform-commons README "Signed checkpoints"), an Idempotency-Key store key, and the local
# passwords and secrets of ./platform. Needs ROOT and BENCH_PORT; openssl.
bench_prod_environment() {
  local key
  CONSENT_RECEIPTS_JWKS="$("$ROOT/consent-service/tools/receipt-jwks.sh" bench)"
  key="$(mktemp)"
  openssl genpkey -algorithm ed25519 -outform DER -out "$key" 2>/dev/null
  PLATFORM_AUDIT_CHECKPOINTS_SIGNING_KEY="$(base64 -w0 "$key")"
  PLATFORM_AUDIT_CHECKPOINTS_PUBLIC_KEY="$(openssl pkey -inform DER -in "$key" -pubout -outform DER | base64 -w0)"
  rm -f "$key"
  export CONSENT_RECEIPTS_JWKS PLATFORM_AUDIT_CHECKPOINTS_SIGNING_KEY PLATFORM_AUDIT_CHECKPOINTS_PUBLIC_KEY
  export DB_PASSWORD=consent RABBITMQ_PASSWORD=guest PLATFORM_SERVICES_SECRET=platform-services-secret \
    CONSENT_RECEIPTS_ISSUER="http://localhost:$BENCH_PORT" PLATFORM_IDEMPOTENCY_KEY="$(openssl rand -base64 32)"
}
