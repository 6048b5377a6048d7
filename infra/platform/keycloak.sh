# shellcheck shell=bash
# infra/platform/keycloak.sh - Keycloak for local runs: downloaded once from Maven Central, built once,
# started on 127.0.0.1 with the platform's realm plus the demo addition; reused when it serves the realm.
# Sourced by ./platform (the dispatcher), never run on its own.

REALM_FILE="$ROOT/infra/keycloak/realm-privacy.json"
# the local/dev addition: demo users and demo partner clients (imported only by local runs and the
# k8s dev overlay, never by prod; infra/keycloak/README.md)
DEMO_REALM_FILE="$ROOT/infra/keycloak/realm-demo.json"

KC_VERSION=26.7.3
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:tar.gz"
KC_TARBALL="$DOWNLOAD_DIR/keycloak-quarkus-dist-${KC_VERSION}.tar.gz"
KC_HOME="$PLATFORM_DIR/keycloak/keycloak-${KC_VERSION}"
KC_PORT="${PLATFORM_KEYCLOAK_PORT:-8180}"
KC_MANAGEMENT_PORT="${PLATFORM_KEYCLOAK_MANAGEMENT_PORT:-9000}"
KC_URL="http://localhost:${KC_PORT}"
KC_REALM=privacy
KC_REALM_URL="${KC_URL}/realms/${KC_REALM}"
KC_WELL_KNOWN="${KC_REALM_URL}/.well-known/openid-configuration"
KC_BUILD_OPTIONS=(--health-enabled=true --db=dev-file)
# Local runs listen on loopback only (the demo realm's secrets and admin/admin): HTTP and the
# management port (it inherits the host); --cache=local: no cluster transport (JGroups) listening
# on the machine's network interfaces.
KC_HOST=127.0.0.1
KC_LOG="$LOG_DIR/keycloak.log"
KC_PID_FILE="$RUN_DIR/keycloak.pid"
KC_TIMEOUT="${PLATFORM_KEYCLOAK_TIMEOUT:-120}"
# Local-only admin of the master realm, created on the first start of an empty data dir.
KC_ADMIN_USER="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
KC_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

# ---------------------------------------------------------------------------------------------
# Keycloak

keycloak_realm_ok() { http_ok "$KC_WELL_KNOWN"; }
keycloak_pid() { live_pid "$KC_PID_FILE" "$KC_HOME"; }
keycloak_port_used() { port_open 127.0.0.1 "$KC_PORT"; }
realm_checksum() { cat "$REALM_FILE" "$DEMO_REALM_FILE" | sha256sum | cut -d' ' -f1; }
# The realm the local run imports: the platform's realm plus the demo addition (its lists appended).
local_realm() {
  jq -s '.[0] as $base | .[1] as $demo | $base + ($demo | del(.realm) | with_entries(.value = ($base[.key] // []) + .value))' \
    "$REALM_FILE" "$DEMO_REALM_FILE"
}
REALM_SUM_FILE="$STATE_DIR/keycloak-realm.sha256"
KC_BUILT_FILE="$STATE_DIR/keycloak.built"

download_keycloak() {
  [[ -s "$KC_TARBALL" ]] && return 0
  info "Keycloak: downloading $KC_ARTIFACT from Maven Central (about 176 MB, once)"
  # Run outside the reactor: the goal needs no project, and the repository's modules need
  # not build for the download to work. Fall back to the root pom alone (-N).
  if ! (cd "$PLATFORM_DIR" && "$ROOT/mvnw" -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$KC_ARTIFACT" -DoutputDirectory="$DOWNLOAD_DIR"); then
    (cd "$ROOT" && ./mvnw -B -ntp -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$KC_ARTIFACT" -DoutputDirectory="$DOWNLOAD_DIR") ||
      die "downloading $KC_ARTIFACT with ./mvnw failed (is Maven Central reachable?)"
  fi
  [[ -s "$KC_TARBALL" ]] || die "the download finished but $KC_TARBALL is missing"
}

install_keycloak() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  download_keycloak
  info "Keycloak: unpacking into ${KC_HOME#"$ROOT"/}"
  local staging="$PLATFORM_DIR/keycloak/.unpack"
  rm -rf "$staging"
  mkdir -p "$staging"
  tar -xzf "$KC_TARBALL" -C "$staging" || die "unpacking $KC_TARBALL failed (delete it to download again)"
  [[ -x "$staging/keycloak-$KC_VERSION/bin/kc.sh" ]] || die "$KC_TARBALL does not contain keycloak-$KC_VERSION/bin/kc.sh"
  rm -rf "$KC_HOME"
  mv "$staging/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$staging"
  rm -f "$KC_BUILT_FILE" "$REALM_SUM_FILE"
}

build_keycloak() {
  local java_home="$1" wanted
  wanted="$KC_HOME ${KC_BUILD_OPTIONS[*]}"
  [[ -f "$KC_BUILT_FILE" && "$(cat "$KC_BUILT_FILE")" == "$wanted" ]] && return 0
  info "Keycloak: kc.sh build ${KC_BUILD_OPTIONS[*]} (once, ~20 s)"
  mkdir -p "$LOG_DIR"
  if ! JAVA_HOME="$java_home" "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTIONS[@]}" >"$LOG_DIR/keycloak-build.log" 2>&1 9>&-; then
    show_log_tail "$LOG_DIR/keycloak-build.log"
    die "kc.sh build failed (full log: $LOG_DIR/keycloak-build.log)"
  fi
  printf '%s\n' "$wanted" >"$KC_BUILT_FILE"
}

start_keycloak() {
  local java_home="$1"
  port_open 127.0.0.1 "$KC_MANAGEMENT_PORT" &&
    die "port $KC_MANAGEMENT_PORT (Keycloak's management/health port) is in use by another process: free it or set PLATFORM_KEYCLOAK_MANAGEMENT_PORT"
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  local_realm >"$KC_HOME/data/import/realm-privacy.json" || die "could not merge $REALM_FILE and $DEMO_REALM_FILE (jq)"
  info "Keycloak: starting on port $KC_PORT (Java: $java_home, log: ${KC_LOG#"$ROOT"/})"
  JAVA_HOME="$java_home" \
    JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    start_detached "$KC_PID_FILE" "$KC_LOG" "$KC_HOME" \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host="$KC_HOST" --http-port="$KC_PORT" \
    --http-management-port="$KC_MANAGEMENT_PORT" --cache=local \
    --hostname="$KC_URL" --hostname-strict=false --import-realm
  touch "$(marker keycloak)"
}

wait_keycloak() {
  local pid
  if ! wait_until "$KC_TIMEOUT" keycloak_ready_or_dead; then
    show_log_tail "$KC_LOG"
    die "Keycloak did not serve $KC_WELL_KNOWN within $KC_TIMEOUT s (log: $KC_LOG); it is still running: ./platform infra waits for it again, ./platform down stops it"
  fi
  if ! keycloak_realm_ok; then
    show_log_tail "$KC_LOG"
    rm -f "$KC_PID_FILE" "$(marker keycloak)"
    die "Keycloak exited during start-up (log: $KC_LOG)"
  fi
  pid="$(keycloak_pid || true)"
  info "Keycloak: realm $KC_REALM ready at $KC_REALM_URL${pid:+ (pid $pid)}"
}
keycloak_ready_or_dead() { keycloak_realm_ok || ! keycloak_pid >/dev/null; }

stop_keycloak() {
  stop_pid "$KC_PID_FILE" "$KC_HOME" "Keycloak"
  rm -f "$(marker keycloak)"
}

ensure_keycloak() {
  [[ -f "$REALM_FILE" ]] || die "$REALM_FILE is missing"
  [[ -f "$DEMO_REALM_FILE" ]] || die "$DEMO_REALM_FILE is missing"
  local sum stored=""
  sum="$(realm_checksum)"
  [[ -f "$REALM_SUM_FILE" ]] && stored="$(cat "$REALM_SUM_FILE")"

  if keycloak_pid >/dev/null; then
    if [[ "$sum" == "$stored" ]]; then
      info "Keycloak: running on port $KC_PORT (started earlier by ./platform)"
      wait_keycloak
      return 0
    fi
    # --import-realm skips a realm that already exists: re-import into a fresh dev-file DB.
    info "Keycloak: ${REALM_FILE#"$ROOT"/} changed since it was imported: restarting with a fresh database"
    stop_keycloak
  else
    rm -f "$KC_PID_FILE" "$(marker keycloak)"
    if keycloak_port_used; then
      if keycloak_realm_ok; then
        info "Keycloak: reusing the server already running on port $KC_PORT (realm $KC_REALM exists)"
        note "it was not started by ./platform: changes to ${REALM_FILE#"$ROOT"/} are not applied to it"
        return 0
      fi
      die "port $KC_PORT is in use, but $KC_WELL_KNOWN does not answer: stop what listens on $KC_PORT or import realm $KC_REALM there"
    fi
  fi

  local java_home
  java_home="$(find_jdk 21)" ||
    die "Keycloak $KC_VERSION needs Java 21 or newer and none was found (JAVA_HOME, /usr/lib/jvm/*). Install one, e.g. Eclipse Temurin 21 or 25 (https://adoptium.net, apt package temurin-21-jdk from packages.adoptium.net), or set KEYCLOAK_JAVA_HOME"
  install_keycloak
  build_keycloak "$java_home"
  if [[ "$sum" != "$stored" && -d "$KC_HOME/data/h2" ]]; then
    info "Keycloak: realm JSON differs from the imported one: deleting its dev-file database (data/h2)"
    rm -rf "$KC_HOME/data/h2"
  fi
  start_keycloak "$java_home"
  wait_keycloak
  printf '%s\n' "$sum" >"$REALM_SUM_FILE"
}

keycloak_pid_quiet() { keycloak_pid >/dev/null; }
