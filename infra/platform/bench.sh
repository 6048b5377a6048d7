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
