# shellcheck shell=bash
# infra/platform/common.sh - what every part uses: the .platform/ folders, output and error helpers, pid files and
# detached processes, the lock of commands that change what runs, apt installs, finding a JDK.
# Sourced by ./platform (the dispatcher), never run on its own.

PLATFORM_DIR="$ROOT/.platform"
STATE_DIR="$PLATFORM_DIR/state"
RUN_DIR="$PLATFORM_DIR/run"
LOG_DIR="$PLATFORM_DIR/logs"
DOWNLOAD_DIR="$PLATFORM_DIR/downloads"

# Debian keeps pg_ctlcluster, rabbitmq-server and rabbitmqctl in /usr/sbin.
PATH="$PATH:/usr/sbin:/sbin"

# ---------------------------------------------------------------------------------------------
# output and small helpers

info() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'platform: warning: %s\n' "$*" >&2; }
die() {
  printf 'platform: error: %s\n' "$*" >&2
  exit 1
}
usage_error() {
  printf 'platform: %s\n' "$*" >&2
  printf "Run './platform help' for the commands.\n" >&2
  exit 2
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Runs a command as root: directly when we are root, else through sudo. Daemons it starts
# (postgres, rabbitmq) must not inherit the lock descriptor of take_lock: 9>&-.
as_root() {
  if is_root; then
    "$@" 9>&-
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@" 9>&-
  else
    die "'$*' needs root: run ./platform as root or install sudo"
  fi
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" >/dev/null 2>&1; }

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1" >/dev/null 2>&1; }

# wait_until SECONDS COMMAND...: polls once a second; non-zero when the time ran out.
wait_until() {
  local timeout="$1"
  shift
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

show_log_tail() {
  local log="$1" lines="${2:-40}"
  if [[ -f "$log" ]]; then
    printf -- '---- last %s lines of %s ----\n' "$lines" "$log" >&2
    tail -n "$lines" "$log" >&2
    printf -- '----\n' >&2
  fi
}

# Prints the pid stored in a pid file when that process is alive and its command line
# contains the expected text (guards against a recycled pid); fails otherwise.
live_pid() {
  local pid_file="$1" expected="$2" pid
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$expected" || return 1
  printf '%s\n' "$pid"
}

# stop_pid PID_FILE EXPECTED NAME: SIGTERM, up to 30 s grace, then SIGKILL; removes the file.
stop_pid() {
  local pid_file="$1" expected="$2" name="$3" pid
  if pid="$(live_pid "$pid_file" "$expected")"; then
    info "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_until 30 pid_gone "$pid"; then
      warn "$name (pid $pid) did not stop within 30 s: sending SIGKILL"
      # start_detached made it a session leader: its process group holds only its children
      # (kc.sh runs java as a child), so kill the group, not just the leader.
      if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
        kill -KILL -- "-$pid" 2>/dev/null || true
      else
        kill -KILL "$pid" 2>/dev/null || true
      fi
      wait_until 10 pid_gone "$pid" || warn "$name (pid $pid) is still alive"
    fi
  fi
  rm -f "$pid_file"
}

pid_gone() { ! kill -0 "$1" 2>/dev/null; }

# Starts a command detached from this shell (own session, no terminal) and records its pid.
start_detached() {
  local pid_file="$1" log="$2" dir="$3"
  shift 3
  [[ -f "$log" ]] && mv -f "$log" "$log.previous"
  # 9>&-: the child must not inherit the lock of take_lock (it would hold it for its lifetime).
  (cd "$dir" && exec nohup setsid "$@" >"$log" 2>&1 </dev/null 9>&-) &
  printf '%s\n' "$!" >"$pid_file"
}

marker() { printf '%s/%s.started-by-platform\n' "$STATE_DIR" "$1"; }
started_by_us() { [[ -f "$(marker "$1")" ]]; }
yes_no() { if "$@"; then printf 'yes'; else printf 'no'; fi; }

ensure_dirs() { mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR" "$DOWNLOAD_DIR"; }

# One lock for commands that change what runs, so two invocations do not race.
take_lock() {
  ensure_dirs
  [[ -n "${PLATFORM_LOCKED:-}" ]] && return 0
  exec 9>"$STATE_DIR/lock"
  if ! flock -w 900 9; then
    die "another ./platform command holds $STATE_DIR/lock for more than 15 minutes"
  fi
  PLATFORM_LOCKED=1
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand (this script expects Debian 12)"
  info "Installing with apt: $*"
  if [[ -z "$APT_UPDATED" ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" || die "apt-get install $* failed"
}

ensure_tools() {
  local missing=()
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  command -v tar >/dev/null 2>&1 || missing+=(tar)
  command -v flock >/dev/null 2>&1 || missing+=(util-linux)
  if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
}

# ---------------------------------------------------------------------------------------------
# Java

# Major version of the JDK in $1 ("17", "25"), from its release file or by asking java.
java_major() {
  local home="$1" version=""
  [[ -x "$home/bin/java" ]] || return 1
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = //p')"
  fi
  version="${version#1.}"
  version="${version%%[.+-]*}"
  [[ "$version" =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$version"
}

# A JDK home with Java >= $1: KEYCLOAK_JAVA_HOME, then JAVA_HOME, then the newest in /usr/lib/jvm.
find_jdk() {
  local minimum="$1" home major best="" best_major=0
  for home in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [[ -n "$home" ]] || continue
    major="$(java_major "$home")" || continue
    if ((major >= minimum)); then
      printf '%s\n' "$home"
      return 0
    fi
  done
  for home in "${PLATFORM_JVM_DIR:-/usr/lib/jvm}"/*; do
    [[ -d "$home" ]] || continue
    major="$(java_major "$home")" || continue
    if ((major >= minimum && major > best_major)); then
      best="$home"
      best_major="$major"
    fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# java for Maven and the services: JAVA_HOME's if set, else the one on PATH; needs 17+.
service_java() {
  local java="java"
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; fi
  command -v "$java" >/dev/null 2>&1 ||
    die "no java found: install a JDK 17+ (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
  printf '%s\n' "$java"
}
