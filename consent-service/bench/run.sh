#!/usr/bin/env bash
# Benchmark of the consent check at two sizes in one run (not a test: it prints figures and never
# fails on a timing).
#
#   consent-service/bench/run.sh                    # 1,000,000 and 10,000,000 decisions, 2 rounds
#   SIZES="1000000 10000000" ROUNDS=1 DURATION=60s consent-service/bench/run.sh
#   LOAD_ONLY=1 consent-service/bench/run.sh        # load (if needed) and print the sizes only
#
# Each size has its own database consent_bench_<rows> (created with psql -U postgres when absent;
# never a service database), loaded once with bench/load.sql (decisions with their history, SQL
# generate_series) and kept while rows and load.sql are unchanged. Per round and size: the service
# jar starts against that database (-Xmx256m, BENCH_PORT), wrk warms it up, measures the peak
# (CONNECTIONS connections, as fast as answers come), then drives it at FIXED_SHARE % of that peak
# on a fixed schedule (bench/check.lua with RATE); the service stops and pgbench runs the check's
# own statement (PGBENCH_CLIENTS clients: the server is shared). Rounds alternate the order of the
# sizes. At the end: both sizes side by side, the throughput ratio of the largest to the smallest
# size within each round, and the fixed-rate p99.
# Needs: PostgreSQL on 127.0.0.1:5432 (superuser postgres via local trust or PGPASSWORD), Keycloak
# with the demo realm, RabbitMQ; installs wrk with apt-get when missing. Tokens live 300 s: keep
# WARMUP + 2 x DURATION under 4 minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the platform script's functions (bench_java, bench_analyze_while, ...); it runs no command when sourced
# shellcheck source=../../platform
source "$ROOT/platform"
BENCH_DIR="$ROOT/consent-service/bench"
JAR="${JAR:-$ROOT/consent-service/target/quarkus-app/quarkus-run.jar}"
SIZES="${SIZES:-1000000 10000000}"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
FIXED_SHARE="${FIXED_SHARE:-50}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-16}"
BENCH_PORT="${BENCH_PORT:-8092}"
# health is on the management interface (its own port, issue 15.3)
BENCH_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-9092}"
KEYCLOAK="${KEYCLOAK:-http://localhost:8180/realms/privacy}"
LOG="$ROOT/consent-service/target/bench-service.log"
export PGHOST=127.0.0.1 PGPORT=5432 THREADS

say() { printf '==> %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is required" >&2; exit 1; }; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

need psql; need pgbench; need curl; need jq; need java; need openssl
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (apt-get)"
  if [[ "$(id -u)" -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
for size in $SIZES; do
  (( size > 0 && size % 10 == 0 )) || { echo "bench: every size must be a positive multiple of 10, not $size" >&2; exit 1; }
done
if [[ ! -f "$JAR" ]]; then
  say "building consent-service"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl consent-service -am package -DskipTests)
fi

# Production profile with a fresh receipt key (tools/receipt-jwks.sh); private, auto-deleted classic
# queues, so this instance never takes messages meant for a running consent-service.
# the production profile has no default password, secret or key: fresh ones for this run
# shellcheck source=prod-env.sh
source "$BENCH_DIR/prod-env.sh"
bench_prod_environment
JAVA="$(bench_java)"
echo "JDK $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')"
queues=()
for ch in partner-events dsr-events; do
  p="-Dmp.messaging.incoming.$ch"
  queues+=("$p.queue.name=consent-bench.$ch" "$p.queue.x-queue-type=classic" "$p.queue.x-delivery-limit="
    "$p.queue.auto-delete=true" "$p.queue.durable=false" "$p.auto-bind-dlq=false" "$p.dlx.declare=false")
done
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null || true' EXIT

start_service() { # database
  # setsid: the service in a session of its own, as in a pod of its own - where the kernel groups
  # scheduling by session (autogroup, Debian's default), the load generator's threads then compete
  # with the service's as one group, not thread by thread
  # shellcheck disable=SC2086 # JAVA_OPTS: extra JVM options, split on spaces
  setsid "$JAVA" -Xmx256m ${JAVA_OPTS:-} -Dquarkus.http.port="$BENCH_PORT" -Dquarkus.management.port="$BENCH_MANAGEMENT_PORT" \
    -Dquarkus.datasource.reactive.url="postgresql://localhost:5432/$1" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$1" \
    -Dconsent.registry.bootstrap.enabled=false -Dconsent.expiry.every=off "${queues[@]}" \
    -jar "$JAR" >"$LOG" 2>&1 &
  PID=$!
  bench_wait_ready "$PID" "$BENCH_MANAGEMENT_PORT" "$LOG"
}
stop_service() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
rss() { awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$PID/status"; }
db() { echo "consent_bench_$1"; }
q() { psql -U consent -d "$1" -tAc "$2"; }
field() { grep -oE "$2=[0-9.]+" <<<"$1" | head -1 | cut -d= -f2; }
# CPU time (clock ticks, user + system) of processes: the service, and the database backends that
# serve it (found by their database name, so other databases' work on the same server is not counted)
ticks() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done; echo "$t"; }
backends() { pgrep -f "postgres: .*consent $1 " || true; }

# --- data: one database per size, loaded once per (rows, load.sql) ------------------------------
SIGNATURE="load.sql $(sha256sum "$BENCH_DIR/load.sql" | cut -c1-16)"
for size in $SIZES; do
  d="$(db "$size")"
  if ! psql -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$d'" | grep -q 1; then
    say "creating database $d (owner consent)"
    psql -U postgres -qc "CREATE DATABASE $d OWNER consent"
  fi
  have="$(psql -U postgres -tAc "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$d'")"
  if [[ "$have" != "rows=$size $SIGNATURE" ]]; then
    say "schema of $d (Flyway, by starting the service once)"
    start_service "$d"; stop_service
    say "loading $size decisions with their history into $d (load.sql, generate_series); load average $(loadavg)"
    start=$(date +%s)
    PGPASSWORD=consent psql -1 -q -U consent -d "$d" -v rows="$size" -f "$BENCH_DIR/load.sql"
    PGPASSWORD=consent psql -q -U consent -d "$d" \
      -c "VACUUM (ANALYZE) consent, consent_history, consent_current, partner_scope, partner_projection"
    PGPASSWORD=consent psql -q -U consent -d "$d" -c "COMMENT ON DATABASE $d IS 'rows=$size $SIGNATURE'"
    say "loaded in $(($(date +%s) - start)) s; load average $(loadavg)"
  fi
done

# --- sizes ----------------------------------------------------------------------------------------
declare -A SIZE_LINE
for size in $SIZES; do
  d="$(db "$size")"
  SIZE_LINE[$size]="$(PGPASSWORD=consent q "$d" "SELECT format('%s decisions, %s check rows | consent %s (%s B/decision) | consent_history %s | consent_current %s + index %s (%s B/row in the index) | check index / decisions: %s B',
      (SELECT count(*) FROM consent), (SELECT count(*) FROM consent_current),
      pg_size_pretty(pg_total_relation_size('consent')), pg_total_relation_size('consent') / (SELECT count(*) FROM consent),
      pg_size_pretty(pg_total_relation_size('consent_history')),
      pg_size_pretty(pg_relation_size('consent_current')), pg_size_pretty(pg_relation_size('consent_current_key')),
      pg_relation_size('consent_current_key') / (SELECT count(*) FROM consent_current),
      pg_relation_size('consent_current_key') / (SELECT count(*) FROM consent))")"
  say "$(db "$size"): ${SIZE_LINE[$size]}"
done

[[ "${LOAD_ONLY:-0}" == 1 ]] && exit 0

# --- measurements -----------------------------------------------------------------------------------
declare -A PEAK FIXED PGB LOADS RSS_AFTER CPU
HZ="$(getconf CLK_TCK)"
measure() { # round size
  local round="$1" size="$2" d subjects token sample peak rate fixed pgb before pids svc0 db0 n
  d="$(db "$size")"; subjects=$((size / 10)); before="$(loadavg)"
  say "round $round, $size decisions: starting the service against $d (load average $before)"
  start_service "$d"
  token="$(curl -fsS "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=client_credentials \
    -d client_id=partner-demo-a -d client_secret=partner-demo-a-secret | jq -r .access_token)"
  sample="$(curl -fsS -X POST "http://localhost:$BENCH_PORT/consents/check" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"subjectId":"bench-subj-7","purpose":"analytics","category":"user.name"}')"
  say "sample answer: $sample"
  export TOKEN="$token" SUBJECTS="$subjects"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/check.lua" "http://localhost:$BENCH_PORT" >/dev/null
  pids=($(backends "$d")); svc0="$(ticks "$PID")"; db0="$(ticks "${pids[@]}")"
  peak="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/check.lua" \
    "http://localhost:$BENCH_PORT" | grep '^RESULT' || true)"
  n="$(field "$peak" requests)"
  CPU[$round,$size]="$(awk -v s=$(( $(ticks "$PID") - svc0 )) -v d=$(( $(ticks "${pids[@]}") - db0 )) -v n="$n" -v hz="$HZ" \
    'BEGIN { if (n + 0 > 0) printf "service %.0f us + database %.0f us", s * 1e6 / hz / n, d * 1e6 / hz / n }')"
  say "peak:       ${peak#RESULT }"
  say "CPU per check during the peak: ${CPU[$round,$size]} (${#pids[@]} database connections)"
  rate="$(field "$peak" rps)"; rate=$(( ${rate:-0} * FIXED_SHARE / 100 )); (( rate > 0 )) || rate=1
  fixed="$(RATE="$rate" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/check.lua" \
    "http://localhost:$BENCH_PORT" | grep '^RESULT' || true)"
  say "fixed rate: target=$rate ${fixed#RESULT }"
  RSS_AFTER[$round,$size]="$(rss)"
  stop_service
  pgb="$(PGPASSWORD=consent pgbench -n -U consent -c "$PGBENCH_CLIENTS" -j "$THREADS" -T "${DURATION%s}" -M prepared \
    -f "$BENCH_DIR/check.pgbench" -D subjects="$subjects" "$d" 2>&1)" || say "pgbench failed: $(tail -2 <<<"$pgb")"
  PGB[$round,$size]="$(grep -oE 'tps = [0-9]+' <<<"$pgb" | head -1 | cut -d' ' -f3)"
  say "pgbench check statement ($PGBENCH_CLIENTS clients, prepared): ${PGB[$round,$size]:-none} tps"
  PEAK[$round,$size]="$peak"; FIXED[$round,$size]="target=$rate $fixed"
  LOADS[$round,$size]="$before -> $(loadavg)"
}

sizes_asc=($SIZES)
for round in $(seq 1 "$ROUNDS"); do
  order=("${sizes_asc[@]}")
  if (( round % 2 == 0 )); then order=(); for ((i = ${#sizes_asc[@]} - 1; i >= 0; i--)); do order+=("${sizes_asc[i]}"); done; fi
  for size in "${order[@]}"; do measure "$round" "$size"; done
done

# --- report -------------------------------------------------------------------------------------------
small="${sizes_asc[0]}"; large="${sizes_asc[${#sizes_asc[@]}-1]}"
echo
echo "== consent check benchmark: sizes $SIZES, $ROUNDS round(s), $CONNECTIONS connections, $DURATION per figure after $WARMUP warm-up, $(nproc) cores shared by all"
for size in $SIZES; do echo "$size: ${SIZE_LINE[$size]}"; done
printf '%-5s | %-10s | %-8s | %-8s | %-8s | %-22s | %-8s | %-8s | %-9s | %-8s | %-38s | %s\n' round decisions "check/s" p50_ms p99_ms \
  "fixed rate (achieved)" p50_ms p99_ms "pgbench" RSS "CPU per check at the peak" "load average (start -> end)"
for round in $(seq 1 "$ROUNDS"); do
  for size in $SIZES; do
    p="${PEAK[$round,$size]}"; f="${FIXED[$round,$size]}"
    printf '%-5s | %-10s | %-8s | %-8s | %-8s | %-22s | %-8s | %-8s | %-9s | %-8s | %-38s | %s\n' "$round" "$size" "$(field "$p" rps)" \
      "$(field "$p" p50_ms)" "$(field "$p" p99_ms)" "$(field "$f" target) ($(field "$f" rps), late $(field "$f" late))" \
      "$(field "$f" p50_ms)" "$(field "$f" p99_ms)" "${PGB[$round,$size]}" "${RSS_AFTER[$round,$size]}" "${CPU[$round,$size]}" \
      "${LOADS[$round,$size]}"
  done
done
if [[ "$small" != "$large" ]]; then
  for round in $(seq 1 "$ROUNDS"); do
    ratio="$(awk -v a="$(field "${PEAK[$round,$large]}" rps)" -v b="$(field "${PEAK[$round,$small]}" rps)" 'BEGIN { printf "%.2f", (b + 0 > 0) ? a / b : 0 }')"
    pratio="$(awk -v a="${PGB[$round,$large]}" -v b="${PGB[$round,$small]}" 'BEGIN { printf "%.2f", (b + 0 > 0) ? a / b : 0 }')"
    p99="$(field "${FIXED[$round,$large]}" p99_ms)"
    echo "round $round: check/s at $large / at $small = $ratio (goal >= 0.8: $(awk -v r="$ratio" 'BEGIN { print (r >= 0.8) ? "met" : "not met" }'));" \
      "statement alone $pratio; p99 at half of peak at $large = $p99 ms (goal < 10 ms: $(awk -v p="$p99" 'BEGIN { print (p < 10) ? "met" : "not met" }'))"
  done
fi
echo "(other work on the machine skews every figure: compare sizes within a round)"
