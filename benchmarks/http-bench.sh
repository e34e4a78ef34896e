#!/usr/bin/env bash
# Status GET throughput with wrk against a constant JSON resource of the same size on the same
# server, and the 304 path. Needs wrk (apt-get install -y wrk) and a built benchmarks.jar
# (mvn -B -q -pl benchmarks -am package -DskipTests). Prints each figure and its ratio.
set -euo pipefail
cd "$(dirname "$0")"

port=${PORT:-8090}
duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
targets=$(mktemp)
java -Xms512m -Xmx512m -cp target/benchmarks.jar io.github.asyncops.benchmarks.HttpBenchServer \
  "$port" "$targets" > target/http-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$targets"' EXIT
curl -s -o /dev/null --retry 30 --retry-connrefused --retry-delay 1 \
  "http://127.0.0.1:$port/api/constant"
until [ -s "$targets" ]; do sleep 0.2; done
source "$targets"

# A browser sends the adapter's client cookie with every poll; so does the load.
cookie="Cookie: asyncops-client=AAAAAAAAAAAAAAAAAAAAAA"

rate() { # url [header] -> requests/s
  local args=(-t1 "-c$connections" "-d$duration" --latency -H "$cookie")
  [ $# -gt 1 ] && args+=(-H "$2")
  wrk "${args[@]}" "$1" | tee -a target/http-bench-wrk.log | awk '/Requests\/sec/ {print $2}'
}

: > target/http-bench-wrk.log
echo "status body: $STATUS_BYTES bytes; wrk -t1 -c$connections -d$duration"
rate "$CONSTANT_URL" > /dev/null   # warm-up
rate "$STATUS_URL" > /dev/null     # warm-up
constant=$(rate "$CONSTANT_URL")
injected=$(rate "$INJECTED_URL")
parameter=$(rate "$PARAMETER_URL")
status=$(rate "$STATUS_URL")
notmodified=$(rate "$STATUS_URL" "If-None-Match: $ETAG")
awk -v c="$constant" -v i="$injected" -v p="$parameter" -v s="$status" -v n="$notmodified" 'BEGIN {
  printf "constant JSON:                    %10.0f req/s  1.00x\n", c
  printf "constant, @Context fields:        %10.0f req/s  %.2fx\n", i, i / c
  printf "constant, @Context parameters:    %10.0f req/s  %.2fx\n", p, p / c
  printf "status GET (200):                 %10.0f req/s  %.2fx\n", s, s / c
  printf "status GET (304):                 %10.0f req/s  %.2fx\n", n, n / c
}'
