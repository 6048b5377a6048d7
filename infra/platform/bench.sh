# shellcheck shell=bash
# infra/platform/bench.sh - `./platform bench <name> [args]`: runs one benchmark, a script under
# <module>/bench/ (each prints figures and fails on no timing; its header says what it needs and
# which environment variables it reads, e.g. BENCH_PORT). A new benchmark is one line of BENCHMARKS.
# Sourced by ./platform (the dispatcher), never run on its own.

# name, then the script (relative to the repository root)
BENCHMARKS=(
  "consent-check consent-service/bench/run.sh"
  "consent-write consent-service/bench/write.sh"
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
      printf '%-18s %s\n' "${entry%% *}" "${entry#* }"
    done
    return 0
  fi
  script="$(bench_script "$1")" ||
    usage_error "unknown benchmark '$1' (./platform bench list: $(for entry in "${BENCHMARKS[@]}"; do printf '%s ' "${entry%% *}"; done))"
  shift
  [[ -x "$ROOT/$script" ]] || die "$script is missing or not executable"
  (cd "$ROOT" && exec "./$script" "$@")
}
