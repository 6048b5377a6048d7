#!/usr/bin/env bash
# Benchmark of consent writes (issue 16; not a test: it prints figures and never fails on a timing).
#
#   consent-service/bench/write.sh
#   DURATION=30 LEVELS="2 4 8 16" consent-service/bench/write.sh
#   RATE=300 LEVELS=16 JAR=... consent-service/bench/write.sh   # two builds' CPU per write at one fixed rate
#
# In one run, on a fresh database consent_write_bench (dropped and created with psql -U postgres;
# never the service's own database):
#  1. starts the consent-service jar (JAR overrides its path) (production profile, -Xmx$HEAP, outbox relay and audit chainer
#     on, private auto-deleted queues on a bench exchange, EXCHANGE) on BENCH_PORT and seeds partner-demo-a as ACTIVE;
#  2. wrk: POST /consents (a new subject per request, one purpose) at each of LEVELS connections
#     for DURATION seconds after a warm-up, with a real partner-demo-a token from the local Keycloak;
#  3. autocannon --overallRate (fixed rate) at half the peak wrk rate (RATE overrides it), 16 connections, with the
#     CPU per write of the JVM and the backends at that rate;
#  4. checks that every write left its consent, history entry, outbox event and audit record, that
#     the chainer linked them all, and the chain verifies (GET /audit-records/verification);
#  5. stops the service and runs pgbench replaying the same SQL transaction (bench/write.pgbench:
#     the inserts into consent, consent_history, platform_outbox, platform_audit_record) at the same
#     concurrency levels: the ceiling; prints service/pgbench ratios and growth.
# Needs: PostgreSQL on 127.0.0.1:5432 (superuser postgres by local trust or PGPASSWORD), Keycloak
# with the demo realm, RabbitMQ, openssl; installs wrk (apt-get) and autocannon (npm, into
# consent-service/target/bench-tools) when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the platform script's functions (bench_java, bench_analyze_while, ...); it runs no command when sourced
# shellcheck source=../../platform
source "$ROOT/platform"
BENCH_DIR="$ROOT/consent-service/bench"
JAR="${JAR:-$ROOT/consent-service/target/quarkus-app/quarkus-run.jar}"
TOOLS="$ROOT/consent-service/target/bench-tools"
DURATION="${DURATION:-20}"
# the JIT needs about a minute of load before CPU per write settles
WARMUP="${WARMUP:-60}"
LEVELS="${LEVELS:-2 4 16}"
RATE_CONNECTIONS="${RATE_CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
HEAP="${HEAP:-256m}"
BENCH_PORT="${BENCH_PORT:-8093}"
# health is on the management interface (its own port, issue 15.3)
BENCH_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-9093}"
DB=consent_write_bench
KEYCLOAK="${KEYCLOAK:-http://localhost:8180/realms/privacy}"
LOG="$ROOT/consent-service/target/bench-write-service.log"
RUN="$(date +%s)"
export PGHOST=127.0.0.1 PGPORT=5432

say() { printf '==> %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is required" >&2; exit 1; }; }
field() { grep -oE "$1=[0-9.]+" <<<"$2" | head -1 | cut -d= -f2; }
# CPU time (utime+stime, clock ticks) of one process, and of all PostgreSQL backends connected to $DB:
# CPU per write is less distorted by other people's load on the machine than writes/s
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
backend_ticks() {
  local t=0 p
  for p in $(psql -U postgres -d postgres -tAc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'"); do
    t=$((t + $(ticks "$p")))
  done
  echo "$t"
}
HZ="$(getconf CLK_TCK)"

need psql; need pgbench; need curl; need jq; need java; need openssl; need node; need npm
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (apt-get)"
  if [[ "$(id -u)" -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
if [[ ! -d "$TOOLS/node_modules/autocannon" ]]; then
  say "installing autocannon (npm) into ${TOOLS#"$ROOT"/}"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" autocannon@9.0.0 >/dev/null
fi
if [[ ! -f "$JAR" ]]; then
  say "building consent-service"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl consent-service -am package -DskipTests)
fi

say "fresh database $DB (owner consent)"
psql -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER consent"
export PGUSER=consent PGPASSWORD=consent PGDATABASE=$DB

say "starting consent-service on :$BENCH_PORT against $DB (-Xmx$HEAP)"
# the production profile has no default password, secret or key: fresh ones for this run
# shellcheck source=prod-env.sh
source "$BENCH_DIR/prod-env.sh"
bench_prod_environment
JAVA="$(bench_java)"
say "JDK $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')"
# a bench exchange for the events it consumes and publishes: the partner events of other work on the
# machine (a test suspending partner-demo-a on privacy.events) must not reach the bench's projection
# (2026-12-07 06:3x: a suspension mid-run turned every later write into a 422)
EXCHANGE="${EXCHANGE:-privacy.events.consent-write-bench}"
queues=()
for ch in partner-events dsr-events; do
  p="-Dmp.messaging.incoming.$ch"
  queues+=("$p.queue.name=consent-write-bench.$ch" "$p.exchange.name=$EXCHANGE" "$p.queue.x-queue-type=classic" "$p.queue.x-delivery-limit="
    "$p.queue.auto-delete=true" "$p.queue.durable=false" "$p.auto-bind-dlq=false" "$p.dlx.declare=false")
done
# JAVA: the java binary (default: the JDK ./platform up uses); JAVA_OPTS: extra JVM options, e.g. a flight recording: JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/w.jfr"
# shellcheck disable=SC2086
"$JAVA" -Xmx"$HEAP" ${JAVA_OPTS:-} -Dquarkus.http.port="$BENCH_PORT" -Dquarkus.management.port="$BENCH_MANAGEMENT_PORT" \
  -Dquarkus.datasource.reactive.url="postgresql://localhost:5432/$DB" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
  -Dconsent.registry.bootstrap.enabled=false -Dconsent.expiry.every=off -Dplatform.events.exchange="$EXCHANGE" "${queues[@]}" \
  -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT
bench_wait_ready "$PID" "$BENCH_MANAGEMENT_PORT" "$LOG"
psql -q -f "$BENCH_DIR/write-seed.sql"
bench_analyze_while "$PID" 10 >/dev/null

token() {
  curl -fsS "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=client_credentials \
    -d client_id=partner-demo-a -d client_secret=partner-demo-a-secret | jq -r .access_token
}
URL="http://localhost:$BENCH_PORT"
TOKEN="$(token)"
export TOKEN RUN
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$URL/consents" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"subjectId":"w-sample-'"$RUN"'","jurisdiction":"CN","language":"zh-CN",
  "channel":"WEB","collectedAt":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","notice":{"version":"2026-11",
  "textHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},"legalBasis":"EXPRESS_CONSENT",
  "method":"CHECKBOX","purposes":[{"purpose":"payment_processing","categories":["user.name"],"granted":true}]}')"
[[ "$status" == 201 ]] || { echo "bench: a sample write answered $status; see $LOG" >&2; exit 1; }

say "warm-up ${WARMUP}s (wrk, 16 connections)"
PHASE=warmup wrk -t"$THREADS" -c16 -d"${WARMUP}s" -s "$BENCH_DIR/write.lua" "$URL" >/dev/null
declare -A SERVICE CPU
peak=0
for c in $LEVELS; do
  TOKEN="$(token)"
  say "wrk -t$THREADS -c$c -d${DURATION}s POST /consents"
  jvm0="$(ticks "$PID")"; pg0="$(backend_ticks)"; load0="$(cut -d' ' -f1 /proc/loadavg)"
  out="$(PHASE="c$c" wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -s "$BENCH_DIR/write.lua" "$URL" | grep -E "^(RESULT|first non-201)")"
  jvm1="$(ticks "$PID")"; pg1="$(backend_ticks)"; load1="$(cut -d' ' -f1 /proc/loadavg)"
  n="$(field requests "$out")"
  CPU[$c]="$(awk -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v n="$n" -v hz="$HZ" -v l0="$load0" -v l1="$load1" \
    'BEGIN { if (n > 0) printf "%.2f %.2f %s-%s", j * 1000 / hz / n, p * 1000 / hz / n, l0, l1 }')"
  out="$out cpu_ms_per_write jvm=${CPU[$c]%% *} pg=$(cut -d' ' -f2 <<<"${CPU[$c]}") load=${CPU[$c]##* }"
  echo "    $out"
  SERVICE[$c]="$out"
  rps="$(field rps "$out")"
  (( rps > peak )) && peak=$rps
done

# RATE fixes the rate (e.g. to compare two jars' CPU per write at the same load); default: half the peak
rate="${RATE:-$((peak / 2))}"
TOKEN="$(token)"
say "autocannon: fixed rate $rate/s (${RATE:+RATE, not }half the peak) over $RATE_CONNECTIONS connections for ${DURATION}s"
jvm0="$(ticks "$PID")"; pg0="$(backend_ticks)"
RATE_OUT="$(AUTOCANNON="$TOOLS/node_modules/autocannon" URL="$URL" RATE="$rate" DURATION="$DURATION" \
  CONNECTIONS="$RATE_CONNECTIONS" node "$BENCH_DIR/write-rate.cjs" | grep '^RESULT')"
jvm1="$(ticks "$PID")"; pg1="$(backend_ticks)"
# at a fixed rate the CPU per write compares between builds better than at saturation (same batching, no queueing)
RATE_CPU="$(awk -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v n="$(field requests "$RATE_OUT")" -v hz="$HZ" \
  'BEGIN { if (n > 0) printf "jvm=%.2f pg=%.2f", j * 1000 / hz / n, p * 1000 / hz / n }')"
echo "    $RATE_OUT cpu_ms_per_write $RATE_CPU"

say "completeness: every write's consent, history entry, outbox event and audit record"
start=$(date +%s%N)
for _ in $(seq 1 600); do
  [[ "$(psql -tAc "SELECT count(*) FROM platform_audit_record WHERE seq IS NULL")" == 0 ]] && break
  sleep 0.1
done
caught_up_ms=$(( ($(date +%s%N) - start) / 1000000 ))
mine="subject_id LIKE 'w-$RUN-%' OR subject_id LIKE 'r-$RUN-%' OR subject_id = 'w-sample-$RUN'"
COUNTS="$(psql -tA -F ' ' -c "WITH c AS (SELECT id FROM consent WHERE $mine)
  SELECT (SELECT count(*) FROM c),
         (SELECT count(*) FROM consent_history h JOIN c ON h.consent_id = c.id WHERE h.cause = 'RECORDED'),
         (SELECT count(*) FROM platform_outbox o JOIN c ON o.subject = c.id::text WHERE o.type = 'consent.granted'),
         (SELECT count(*) FROM platform_audit_record a JOIN c ON a.target_id = c.id::text
           WHERE a.action = 'consent.recorded'),
         (SELECT count(*) FROM platform_audit_record a JOIN c ON a.target_id = c.id::text
           WHERE a.action = 'consent.recorded' AND a.seq IS NOT NULL)")"
read -r n_consents n_history n_outbox n_audit n_chained <<<"$COUNTS"
OFFICER="$(curl -fsS "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=privacy-cli \
  -d username=olivia -d password="${OFFICER_PASSWORD:-olivia-demo-pw}" -d scope=openid | jq -r .access_token)"
VERIFICATION="$(curl -fsS "$URL/audit-records/verification" -H "Authorization: Bearer $OFFICER" \
  | jq -c '{valid, recordsChecked, unchainedRecords}')"
echo "    consents $n_consents, history $n_history, outbox $n_outbox, audit $n_audit (chained $n_chained);" \
  "chainer idle ${caught_up_ms} ms after the load; verification $VERIFICATION"
kill "$PID"; wait "$PID" 2>/dev/null || true
trap - EXIT

declare -A PGB
for c in $LEVELS; do
  j=$(( c < THREADS ? c : THREADS ))
  say "pgbench -M prepared -c $c -j $j -T $DURATION -f write.pgbench"
  # a failed run (e.g. no free connection) is printed, not fatal: the table says "-"
  out="$(pgbench -n -M prepared -c "$c" -j "$j" -T "$DURATION" -f "$BENCH_DIR/write.pgbench" "$DB" 2>&1)" ||
    printf '    pgbench failed:\n%s\n' "$(tail -5 <<<"$out")"
  tps="$(grep -oE 'tps = [0-9.]+' <<<"$out" | head -1 | grep -oE '[0-9.]+$')"
  lat="$(grep -oE 'latency average = [0-9.]+ ms' <<<"$out" | grep -oE '[0-9.]+ ms')"
  echo "    tps $tps, latency average $lat"
  PGB[$c]="${tps%.*}"
done

echo
echo "== consent write benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by all, ${DURATION}s per level"
printf '%-12s %12s %10s %10s %16s %8s %14s %14s %12s\n' connections "service w/s" "p50 ms" "p99 ms" "pgbench tx/s" ratio \
  "jvm cpu ms/w" "pg cpu ms/w" "load avg"
first=""
for c in $LEVELS; do
  s="${SERVICE[$c]}"; rps="$(field rps "$s")"; [[ -z "$first" ]] && first=$rps
  read -r cj cp cl <<<"${CPU[$c]}"
  printf '%-12s %12s %10s %10s %16s %8s %14s %14s %12s\n' "$c" "$rps" "$(field p50_ms "$s")" "$(field p99_ms "$s")" \
    "${PGB[$c]}" "$(awk -v a="$rps" -v b="${PGB[$c]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "$cj" "$cp" "$cl"
done
last="$(field rps "${SERVICE[${LEVELS##* }]}")"
echo "growth ${LEVELS%% *} -> ${LEVELS##* } connections: $(awk -v a="$last" -v b="$first" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')"
echo "fixed rate $rate/s (${RATE:+RATE; }half the peak $peak/s), $RATE_CONNECTIONS connections: achieved $(field rps "$RATE_OUT")/s," \
  "p50 $(field p50_ms "$RATE_OUT") ms, p99 $(field p99_ms "$RATE_OUT") ms, non-2xx $(field non2xx "$RATE_OUT"), cpu ms/write $RATE_CPU"
echo "non-2xx/errors (wrk): $(for c in $LEVELS; do printf '%s:%s/%s ' "$c" "$(field non2xx "${SERVICE[$c]}")" "$(field errors "${SERVICE[$c]}")"; done)"
echo "completeness: consents $n_consents = history $n_history = outbox $n_outbox = audit $n_audit, chained $n_chained;" \
  "verification $VERIFICATION"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
