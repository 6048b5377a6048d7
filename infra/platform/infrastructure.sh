# shellcheck shell=bash
# infra/platform/infrastructure.sh - PostgreSQL 15 and RabbitMQ: reuse a running server, else install it
# with apt and start it (recording that ./platform started it); `./platform infra`.
# Sourced by ./platform (the dispatcher), never run on its own.

PG_VERSION=15
PG_CLUSTER="${PLATFORM_PG_CLUSTER:-main}"
PG_HOST=127.0.0.1
PG_PORT="${PLATFORM_PG_PORT:-5432}"
PG_LOG="/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log"

RABBITMQ_HOST=127.0.0.1
RABBITMQ_PORT="${PLATFORM_RABBITMQ_PORT:-5672}"

# ---------------------------------------------------------------------------------------------
# PostgreSQL

pg_running() { port_open "$PG_HOST" "$PG_PORT"; }

pg_cluster_port() {
  pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $3 }'
}

ensure_postgres() {
  if pg_running; then
    if started_by_us postgresql; then
      info "PostgreSQL: running on $PG_HOST:$PG_PORT (started earlier by ./platform)"
    else
      info "PostgreSQL: reusing the server already running on $PG_HOST:$PG_PORT"
    fi
    return 0
  fi
  local installed_now=""
  if [[ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install "postgresql-$PG_VERSION"
    installed_now=1
  fi
  if [[ -z "$(pg_cluster_port)" ]]; then
    info "PostgreSQL: creating cluster $PG_VERSION/$PG_CLUSTER"
    as_root pg_createcluster --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null ||
      die "pg_createcluster $PG_VERSION $PG_CLUSTER failed"
  fi
  local port
  port="$(pg_cluster_port)"
  [[ "$port" == "$PG_PORT" ]] ||
    die "PostgreSQL cluster $PG_VERSION/$PG_CLUSTER is configured for port $port, not $PG_PORT (see /etc/postgresql/$PG_VERSION/$PG_CLUSTER/postgresql.conf)"
  # A package install on a machine with an init system may have started it already: it did
  # not run before this script, so it counts as started by ./platform (down stops it).
  if wait_until 3 pg_running; then
    if [[ -n "$installed_now" ]]; then
      touch "$(marker postgresql)"
      info "PostgreSQL: installed and started by its package on $PG_HOST:$PG_PORT (./platform down stops it)"
    else
      info "PostgreSQL: reusing the server already running on $PG_HOST:$PG_PORT"
    fi
    return 0
  fi
  info "PostgreSQL: starting cluster $PG_VERSION/$PG_CLUSTER (pg_ctlcluster)"
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start ||
    { show_log_tail "$PG_LOG"; die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed"; }
  touch "$(marker postgresql)"
  wait_until 30 pg_running ||
    { show_log_tail "$PG_LOG"; die "PostgreSQL was started but does not accept connections on $PG_HOST:$PG_PORT after 30 s"; }
  info "PostgreSQL: started on $PG_HOST:$PG_PORT"
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ

rabbitmq_running() { port_open "$RABBITMQ_HOST" "$RABBITMQ_PORT"; }
rabbitmq_node_up() { as_root timeout 20 rabbitmqctl status >/dev/null 2>&1; }

ensure_rabbitmq() {
  if rabbitmq_running; then
    if started_by_us rabbitmq; then
      info "RabbitMQ: running on $RABBITMQ_HOST:$RABBITMQ_PORT (started earlier by ./platform)"
    else
      info "RabbitMQ: reusing the broker already running on $RABBITMQ_HOST:$RABBITMQ_PORT"
    fi
    return 0
  fi
  local installed_now=""
  if ! command -v rabbitmq-server >/dev/null 2>&1 || ! command -v rabbitmqctl >/dev/null 2>&1; then
    apt_install rabbitmq-server
    installed_now=1
  fi
  if rabbitmq_node_up; then
    if [[ -n "$installed_now" ]]; then
      # Started by the package installation, i.e. it did not run before this script.
      touch "$(marker rabbitmq)"
      wait_until 60 rabbitmq_running ||
        die "RabbitMQ was installed and started by its package but does not accept AMQP on $RABBITMQ_HOST:$RABBITMQ_PORT after 60 s (see /var/log/rabbitmq/)"
      info "RabbitMQ: installed and started by its package on $RABBITMQ_HOST:$RABBITMQ_PORT (./platform down stops it)"
      return 0
    fi
    # A node runs (started by a package install, an init system or a person) but its AMQP
    # listener is not up yet, or listens elsewhere: give it a moment, never take it over.
    if wait_until 30 rabbitmq_running; then
      info "RabbitMQ: reusing the broker already running on $RABBITMQ_HOST:$RABBITMQ_PORT"
      return 0
    fi
    die "a RabbitMQ node is running (rabbitmqctl status answers) but nothing accepts AMQP on $RABBITMQ_HOST:$RABBITMQ_PORT; check its listeners in /etc/rabbitmq"
  fi
  info "RabbitMQ: starting the broker (rabbitmq-server -detached)"
  as_root rabbitmq-server -detached || die "rabbitmq-server -detached failed (see /var/log/rabbitmq/)"
  touch "$(marker rabbitmq)"
  wait_until 90 rabbitmq_node_up ||
    die "RabbitMQ did not answer 'rabbitmqctl status' within 90 s (see /var/log/rabbitmq/)"
  wait_until 30 rabbitmq_running ||
    die "RabbitMQ runs but does not accept AMQP on $RABBITMQ_HOST:$RABBITMQ_PORT (see /var/log/rabbitmq/)"
  info "RabbitMQ: started on $RABBITMQ_HOST:$RABBITMQ_PORT"
}

# ---------------------------------------------------------------------------------------------
# ./platform infra

ensure_infra() {
  take_lock
  ensure_tools
  ensure_postgres
  ensure_databases
  ensure_rabbitmq
  ensure_keycloak
}

cmd_infra() {
  ensure_infra
  print_urls
}
