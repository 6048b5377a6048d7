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
HOLDINGS="${HOLDINGS:-1000000}"
CHUNK="${CHUNK:-500}"
IDLE="${IDLE:-20}"
DRAIN="${DRAIN:-600}"
HEAP="${HEAP:-256m}"
BENCH_PORT="${BENCH_PORT:-8094}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9094}"
DB=dsr_bench
EXCHANGE=privacy.events.bench
KEYCLOAK="${KEYCLOAK:-http://localhost:8180/realms/privacy}"
AMQP="${AMQP:-amqp://guest:guest@127.0.0.1:5672}"
OUT="$ROOT/dsr-service/target/bench"
LOG="$OUT/service.log"
export PGHOST=127.0.0.1 PGPORT=5432

say() { printf '==> %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is required" >&2; exit 1; }; }
need psql; need curl; need jq; need openssl; need amqp-publish
if [[ ! -f "$JAR" ]]; then
  say "building dsr-service"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl dsr-service -am package -DskipTests)
fi
mkdir -p "$OUT"

say "fresh database $DB (owner dsr)"
psql -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER dsr"
export PGUSER=dsr PGPASSWORD=dsr PGDATABASE=$DB

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
queues=()
for ch in consent-events partner-events breach-orders; do
  p="-Dmp.messaging.incoming.$ch"
  queues+=("$p.queue.name=dsr-bench.$ch" "$p.exchange.name=$EXCHANGE" "$p.queue.x-queue-type=classic"
    "$p.queue.x-delivery-limit=" "$p.queue.auto-delete=true" "$p.queue.durable=false" "$p.auto-bind-dlq=false"
    "$p.dlx.declare=false")
done
# shellcheck source=../../platform
JAVA="$(bench_java)"
say "starting dsr-service on :$BENCH_PORT against $DB (-Xmx$HEAP, chunks of $CHUNK subjects, $JAVA)"
# shellcheck disable=SC2086 # JAVA_OPTS: extra JVM options (e.g. -Dplatform.events.relay.batch-size=500), split on spaces
"$JAVA" -Xmx"$HEAP" ${JAVA_OPTS:-} -Dquarkus.http.port="$BENCH_PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dquarkus.datasource.reactive.url="postgresql://localhost:5432/$DB" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
  -Dplatform.events.exchange="$EXCHANGE" -Ddsr.mass-deletion.chunk-size="$CHUNK" "${queues[@]}" \
  -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
LOOP=""
trap 'kill $LOOP "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://localhost:$MANAGEMENT_PORT/q/health/ready" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "bench: the service did not start; see $LOG" >&2; exit 1; }
  sleep 1
done
URL="http://localhost:$BENCH_PORT"

terminate() { # partner
  local id now
  id="$(cat /proc/sys/kernel/random/uuid)"; now="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  amqp-publish -u "$AMQP" -e "$EXCHANGE" -r partner.terminated -C application/cloudevents+json -p -b \
    "{\"specversion\":\"1.0\",\"id\":\"$id\",\"type\":\"partner.terminated\",\"source\":\"/partner-registry-service\",
      \"subject\":\"$1\",\"time\":\"$now\",\"datacontenttype\":\"application/json\",\"data\":{\"partnerId\":\"$1\",
      \"from\":\"ACTIVE\",\"to\":\"TERMINATED\",\"reason\":\"benchmark\",\"at\":\"$now\"}}"
}
holdings() { # partner count
  psql -q -c "INSERT INTO consent_holding (consent_id, partner_id, subject_id, purpose, categories, recipients,
      status, method, collected_at, granted_at, updated_at)
    SELECT gen_random_uuid(), '$1', 'bench-' || substr('$1', 1, 8) || '-' || i, 'payment_processing',
      '{user.name,user.contact.email}', '[]', 'ACTIVE', 'CHECKBOX', now(), now(), now()
    FROM generate_series(1, $2) i"
}
finished() { psql -tAc "SELECT finished_at IS NOT NULL FROM deletion_fanout WHERE ref = '$1'"; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
token() {
  curl -fsS "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=privacy-cli \
    -d username=olivia -d password="${OFFICER_PASSWORD:-olivia-demo-pw}" -d scope=openid | jq -r .access_token
}
# GET /requests/{id} in a loop on one connection, one latency (seconds) per line, until killed
get_loop() { # file
  while true; do
    [[ -z "${TOKEN_TIME:-}" || $(( $(date +%s) - TOKEN_TIME )) -gt 200 ]] && { TOKEN="$(token)"; TOKEN_TIME=$(date +%s); }
    curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL/requests/$SAMPLE"
  done >"$1"
}
pct() { # file percentile -> ms
  awk '$1 == 200 {print $2}' "$1" | sort -n | awk -v p="$2" '{v[NR] = $1} END {
    if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'
}
summary() { # file
  printf '%s GETs, %s non-200, p50 %s ms, p99 %s ms' "$(wc -l <"$1")" "$(awk '$1 != 200' "$1" | wc -l)" \
    "$(pct "$1" 50)" "$(pct "$1" 99)"
}

say "a small partner first (20 subjects), so a request exists to read"
small="$(cat /proc/sys/kernel/random/uuid)"
holdings "$small" 20
terminate "$small"
for _ in $(seq 1 60); do [[ "$(finished "$small")" == t ]] && break; sleep 1; done
SAMPLE="$(psql -tAc "SELECT id FROM dsr_request WHERE origin_ref = '$small' LIMIT 1")"
[[ -n "$SAMPLE" ]] || { echo "bench: the small termination opened no request; see $LOG" >&2; exit 1; }
TOKEN="$(token)"
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/requests/$SAMPLE")"
[[ "$status" == 200 ]] || { echo "bench: GET /requests/$SAMPLE answered $status" >&2; exit 1; }

say "idle: GET /requests/{id} for ${IDLE}s"
get_loop "$OUT/idle.txt" & LOOP=$!
sleep "$IDLE"; kill "$LOOP"; wait "$LOOP" 2>/dev/null || true; LOOP=""
IDLE_LINE="$(summary "$OUT/idle.txt")"
say "idle: $IDLE_LINE"

partner="$(cat /proc/sys/kernel/random/uuid)"
say "loading $HOLDINGS holdings of partner $partner (SQL)"
start=$(date +%s)
holdings "$partner" "$HOLDINGS"
psql -q -c "VACUUM (ANALYZE) consent_holding"
say "loaded in $(( $(date +%s) - start )) s"

ANALYZER="$(bench_analyze_while "$PID" 20)"
trap 'kill $LOOP $ANALYZER "$PID" 2>/dev/null || true' EXIT
say "partner.terminated of $partner published; GET /requests/{id} in a loop meanwhile"
get_loop "$OUT/during.txt" & LOOP=$!
rss_max=$(rss_kib)
t0=$(date +%s%N)
terminate "$partner"
last_print=0
while [[ "$(finished "$partner")" != t ]]; do
  kill -0 "$PID" 2>/dev/null || { echo "bench: dsr-service died; see $LOG" >&2; exit 1; }
  r=$(rss_kib); (( r > rss_max )) && rss_max=$r
  now=$(date +%s)
  if (( now - last_print >= 15 )); then
    last_print=$now
    say "$(( (  $(date +%s%N) - t0 ) / 1000000000 )) s: $(psql -tAc "SELECT coalesce(max(subjects), 0) || ' subjects, '
      || coalesce(max(chunks), 0) || ' chunks' FROM deletion_fanout WHERE ref = '$partner'"), RSS $(( r / 1024 )) MiB"
  fi
  sleep 0.5
done
elapsed_ms=$(( ( $(date +%s%N) - t0 ) / 1000000 ))
kill "$LOOP"; wait "$LOOP" 2>/dev/null || true; LOOP=""
[[ -n "$ANALYZER" ]] && { kill "$ANALYZER" 2>/dev/null || true; ANALYZER=""; }
rss_end=$(rss_kib)
COUNTS="$(psql -tA -F ' ' -c "SELECT (SELECT count(*) FROM dsr_request WHERE origin = 'TERMINATION'
      AND origin_ref = '$partner'),
    (SELECT count(*) FROM dsr_task t JOIN dsr_request r ON r.id = t.request_id WHERE r.origin = 'TERMINATION'
      AND r.origin_ref = '$partner'),
    (SELECT count(*) FROM (SELECT subject_id FROM dsr_request WHERE origin_ref = '$partner' GROUP BY subject_id
      HAVING count(*) > 1) twice),
    (SELECT chunks FROM deletion_fanout WHERE ref = '$partner'),
    (SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL)")"
read -r n_requests n_tasks n_twice n_chunks n_unsent <<<"$COUNTS"
DURING_LINE="$(summary "$OUT/during.txt")"

# the events the fan-out wrote reach the broker after it: how long until the outbox is drained
say "waiting for the relay to send the $n_unsent events left (at most ${DRAIN}s)"
drain_start=$(date +%s%N)
drained=""
while (( ( $(date +%s%N) - drain_start ) / 1000000000 < DRAIN )); do
  [[ "$(psql -tAc 'SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL')" == 0 ]] &&
    { drained=$(( ( $(date +%s%N) - drain_start ) / 1000000 )); break; }
  sleep 1
done

echo
echo "== dsr-service termination fan-out, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by all, -Xmx$HEAP"
echo "subjects (one holding each): $HOLDINGS; chunk size $CHUNK; chunks $n_chunks"
echo "time until every subject's deletion request and task exist: $(awk -v m="$elapsed_ms" 'BEGIN { printf "%.1f s", m / 1000 }')" \
  "($(awk -v n="$HOLDINGS" -v m="$elapsed_ms" 'BEGIN { printf "%.0f", n * 1000 / m }') subjects/s)"
# the goal (issue 18.1) is for 1,000,000 subjects: a smaller run says what its pace would take for them
echo "goal: 1,000,000 subjects in under 300 s (3,334 subjects/s): $(awk -v n="$HOLDINGS" -v m="$elapsed_ms" 'BEGIN {
  t = m / 1000 * 1000000 / n; printf "%s%s", (t < 300) ? "met" : "not met", (n == 1000000) ? "" : sprintf(" at this pace (%.0f s for 1,000,000, if it held)", t) }')"
echo "requests $n_requests, tasks $n_tasks, subjects with two requests $n_twice"
echo "dsr-service RSS: max $(( rss_max / 1024 )) MiB during the fan-out, $(( rss_end / 1024 )) MiB at its end"
echo "GET /requests/{id}, one connection: idle $IDLE_LINE"
echo "GET /requests/{id}, one connection: during the fan-out $DURING_LINE"
echo "outbox events not yet relayed when the fan-out ended: $n_unsent; $(if [[ -n "$drained" ]]; then
  awk -v n="$n_unsent" -v m="$drained" 'BEGIN { printf "all sent %.1f s later (%.0f events/s)", m / 1000, (m > 0) ? n * 1000 / m : 0 }'
else printf 'still %s unsent after %s s' "$(psql -tAc 'SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL')" "$DRAIN"; fi)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
