#!/usr/bin/env bash
# Benchmark of a partner's termination at scale (issue 18.1, clause 3.5.d; not a test: it prints
# figures and never fails on a timing).
#
#   dsr-service/bench/termination.sh                      # 1,000,000 subjects
#   HOLDINGS=200000 dsr-service/bench/termination.sh      # a smaller partner
#   CHUNK=1000 IDLE=30 dsr-service/bench/termination.sh
#   JAVA_OPTS=-Dplatform.events.relay.batch-size=500 dsr-service/bench/termination.sh   # JVM options
#   DRAIN=60 dsr-service/bench/termination.sh   # wait at most 60 s for the outbox to drain (default 600)
#
# In one run, on a fresh database dsr_bench (dropped and created with psql -U postgres; never the
# service's own database):
#  1. starts the dsr-service jar (JAR overrides its path; production profile, -Xmx$HEAP, outbox relay
#     and audit chainer on) on BENCH_PORT; its queues are private (auto-deleted, classic) and bound to
#     a bench exchange, and its relay publishes to that exchange too, so neither the running platform
#     nor this instance sees the other's events;
#  2. a small partner (20 subjects) is terminated first, so a request exists to read; p50/p99 of
#     GET /requests/{id} (compliance officer's token from the local Keycloak, curl in a loop, one
#     connection) for IDLE seconds with nothing else running;
#  3. loads HOLDINGS holdings of one partner (one consent per subject) into consent_holding with SQL;
#  4. publishes that partner's partner.terminated (a CloudEvent as the registry publishes it) to the
#     bench exchange and measures the time until the fan-out has ended - every subject's DELETION
#     request and task exist - while the same GET loop runs; samples dsr-service's RSS;
#  5. prints: the time, subjects/s, requests and tasks counted, the RSS (max and at the end), the
#     p50/p99 of the GET idle and during the fan-out, the outbox backlog when it ended and how long the
#     relay then took to send it (at most DRAIN seconds).
# Needs: PostgreSQL on 127.0.0.1:5432 (superuser postgres by local trust or PGPASSWORD), Keycloak with
# the demo realm on 8180, RabbitMQ on 5672 (guest), amqp-publish (Debian amqp-tools), openssl, jq.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the platform script's functions (bench_java, bench_analyze_while, ...); it runs no command when sourced
# shellcheck source=../../platform
source "$ROOT/platform"
JAR="${JAR:-$ROOT/dsr-service/target/quarkus-app/quarkus-run.jar}"
CHUNK="${CHUNK:-500}"
BENCH_PORT="${BENCH_PORT:-8094}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9094}"
DB=dsr_bench
OUT="$ROOT/dsr-service/target/bench"
LOG="$OUT/service.log"

bench_termination_setup dsr-service "$JAR" "$OUT"

bench_fresh_database "$DB" dsr

# the production profile has no default password or key: local throw-away values
key="$(mktemp)"
openssl genpkey -algorithm ed25519 -outform DER -out "$key" 2>/dev/null
PLATFORM_AUDIT_CHECKPOINTS_SIGNING_KEY="$(base64 -w0 "$key")"
PLATFORM_AUDIT_CHECKPOINTS_PUBLIC_KEY="$(openssl pkey -inform DER -in "$key" -pubout -outform DER | base64 -w0)"
rm -f "$key"
DSR_EXPORT_KEY="$(openssl rand -base64 32)"
# the deletion attestations' signing key (the receipt keys' tool); no consent-service runs here, so
# the holdings projection is fed by the SQL below only (no feed to build it from, issue 18.2)
DSR_ATTESTATIONS_JWKS="$("$ROOT/consent-service/tools/receipt-jwks.sh" attestations-bench)"
export PLATFORM_AUDIT_CHECKPOINTS_SIGNING_KEY PLATFORM_AUDIT_CHECKPOINTS_PUBLIC_KEY DSR_EXPORT_KEY \
  DB_PASSWORD=dsr RABBITMQ_PASSWORD=guest DSR_ATTESTATIONS_JWKS DSR_ATTESTATIONS_ISSUER=http://localhost/bench \
  PLATFORM_SERVICES_SECRET=platform-services-secret DSR_CONSENT_FEED_ENABLED=false
info "chunks of $CHUNK subjects"
bench_start_service dsr-service "$JAR" "$LOG" dsr-bench "consent-events partner-events breach-orders" \
  -Ddsr.mass-deletion.chunk-size="$CHUNK"
URL="http://localhost:$BENCH_PORT"

terminate() { # partner
  bench_publish partner.terminated "$1" "{\"partnerId\":\"$1\",\"from\":\"ACTIVE\",\"to\":\"TERMINATED\",
    \"reason\":\"benchmark\",\"at\":\"@AT@\"}" >/dev/null
}
holdings() { # partner count
  psql -q -c "INSERT INTO consent_holding (consent_id, partner_id, subject_id, purpose, categories, recipients,
      status, method, collected_at, granted_at, updated_at)
    SELECT gen_random_uuid(), '$1', 'bench-' || substr('$1', 1, 8) || '-' || i, 'payment_processing',
      '{user.name,user.contact.email}', '[]', 'ACTIVE', 'CHECKBOX', now(), now(), now()
    FROM generate_series(1, $2) i"
}
finished() { [[ "$(psql -tAc "SELECT finished_at IS NOT NULL FROM deletion_fanout WHERE ref = '$1'")" == t ]]; }

info "a small partner first (20 subjects), so a request exists to read"
small="$(cat /proc/sys/kernel/random/uuid)"
holdings "$small" 20
terminate "$small"
for _ in $(seq 1 60); do finished "$small" && break; sleep 1; done
SAMPLE="$(psql -tAc "SELECT id FROM dsr_request WHERE origin_ref = '$small' LIMIT 1")"
[[ -n "$SAMPLE" ]] || { echo "bench: the small termination opened no request; see $LOG" >&2; exit 1; }
TOKEN="$(bench_officer_token)"
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/requests/$SAMPLE")"
[[ "$status" == 200 ]] || { echo "bench: GET /requests/$SAMPLE answered $status" >&2; exit 1; }

bench_idle_gets "$OUT/idle.txt" "$URL/requests/$SAMPLE" "$IDLE"

partner="$(cat /proc/sys/kernel/random/uuid)"
info "loading $HOLDINGS holdings of partner $partner (SQL)"
start=$(date +%s)
holdings "$partner" "$HOLDINGS"
psql -q -c "VACUUM (ANALYZE) consent_holding"
info "loaded in $(( $(date +%s) - start )) s"

publish_termination() { terminate "$partner"; }
fanout_finished() { finished "$partner"; }
fanout_so_far() {
  psql -tAc "SELECT coalesce(max(subjects), 0) || ' subjects, ' || coalesce(max(chunks), 0) || ' chunks'
    FROM deletion_fanout WHERE ref = '$partner'"
}
info "partner.terminated of $partner published; GET /requests/{id} in a loop meanwhile"
bench_watch "$OUT/during.txt" "$URL/requests/$SAMPLE" "$LOG" publish_termination fanout_finished fanout_so_far
COUNTS="$(psql -tA -F ' ' -c "SELECT (SELECT count(*) FROM dsr_request WHERE origin = 'TERMINATION'
      AND origin_ref = '$partner'),
    (SELECT count(*) FROM dsr_task t JOIN dsr_request r ON r.id = t.request_id WHERE r.origin = 'TERMINATION'
      AND r.origin_ref = '$partner'),
    (SELECT count(*) FROM (SELECT subject_id FROM dsr_request WHERE origin_ref = '$partner' GROUP BY subject_id
      HAVING count(*) > 1) twice),
    (SELECT chunks FROM deletion_fanout WHERE ref = '$partner'),
    (SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL)")"
read -r n_requests n_tasks n_twice n_chunks n_unsent <<<"$COUNTS"

# the events the fan-out wrote reach the broker after it: how long until the outbox is drained
DRAIN_LINE="$(bench_drain "$DRAIN" "$n_unsent")"

echo
echo "== dsr-service termination fan-out, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by all, -Xmx$HEAP"
echo "subjects (one holding each): $HOLDINGS; chunk size $CHUNK; chunks $n_chunks"
echo "time until every subject's deletion request and task exist: $(bench_seconds_rate "$HOLDINGS") subjects/s)"
# the goal (issue 18.1) is for 1,000,000 subjects: a smaller run says what its pace would take for them
echo "goal: 1,000,000 subjects in under 300 s (3,334 subjects/s): $(awk -v n="$HOLDINGS" -v m="$ELAPSED_MS" 'BEGIN {
  t = m / 1000 * 1000000 / n; printf "%s%s", (t < 300) ? "met" : "not met", (n == 1000000) ? "" : sprintf(" at this pace (%.0f s for 1,000,000, if it held)", t) }')"
echo "requests $n_requests, tasks $n_tasks, subjects with two requests $n_twice"
bench_closing dsr-service "GET /requests/{id}" fan-out "$n_unsent" "$DRAIN_LINE"
