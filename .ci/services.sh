#!/usr/bin/env bash
# Installs and starts what the test suites talk to, when it is not already there.
# nginx: the hub's proxy test runs a real nginx on loopback (the test starts its own instance).
set -euo pipefail

apt_install() {
  if ! dpkg -s "$@" >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

apt_install nginx
