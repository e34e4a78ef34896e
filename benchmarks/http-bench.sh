#!/usr/bin/env bash
# Status GET throughput with wrk against a constant JSON resource of the same size on the same
# server, and the 304 path. Needs wrk (apt-get install -y wrk) and a built benchmarks.jar
# (mvn -B -q -pl benchmarks -am package -DskipTests).
#
# On a machine with two or more cores the server runs on SERVER_CPUS and wrk on WRK_CPUS
# (taskset), so the load generator does not take the server's CPU. The targets are measured in
# turn, ROUNDS times, so a slow spell of a shared machine hits all of them alike; each figure is
# the median over the rounds of its rate and of its ratio to the constant in the same round
# (each round's rates and ratios are kept in target/http-bench-rounds.txt).
set -euo pipefail
cd "$(dirname "$0")"

port=${PORT:-8090}
duration=${DURATION:-5s}
warmup=${WARMUP:-20s}
rounds=${ROUNDS:-5}
connections=${CONNECTIONS:-32}
if [ "$(nproc)" -ge 2 ]; then
  server_cpus=${SERVER_CPUS:-1}
  wrk_cpus=${WRK_CPUS:-0}
  on_server=(taskset -c "$server_cpus")
  on_wrk=(taskset -c "$wrk_cpus")
else
  on_server=()
  on_wrk=()
fi
targets=$(mktemp -u)
mkfifo "$targets"
rates=target/http-bench-rounds.txt
"${on_server[@]}" java -Xms512m -Xmx512m -cp target/benchmarks.jar \
  io.github.asyncops.benchmarks.HttpBenchServer "$port" "$targets" \
  > target/http-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$targets"' EXIT
# The server writes its targets into the pipe once it has answered its first status request.
if ! assignments=$(timeout 60 cat "$targets"); then
  echo "the server did not start within 60 s; see target/http-bench-server.log" >&2
  exit 1
fi
eval "$assignments"

# A browser sends the adapter's client cookie with every poll; so does the load.
cookie="Cookie: asyncops-client=AAAAAAAAAAAAAAAAAAAAAA"

rate() { # url [header] -> requests/s, measured for $duration
  local args=(-t1 "-c$connections" "-d${for:-$duration}" --latency -H "$cookie")
  [ $# -gt 1 ] && args+=(-H "$2")
  "${on_wrk[@]}" wrk "${args[@]}" "$1" | tee -a target/http-bench-wrk.log |
    awk '/Requests\/sec/ {print $2}'
}

median() { # column -> median of the rates file's column
  awk -v col="$1" '{print $col}' "$rates" | sort -g |
    awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

: > target/http-bench-wrk.log
: > "$rates"
echo "status body: $STATUS_BYTES bytes; wrk -t1 -c$connections -d$duration, $rounds rounds;" \
  "server on CPUs ${server_cpus:-all}, wrk on ${wrk_cpus:-all}"
# The JIT needs tens of seconds to compile the server's request path when it has one core.
for url in "$CONSTANT_URL" "$CONTEXT_URL" "$PARAMETER_URL" "$STATUS_URL"; do
  for=$warmup rate "$url" > /dev/null
done
for=$warmup rate "$STATUS_URL" "If-None-Match: $ETAG" > /dev/null
for _ in $(seq "$rounds"); do
  constant=$(rate "$CONSTANT_URL")
  context=$(rate "$CONTEXT_URL")
  parameter=$(rate "$PARAMETER_URL")
  status=$(rate "$STATUS_URL")
  notmodified=$(rate "$STATUS_URL" "If-None-Match: $ETAG")
  echo "$constant $context $parameter $status $notmodified" |
    awk '{printf "%s %s %s %s %s", $1, $2, $3, $4, $5; for (i = 2; i <= 5; i++) printf " %.4f", $i / $1; print ""}' \
      >> "$rates"
done
printf "%-40s %8.0f req/s  1.00x\n" "constant JSON:" "$(median 1)"
printf "%-40s %8.0f req/s  %.2fx\n" "constant after reading the context:" "$(median 2)" "$(median 6)"
printf "%-40s %8.0f req/s  %.2fx\n" "  the same, context as parameters:" "$(median 3)" "$(median 7)"
printf "%-40s %8.0f req/s  %.2fx\n" "status GET (200):" "$(median 4)" "$(median 8)"
printf "%-40s %8.0f req/s  %.2fx\n" "status GET (304):" "$(median 5)" "$(median 9)"
