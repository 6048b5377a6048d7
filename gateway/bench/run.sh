#!/usr/bin/env bash
# Gateway benchmark (issue 19; not a test: it prints figures and never fails on a timing).
#
#   ./platform bench gateway                       # or gateway/bench/run.sh
#   DURATION=15s WARMUP=30s ROUNDS=2 ./platform bench gateway
#   SERVICE_OPTS='-Dquarkus.otel.sdk.disabled=false' ./platform bench gateway   # extra flags, every service
#   GATEWAY_OPTS='-Dquarkus.vertx.prefer-native-transport=false' ./platform bench gateway   # the gateway's only
#   TRACING=off ./platform bench gateway           # without exporting traces (default: every service traces
#       as in production - OTLP/HTTP to infra/otlp-receiver on BENCH_BASE + 7, which keeps nothing)
#   AOT=off ./platform bench gateway               # without the JVM start-up cache phase
#   SERVICES="partner-registry-service breach-service consent-service gateway" ./platform bench gateway
#                                                  # readiness of these only (in this order; gateway last)
#   AOT=retrain ./platform bench gateway           # train the caches again even when they match
#   GATEWAY_BASELINE_APP=/path/to/quarkus-app ./platform bench gateway   # also measure another build of
#       the gateway (e.g. main's) side by side, as a second replica on port BENCH_BASE + 6
#   JFR=/tmp/gw.jfr AOT=off ./platform bench gateway   # a JFR recording (settings=profile) of the gateway
#       during the last round's gateway figure (it costs the gateway some CPU: that figure is then a profile)
#   CURVE_TURNS=3 CURVE_ALT_OPTS='-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining|...' ./platform bench gateway
#       # after the cache phase, the gateway's warm-up curve (and readiness) in turns, CURVE_TURNS times:
#       # without the cache, with it, and with it plus each '|'-separated set of flags (alt1, alt2, ...)
#
# What it does, on its own ports (BENCH_BASE, default 8150: gateway 8150, registry 8151, consent
# 8152, dsr 8153, breach 8154, privacy-center 8155, nginx 8158; management port = port + 1000), its
# own databases (<database>_gwbench, created with psql -U postgres when absent, migrated by the
# services themselves) and its own RabbitMQ virtual host (gwbench), with the production profile and
# the local values ./platform up uses (platform's service_environment):
#   1. starts every service of infra/services.conf one after the other and records its readiness
#      time: from process start to the first 200 of /q/health/ready on its management port (the
#      gateway's projection bootstraps from the registry's and breach-service's snapshots, so they
#      start first);
#   2. starts nginx (nginx-light, installed with apt when missing) from gateway/bench/nginx.conf: one
#      worker, keep-alive upstream to consent-service, the gateway's /api rewrite;
#   3. warms up, then measures POST /consents/check with a partner token (partner-demo-a) and one
#      subject, wrk THREADS x CONNECTIONS for DURATION: directly, through nginx, through the gateway
#      (a replica of its own with a high rate limit for the partner, every check still done), with
#      CPU time per request of the gateway's JVM, of nginx and of consent-service (from /proc);
#   4. restarts the gateway, records its readiness time and its warm-up curve (req/s per 5 s window
#      for the first 30 s of load);
#   5. unless AOT=off: the same with the JVM start-up cache of ./platform (JDK 25+: AOT cache with
#      the training run's profiles; older JDKs: AppCDS): when a service has no cache matching its jar
#      and JDK, one training run of every such service under the benchmark's load (the gateway and
#      consent-service serve the check, so their profiles are the hot path's), stopped so that the
#      JVM writes the cache; then every service starts again with its cache (readiness times),
#      consent-service is warmed up directly, and the gateway restarted with its cache: its
#      readiness and warm-up curve with the cache, measured as in 4.; RSS of every service;
#   6. prints the table, the ratios against the goals of issue 19, readiness times and RSS.
# The machine's load average is printed with every figure: the cores are shared.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$ROOT/gateway/bench"
# ./platform's functions (service_environment, find_jdk, uuid_v5, aot_*): sourcing defines them only
# shellcheck source=../../platform
source "$ROOT/platform"

DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-30s}"
ROUNDS="${ROUNDS:-1}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
BENCH_BASE="${BENCH_BASE:-8150}"
NGINX_PORT="${NGINX_PORT:-$((BENCH_BASE + 8))}"
VHOST="${BENCH_VHOST:-gwbench}"
AOT="${AOT:-auto}"
SERVICE_OPTS="${SERVICE_OPTS:-}"
GATEWAY_OPTS="${GATEWAY_OPTS:-}"
TRACING="${TRACING:-on}"
OTLP_PORT="$((BENCH_BASE + 7))"
PARTNER_CLIENT=partner-demo-a
WORK="$ROOT/gateway/target/bench"
export THREADS

declare -A PORT=([gateway]=$BENCH_BASE [partner-registry-service]=$((BENCH_BASE + 1))
  [consent-service]=$((BENCH_BASE + 2)) [dsr-service]=$((BENCH_BASE + 3)) [breach-service]=$((BENCH_BASE + 4))
  [privacy-center]=$((BENCH_BASE + 5)) [gateway-baseline]=$((BENCH_BASE + 6)))
GATEWAY_BASELINE_APP="${GATEWAY_BASELINE_APP:-}"
JFR="${JFR:-}"
CURVE_TURNS="${CURVE_TURNS:-0}"
CURVE_ALT_OPTS="${CURVE_ALT_OPTS:-}"
START_TIMEOUT="${START_TIMEOUT:-600}"
PATHS=(direct nginx gateway)
[[ -n "$GATEWAY_BASELINE_APP" ]] && PATHS+=(gateway-baseline)
# start order: the gateway's snapshot sources first, the gateway last
# (SERVICES: a subset for a quicker run; the gateway needs the registry, breach-service and consent-service)
read -ra ORDER <<<"${SERVICES:-partner-registry-service breach-service consent-service dsr-service privacy-center gateway}"
declare -A DATABASE PID READY READY_CPU RSS_MB
while read -r module _ _ database; do
  [[ -n "$module" && "$module" != \#* ]] && DATABASE[$module]="${database:-}"
done <"$SERVICES_CONF"
DATABASE[gateway-baseline]="${DATABASE[gateway]}"
# the module whose configuration and directory a bench process uses, and its jar
module_of() { if [[ "$1" == gateway-baseline ]]; then echo gateway; else echo "$1"; fi; }
jar_of() { if [[ "$1" == gateway-baseline ]]; then echo "$GATEWAY_BASELINE_APP/quarkus-run.jar"; else service_jar "$1"; fi; }

say() { printf '==> %s\n' "$*"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
mport() { echo $((PORT[$1] + 1000)); }
# CPU time (clock ticks, user + system) of the given processes, from /proc/<pid>/stat
ticks() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done; echo "$t"; }
field() { grep -oE "$2=[0-9.]+" <<<"$1" | head -1 | cut -d= -f2; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }
token() {
  curl -fsS "$KC_REALM_URL/protocol/openid-connect/token" -d grant_type=client_credentials \
    -d client_id="$PARTNER_CLIENT" -d client_secret="$PARTNER_CLIENT-secret" | jq -r .access_token
}

# --- tools, JDK, jars, databases, virtual host -------------------------------------------------------
command -v wrk >/dev/null 2>&1 || { say "installing wrk (apt-get)"; apt_install wrk; }
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || { say "installing nginx-light (apt-get)"; apt_install nginx-light; }
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
# the JDK ./platform up runs the services on (PLATFORM_SERVICE_JAVA_HOME, else the newest in /usr/lib/jvm)
JAVA="$(bench_java)"
for module in "${ORDER[@]}"; do
  [[ -f "$(service_jar "$module")" ]] && continue
  say "building the services (./mvnw -DskipTests package)"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package -pl "$(IFS=,; echo "${ORDER[*]}")" -am)
  break
done
bench_own_databases gwbench "${ORDER[@]}"
bench_vhost "$VHOST"
mkdir -p "$WORK"
PARTNER_ID="$(uuid_v5 "$PARTNER_ID_NAMESPACE" "partner:$PARTNER_CLIENT")"

NGINX_PID=""
OTLP_PID=""
cleanup() {
  local m
  for m in "${!PID[@]}"; do [[ -n "${PID[$m]}" ]] && kill "${PID[$m]}" 2>/dev/null || true; done
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  [[ -n "$OTLP_PID" ]] && kill "$OTLP_PID" 2>/dev/null || true
}
trap cleanup EXIT

# --- traces: exported as in production (k8s/components/tracing), to a receiver that keeps nothing --
if [[ "$TRACING" == on ]]; then
  port_open 127.0.0.1 "$OTLP_PORT" && die "port $OTLP_PORT (the benchmark's OTLP receiver) is in use"
  "$JAVA" "$ROOT/infra/otlp-receiver/OtlpReceiver.java" "$OTLP_PORT" - >"$WORK/otlp-receiver.log" 2>&1 &
  OTLP_PID=$!
  for _ in $(seq 1 300); do port_open 127.0.0.1 "$OTLP_PORT" && break; sleep 0.1; done
  port_open 127.0.0.1 "$OTLP_PORT" || die "the OTLP receiver did not start: $(cat "$WORK/otlp-receiver.log")"
  SERVICE_OPTS="-Dquarkus.otel.exporter.otlp.traces.endpoint=http://127.0.0.1:$OTLP_PORT $SERVICE_OPTS"
fi

# --- services ---------------------------------------------------------------------------------------
# The java flags of a module in a mode (none, train, cache): heap and memory settings as ./platform
# (service_jvm_flags), the bench ports and URLs, and the start-up cache's flags of ./platform
# (aot_training_flags, aot_flags).
service_flags() {
  local module="$1" b="http://localhost"
  service_jvm_flags
  printf '%s\n' "-Dquarkus.http.port=${PORT[$module]}" "-Dquarkus.management.port=$(mport "$module")"
  case "$2" in
    cache | alt*) PLATFORM_AOT=on aot_flags "$module" "$JAVA" ;;
    train) aot_training_flags "$module" "$JAVA" ;;
  esac
  case "$module" in
    gateway | gateway-baseline)
      # its own HTTPS port too (8443 is the local run's)
      if [[ "$module" == gateway ]]; then printf '%s\n' "-Dquarkus.http.ssl-port=$((BENCH_BASE + 9))"; else printf '%s\n' "-Dquarkus.http.ssl-port=$((BENCH_BASE + 1009))"; fi
      printf '%s\n' "-Dgateway.backends.registry.url=$b:${PORT[partner-registry-service]}" \
        "-Dgateway.backends.consent.url=$b:${PORT[consent-service]}" "-Dgateway.backends.dsr.url=$b:${PORT[dsr-service]}" \
        "-Dgateway.backends.breach.url=$b:${PORT[breach-service]}" \
        "-Dgateway.backends.privacy-center.url=$b:${PORT[privacy-center]}"
      local s
      for s in partner-registry-service:registry consent-service:consent dsr-service:dsr breach-service:breach; do
        printf '%s\n' "-Dgateway.backends.${s#*:}.openapi-url=$b:$(mport "${s%%:*}")/q/openapi"
      done
      # a replica of its own with a high rate limit for the benchmark's partner: the bucket is
      # still checked on every request, it just never runs dry
      printf '%s\n' "-Dgateway.rate-limit.partners.\"$PARTNER_ID\"=1000000" "-Dgateway.rate-limit.burst=1000000"
      ;;
  esac
}

# the flags of CURVE_ALT_OPTS' n-th '|'-separated set
alt_opts() { local sets; IFS='|' read -ra sets <<<"$CURVE_ALT_OPTS"; printf '%s' "${sets[$(($1 - 1))]}"; }

start() { # module mode (none, train, cache, altN: the cache and CURVE_ALT_OPTS' N-th set, gateway only)
  local module="$1" mode="$2" db="${DATABASE[$1]}" environment flags t0 pid log="$WORK/$1.$2.log"
  mapfile -t environment < <(bench_service_environment "$(module_of "$module")" "$db" gwbench)
  mapfile -t flags < <(service_flags "$module" "$mode")
  # shellcheck disable=SC2206
  flags+=($SERVICE_OPTS)
  # shellcheck disable=SC2206
  [[ "$module" == gateway ]] && flags+=($GATEWAY_OPTS)
  local alt=()
  [[ "$module" == gateway && "$mode" == alt* ]] && read -ra alt <<<"$(alt_opts "${mode#alt}")"
  flags+=("${alt[@]}")
  t0="$(date +%s%N)"
  (cd "$ROOT/$(module_of "$module")" && exec env "${environment[@]}" "$JAVA" "${flags[@]}" -jar "$(jar_of "$module")") >"$log" 2>&1 &
  pid=$!
  PID[$module]=$pid
  while ! curl -fsS -o /dev/null --max-time 1 "http://localhost:$(mport "$module")/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; die "$module exited during start-up (log: $log)"; }
    (( $(date +%s%N) - t0 < START_TIMEOUT * 1000000000 )) || die "$module not ready after $START_TIMEOUT s (log: $log)"
    sleep 0.02
  done
  READY[$module,$mode]="$(awk -v d=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.2f", d / 1e9 }')"
  # CPU time the JVM used until then: the figure other work on the machine distorts least
  READY_CPU[$module,$mode]="$(awk -v t="$(ticks "$pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }')"
  say "$module ($mode) ready in ${READY[$module,$mode]} s, ${READY_CPU[$module,$mode]} s CPU (process start to first 200 of /q/health/ready; load average $(loadavg))"
}
# stops a service and waits for its JVM to exit (after a training run: until it has written its cache)
stop() { local p="${PID[$1]}"; kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; PID[$1]=""; }

say "JDK $(java_home_of "$JAVA"); $(nproc) cores shared with other work; load average $(loadavg)"
for module in "${ORDER[@]}"; do start "$module" none; done
[[ -n "$GATEWAY_BASELINE_APP" ]] && start gateway-baseline none

# --- nginx ------------------------------------------------------------------------------------------
mkdir -p "$WORK/nginx"
sed -e "s|@NGINX_PORT@|$NGINX_PORT|g" -e "s|@CONSENT_PORT@|${PORT[consent-service]}|g" -e "s|@PREFIX@|$WORK/nginx|g" \
  "$BENCH_DIR/nginx.conf" >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>"$WORK/nginx/start.log" &
NGINX_PID=$!
for _ in $(seq 1 50); do port_open 127.0.0.1 "$NGINX_PORT" && break; sleep 0.1; done
port_open 127.0.0.1 "$NGINX_PORT" || die "nginx did not start: $(cat "$WORK/nginx/start.log")"
nginx_pids() { echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); }

# --- measurements -------------------------------------------------------------------------------------
declare -A BASE=([direct]="http://localhost:${PORT[consent-service]}" [nginx]="http://localhost:$NGINX_PORT"
  [gateway]="http://localhost:${PORT[gateway]}" [gateway-baseline]="http://localhost:${PORT[gateway-baseline]}")
declare -A PREFIX=([direct]="" [nginx]="/api" [gateway]="/api" [gateway-baseline]="/api")
HZ="$(getconf CLK_TCK)"
export SUBJECTS=1 # one subject: bench-subj-0 (consent-service/bench/check.lua)
wrk_run() { # path duration [--latency]
  TOKEN="$(token)" CHECK_PATH="${PREFIX[$1]}/consents/check" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" ${3:-} -s "$ROOT/consent-service/bench/check.lua" "${BASE[$1]}" |
    grep '^RESULT' || true
}
for path in "${PATHS[@]}"; do
  answer="$(curl -sS -X POST "${BASE[$path]}${PREFIX[$path]}/consents/check" -H "Authorization: Bearer $(token)" \
    -H 'Content-Type: application/json' -d '{"subjectId":"bench-subj-0","purpose":"analytics","category":"user.name"}' \
    -w ' HTTP %{http_code}')"
  say "sample answer $path: $answer"
  [[ "$answer" == *"HTTP 200" ]] || die "$path does not answer the consent check with 200"
done
say "warm-up: $WARMUP gateway, $WARMUP direct, 10s nginx (load average $(loadavg))"
wrk_run gateway "$WARMUP" >/dev/null
wrk_run direct "$WARMUP" >/dev/null
wrk_run nginx 10s >/dev/null
[[ -n "$GATEWAY_BASELINE_APP" ]] && wrk_run gateway-baseline "$WARMUP" >/dev/null
# the processes that proxy a path (CPU per request): none for direct
proxy_pids() {
  case "$1" in
    nginx) nginx_pids ;;
    gateway | gateway-baseline) echo "${PID[$1]}" ;;
  esac
}

declare -A RES CPU_PROXY CPU_CONSENT LOADS
for round in $(seq 1 "$ROUNDS"); do
  for path in "${PATHS[@]}"; do
    before="$(loadavg)"
    profile=""
    if [[ -n "$JFR" && "$path" == gateway && "$round" == "$ROUNDS" ]]; then
      profile=yes
      "$(dirname "$JAVA")/jcmd" "${PID[gateway]}" JFR.start name=bench settings=profile >/dev/null
    fi
    p0="$(ticks $(proxy_pids "$path"))"; c0="$(ticks "${PID[consent-service]}")"
    r="$(wrk_run "$path" "$DURATION" --latency)"
    if [[ -n "$profile" ]]; then
      "$(dirname "$JAVA")/jcmd" "${PID[gateway]}" JFR.stop name=bench filename="$JFR" >/dev/null
      say "JFR of the gateway during this figure: $JFR"
    fi
    n="$(field "$r" requests)"; n="${n:-0}"
    per() { awk -v t="$1" -v n="$n" -v hz="$HZ" 'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else print "-" }'; }
    CPU_PROXY[$round,$path]="$(per $(( $(ticks $(proxy_pids "$path")) - p0 )))"
    CPU_CONSENT[$round,$path]="$(per $(( $(ticks "${PID[consent-service]}") - c0 )))"
    [[ "$path" == direct ]] && CPU_PROXY[$round,$path]="-"
    RES[$round,$path]="$r"; LOADS[$round,$path]="$before -> $(loadavg)"
    say "round $round $path: ${r#RESULT } | CPU per request: proxy ${CPU_PROXY[$round,$path]} us, consent-service ${CPU_CONSENT[$round,$path]} us"
  done
done
for module in "${ORDER[@]}"; do RSS_MB[$module]="$(rss_mb "${PID[$module]}")"; done
if [[ -n "$GATEWAY_BASELINE_APP" ]]; then RSS_MB[gateway-baseline]="$(rss_mb "${PID[gateway-baseline]}")"; stop gateway-baseline; fi

# --- the gateway after a restart: readiness and warm-up curve ----------------------------------------
curve() { # mode: req/s per 5 s window of the first 30 s of load on the freshly started gateway
  local w r
  CURVE[$1]=""
  for w in 1 2 3 4 5 6; do
    r="$(wrk_run gateway 5s)"
    CURVE[$1]+="$(field "$r" rps) "
  done
  say "gateway warm-up ($1): ${CURVE[$1]}"
}
declare -A CURVE
say "restarting the gateway (no start-up cache)"
stop gateway
READY[gateway-first,none]="${READY[gateway,none]}"
start gateway none
curve none
RSS_MB[gateway-restarted]="$(rss_mb "${PID[gateway]}")"

# --- the same with the JVM start-up cache -------------------------------------------------------------
if [[ "$AOT" != off ]]; then
  for module in "${ORDER[@]}"; do stop "$module"; done
  TRAIN=()
  for module in "${ORDER[@]}"; do
    [[ "$AOT" == retrain || -z "$(PLATFORM_AOT=on aot_flags "$module" "$JAVA")" ]] && TRAIN+=("$module")
  done
  if ((${#TRAIN[@]})); then
    say "training the start-up cache of: ${TRAIN[*]} (load average $(loadavg))"
    for module in "${ORDER[@]}"; do
      if [[ " ${TRAIN[*]} " == *" $module "* ]]; then start "$module" train; else start "$module" cache; fi
    done
    # the hot path's profiles: the check through the gateway (and so consent-service)
    wrk_run gateway "$WARMUP" >/dev/null
    for module in "${ORDER[@]}"; do stop "$module"; done
    for module in "${TRAIN[@]}"; do
      aot_stamped "$module" "$JAVA" || say "warning: $module wrote no cache (log: $WORK/$module.train.log)"
    done
  fi
  for module in "${ORDER[@]}"; do start "$module" cache; done
  # the warm-up curve as without the cache: only the gateway freshly started, consent-service warm
  # (measured right after every service restarted, the curve was consent-service's warm-up as much
  # as the gateway's)
  say "warm-up of the other services: $WARMUP direct; restarting the gateway (start-up cache)"
  wrk_run direct "$WARMUP" >/dev/null
  stop gateway
  READY[gateway-first,cache]="${READY[gateway,cache]}"
  start gateway cache
  curve cache
  for module in "${ORDER[@]}"; do RSS_MB[$module,cache]="$(rss_mb "${PID[$module]}")"; done

  # --- warm-up curves in turns: one build's modes compared under the same conditions ----------------
  declare -A TURN_CURVES TURN_READY
  TURN_MODES=(none cache)
  if [[ -n "$CURVE_ALT_OPTS" ]]; then
    IFS='|' read -ra alt_sets <<<"$CURVE_ALT_OPTS"
    for i in "${!alt_sets[@]}"; do TURN_MODES+=("alt$((i + 1))"); done
  fi
  saved_none="${READY[gateway,none]}" saved_cache="${READY[gateway,cache]}"
  saved_none_cpu="${READY_CPU[gateway,none]}" saved_cache_cpu="${READY_CPU[gateway,cache]}"
  for _ in $(seq 1 "$CURVE_TURNS"); do
    for mode in "${TURN_MODES[@]}"; do
      stop gateway
      start gateway "$mode"
      TURN_READY[$mode]+="${READY[gateway,$mode]} "
      curve "$mode"
      TURN_CURVES[$mode]+="${CURVE[$mode]}/"
    done
  done
  READY[gateway,none]="$saved_none" READY[gateway,cache]="$saved_cache"
  READY_CPU[gateway,none]="$saved_none_cpu" READY_CPU[gateway,cache]="$saved_cache_cpu"
fi

# --- report -------------------------------------------------------------------------------------------
echo
echo "== gateway benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)), shared"
echo "   POST /consents/check, partner token ($PARTNER_CLIENT), one subject; wrk ${THREADS}x$CONNECTIONS, $DURATION per figure after warm-up; JDK $("$JAVA" -version 2>&1 | head -1); AOT=$AOT; TRACING=$TRACING; SERVICE_OPTS='$SERVICE_OPTS'; GATEWAY_OPTS='$GATEWAY_OPTS'"
printf '%-5s | %-16s | %-8s | %-8s | %-8s | %-6s | %-22s | %s\n' round path "req/s" p50_ms p99_ms non2xx "CPU us/req proxy/consent" "load average (start -> end)"
for round in $(seq 1 "$ROUNDS"); do
  for path in "${PATHS[@]}"; do
    r="${RES[$round,$path]}"
    printf '%-5s | %-16s | %-8s | %-8s | %-8s | %-6s | %-22s | %s\n' "$round" "$path" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
      "$(field "$r" p99_ms)" "$(field "$r" non2xx)" "${CPU_PROXY[$round,$path]} / ${CPU_CONSENT[$round,$path]}" \
      "${LOADS[$round,$path]}"
  done
  d="${RES[$round,direct]}"; x="${RES[$round,nginx]}"; g="${RES[$round,gateway]}"
  awk -v d="$(field "$d" rps)" -v x="$(field "$x" rps)" -v g="$(field "$g" rps)" -v dp="$(field "$d" p99_ms)" \
    -v gp="$(field "$g" p99_ms)" -v gc="${CPU_PROXY[$round,gateway]}" -v nc="${CPU_PROXY[$round,nginx]}" -v r="$round" '
    function v(ok) { return ok ? "met" : "not met" }
    BEGIN {
      printf "round %s: gateway/nginx %.2fx (goal >= 0.85: %s), gateway/direct %.2fx (goal >= 0.7: %s), nginx/direct %.2fx, p99 gateway/direct %.2fx (goal <= 1.5: %s); CPU per proxied request: gateway %s us, nginx %s us (%.1fx)\n",
        r, g / x, v(g / x >= 0.85), g / d, v(g / d >= 0.7), x / d, gp / dp, v(gp / dp <= 1.5), gc, nc, (nc > 0) ? gc / nc : 0
    }'
done
steady="$(field "${RES[$ROUNDS,gateway]}" rps)"
for mode in none cache; do
  [[ -n "${CURVE[$mode]:-}" ]] || continue
  awk -v s="$steady" -v c="${CURVE[$mode]}" -v m="$mode" 'BEGIN { n = split(c, w, " "); t = "-"; for (i = 1; i <= n; i++) if (w[i] >= 0.9 * s) { t = i * 5; break }
    printf "gateway warm-up after a restart (%s start-up cache), req/s per 5 s window of load: %s\n  90%% of steady (%.0f req/s) reached in the window ending at %s s (goal <= 10 s: %s)\n",
      (m == "none") ? "without" : "with", c, 0.9 * s, t, (t != "-" && t <= 10) ? "met" : "not met" }'
done
if ((CURVE_TURNS > 0)) && [[ "$AOT" != off ]]; then
  echo "gateway warm-up in turns ($CURVE_TURNS turns; 90% of steady = $(awk -v s="$steady" 'BEGIN { printf "%.0f", 0.9 * s }') req/s):"
  for mode in "${TURN_MODES[@]}"; do
    opts="-"; case "$mode" in none) opts="no start-up cache" ;; cache) opts="start-up cache" ;; alt*) opts="start-up cache + $(alt_opts "${mode#alt}")" ;; esac
    awk -v s="$steady" -v c="${TURN_CURVES[$mode]}" -v r="${TURN_READY[$mode]}" -v m="$mode" -v o="$opts" 'BEGIN {
      n = split(c, turns, "/"); out = ""
      for (k = 1; k <= n; k++) { if (turns[k] == "") continue; split(turns[k], w, " "); t = "-"
        for (i = 1; i <= 6; i++) if (w[i] >= 0.9 * s) { t = i * 5; break }
        out = out sprintf("\n    turn %d: %s-> 90%% at %s s", k, turns[k], t) }
      printf "  %-6s (%s), ready in s: %s%s\n", m, o, r, out }'
  done
fi
if [[ -n "$GATEWAY_BASELINE_APP" ]]; then
  awk -v b="$(field "${RES[$ROUNDS,gateway-baseline]}" rps)" -v g="$(field "${RES[$ROUNDS,gateway]}" rps)" \
    -v bc="${CPU_PROXY[$ROUNDS,gateway-baseline]}" -v gc="${CPU_PROXY[$ROUNDS,gateway]}" -v app="$GATEWAY_BASELINE_APP" 'BEGIN {
    printf "gateway against the baseline build (%s): %.2fx the req/s, CPU per request %s us against %s us\n", app, (b > 0) ? g / b : 0, gc, bc }'
fi
printf '%-26s | %-24s | %-24s | %s\n' service "ready, no cache (s, CPU s)" "ready, cache (s, CPU s)" "RSS after the benchmark (MiB; cache phase)"
for module in "${ORDER[@]}" ${GATEWAY_BASELINE_APP:+gateway-baseline}; do
  printf '%-26s | %-24s | %-24s | %s\n' "$module" "${READY[$module,none]:-} ${READY_CPU[$module,none]:+(${READY_CPU[$module,none]})}" \
    "${READY[$module,cache]:-} ${READY_CPU[$module,cache]:+(${READY_CPU[$module,cache]})}" "${RSS_MB[$module]:-}${RSS_MB[$module,cache]:+; ${RSS_MB[$module,cache]}}"
done
printf '%-26s | %-24s | %-24s | %s\n' "gateway (first / restarted)" "${READY[gateway-first,none]} / ${READY[gateway,none]}" \
  "${READY[gateway-first,cache]:-} ${READY[gateway-first,cache]:+/ ${READY[gateway,cache]}}" \
  "${RSS_MB[gateway-restarted]} (after its warm-up curve)"
echo "(readiness: process start to first 200 of /q/health/ready in seconds, goal < 2 s; RSS goal < 300 MiB; load average now $(loadavg))"
