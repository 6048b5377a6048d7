#!/usr/bin/env bash
# Readiness benchmark (issue 19's start-up goal; not a test: it prints figures and never fails on a timing).
#
#   ./platform bench readiness                                   # or gateway/bench/readiness.sh
#   RUNS=5 MODES="none cache" SERVICES="partner-registry-service consent-service" ./platform bench readiness
#   SERVICE_OPTS='-XX:StartFlightRecording=filename=/tmp/s.jfr,settings=profile' ./platform bench readiness
#   AOT=retrain ./platform bench readiness                       # train the caches again even when they match
#   MODES="cache alt" ALT_OPTS='-XX:TieredStopAtLevel=1' ./platform bench readiness   # the cache with and without a flag
#   MODES="cache alt" ALT_APP=/path/to/quarkus-app ./platform bench readiness   # another build of the last
#       service of SERVICES (its own cache, trained in ALT_APP/app.aot), run by turns with this one
#
# Starts the services of SERVICES one after the other (in that order: a service's snapshot sources
# first - consent-service bootstraps from the registry, the gateway from the registry, breach-service
# and consent-service), each as ./platform up would (production profile, service_environment,
# service_jvm_flags), on ports of its own (READINESS_BASE, default 8170: gateway +0, registry +1,
# consent +2, dsr +3, breach +4, privacy-center +5; management port = port + 1000), with its own
# databases (<database>_startup, created when absent, migrated by the services themselves) and
# RabbitMQ virtual host (startup). In every run of RUNS, for each mode of MODES in turn (none: no
# start-up cache; cache: the JDK's AOT cache of ./platform, trained first - one run until ready - when
# none matches the jar and JDK; alt: the cache plus ALT_OPTS, or the build ALT_APP of the last service
# with its own cache ALT_APP/app.aot), every service is started, its readiness recorded - process start
# to the first 200 of /q/health/ready on its management port, polled every 10 ms - with the CPU
# seconds its JVM used until then, and all are stopped again. Prints each figure and, per service and mode,
# the minimum, median and maximum.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../../platform
source "$ROOT/platform"

RUNS="${RUNS:-3}"
ALT_OPTS="${ALT_OPTS:-}"
ALT_APP="${ALT_APP:-}"
MODES="${MODES:-none cache}"
AOT="${AOT:-auto}"
SERVICE_OPTS="${SERVICE_OPTS:-}"
BASE="${READINESS_BASE:-8170}"
VHOST="${READINESS_VHOST:-startup}"
WORK="$ROOT/gateway/target/readiness"
read -ra ORDER <<<"${SERVICES:-partner-registry-service breach-service consent-service dsr-service privacy-center gateway}"
declare -A PORT=([gateway]=$BASE [partner-registry-service]=$((BASE + 1)) [consent-service]=$((BASE + 2))
  [dsr-service]=$((BASE + 3)) [breach-service]=$((BASE + 4)) [privacy-center]=$((BASE + 5)))
declare -A DATABASE PID RESULTS CPUS
while read -r module _ _ database; do
  [[ -n "$module" && "$module" != \#* ]] && DATABASE[$module]="${database:-}"
done <"$SERVICES_CONF"
say() { printf '==> %s\n' "$*"; }
mport() { echo $((PORT[$1] + 1000)); }
ticks() { [[ -r /proc/$1/stat ]] && sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}' || echo 0; }

JAVA="$(bench_java)"
for module in "${ORDER[@]}"; do
  [[ -f "$(service_jar "$module")" ]] || die "$(service_jar "$module") is missing: ./mvnw -DskipTests package -pl $module -am"
done
bench_own_databases startup "${ORDER[@]}"
bench_vhost "$VHOST"
mkdir -p "$WORK"
cleanup() { local m; for m in "${!PID[@]}"; do if [[ -n "${PID[$m]}" ]]; then kill "${PID[$m]}" 2>/dev/null || true; fi; done; }
trap cleanup EXIT

flags() { # module mode
  local module="$1" b="http://localhost" s
  service_jvm_flags
  printf '%s\n' "-Dquarkus.http.port=${PORT[$module]}" "-Dquarkus.management.port=$(mport "$module")"
  case "$2" in
    cache) PLATFORM_AOT=on aot_flags "$module" "$JAVA" ;;
    alt)
      if [[ -n "$ALT_APP" && "$module" == "${ORDER[-1]}" ]]; then printf '%s\n' "-XX:AOTCache=$ALT_APP/app.aot"; else PLATFORM_AOT=on aot_flags "$module" "$JAVA"; fi
      # (an empty ALT_OPTS printed an empty line: an empty argument, which java took for the main class)
      # shellcheck disable=SC2086 # ALT_OPTS: JVM options, split on spaces
      if [[ -n "$ALT_OPTS" ]]; then printf '%s\n' $ALT_OPTS; fi
      ;;
    alt-train)
      # shellcheck disable=SC2086 # ALT_OPTS: JVM options, split on spaces
      printf '%s\n' "-XX:AOTCacheOutput=$ALT_APP/app.aot" $ALT_OPTS ;;
    train) aot_training_flags "$module" "$JAVA" ;;
  esac
  if [[ "$module" == gateway ]]; then
    printf '%s\n' "-Dquarkus.http.ssl-port=$((BASE + 9))" "-Dgateway.backends.registry.url=$b:${PORT[partner-registry-service]}" \
      "-Dgateway.backends.consent.url=$b:${PORT[consent-service]}" "-Dgateway.backends.dsr.url=$b:${PORT[dsr-service]}" \
      "-Dgateway.backends.breach.url=$b:${PORT[breach-service]}" "-Dgateway.backends.privacy-center.url=$b:${PORT[privacy-center]}"
    for s in partner-registry-service:registry consent-service:consent dsr-service:dsr breach-service:breach; do
      printf '%s\n' "-Dgateway.backends.${s#*:}.openapi-url=$b:$(mport "${s%%:*}")/q/openapi"
    done
  fi
}

start() { # module mode run: LAST="seconds cpu-seconds"
  local module="$1" mode="$2" db="${DATABASE[$1]}" environment fl t0 pid log="$WORK/$1.$2.$3.log" t jar
  mapfile -t environment < <(bench_service_environment "$module" "$db" startup)
  mapfile -t fl < <(flags "$module" "$mode")
  # shellcheck disable=SC2206
  fl+=(${SERVICE_OPTS//@RUN@/$module.$mode.$3})
  port_open 127.0.0.1 "$(mport "$module")" && die "$module: port $(mport "$module") is in use"
  t0="$(date +%s%N)"
  jar="$(service_jar "$module")"
  [[ "$mode" == alt* && -n "$ALT_APP" && "$module" == "${ORDER[-1]}" ]] && jar="$ALT_APP/quarkus-run.jar"
  (echo "# process start $(date -u -d "@${t0:0:10}.${t0:10}" +%H:%M:%S.%N)"; cd "$ROOT/$module" && exec env "${environment[@]}" "$JAVA" "${fl[@]}" -jar "$jar") >"$log" 2>&1 &
  pid=$!
  PID[$module]=$pid
  while ! curl -fsS -o /dev/null --max-time 1 "http://localhost:$(mport "$module")/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; die "$module exited during start-up (log: $log)"; }
    (($(date +%s%N) - t0 < 120000000000)) || die "$module not ready after 120 s (log: $log)"
    sleep 0.01
  done
  t=$(($(date +%s%N) - t0))
  LAST="$(awk -v d="$t" -v c="$(ticks "$pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f %.1f\n", d / 1e9, c / hz }')"
}
stop() { local p="${PID[$1]:-}"; [[ -n "$p" ]] && { kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; }; PID[$1]=""; }
stop_all() { local m; for m in "${ORDER[@]}"; do stop "$m"; done; }

say "JDK $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); SERVICE_OPTS='$SERVICE_OPTS'"
if [[ " $MODES " == *" cache "* || " $MODES " == *" alt "* ]]; then
  for module in "${ORDER[@]}"; do
    # the services after it need it running: it runs on with its cache
    if [[ "$AOT" == retrain || -z "$(PLATFORM_AOT=on aot_flags "$module" "$JAVA")" ]]; then
      say "$module: training its start-up cache (one run until ready)"
      start "$module" train 0
      stop "$module"
      aot_stamped "$module" "$JAVA" || die "$module wrote no cache (log: $WORK/$module.train.0.log)"
    fi
    start "$module" cache 0
  done
  stop_all
  module="${ORDER[-1]}"
  if [[ -n "$ALT_APP" && ( "$AOT" == retrain || ! -s "$ALT_APP/app.aot" ) ]]; then
    say "$module ($ALT_APP): training its start-up cache (one run until ready)"
    for m in "${ORDER[@]}"; do if [[ "$m" == "$module" ]]; then start "$m" alt-train 0; else start "$m" cache 0; fi; done
    stop_all
    [[ -s "$ALT_APP/app.aot" ]] || die "$ALT_APP wrote no cache"
  fi
fi
# the modes take turns within each run: a change in the machine's load affects them alike
for run in $(seq 1 "$RUNS"); do
  for mode in $MODES; do
    for module in "${ORDER[@]}"; do
      start "$module" "$mode" "$run"
      r="$LAST"
      RESULTS[$module,$mode]+="${r%% *} "
      CPUS[$module,$mode]+="${r#* } "
      say "$module ($mode, run $run): ready in ${r%% *} s, ${r#* } s CPU (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    done
    stop_all
  done
done
echo
printf '%-26s | %-6s | %-40s | %s\n' service mode "ready in s: min / median / max (runs)" "CPU s: min / median / max"
# shellcheck disable=SC2086 # $1: the figures, one word each
stats() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f / %.2f / %.2f (%d)", v[1], v[int((NR + 1) / 2)], v[NR], NR }'; }
for module in "${ORDER[@]}"; do
  for mode in $MODES; do
    printf '%-26s | %-6s | %-40s | %s\n' "$module" "$mode" "$(stats "${RESULTS[$module,$mode]}")" "$(stats "${CPUS[$module,$mode]}")"
  done
done
