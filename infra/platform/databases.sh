# shellcheck shell=bash
# infra/platform/databases.sh - the databases and users of infra/databases.conf (one per service and per
# test suite, idempotent), and how to reach PostgreSQL's superuser.
# Sourced by ./platform (the dispatcher), never run on its own.

DATABASES_CONF="$ROOT/infra/databases.conf"

PG_SUPER_MODE=""
# How to reach the superuser: TCP as 'postgres' without password (trust), else the local
# socket as the postgres OS user (peer), via runuser when root or sudo otherwise.
detect_pg_superuser() {
  [[ -n "$PG_SUPER_MODE" ]] && return 0
  command -v psql >/dev/null 2>&1 || apt_install "postgresql-client-$PG_VERSION"
  local mode
  for mode in tcp runuser sudo; do
    case "$mode" in
      runuser) { is_root && id postgres >/dev/null 2>&1; } || continue ;;
      sudo) { ! is_root && command -v sudo >/dev/null 2>&1 && sudo -n -u postgres true 2>/dev/null; } || continue ;;
    esac
    PG_SUPER_MODE="$mode"
    if [[ "$(pg_super -d postgres -tA -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' 2>/dev/null)" == "t" ]]; then
      return 0
    fi
  done
  PG_SUPER_MODE=""
  die "cannot act as the PostgreSQL superuser: neither 'psql -h $PG_HOST -U postgres' (without password) nor the local socket as OS user postgres works; run as root or fix pg_hba.conf"
}

pg_super() {
  case "$PG_SUPER_MODE" in
    tcp) PGCONNECT_TIMEOUT=5 psql -X -q -w -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@" ;;
    runuser) (cd / && runuser -u postgres -- psql -X -q -w -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@") ;;
    sudo) (cd / && sudo -n -u postgres psql -X -q -w -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@") ;;
    *) die "internal: PostgreSQL superuser access not detected" ;;
  esac
}

# Fills DB_NAMES / DB_USERS / DB_PASSWORDS from infra/databases.conf.
DB_NAMES=()
DB_USERS=()
DB_PASSWORDS=()
read_databases() {
  [[ -f "$DATABASES_CONF" ]] || die "$DATABASES_CONF is missing"
  DB_NAMES=() DB_USERS=() DB_PASSWORDS=()
  local line_no=0 line db user password extra
  while IFS= read -r line || [[ -n "$line" ]]; do
    line_no=$((line_no + 1))
    line="${line%%#*}"
    read -r db user password extra <<<"$line" || true
    [[ -n "${db:-}" ]] || continue
    [[ -n "${password:-}" && -z "${extra:-}" ]] ||
      die "$DATABASES_CONF:$line_no: expected '<dbname> <user> <password>'"
    [[ "$db" =~ ^[a-z_][a-z0-9_]*$ && "$user" =~ ^[a-z_][a-z0-9_]*$ ]] ||
      die "$DATABASES_CONF:$line_no: database and user names may contain only a-z, 0-9 and '_'"
    [[ "$password" =~ ^[A-Za-z0-9_.,:@%+=/-]+$ ]] ||
      die "$DATABASES_CONF:$line_no: the password may contain only letters, digits and _.,:@%+=/-"
    DB_NAMES+=("$db") DB_USERS+=("$user") DB_PASSWORDS+=("$password")
  done <"$DATABASES_CONF"
}

ensure_databases() {
  read_databases
  ((${#DB_NAMES[@]})) || { info "PostgreSQL: $DATABASES_CONF lists no database"; return 0; }
  detect_pg_superuser
  info "PostgreSQL: ensuring ${#DB_NAMES[@]} databases and their users ($DATABASES_CONF)"
  local i db user password sql=""
  for i in "${!DB_NAMES[@]}"; do
    db="${DB_NAMES[$i]}" user="${DB_USERS[$i]}" password="${DB_PASSWORDS[$i]}"
    # Names and passwords were validated above: no quoting characters can occur.
    sql+="SELECT 'CREATE ROLE \"$user\"' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') \\gexec
ALTER ROLE \"$user\" WITH LOGIN PASSWORD '$password';
SELECT 'CREATE DATABASE \"$db\" OWNER \"$user\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec
ALTER DATABASE \"$db\" OWNER TO \"$user\";
"
  done
  pg_super -d postgres <<<"$sql" >/dev/null || die "creating the databases and users failed (see the psql error above)"
  for i in "${!DB_NAMES[@]}"; do
    db="${DB_NAMES[$i]}" user="${DB_USERS[$i]}"
    # PostgreSQL 15 no longer lets everybody create in schema public: hand it to the owner
    # so that Flyway can create its tables there.
    pg_super -d "$db" >/dev/null <<<"ALTER SCHEMA public OWNER TO \"$user\";
GRANT ALL ON SCHEMA public TO \"$user\";" || die "granting schema public of $db to $user failed"
  done
  for i in "${!DB_NAMES[@]}"; do
    db="${DB_NAMES[$i]}" user="${DB_USERS[$i]}" password="${DB_PASSWORDS[$i]}"
    PGPASSWORD="$password" PGCONNECT_TIMEOUT=5 psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$user" -d "$db" \
      -tA -c 'SELECT 1' >/dev/null 2>&1 ||
      die "user $user cannot log in to database $db over TCP $PG_HOST:$PG_PORT with its password: check pg_hba.conf (a 'host all all 127.0.0.1/32 scram-sha-256' line)"
  done
  note "databases: ${DB_NAMES[*]}"
}

db_owner() {
  local i
  for i in "${!DB_NAMES[@]}"; do
    [[ "${DB_NAMES[$i]}" == "$1" ]] && { printf '%s\n' "${DB_USERS[$i]}"; return 0; }
  done
  return 1
}
