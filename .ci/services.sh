#!/usr/bin/env bash
# Installs and starts what the test suites talk to, when it is not already there.
# - nginx: the hub's proxy test runs its own nginx instance on loopback.
# - chromium: the dashboard browser test (headless, through playwright-core).
# - PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`): the store and sync int-specs.
# - Redis on 127.0.0.1:6379; the fault suite also starts redis-server processes of its own.
set -euo pipefail

updated=0
apt_install() {
  if ! dpkg -s "$@" >/dev/null 2>&1; then
    [ "$updated" = 1 ] || { apt-get update -qq; updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

apt_install nginx
# chromium: the dashboard browser tests drive Debian's build through playwright-core.
apt_install chromium

postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! postgres_up; then
  apt_install postgresql
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
fi
postgres_up || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
if ! psql -h 127.0.0.1 -U postgres -d test -Atqc 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test' || {
    echo "cannot reach database test as postgres on 127.0.0.1:5432 (trust auth expected)" >&2
    exit 1
  }
fi

apt_install redis-server
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
if ! redis_up; then
  redis-server --port 6379 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
redis_up || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }
