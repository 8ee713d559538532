#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for the tests and the fan-out bench (CI and developers).
#   .ci/postgres-cluster.sh start DIR   starts one in DIR and prints its URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   .ci/postgres-cluster.sh stop DIR    stops it and deletes DIR
# The server binaries come from Debian's postgresql package; with PG_INSTALL=1 (CI, as root) it is installed
# when missing. As root the cluster runs as the postgres user (PostgreSQL refuses to run as root). fsync is off:
# the data is thrown away. Exits non-zero, saying why, when the server cannot start.
set -euo pipefail
cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

find_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ "$cmd" == stop ]]; then
  bindir=$(find_bindir)
  if [[ -n "$bindir" && -d "$dir/data" ]]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  exit 0
fi
[[ "$cmd" == start ]] || { echo "unknown command: $cmd" >&2; exit 2; }

bindir=$(find_bindir)
if [[ -z "$bindir" ]]; then
  if [[ "${PG_INSTALL:-}" == 1 && "$(id -u)" == 0 ]]; then
    echo "installing Debian's postgresql package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir)
  fi
  if [[ -z "$bindir" ]]; then
    echo "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): apt-get install postgresql" >&2
    exit 3
  fi
fi
if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
  echo "running as root, but there is no postgres user to run the server as (it comes with Debian's postgresql package)" >&2
  exit 3
fi

mkdir -p "$dir"
if [[ "$(id -u)" == 0 ]]; then chown postgres "$dir"; fi
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "initdb failed" >&2
  exit 4
}
if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2; then
  cat "$dir/server.log" >&2 || true
  echo "the PostgreSQL server did not start" >&2
  exit 5
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
