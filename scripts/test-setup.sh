#!/usr/bin/env bash
# Makes sure that what the tests need is installed and running, before the build tests anything.
# The root POM runs it first in `mvn verify` (and in any build that runs tests); `true` as the
# first argument means integration tests are skipped, which need only the browser.
#
# - Chromium: the widget's browser test (unit tests) and the demo's browser tests.
# - chromium-driver, curl, jq, PostgreSQL: the integration tests (the adapter's README walkthrough
#   runs with bash, curl and jq; the JDBC store and the demo need PostgreSQL).
#
# As root on Debian it installs what is missing with apt-get and starts PostgreSQL with the test
# role and database; otherwise it names the command that fixes what is missing, in one line.
set -euo pipefail
cd "$(dirname "$0")/.."
skip_its="${1:-false}"

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
if [ "$skip_its" != true ]; then
  [ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
  command -v curl >/dev/null || packages+=(curl)
  command -v jq >/dev/null || packages+=(jq)
  command -v pg_ctlcluster >/dev/null || packages+=(postgresql)
fi

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "asyncops: the tests need ${packages[*]}; install them with: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
  echo "asyncops: installing ${packages[*]} for the tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if [ "$skip_its" != true ]; then
  if [ "$(id -u)" -eq 0 ]; then
    bash store-jdbc/src/test/scripts/start-postgres.sh
  elif ! PGPASSWORD=asyncops PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -U asyncops -d asyncops -tAc 'SELECT 1' >/dev/null 2>&1; then
    echo "asyncops: PostgreSQL on 127.0.0.1:5432 does not accept the role asyncops; start it with: sudo bash store-jdbc/src/test/scripts/start-postgres.sh" >&2
    exit 1
  fi
fi
