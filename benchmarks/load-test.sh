#!/usr/bin/env bash
# Many browsers polling the demo (PollerLoad): POLLERS pollers, each with its own cookie, poll once
# a second for SECONDS; 30% send If-None-Match, 5% run CSV exports of their own. Reports the
# requests, errors, latency, the server's CPU and its heap after a full GC at start and end.
# Needs the demo and benchmark jars:
#   mvn -B -q -pl example-app,benchmarks -am package -DskipTests -DskipITs
# On two or more cores the server runs on SERVER_CPUS and the pollers on LOAD_CPUS (taskset).
set -euo pipefail
cd "$(dirname "$0")"

port=${PORT:-18011}
pollers=${POLLERS:-1000}
seconds=${SECONDS_TO_RUN:-180}
if [ "$(nproc)" -ge 2 ]; then
  on_server=(taskset -c "${SERVER_CPUS:-1}")
  on_load=(taskset -c "${LOAD_CPUS:-0}")
else
  on_server=()
  on_load=()
fi
log=target/load-test-server.log
"${on_server[@]}" java -Xms512m -Xmx512m -jar ../example-app/target/asyncops-demo.jar \
  --port "$port" --flight-seconds 3600 > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
# The demo prints its address once it listens.
if ! timeout 60 grep -q -m1 "running at" <(tail -F "$log" 2>/dev/null); then
  echo "the demo did not start within 60 s; see $log" >&2
  exit 1
fi

heap_after_gc() {
  jcmd "$server" GC.run > /dev/null
  # The sum of the generations' "used" (the collector decides how many there are), in KiB.
  jcmd "$server" GC.heap_info |
    awk '/(heap|generation) +total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); kib += v}}
         END {printf "%.1f MiB", kib / 1024}'
}
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$server/stat"
}

# The machine's other load shows in the tail latency: report it.
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee target/load-test-machine.txt
heap_start=$(heap_after_gc)
ticks_start=$(cpu_ticks)
start=$(date +%s.%N)
"${on_load[@]}" java -Xmx1g -cp target/benchmarks.jar io.github.asyncops.benchmarks.PollerLoad \
  "http://127.0.0.1:$port/" "$pollers" "$seconds" | tee target/load-test.txt
end=$(date +%s.%N)
ticks_end=$(cpu_ticks)
heap_end=$(heap_after_gc)
awk -v t0="$ticks_start" -v t1="$ticks_end" -v s="$start" -v e="$end" -v hz="$(getconf CLK_TCK)" \
  'BEGIN {printf "server CPU: %.1f s in %.0f s (%.1f%% of one core)\n", (t1 - t0) / hz, e - s, 100 * (t1 - t0) / hz / (e - s)}' |
  tee -a target/load-test.txt
echo "server heap after full GC: $heap_start at start, $heap_end at end" | tee -a target/load-test.txt
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a target/load-test.txt
