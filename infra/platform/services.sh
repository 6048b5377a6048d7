# shellcheck shell=bash
# infra/platform/services.sh - the services of infra/services.conf: build, local environment (keys,
# secrets, TLS), start/stop on 127.0.0.1, `./platform up`, `down` and `status`.
# Sourced by ./platform (the dispatcher), never run on its own.

SERVICES_CONF="$ROOT/infra/services.conf"
SERVICE_TIMEOUT="${PLATFORM_SERVICE_TIMEOUT:-90}"
SERVICE_HOST=127.0.0.1
SERVICE_HEAP="${PLATFORM_SERVICE_HEAP:--Xmx256m}"
# Memory of a service's JVM (issue 19, gateway/README.md "JVM settings"): the serial collector (no G1
# remembered sets and marking bitmaps: ~40 MiB per JVM), a small initial heap and a fixed 32 MiB young
# generation, so the heap grows with what lives, not with what is allocated; the C heap freed by the
# JIT compilers given back to the system every 5 s. The Kubernetes ConfigMaps set the same
# (k8s/base/services/*.env); PLATFORM_SERVICE_JVM_OPTS replaces them.
SERVICE_JVM_OPTS="${PLATFORM_SERVICE_JVM_OPTS--XX:+UseSerialGC -Xms64m -Xmn32m -XX:TrimNativeHeapInterval=5000}"
# glibc's malloc: two arenas instead of one per core and thread that allocates (the same in k8s)
SERVICE_MALLOC_ARENAS="${PLATFORM_SERVICE_MALLOC_ARENAS:-2}"
# service_jvm_flags: the JVM flags of every service (heap and memory settings), one a line
service_jvm_flags() {
  local words
  read -ra words <<<"$SERVICE_HEAP $SERVICE_JVM_OPTS"
  ((${#words[@]})) && printf '%s\n' "${words[@]}"
  return 0
}

# ---------------------------------------------------------------------------------------------
# services

SERVICE_MODULES=()
SERVICE_PORTS=()
SERVICE_MANAGEMENT_PORTS=()
read_services() {
  [[ -f "$SERVICES_CONF" ]] || die "$SERVICES_CONF is missing"
  SERVICE_MODULES=() SERVICE_PORTS=() SERVICE_MANAGEMENT_PORTS=() SERVICE_DBS=()
  local line_no=0 line module port management database extra
  while IFS= read -r line || [[ -n "$line" ]]; do
    line_no=$((line_no + 1))
    line="${line%%#*}"
    read -r module port management database extra <<<"$line" || true
    [[ -n "${module:-}" ]] || continue
    [[ "${port:-}" =~ ^[0-9]+$ && "${management:-}" =~ ^[0-9]+$ && -z "${extra:-}" ]] ||
      die "$SERVICES_CONF:$line_no: expected '<module> <http-port> <management-port> [<database>]'"
    [[ "$module" =~ ^[A-Za-z0-9._-]+$ ]] || die "$SERVICES_CONF:$line_no: bad module name '$module'"
    [[ -z "${database:-}" || "$database" =~ ^[a-z_][a-z0-9_]*$ ]] ||
      die "$SERVICES_CONF:$line_no: bad database name '$database'"
    SERVICE_MODULES+=("$module") SERVICE_PORTS+=("$port") SERVICE_MANAGEMENT_PORTS+=("$management")
    SERVICE_DBS+=("${database:-}")
  done <"$SERVICES_CONF"
}

service_pid_file() { printf '%s/service-%s.pid\n' "$RUN_DIR" "$1"; }
service_log() { printf '%s/%s.log\n' "$LOG_DIR" "$1"; }
service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "$ROOT" "$1"; }
service_pid() { live_pid "$(service_pid_file "$1")" "$(service_jar "$1")"; }
# health, metrics and OpenAPI are on each service's management interface (its own port, issue 15.3)
service_health_url() { printf 'http://localhost:%s/q/health/ready\n' "$1"; }

build_all() {
  info "Building all modules: ./mvnw -B -ntp -DskipTests package"
  local rc=0
  (cd "$ROOT" && ./mvnw -B -ntp -DskipTests package) || rc=$?
  ((rc == 0)) || {
    printf 'platform: error: the build failed (Maven exit code %s)\n' "$rc" >&2
    exit "$rc"
  }
}

# The gateway's local TLS certificate (3.4.c): self-signed for localhost, made once.
ensure_gateway_tls() {
  local dir="$PLATFORM_DIR/tls"
  [[ -f "$dir/gateway.crt" && -f "$dir/gateway.key" ]] && return 0
  command -v openssl >/dev/null 2>&1 || apt_install openssl
  mkdir -p "$dir"
  info "Generating a self-signed TLS certificate for the gateway (local use only): $dir/gateway.crt"
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/gateway.key" -out "$dir/gateway.crt" >/dev/null 2>&1 ||
    die "openssl could not create the gateway's certificate in $dir"
  chmod 600 "$dir/gateway.key"
}

# A random 256-bit key, base64, made once per checkout for local runs (never committed).
local_secret() {
  local file="$PLATFORM_DIR/secrets/$1"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$PLATFORM_DIR/secrets"
    chmod 700 "$PLATFORM_DIR/secrets"
    head -c 32 /dev/urandom | base64 >"$file"
    chmod 600 "$file"
  fi
  cat "$file"
}

# The Ed25519 key a service signs its audit checkpoints with (made once per service, never
# committed; in Kubernetes it comes from the Secret <service>-audit-checkpoint-key).
audit_checkpoint_key() {
  local dir="$PLATFORM_DIR/secrets" key pub
  key="$dir/audit-checkpoints-$1.key"
  pub="$dir/audit-checkpoints-$1.pub"
  if [[ ! -s "$key" || ! -s "$pub" ]]; then
    mkdir -p "$dir"
    chmod 700 "$dir"
    openssl genpkey -algorithm ed25519 -outform DER 2>/dev/null | base64 -w0 >"$key" \
      || die "could not create the audit checkpoint key of $1 (openssl)"
    base64 -d "$key" | openssl pkey -inform DER -pubout -outform DER 2>/dev/null | base64 -w0 >"$pub" \
      || die "could not derive the audit checkpoint public key of $1 (openssl)"
    chmod 600 "$key" "$pub"
  fi
  printf '%s\n' "PLATFORM_AUDIT_CHECKPOINTS_SIGNING_KEY=$(cat "$key")" \
    "PLATFORM_AUDIT_CHECKPOINTS_PUBLIC_KEY=$(cat "$pub")"
}

# Extra environment of a service for local runs (printed as NAME=value words). During the
# end-to-end phase (E2E_DATABASES=1) every service uses its own fresh <database>_e2e.
# Local runs listen on loopback only (HTTP and the gateway's HTTPS listener): they carry demo
# credentials. Containers keep Quarkus' production default 0.0.0.0 (nothing sets it there).
service_environment() {
  printf '%s\n' "QUARKUS_HTTP_HOST=$SERVICE_HOST" "QUARKUS_MANAGEMENT_HOST=$SERVICE_HOST" \
    "MALLOC_ARENA_MAX=$SERVICE_MALLOC_ARENAS"
  # Local values of what production reads without defaults (application.properties holds no
  # password or key outside dev/test): the database password of infra/databases.conf, the local
  # broker's guest, the demo realm's service client secret.
  if [[ -n "${2:-}" ]]; then
    read_databases
    local i
    for i in "${!DB_NAMES[@]}"; do
      [[ "${DB_NAMES[$i]}" == "$2" ]] && printf '%s\n' "DB_PASSWORD=${DB_PASSWORDS[$i]}"
    done
    printf '%s\n' "RABBITMQ_PASSWORD=guest"
  fi
  if [[ -n "${E2E_DATABASES:-}" && -n "${2:-}" ]]; then
    printf '%s\n' "DB_REACTIVE_URL=postgresql://localhost:$PG_PORT/${2}_e2e" \
      "DB_JDBC_URL=jdbc:postgresql://localhost:$PG_PORT/${2}_e2e" "QUARKUS_PROFILE=prod,e2e" \
      "MP_MESSAGING_CONNECTOR_SMALLRYE_RABBITMQ_VIRTUAL_HOST=$E2E_VHOST"
  fi
  if [[ -n "${E2E_DATABASES:-}" ]]; then
    # traces of the end-to-end phase go to its OTLP receiver (docs/tracing.md), in small, quick batches
    printf '%s\n' "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:$E2E_OTLP_PORT" \
      "QUARKUS_OTEL_BSP_SCHEDULE_DELAY=200ms"
  fi
  case "$1" in
    partner-registry-service | consent-service | dsr-service | breach-service)
      audit_checkpoint_key "$1"
      ;;
  esac
  case "$1" in
    partner-registry-service | consent-service | breach-service)
      # seals the Idempotency-Key store's answers (made once per checkout, never committed)
      printf '%s\n' "PLATFORM_IDEMPOTENCY_KEY=$(local_secret "$1-idempotency-key")"
      ;;
  esac
  case "$1" in
    dsr-service)
      # the deletion attestations' signing key of local runs (made once, never committed; the same
      # generator as the receipt keys, a key of its own)
      local attestation_jwks="$PLATFORM_DIR/secrets/dsr-attestations.jwks"
      if [[ ! -s "$attestation_jwks" ]]; then
        mkdir -p "$PLATFORM_DIR/secrets"
        "$ROOT/consent-service/tools/receipt-jwks.sh" "attestations-local" >"$attestation_jwks" \
          || die "could not create the attestation key"
        chmod 600 "$attestation_jwks"
      fi
      # the demo realm's service client secret: the holdings projection is built and reconciled
      # from consent-service's holdings feed with it
      printf '%s\n' "DSR_EXPORT_KEY=$(local_secret dsr-export-key)" \
        "DSR_ATTESTATIONS_JWKS=$(cat "$attestation_jwks")" "DSR_ATTESTATIONS_ISSUER=http://localhost:8080/api" \
        "PLATFORM_SERVICES_SECRET=platform-services-secret"
      ;;
    partner-registry-service)
      # the demo realm's partner-registry-admin secret: onboarding creates the partners' clients
      printf '%s\n' "PARTNER_REGISTRY_KEYCLOAK_SECRET=partner-registry-admin-secret"
      ;;
    consent-service)
      # receipt signing key of local runs (made once, never committed) and the demo realm's
      # service client secret for bootstrapping the partner projection from the registry
      local jwks="$PLATFORM_DIR/secrets/consent-receipts.jwks"
      if [[ ! -s "$jwks" ]]; then
        mkdir -p "$PLATFORM_DIR/secrets"
        "$ROOT/consent-service/tools/receipt-jwks.sh" local >"$jwks" || die "could not create the receipt key"
        chmod 600 "$jwks"
      fi
      printf '%s\n' "CONSENT_RECEIPTS_JWKS=$(cat "$jwks")" "PLATFORM_SERVICES_SECRET=platform-services-secret" \
        "CONSENT_RECEIPTS_ISSUER=http://localhost:8080/api"
      ;;
    privacy-center)
      # encrypts its session and sign-in state cookies and signs its CSRF tokens (made once, never committed)
      printf '%s\n' "PRIVACY_CENTER_SESSION_SECRET=$(local_secret privacy-center-session)"
      ;;
    gateway)
      ensure_gateway_tls
      # the demo realm's service client secret: the gateway bootstraps its restrictions projection
      # from the registry's and breach-service's snapshots with it
      printf '%s\n' "GATEWAY_TLS_CERT_FILE=$PLATFORM_DIR/tls/gateway.crt" \
        "GATEWAY_TLS_KEY_FILE=$PLATFORM_DIR/tls/gateway.key" "GATEWAY_PLAIN_HTTP=enabled" \
        "PLATFORM_SERVICES_SECRET=platform-services-secret"
      ;;
  esac
}

# JVM start-up cache (issue 19): JDK 25+'s AOT cache (-XX:AOTCache: classes loaded and linked,
# method profiles; JEP 483/514/515), AppCDS (-XX:SharedArchiveFile) on older JDKs. Trained by one
# run of the service itself (it starts, becomes ready, is stopped: the JVM writes the cache at exit),
# kept next to its jar, used only while the JDK and the application's jars are the ones it was
# trained with (a stamp file beside it). PLATFORM_AOT=off: never trained, never used.

# The JDK the services run on: PLATFORM_SERVICE_JAVA_HOME, else the newest 17+ in /usr/lib/jvm
# (Temurin 25 here), else service_java's.
runtime_java() {
  local home="${PLATFORM_SERVICE_JAVA_HOME:-}"
  [[ -n "$home" ]] || home="$(KEYCLOAK_JAVA_HOME="" JAVA_HOME="" find_jdk 17 2>/dev/null)" || home=""
  if [[ -n "$home" && -x "$home/bin/java" ]]; then printf '%s\n' "$home/bin/java"; else service_java; fi
}
# java_home JAVA: the JDK home of a java binary
java_home_of() { dirname "$(dirname "$(readlink -f "$(command -v "$1")")")"; }
aot_file() { # module java
  local major
  major="$(java_major "$(java_home_of "$2")")" || major=17
  if ((major >= 25)); then
    printf '%s/%s/target/quarkus-app/app.aot\n' "$ROOT" "$1"
  else
    printf '%s/%s/target/quarkus-app/app-cds.jsa\n' "$ROOT" "$1"
  fi
}
# what a cache is valid for: the JDK's release file and the application's jars (names, sizes, times)
aot_stamp() { # module java
  { cat "$(java_home_of "$2")/release" 2>/dev/null || "$2" -version 2>&1
    find "$ROOT/$1/target/quarkus-app" -name '*.jar' -printf '%P %s %T@\n' | sort; } | sha256sum | cut -c1-64
}
aot_flags() { # module java: the flags that use its trained cache; nothing when there is none that matches
  [[ "${PLATFORM_AOT:-on}" != off ]] || return 0
  local file
  file="$(aot_file "$1" "$2")"
  [[ -s "$file" && "$(cat "$file.stamp" 2>/dev/null)" == "$(aot_stamp "$1" "$2")" ]] || return 0
  if [[ "$file" == *.aot ]]; then
    printf '%s\n' "-XX:AOTCache=$file"
  else
    printf '%s\n' "-XX:SharedArchiveFile=$file" "-Xshare:auto"
  fi
}
aot_training_flags() { # module java: the flags of a training run (an old cache is removed first)
  local file
  file="$(aot_file "$1" "$2")"
  rm -f "$file" "$file.stamp"
  if [[ "$file" == *.aot ]]; then
    printf '%s\n' "-XX:AOTCacheOutput=$file"
  else
    printf '%s\n' "-XX:ArchiveClassesAtExit=$file"
  fi
}
aot_stamped() { # module java: after the training JVM exited: stamp the cache it wrote
  local file
  file="$(aot_file "$1" "$2")"
  [[ -s "$file" ]] && aot_stamp "$1" "$2" >"$file.stamp"
}
# aot_train MODULE MANAGEMENT-PORT LOG COMMAND...: one training run (COMMAND carries the training
# flags): waits for readiness, stops the service and waits for the JVM to write its cache.
aot_train() {
  local module="$1" management="$2" log="$3" pid
  shift 3
  (cd "$ROOT/$module" && exec "$@" >"$log" 2>&1 </dev/null 9>&-) &
  pid=$!
  wait_until "$SERVICE_TIMEOUT" aot_training_ready "$pid" "$management" || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
aot_training_ready() { http_ok "$(service_health_url "$2")" || ! kill -0 "$1" 2>/dev/null; }

start_service() {
  local module="$1" port="$2" management="$3" database="${4:-}" java jar pid_file log pid heap environment training aot
  jar="$(service_jar "$module")"
  pid_file="$(service_pid_file "$module")"
  log="$(service_log "$module")"
  [[ -d "$ROOT/$module" ]] || die "$SERVICES_CONF lists '$module' but $ROOT/$module does not exist"
  [[ -f "$jar" ]] || die "$jar is missing: did the build package $module as a Quarkus app?"
  if pid="$(service_pid "$module")"; then
    info "$module: already running (pid $pid)"
  else
    rm -f "$pid_file"
    port_open 127.0.0.1 "$port" && die "$module: port $port is already in use by another process"
    port_open 127.0.0.1 "$management" && die "$module: its management port $management is already in use by another process"
    # the end-to-end phase keeps the JDK of the build and no start-up cache unless asked
    # (PLATFORM_SERVICE_JAVA_HOME, PLATFORM_AOT=on): it tests the services, not their start-up
    local aot_mode="${PLATFORM_AOT:-on}"
    if [[ -n "${E2E_DATABASES:-}" ]]; then
      aot_mode="${PLATFORM_AOT:-off}"
      if [[ -n "${PLATFORM_SERVICE_JAVA_HOME:-}" ]]; then java="$(runtime_java)"; else java="$(service_java)"; fi
    else
      java="$(runtime_java)"
    fi
    mapfile -t heap < <(service_jvm_flags)
    mapfile -t environment < <(service_environment "$module" "$database")
    if [[ "$aot_mode" != off && -z "$(PLATFORM_AOT="$aot_mode" aot_flags "$module" "$java")" ]]; then
      info "$module: training its JVM start-up cache (one run until ready; log: ${log#"$ROOT"/}.training)"
      mapfile -t training < <(aot_training_flags "$module" "$java")
      aot_train "$module" "$management" "$log.training" env "${environment[@]}" "$java" "${heap[@]}" \
        "${training[@]}" -jar "$jar"
      aot_stamped "$module" "$java" || warn "$module: no start-up cache was written (see $log.training)"
    fi
    mapfile -t aot < <(PLATFORM_AOT="$aot_mode" aot_flags "$module" "$java")
    info "$module: starting on port $port ($("$java" -version 2>&1 | head -1)${aot:+, start-up cache}; log: ${log#"$ROOT"/})"
    start_detached "$pid_file" "$log" "$ROOT/$module" env "${environment[@]}" "$java" "${heap[@]}" "${aot[@]}" -jar "$jar"
  fi
  if ! wait_until "$SERVICE_TIMEOUT" service_ready_or_dead "$module" "$management"; then
    show_log_tail "$log"
    die "$module did not become ready at $(service_health_url "$management") within $SERVICE_TIMEOUT s (log: $log); it is still running: ./platform down stops it"
  fi
  if ! http_ok "$(service_health_url "$management")"; then
    show_log_tail "$log"
    rm -f "$pid_file"
    die "$module exited during start-up (log: $log)"
  fi
  info "$module: ready at http://localhost:$port (management: http://localhost:$management/q)"
}
service_ready_or_dead() { http_ok "$(service_health_url "$2")" || ! service_pid "$1" >/dev/null; }

# Stops every service this script started, also ones no longer listed in services.conf.
stop_services() {
  local pid_file module
  for pid_file in "$RUN_DIR"/service-*.pid; do
    [[ -e "$pid_file" ]] || continue
    module="$(basename "$pid_file" .pid)"
    module="${module#service-}"
    stop_pid "$pid_file" "$(service_jar "$module")" "$module"
  done
}

running_services_count() {
  local pid_file module count=0
  for pid_file in "$RUN_DIR"/service-*.pid; do
    [[ -e "$pid_file" ]] || continue
    module="$(basename "$pid_file" .pid)"
    service_pid "${module#service-}" >/dev/null && count=$((count + 1))
  done
  printf '%s\n' "$count"
}

print_urls() {
  local i module port management label
  echo
  echo "Local platform:"
  printf '  %-22s %s\n' "Keycloak" "$KC_URL  (realm: $KC_REALM_URL, admin console: $KC_URL/admin)"
  if started_by_us keycloak; then
    printf '  %-22s %s\n' "" "master-realm admin: $KC_ADMIN_USER / $KC_ADMIN_PASSWORD (local only)"
  fi
  printf '  %-22s %s\n' "RabbitMQ (AMQP)" "amqp://guest:guest@localhost:$RABBITMQ_PORT"
  printf '  %-22s %s\n' "PostgreSQL" "postgresql://localhost:$PG_PORT/<db>  (users: infra/databases.conf)"
  read_services
  for i in "${!SERVICE_MODULES[@]}"; do
    module="${SERVICE_MODULES[$i]}" port="${SERVICE_PORTS[$i]}" management="${SERVICE_MANAGEMENT_PORTS[$i]}"
    label="$module"
    [[ "$module" == gateway* ]] && label="$module (API entry)"
    [[ "$module" == privacy-center ]] && label="$module (web)"
    printf '  %-22s %s\n' "$label" "http://localhost:$port  (ready: $(service_health_url "$management"))"
    if [[ "$module" == gateway ]]; then
      printf '  %-22s %s\n' "" "API: http://localhost:$port/api/...  and  https://localhost:8443/api/... (self-signed)"
      printf '  %-22s %s\n' "" "Swagger UI: http://localhost:$management/q/swagger-ui  (combined OpenAPI: http://localhost:$port/api/openapi.json)"
    fi
    if [[ "$module" == privacy-center ]]; then
      printf '  %-22s %s\n' "" "open it through the gateway: http://localhost:8080/privacy/  (sign in as alice / alice-demo-pw)"
    fi
  done
  ((${#SERVICE_MODULES[@]})) || printf '  %-22s %s\n' "services" "none listed in infra/services.conf yet"
  echo
  if [[ " ${SERVICE_MODULES[*]} " == *" privacy-center "* ]]; then
    echo "Privacy center (the data subjects' web page): http://localhost:8080/privacy/"
  fi
  echo "A token for curl: ./platform token partner-demo-a   (more in infra/keycloak/README.md)"
}

cmd_up() {
  ensure_infra
  read_services
  if (($(running_services_count) > 0)); then
    info "Stopping the services started earlier: the build rewrites their jars"
    stop_services
  fi
  build_all
  local i
  for i in "${!SERVICE_MODULES[@]}"; do
    start_service "${SERVICE_MODULES[$i]}" "${SERVICE_PORTS[$i]}" "${SERVICE_MANAGEMENT_PORTS[$i]}" "${SERVICE_DBS[$i]}"
  done
  ((${#SERVICE_MODULES[@]})) || info "No services listed in infra/services.conf: nothing to start"
  print_urls
}

cmd_down() {
  take_lock
  stop_services
  stop_pid "$OTLP_PID_FILE" "OtlpReceiver.java" "the OTLP receiver"
  if keycloak_pid >/dev/null || [[ -f "$KC_PID_FILE" ]]; then
    stop_keycloak
  else
    rm -f "$(marker keycloak)"
  fi
  if started_by_us rabbitmq; then
    if rabbitmq_node_up; then
      info "Stopping RabbitMQ (rabbitmqctl stop)"
      as_root rabbitmqctl stop >/dev/null || die "rabbitmqctl stop failed"
    else
      info "RabbitMQ (started by ./platform) is no longer running"
    fi
    rm -f "$(marker rabbitmq)"
  fi
  if started_by_us postgresql; then
    if pg_running; then
      info "Stopping PostgreSQL (pg_ctlcluster $PG_VERSION $PG_CLUSTER stop)"
      as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop || die "pg_ctlcluster $PG_VERSION $PG_CLUSTER stop failed"
    else
      info "PostgreSQL (started by ./platform) is no longer running"
    fi
    rm -f "$(marker postgresql)"
  fi
  info "Down: everything ./platform started is stopped; servers it found running were left alone"
}

cmd_status() {
  ensure_dirs
  local state
  printf '%-22s %-12s %-6s %s\n' "COMPONENT" "STATE" "PORT" "STARTED BY ./platform"
  state="$(pg_running && echo running || echo stopped)"
  printf '%-22s %-12s %-6s %s\n' "postgresql" "$state" "$PG_PORT" "$(yes_no started_by_us postgresql)"
  state="$(rabbitmq_running && echo running || echo stopped)"
  printf '%-22s %-12s %-6s %s\n' "rabbitmq" "$state" "$RABBITMQ_PORT" "$(yes_no started_by_us rabbitmq)"
  if keycloak_realm_ok; then
    state=running
  elif keycloak_port_used; then
    state="no-realm"
  else
    state=stopped
  fi
  printf '%-22s %-12s %-6s %s\n' "keycloak" "$state" "$KC_PORT" "$(yes_no keycloak_pid_quiet)"
  read_services
  local i module port
  for i in "${!SERVICE_MODULES[@]}"; do
    module="${SERVICE_MODULES[$i]}" port="${SERVICE_PORTS[$i]}"
    if http_ok "$(service_health_url "${SERVICE_MANAGEMENT_PORTS[$i]}")"; then
      state=ready
    elif port_open 127.0.0.1 "$port"; then
      state=not-ready
    else
      state=stopped
    fi
    printf '%-22s %-12s %-6s %s\n' "$module" "$state" "$port" "$(yes_no service_pid_quiet "$module")"
  done
  ((${#SERVICE_MODULES[@]})) || echo "(no services listed in infra/services.conf)"
}
service_pid_quiet() { service_pid "$1" >/dev/null; }
