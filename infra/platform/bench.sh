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
  "readiness gateway/bench/readiness.sh"
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

# bench_own_databases SUFFIX MODULE...: creates <database>_SUFFIX, owned by that database's owner, for
# each MODULE with a database (the caller's associative array DATABASE: module -> database), where
# missing - a benchmark's services never touch the platform's own databases
bench_own_databases() {
  local suffix="$1" module db owner
  shift
  detect_pg_superuser
  read_databases
  for module; do
    db="${DATABASE[$module]:-}"
    [[ -n "$db" ]] || continue
    owner="$(db_owner "$db")"
    if [[ -z "$(pg_super -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${db}_$suffix'")" ]]; then
      info "creating database ${db}_$suffix (owner $owner)"
      pg_super -d postgres -c "CREATE DATABASE ${db}_$suffix OWNER $owner"
    fi
  done
}

# bench_service_environment MODULE DATABASE SUFFIX: the environment of a benchmark's service, one
# NAME=value a line - ./platform's (service_environment) with its database <DATABASE>_SUFFIX, the
# RabbitMQ virtual host VHOST and the other services at their bench ports (the caller's PORT)
bench_service_environment() {
  service_environment "$1" "$2"
  [[ -n "$2" ]] && printf '%s\n' "DB_REACTIVE_URL=postgresql://localhost:$PG_PORT/${2}_$3" \
    "DB_JDBC_URL=jdbc:postgresql://localhost:$PG_PORT/${2}_$3"
  # shellcheck disable=SC2153 # PORT: the caller's ports by module
  printf '%s\n' "MP_MESSAGING_CONNECTOR_SMALLRYE_RABBITMQ_VIRTUAL_HOST=$VHOST" \
    "CONSENT_URL=http://localhost:${PORT[consent-service]}" "DSR_URL=http://localhost:${PORT[dsr-service]}" \
    "REGISTRY_URL=http://localhost:${PORT[partner-registry-service]}" \
    "PARTNER_REGISTRY_URL=http://localhost:${PORT[partner-registry-service]}" \
    "CONSENT_SERVICE_URL=http://localhost:${PORT[consent-service]}"
}

# bench_vhost VHOST: a RabbitMQ virtual host of the benchmark's own (guest may do everything in it)
bench_vhost() {
  if ! as_root rabbitmqctl -q list_vhosts 2>/dev/null | grep -qx "$1"; then
    info "RabbitMQ: virtual host $1 for the benchmark's services"
    as_root rabbitmqctl -q add_vhost "$1" >/dev/null
    as_root rabbitmqctl -q set_permissions -p "$1" guest '.*' '.*' '.*' >/dev/null
  fi
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

# The run of a termination benchmark (consent-service's revocations, dsr-service's fan-out), in the
# order the scripts call them. They share these globals: PID (the service), LOOP (a GET loop),
# ANALYZER (bench_analyze_while), RSS_MAX / RSS_END (KiB), ELAPSED_MS, IDLE_LINE / DURING_LINE.

# bench_termination_setup MODULE JAR OUT: the settings both termination benchmarks share (each may be
# set beforehand: HOLDINGS, IDLE, DRAIN, HEAP, KEYCLOAK - the demo realm's URL -, AMQP; EXCHANGE is
# the bench exchange, never the platform's), the tools they need, MODULE's JAR (built when missing)
# and the output folder OUT
bench_termination_setup() {
  HOLDINGS="${HOLDINGS:-1000000}"; IDLE="${IDLE:-20}"; DRAIN="${DRAIN:-600}"; HEAP="${HEAP:-256m}"
  KEYCLOAK="${KEYCLOAK:-http://localhost:8180/realms/privacy}"
  AMQP="${AMQP:-amqp://guest:guest@127.0.0.1:5672}"
  EXCHANGE=privacy.events.bench
  export PGHOST=127.0.0.1 PGPORT=5432
  bench_need psql curl jq openssl amqp-publish
  bench_jar "$1" "$2"
  mkdir -p "$3"
}

# bench_fresh_database DB OWNER: drops and creates DB owned by OWNER (psql -U postgres; the caller
# names a benchmark's own database, never a service's) and points libpq's PG* variables at it as
# OWNER (whose local password is its name, as ./platform creates the roles)
bench_fresh_database() {
  info "fresh database $1 (owner $2)"
  psql -U postgres -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 OWNER $2"
  export PGUSER="$2" PGPASSWORD="$2" PGDATABASE="$1"
}

bench_stop() {
  local p
  for p in "${LOOP:-}" "${ANALYZER:-}" "${PID:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null; done
  return 0
}

# bench_start_service NAME JAR LOG QUEUE_PREFIX "CHANNEL..." [JVM OPTION...]: starts the service's jar
# with -Xmx$HEAP (default 256m), JAVA_OPTS (split on spaces) and the options given, on BENCH_PORT and MANAGEMENT_PORT,
# against the database PGDATABASE; its relay publishes to EXCHANGE, and the queues of its incoming
# CHANNELs are private (QUEUE_PREFIX.<channel>: auto-deleted, classic, no dead-letter queue) and bound
# to EXCHANGE, so neither the running platform nor this instance sees the other's events. Sets PID
# and an EXIT trap that stops it (and LOOP, ANALYZER); returns once it is ready.
bench_start_service() {
  local name="$1" jar="$2" log="$3" prefix="$4" channels="$5" xmx="${HEAP:-256m}" ch p java
  shift 5
  local options=()
  for ch in $channels; do
    p="-Dmp.messaging.incoming.$ch"
    options+=("$p.queue.name=$prefix.$ch" "$p.exchange.name=$EXCHANGE" "$p.queue.x-queue-type=classic"
      "$p.queue.x-delivery-limit=" "$p.queue.auto-delete=true" "$p.queue.durable=false" "$p.auto-bind-dlq=false"
      "$p.dlx.declare=false")
  done
  java="$(bench_java)"
  info "starting $name on :$BENCH_PORT against $PGDATABASE (-Xmx$xmx, $java)"
  # shellcheck disable=SC2086 # JAVA_OPTS: extra JVM options (e.g. -Dplatform.events.relay.batch-size=500), split on spaces
  "$java" -Xmx"$xmx" ${JAVA_OPTS:-} -Dquarkus.http.port="$BENCH_PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
    -Dquarkus.datasource.reactive.url="postgresql://localhost:5432/$PGDATABASE" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$PGDATABASE" \
    -Dplatform.events.exchange="$EXCHANGE" "${options[@]}" "$@" -jar "$jar" >"$log" 2>&1 &
  PID=$!
  trap bench_stop EXIT
  bench_wait_ready "$PID" "$MANAGEMENT_PORT" "$log"
}

# bench_idle_gets FILE URL SECONDS: the GET loop alone for SECONDS; sets IDLE_LINE
bench_idle_gets() {
  info "idle: GET $2 for ${3}s"
  bench_get_loop "$1" "$2" & LOOP=$!
  sleep "$3"; kill "$LOOP"; wait "$LOOP" 2>/dev/null || true; LOOP=""
  IDLE_LINE="$(bench_summary "$1")"
  info "idle: $IDLE_LINE"
}

# bench_watch FILE URL LOG START DONE PROGRESS: runs the command START (e.g. publishing the termination)
# and measures the time until the command DONE succeeds; meanwhile the GET loop runs (into FILE) and,
# every 0.5 s, the service's RSS is sampled (RSS_MAX) and its life checked (LOG named if it died); every
# 15 s the elapsed seconds, PROGRESS's output and the RSS are printed; ANALYZE runs where autovacuum is
# off. Sets ELAPSED_MS, RSS_MAX, RSS_END and DURING_LINE. START runs in this shell: it may set variables.
bench_watch() {
  local t0 now r last_print=0
  ANALYZER="$(bench_analyze_while "$PID" 20)"
  bench_get_loop "$1" "$2" & LOOP=$!
  RSS_MAX=$(bench_rss_kib "$PID")
  t0=$(date +%s%N)
  "$4"
  until "$5"; do
    kill -0 "$PID" 2>/dev/null || { echo "bench: the service died; see $3" >&2; exit 1; }
    r=$(bench_rss_kib "$PID"); (( r > RSS_MAX )) && RSS_MAX=$r
    now=$(date +%s)
    if (( now - last_print >= 15 )); then
      last_print=$now
      info "$(( ( $(date +%s%N) - t0 ) / 1000000000 )) s: $("$6"), RSS $(( r / 1024 )) MiB"
    fi
    sleep 0.5
  done
  ELAPSED_MS=$(( ( $(date +%s%N) - t0 ) / 1000000 ))
  kill "$LOOP"; wait "$LOOP" 2>/dev/null || true; LOOP=""
  [[ -n "$ANALYZER" ]] && { kill "$ANALYZER" 2>/dev/null || true; ANALYZER=""; }
  RSS_END=$(bench_rss_kib "$PID")
  DURING_LINE="$(bench_summary "$1")"
}

# bench_seconds_rate N: "<s> s (<N per second>" of ELAPSED_MS, for the result's time line
bench_seconds_rate() {
  awk -v n="$1" -v m="$ELAPSED_MS" 'BEGIN { printf "%.1f s (%.0f", m / 1000, n * 1000 / m }'
}

# bench_closing SERVICE GET PHASE UNSENT DRAIN_LINE: the result's last lines, as both benchmarks print them
bench_closing() {
  echo "$1 RSS: max $(( RSS_MAX / 1024 )) MiB during the $3, $(( RSS_END / 1024 )) MiB at the end"
  echo "$2, one connection: idle $IDLE_LINE"
  echo "$2, one connection: during the $3 $DURING_LINE"
  echo "outbox events not yet relayed when the $3 ended: $4; $5"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
}
