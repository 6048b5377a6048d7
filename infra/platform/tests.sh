# shellcheck shell=bash
# infra/platform/tests.sh - `./platform test`: Maven install with every module's tests, then (full run
# or PLATFORM_E2E=1) the end-to-end phase on fresh *_e2e databases and RabbitMQ vhost, then (full
# run or PLATFORM_NATIVE=1) the native check.
# Sourced by ./platform (the dispatcher), never run on its own.

# The test phases; later phases (end-to-end) are added here.
run_tests() {
  run_maven_verify "$@" || return $?
  # A partial run (./platform test -pl X) skips the end-to-end phase unless PLATFORM_E2E=1.
  if (($# == 0)) || [[ "${PLATFORM_E2E:-}" == 1 ]]; then
    run_e2e || return $?
  fi
  # ... and the native check unless PLATFORM_NATIVE=1 (a full run always has both).
  if (($# == 0)) || [[ "${PLATFORM_NATIVE:-}" == 1 ]]; then
    run_native_check
  fi
}

# Native phase: Quarkus' native build steps for every service of infra/services.conf, up to the
# native-image sources (no GraalVM/Mandrel here to link them: README.md, "Native images"). It fails
# on what the build steps reject (unregistered reflection they detect, unsupported extensions,
# missing native resources). Runs after the end-to-end phase: it repackages the services.
run_native_check() {
  read_services
  local modules
  modules="$(IFS=,; printf '%s' "${SERVICE_MODULES[*]}")"
  [[ -n "$modules" ]] || return 0
  info "Native check: ./mvnw -B -ntp package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true -pl $modules"
  local rc=0
  (cd "$ROOT" && ./mvnw -B -ntp package -DskipTests -Dquarkus.native.enabled=true \
    -Dquarkus.native.sources-only=true -pl "$modules") || rc=$?
  if ((rc == 0)); then
    info "Native check: native-image sources in <module>/target/native-sources/ (native-image.args, runner jar)"
  else
    printf 'platform: error: the native build steps failed (Maven exit code %s)\n' "$rc" >&2
  fi
  return "$rc"
}

# End-to-end phase: every service of infra/services.conf, built by the verify above, runs on a
# fresh <database>_e2e behind the gateway; the e2e-tests module then drives it with real tokens.
run_e2e() {
  [[ -d "$ROOT/e2e-tests" ]] || { info "No e2e-tests module: end-to-end phase skipped"; return 0; }
  ensure_browser
  read_services
  reset_e2e_databases
  reset_e2e_vhost
  local i rc=0
  start_otlp_receiver
  export E2E_DATABASES=1
  for i in "${!SERVICE_MODULES[@]}"; do
    (start_service "${SERVICE_MODULES[$i]}" "${SERVICE_PORTS[$i]}" "${SERVICE_MANAGEMENT_PORTS[$i]}" "${SERVICE_DBS[$i]}") || rc=$?
    ((rc == 0)) || break
  done
  unset E2E_DATABASES
  if ((rc == 0)); then
    # -am: e2e-tests uses partner-sdk, which Maven resolves only inside the reactor (nothing is
    # installed); -DskipTests skips the module tests already run, quarkus.build.skip leaves the
    # running services' target/quarkus-app untouched. The e2e tests themselves run (-De2e).
    local e2e_maven=(./mvnw -B -ntp -pl e2e-tests -am verify -De2e -DskipTests -Dquarkus.build.skip=true)
    info "Running the end-to-end suite: ${e2e_maven[*]}"
    (cd "$ROOT" && "${e2e_maven[@]}") || rc=$?
    ((rc == 0)) || printf 'platform: error: end-to-end tests failed (Maven exit code %s)\n' "$rc" >&2
  else
    printf 'platform: error: a service did not start for the end-to-end phase (logs: %s)\n' "$LOG_DIR" >&2
  fi
  info "Stopping the services of the end-to-end phase"
  stop_services
  stop_pid "$OTLP_PID_FILE" "OtlpReceiver.java" "the OTLP receiver"
  return "$rc"
}

# repository-checks runs shellcheck over ./platform and its parts (ShellScriptsTest): Debian's package.
ensure_shellcheck() {
  command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck
}

# The k8s module's checks run Prometheus' rule checker over the alerts (k8s/README.md, "Checks").
# Debian's package also holds the Prometheus server, which its install starts where the init system
# lets it (not where a policy-rc.d forbids it, as in containers); only promtool is used here.
ensure_promtool() {
  command -v promtool >/dev/null 2>&1 || apt_install --no-install-recommends prometheus
  command -v promtool >/dev/null 2>&1 || die "prometheus was installed but promtool is missing"
}

# The end-to-end phase's OTLP/HTTP receiver (infra/otlp-receiver): every service exports its spans
# to it; it keeps each export request in $E2E_TRACES_DIR, emptied first, for the e2e tests (TracesTest).
E2E_OTLP_PORT="${PLATFORM_E2E_OTLP_PORT:-4318}"
E2E_TRACES_DIR="$PLATFORM_DIR/e2e-traces"
OTLP_PID_FILE="$RUN_DIR/otlp-receiver.pid"
start_otlp_receiver() {
  stop_pid "$OTLP_PID_FILE" "OtlpReceiver.java" "the OTLP receiver of an earlier run"
  port_open 127.0.0.1 "$E2E_OTLP_PORT" && die "port $E2E_OTLP_PORT (OTLP receiver) is already in use by another process"
  rm -rf "$E2E_TRACES_DIR"
  info "OTLP receiver: http://127.0.0.1:$E2E_OTLP_PORT (spans of the run: ${E2E_TRACES_DIR#"$ROOT"/})"
  start_detached "$OTLP_PID_FILE" "$LOG_DIR/otlp-receiver.log" "$ROOT" "$(service_java)" \
    "$ROOT/infra/otlp-receiver/OtlpReceiver.java" "$E2E_OTLP_PORT" "$E2E_TRACES_DIR"
  wait_until 60 port_open 127.0.0.1 "$E2E_OTLP_PORT" ||
    { show_log_tail "$LOG_DIR/otlp-receiver.log"; die "the OTLP receiver did not start within 60 s"; }
}

# The browser tests of the end-to-end phase drive Debian's Chromium headless (Playwright).
ensure_browser() {
  if [[ ! -x /usr/bin/chromium ]]; then
    apt_install chromium
    [[ -x /usr/bin/chromium ]] || die "chromium was installed but /usr/bin/chromium is missing"
  fi
  # the privacy center's Chinese pages (screenshots) need a CJK font
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt_install fonts-wqy-microhei
  fi
}

# The end-to-end phase gets its own, empty RabbitMQ virtual host: durable queues of the default
# vhost may hold events that the module tests published, which must not reach these services.
E2E_VHOST=e2e
reset_e2e_vhost() {
  command -v rabbitmqctl >/dev/null 2>&1 || die "rabbitmqctl is needed to prepare the end-to-end virtual host"
  info "RabbitMQ: fresh virtual host '$E2E_VHOST' for the end-to-end phase"
  as_root rabbitmqctl -q delete_vhost "$E2E_VHOST" >/dev/null 2>&1 || true
  as_root rabbitmqctl -q add_vhost "$E2E_VHOST" >/dev/null || die "rabbitmqctl add_vhost $E2E_VHOST failed"
  as_root rabbitmqctl -q set_permissions -p "$E2E_VHOST" guest '.*' '.*' '.*' >/dev/null ||
    die "rabbitmqctl set_permissions on $E2E_VHOST failed"
}

reset_e2e_databases() {
  detect_pg_superuser
  local i db user sql=""
  read_databases
  for i in "${!SERVICE_MODULES[@]}"; do
    db="${SERVICE_DBS[$i]}"
    [[ -n "$db" ]] || continue
    user="$(db_owner "$db")" || die "$DATABASES_CONF does not list database $db of ${SERVICE_MODULES[$i]}"
    sql+="DROP DATABASE IF EXISTS \"${db}_e2e\" WITH (FORCE);
CREATE DATABASE \"${db}_e2e\" OWNER \"$user\";
"
  done
  [[ -n "$sql" ]] || return 0
  info "PostgreSQL: fresh end-to-end databases (*_e2e)"
  pg_super -d postgres <<<"$sql" >/dev/null || die "resetting the end-to-end databases failed"
  for i in "${!SERVICE_MODULES[@]}"; do
    db="${SERVICE_DBS[$i]}"
    [[ -n "$db" ]] || continue
    user="$(db_owner "$db")"
    pg_super -d "${db}_e2e" >/dev/null <<<"ALTER SCHEMA public OWNER TO \"$user\";
GRANT ALL ON SCHEMA public TO \"$user\";" || die "granting schema public of ${db}_e2e failed"
  done
}

run_maven_verify() {
  # install, not just verify: the end-to-end phase is a second Maven run (-pl e2e-tests) that
  # resolves its sibling modules (platform-testing, the partner SDK) from the local repository
  info "Running ./mvnw -B -ntp install $*"
  local rc=0
  (cd "$ROOT" && ./mvnw -B -ntp install "$@") || rc=$?
  ((rc == 0)) || printf 'platform: error: tests failed (Maven exit code %s)\n' "$rc" >&2
  return "$rc"
}

cmd_test() {
  ensure_infra
  ensure_shellcheck
  ensure_promtool
  if (($(running_services_count) > 0)); then
    info "Stopping the services started by ./platform up: the build rewrites their jars (run ./platform up again afterwards)"
    stop_services
  fi
  flock -u 9 2>/dev/null || true
  local rc=0
  run_tests "$@" || rc=$?
  exit "$rc"
}
