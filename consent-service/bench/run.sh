#!/usr/bin/env bash
# Benchmark of the consent check (not a test: it prints figures and never fails on a timing).
#
#   consent-service/bench/run.sh            # 1,000,000 consents, 30 s of wrk at 50 connections
#   ROWS=2000000 DURATION=60s CONNECTIONS=100 consent-service/bench/run.sh
#
# Loads ROWS consent rows with SQL generate_series into the separate database consent_bench
# (created with psql -U postgres when absent; never the service's own database), starts the
# service jar against it with -Xmx256m on BENCH_PORT, drives POST /consents/check with wrk and a
# real partner-demo-a token from the local Keycloak, prints req/s, p50/p99 and the service's RSS,
# then runs pgbench -S (and the check's own statement with pgbench -f) on the same database.
# Needs: PostgreSQL on 127.0.0.1:5432 (superuser postgres via local trust or PGPASSWORD), Keycloak
# with the demo realm, RabbitMQ; installs wrk with apt-get when missing. Tokens live 300 s: keep
# DURATION under 4 minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$ROOT/consent-service/bench"
JAR="$ROOT/consent-service/target/quarkus-app/quarkus-run.jar"
ROWS="${ROWS:-1000000}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
BENCH_PORT="${BENCH_PORT:-8092}"
DB=consent_bench
KEYCLOAK="${KEYCLOAK:-http://localhost:8180/realms/privacy}"
LOG="$ROOT/consent-service/target/bench-service.log"
export PGHOST=127.0.0.1 PGPORT=5432

say() { printf '==> %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is required" >&2; exit 1; }; }

need psql; need pgbench; need curl; need jq; need java
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (apt-get)"
  if [[ "$(id -u)" -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

if ! psql -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  say "creating database $DB (owner consent)"
  psql -U postgres -qc "CREATE DATABASE $DB OWNER consent"
fi
export PGUSER=consent PGPASSWORD=consent PGDATABASE=$DB

if [[ ! -f "$JAR" ]]; then
  say "building consent-service"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl consent-service -am package -DskipTests)
fi

say "starting consent-service on :$BENCH_PORT against $DB (-Xmx256m)"
# Production profile with a fresh receipt key (tools/receipt-jwks.sh); private, auto-deleted classic
# queues, so this instance never takes messages meant for a running consent-service.
CONSENT_RECEIPTS_JWKS="$("$ROOT/consent-service/tools/receipt-jwks.sh" bench)"
export CONSENT_RECEIPTS_JWKS
queues=()
for ch in partner-events dsr-events; do
  p="-Dmp.messaging.incoming.$ch"
  queues+=("$p.queue.name=consent-bench.$ch" "$p.queue.x-queue-type=classic" "$p.queue.x-delivery-limit="
    "$p.queue.auto-delete=true" "$p.queue.durable=false" "$p.auto-bind-dlq=false" "$p.dlx.declare=false")
done
java -Xmx256m -Dquarkus.http.port="$BENCH_PORT" \
  -Dquarkus.datasource.reactive.url="postgresql://localhost:5432/$DB" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
  -Dconsent.registry.bootstrap.enabled=false -Dconsent.expiry.every=off "${queues[@]}" \
  -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -fsS -o /dev/null "http://localhost:$BENCH_PORT/q/health/ready" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "bench: the service did not start; see $LOG" >&2; exit 1; }
  sleep 1
done

loaded="$(psql -tAc "SELECT count(*) FROM consent")"
if [[ "$loaded" -ne "$ROWS" ]]; then
  say "loading $ROWS consent rows with generate_series (had $loaded)"
  start=$(date +%s)
  psql -q -v rows="$ROWS" -f "$BENCH_DIR/load.sql"
  say "loaded in $(($(date +%s) - start)) s"
fi
SUBJECTS=$((ROWS / 4))
say "$(psql -tAc "SELECT pg_size_pretty(pg_total_relation_size('consent'))") table+indexes for $(psql -tAc "SELECT count(*) FROM consent") rows"

TOKEN="$(curl -fsS "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=client_credentials \
  -d client_id=partner-demo-a -d client_secret=partner-demo-a-secret | jq -r .access_token)"
export TOKEN SUBJECTS
sample="$(curl -fsS -X POST "http://localhost:$BENCH_PORT/consents/check" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"subjectId":"bench-subj-7","purpose":"analytics","category":"user.name"}')"
say "sample answer: $sample"

rss() { awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$PID/status"; }
say "RSS before load: $(rss)"
say "warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/check.lua" "http://localhost:$BENCH_PORT" >/dev/null
say "wrk -t$THREADS -c$CONNECTIONS -d$DURATION POST /consents/check"
WRK_OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/check.lua" "http://localhost:$BENCH_PORT")"
echo "$WRK_OUT" | sed 's/^/    /'
RSS_AFTER="$(rss)"
kill "$PID"; wait "$PID" 2>/dev/null || true
trap - EXIT

if [[ "$(psql -tAc "SELECT to_regclass('pgbench_accounts') IS NOT NULL")" != "t" ]]; then
  say "pgbench -i -s 10 (1,000,000 pgbench_accounts rows) in $DB"
  pgbench -i -q -s 10 "$DB" >/dev/null 2>&1
fi
pgb() { pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" "$@" "$DB" 2>&1; }
summary() { echo "$(grep -oE 'tps = [0-9]+' <<<"$1" | head -1), $(grep -oE 'latency average = [0-9.]+ ms' <<<"$1")"; }
say "pgbench -S (select-only by primary key, simple protocol)"
PGB_S="$(pgb -S)"; summary "$PGB_S" | sed 's/^/    /'
say "pgbench -S -M prepared"
PGB_SP="$(pgb -S -M prepared)"; summary "$PGB_SP" | sed 's/^/    /'
say "pgbench -M prepared -f check.pgbench (the check's own statement; the service prepares it too)"
PGB_C="$(pgb -M prepared -f "$BENCH_DIR/check.pgbench" -D subjects="$SUBJECTS")"; summary "$PGB_C" | sed 's/^/    /'

result="$(echo "$WRK_OUT" | grep '^RESULT' || true)"
echo
echo "== consent check benchmark: $ROWS rows, $CONNECTIONS connections, $DURATION, $(nproc) cores shared by all"
echo "service (HTTP + JWT + one indexed read): ${result#RESULT }"
echo "service RSS after the run (-Xmx256m): $RSS_AFTER"
echo "pgbench -S:                         $(summary "$PGB_S")"
echo "pgbench -S -M prepared:             $(summary "$PGB_SP")"
echo "pgbench check statement, prepared:  $(summary "$PGB_C")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
