# Sourced by scripts/test.sh and scripts/bench.sh: start a throwaway PostgreSQL cluster on a free port,
# stop and remove it when the calling script exits, and export DATABASE_URL for it. Needs $VENV.
# `start_pg [options]` starts another and sets PG_URL to it (test.sh gives each parallel suite a cluster of its own).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_DIRS=()
as_pg() {
  # initdb refuses to run as root, so the cluster belongs to the postgres user.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_pg() {
  for dir in "${PG_DIRS[@]}"; do
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  done
}
trap stop_pg EXIT
start_pg() {  # extra arguments are server settings, e.g. "-c autovacuum=off"
  local dir port
  dir=$(mktemp -d /tmp/scrutiny-pg.XXXXXX)
  PG_DIRS+=("$dir")
  port=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $*" \
    start >/dev/null
  PG_URL="postgres://postgres@127.0.0.1:$port/scrutiny"
}
start_pg ${PG_SETTINGS:-}
export DATABASE_URL=$PG_URL
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running at $DATABASE_URL (throwaway)"
