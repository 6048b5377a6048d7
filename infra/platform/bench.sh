# shellcheck shell=bash
# infra/platform/bench.sh - `./platform bench <name> [args]`: runs one benchmark, a script under
# <module>/bench/ (each prints figures and fails on no timing; its header says what it needs and
# which environment variables it reads, e.g. BENCH_PORT). A new benchmark is one line of BENCHMARKS.
# Sourced by ./platform (the dispatcher), never run on its own; the benchmark scripts source ./platform
# too, for the helpers below (bench_java, bench_analyze_while) and everything else it defines.

# name, then the script (relative to the repository root)
BENCHMARKS=(
  "consent-check consent-service/bench/run.sh"
  "consent-write consent-service/bench/write.sh"
  "consent-termination consent-service/bench/termination.sh"
  "dsr-termination dsr-service/bench/termination.sh"
  "gateway gateway/bench/run.sh"
)

bench_script() {
  local entry
  for entry in "${BENCHMARKS[@]}"; do
    [[ "${entry%% *}" == "$1" ]] && { printf '%s\n' "${entry#* }"; return 0; }
  done
  return 1
}

cmd_bench() {
  local entry script
  if (($# == 0)) || [[ "$1" == list ]]; then
    for entry in "${BENCHMARKS[@]}"; do
      printf '%-20s %s\n' "${entry%% *}" "${entry#* }"
    done
    return 0
  fi
  script="$(bench_script "$1")" ||
    usage_error "unknown benchmark '$1' (./platform bench list: $(for entry in "${BENCHMARKS[@]}"; do printf '%s ' "${entry%% *}"; done))"
  shift
  [[ -x "$ROOT/$script" ]] || die "$script is missing or not executable"
  (cd "$ROOT" && exec "./$script" "$@")
}

# The JDK ./platform up runs the services on (PLATFORM_SERVICE_JAVA_HOME, else the newest JDK in
# /usr/lib/jvm, Temurin 25 here): a benchmark measures a service as it runs. JAVA overrides it.
bench_java() {
  if [[ -n "${JAVA:-}" ]]; then printf '%s\n' "$JAVA"; return; fi
  runtime_java
}

# bench_analyze_while PID SECONDS: production PostgreSQL analyzes growing tables on its own
# (autovacuum); on a server where it is off (this project's CI machines: conf.d/90-ci.conf) the plans
# made for empty tables would stay - e.g. a sequential scan of the whole audit trail on every chainer
# run. So while PID runs, ANALYZE the database (libpq PG* variables) every SECONDS, as autovacuum
# would; nothing where autovacuum is on. Prints the analyzer's PID (empty: none), for the caller to stop.
bench_analyze_while() {
  [[ "$(psql -tAc 'SHOW autovacuum')" != on ]] || return 0
  printf '==> autovacuum is off on this server: ANALYZE every %s s while the service runs\n' "$2" >&2
  (while kill -0 "$1" 2>/dev/null; do sleep "$2"; psql -qc ANALYZE 2>/dev/null || true; done) >/dev/null &
  printf '%s\n' "$!"
}

# Helpers of the benchmark scripts that start one service jar of their own (the termination
# benchmarks of consent-service and dsr-service). Each prints figures with `info` (common.sh).

# bench_need TOOL...: stops the benchmark when a tool it needs is missing
bench_need() {
  local tool
  for tool; do command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is required" >&2; exit 1; }; done
}

# bench_jar MODULE JAR: builds MODULE (and what it needs) when JAR is missing
bench_jar() {
  [[ -f "$2" ]] && return 0
  info "building $1"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl "$1" -am package -DskipTests)
}

# bench_wait_ready PID MANAGEMENT_PORT LOG: until the service answers /q/health/ready (at most 120 s)
bench_wait_ready() {
  local _
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://localhost:$2/q/health/ready" 2>/dev/null && return 0
    kill -0 "$1" 2>/dev/null || { echo "bench: the service did not start; see $3" >&2; exit 1; }
    sleep 1
  done
  echo "bench: the service was not ready after 120 s; see $3" >&2; exit 1
}

bench_rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# bench_officer_token: a compliance officer's access token from the local Keycloak (KEYCLOAK: the realm's URL)
bench_officer_token() {
  curl -fsS "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=privacy-cli \
    -d username=olivia -d password="${OFFICER_PASSWORD:-olivia-demo-pw}" -d scope=openid | jq -r .access_token
}

# bench_get_loop FILE URL: GET URL with the officer's token (renewed every 200 s) in a loop on one
# connection, "status seconds" per line into FILE, until killed
bench_get_loop() {
  local token="" token_time=0
  while true; do
    (( $(date +%s) - token_time > 200 )) && { token="$(bench_officer_token)"; token_time=$(date +%s); }
    curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$2"
  done >"$1"
}

# bench_pct FILE PERCENTILE: that percentile of the 200 answers' latencies in FILE, in ms
bench_pct() {
  awk '$1 == 200 {print $2}' "$1" | sort -n | awk -v p="$2" '{v[NR] = $1} END {
    if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'
}

# bench_summary FILE: one line on a bench_get_loop file
bench_summary() {
  printf '%s GETs, %s non-200, p50 %s ms, p99 %s ms' "$(wc -l <"$1")" "$(awk '$1 != 200' "$1" | wc -l)" \
    "$(bench_pct "$1" 50)" "$(bench_pct "$1" 99)"
}

# bench_publish TYPE SUBJECT DATA: publishes a CloudEvent of partner-registry-service (the registry's
# events) to EXCHANGE at AMQP; @AT@ in DATA becomes the event's time. Prints the event's id.
bench_publish() {
  local id now
  id="$(cat /proc/sys/kernel/random/uuid)"; now="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  amqp-publish -u "$AMQP" -e "$EXCHANGE" -r "$1" -C application/cloudevents+json -p -b \
    "{\"specversion\":\"1.0\",\"id\":\"$id\",\"type\":\"$1\",\"source\":\"/partner-registry-service\",
      \"subject\":\"$2\",\"time\":\"$now\",\"datacontenttype\":\"application/json\",\"data\":${3//@AT@/$now}}"
  printf '%s\n' "$id"
}

bench_unsent() { psql -tAc 'SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL'; }

# bench_drain SECONDS UNSENT: waits until the outbox is drained (libpq PG* variables name the
# database), at most SECONDS; prints one line on how long the relay took to send the UNSENT events
bench_drain() {
  local start drained=""
  info "waiting for the relay to send the $2 events left (at most ${1}s)" >&2
  start=$(date +%s%N)
  while (( ( $(date +%s%N) - start ) / 1000000000 < $1 )); do
    [[ "$(bench_unsent)" == 0 ]] && { drained=$(( ( $(date +%s%N) - start ) / 1000000 )); break; }
    sleep 1
  done
  if [[ -n "$drained" ]]; then
    awk -v n="$2" -v m="$drained" 'BEGIN { printf "all sent %.1f s later (%.0f events/s)\n", m / 1000, (m > 0) ? n * 1000 / m : 0 }'
  else
    printf 'still %s unsent after %s s\n' "$(bench_unsent)" "$1"
  fi
}
