#!/usr/bin/env bash
# Make sure PostgreSQL server binaries are available for the @jianguan/postgres suite. The suite's vitest
# globalSetup (packages/postgres/test/support/global-setup.ts) starts a throwaway server from them — initdb into a
# temp dir, 127.0.0.1 on a random free port, owned by the `postgres` user when run as root — and stops it at the
# end; with DATABASE_URL set it uses that server instead. Idempotent: if initdb is found (under
# /usr/lib/postgresql/*/bin, $PG_BIN or `pg_config --bindir`), print it and exit; otherwise install Debian's
# `postgresql` with apt-get. Debian's package also creates the `postgres` user and may start its own cluster,
# which the suite does not use.
set -euo pipefail

find_initdb() {
  local candidate
  if [ -n "${PG_BIN:-}" ] && [ -x "${PG_BIN}/initdb" ]; then
    echo "${PG_BIN}/initdb"
    return 0
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "${candidate}/initdb" ]; then
      echo "${candidate}/initdb"
      return 0
    fi
  done
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    echo "$(pg_config --bindir)/initdb"
    return 0
  fi
  return 1
}

if [ -n "${DATABASE_URL:-}" ]; then
  echo "ensure-postgres: DATABASE_URL is set; the suite uses that server"
  exit 0
fi

if found="$(find_initdb)"; then
  echo "ensure-postgres: found ${found} ($("$found" --version))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-postgres: no PostgreSQL server binaries and no apt-get; install PostgreSQL or set DATABASE_URL" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-postgres: not root and no sudo; cannot run apt-get (install PostgreSQL or set DATABASE_URL)" >&2
    exit 1
  fi
fi

echo "ensure-postgres: installing Debian's postgresql with apt-get"
export DEBIAN_FRONTEND=noninteractive
install_packages() {
  $SUDO apt-get update -qq >/dev/null && \
    $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}
# One retry: a mirror hiccup should not fail the whole run.
install_packages || { echo "ensure-postgres: apt-get failed; retrying once in 10 s" >&2; sleep 10; install_packages; }

if found="$(find_initdb)"; then
  echo "ensure-postgres: installed ${found} ($("$found" --version))"
else
  echo "ensure-postgres: apt-get finished but no initdb was found" >&2
  exit 1
fi
