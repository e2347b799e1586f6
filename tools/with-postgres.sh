#!/usr/bin/env bash
# Runs COMMAND with a throwaway PostgreSQL 15 server and returns COMMAND's exit code.
#
#   bash tools/with-postgres.sh swift test --skip-build --filter StorageTests
#
# The server runs as the `postgres` system user on a data folder in a fresh temporary directory,
# listens on 127.0.0.1 only, on a free port, with its Unix socket in that directory. It is tuned
# for tests (no fsync) and stopped with `pg_ctl -m fast stop` when COMMAND ends, fails or is
# interrupted. COMMAND sees HYTE_TEST_POSTGRES_URL=postgres://USER:PASSWORD@127.0.0.1:PORT/DB for
# a role with a password (SCRAM) that may create databases.
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: tools/with-postgres.sh COMMAND [ARGUMENT…]" >&2
  exit 2
fi

PG_BIN=/usr/lib/postgresql/15/bin

if [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "tools/with-postgres.sh: installing PostgreSQL 15 (Debian package postgresql)" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 || exit 1
  apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends postgresql >&2 || exit 1
fi
if [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "tools/with-postgres.sh: $PG_BIN/pg_ctl is missing after installing postgresql" >&2
  exit 1
fi
# PostgreSQL refuses to run as root: as root, run it as the `postgres` system user; as anyone
# else, as oneself.
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "tools/with-postgres.sh: there is no 'postgres' system user to run the server as" >&2
    exit 1
  fi
  as_postgres() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  as_postgres() { "$@"; }
  owner=$(id -un)
fi

# A port nobody listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

workdir=$(mktemp -d /tmp/hyte-postgres.XXXXXX) || exit 1
chown "$owner": "$workdir"
chmod 700 "$workdir"
datadir="$workdir/data"
started=0

cleanup() {
  if [ "$started" -eq 1 ] && ! as_postgres "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null 2>&1; then
    # Keep the folder so that the server's log can be read.
    echo "tools/with-postgres.sh: stopping the server failed; its log is $workdir/server.log" >&2
    return
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
role=hyte_test
database=hyte_test

printf '%s\n' "$password" >"$workdir/superuser.password"
chown "$owner": "$workdir/superuser.password"
if ! as_postgres "$PG_BIN/initdb" -D "$datadir" -U postgres --auth=scram-sha-256 \
    --pwfile="$workdir/superuser.password" -E UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1; then
  cat "$workdir/initdb.log" >&2
  echo "tools/with-postgres.sh: initdb failed" >&2
  exit 1
fi
rm -f "$workdir/superuser.password"

port=""
for _ in 1 2 3 4 5; do
  port=$(free_port)
  if as_postgres "$PG_BIN/pg_ctl" -D "$datadir" -l "$workdir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null; then
    started=1
    break
  fi
  # Another process may have taken the port in between; the log says why it did not start.
  tail -n 5 "$workdir/server.log" >&2
done
if [ "$started" -ne 1 ]; then
  echo "tools/with-postgres.sh: the PostgreSQL server did not start" >&2
  exit 1
fi

if ! as_postgres env PGPASSWORD="$password" "$PG_BIN/psql" \
    -h "$workdir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
SET password_encryption = 'scram-sha-256';
CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $database OWNER $role;
SQL
then
  echo "tools/with-postgres.sh: creating the role and database failed; see $workdir/server.log" >&2
  exit 1
fi

export HYTE_TEST_POSTGRES_URL="postgres://$role:$password@127.0.0.1:$port/$database"
echo "tools/with-postgres.sh: PostgreSQL 15 on 127.0.0.1:$port, database $database" >&2

"$@"
status=$?
exit "$status"
