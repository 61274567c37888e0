# PostgreSQL cluster lifecycle for ops/ scripts. Sourced, not run.
# PostgreSQL refuses to run as root, and these machines run everything as root, so every server command runs as
# the postgres system user in a data folder it owns. Only loopback listens, with trust authentication.

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found; installing the Debian package 'postgresql'..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2 || {
      echo "Could not install PostgreSQL. Install it yourself, or set ConnectionStrings__CaseLedger." >&2
      return 1
    }
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

as_postgres() { runuser -u postgres -- "$@"; }

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pg_start DATA_DIR [PORT]: creates the cluster when absent, starts it when stopped; prints its port.
pg_start() {
  local data=$1 port=${2:-} bin
  bin=$(pg_bin) || return 1
  mkdir -p "$data" && chown postgres:postgres "$data" && chmod 700 "$data"
  if [ ! -s "$data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || return 1
    # Loopback only: initdb's trust lines cover 127.0.0.1 and ::1, and nothing listens elsewhere.
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
  fi
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_port "$data"
    return 0
  fi
  if [ -z "$port" ]; then
    port=$(cat "$data/.port" 2>/dev/null || true)
    if [ -z "$port" ] || port_in_use "$port"; then port=$(free_port); fi
  fi
  echo "$port" >"$data/.port" && chown postgres:postgres "$data/.port"
  as_postgres "$bin/pg_ctl" -D "$data" -o "-p $port" -l "$data/server.log" -w -t 60 start >/dev/null || {
    echo "PostgreSQL did not start; its log is $data/server.log:" >&2
    tail -n 20 "$data/server.log" >&2
    return 1
  }
  echo "$port"
}

pg_port() { cat "$1/.port"; }

pg_running() {
  local bin
  bin=$(pg_bin) || return 1
  [ -s "$1/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1
}

pg_stop() {
  local data=$1 bin
  bin=$(pg_bin) || return 1
  if pg_running "$data"; then
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
}

# pg_ensure_database PORT NAME: creates the database when it does not exist yet.
pg_ensure_database() {
  local port=$1 name=$2 bin
  bin=$(pg_bin) || return 1
  if [ "$("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
        "select 1 from pg_database where datname = '$name'")" != "1" ]; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database \"$name\"" >/dev/null
  fi
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Database=$2;Username=postgres"; }
