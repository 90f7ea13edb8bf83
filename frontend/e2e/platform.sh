#!/usr/bin/env bash
# Stand-in for `./booking dev` until it lands (same contract, DESIGN §6): starts a KRaft broker,
# redis-server and one API node with the fake payment provider and the built web app, prints
#   READY gateway=<url> postgres=none kafka=<bootstrap>
# when the node answers /ready, and stops everything on SIGTERM or Ctrl-C.
# Usage: e2e/platform.sh --data-dir DIR      (needs target/runtime.classpath: mvn -pl frontend -am package -DskipTests)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) DATA_DIR="$2"; shift 2 ;;
    *) echo "usage: $0 --data-dir DIR" >&2; exit 2 ;;
  esac
done
[[ -n "$DATA_DIR" ]] || { echo "usage: $0 --data-dir DIR" >&2; exit 2; }
CLASSPATH_FILE="$HERE/target/runtime.classpath"
[[ -f "$CLASSPATH_FILE" ]] || { echo "platform: $CLASSPATH_FILE is missing: run mvn -pl frontend -am package -DskipTests" >&2; exit 1; }
CP="$(cat "$CLASSPATH_FILE")"
mkdir -p "$DATA_DIR"

pids=()
stop() {
  trap - TERM INT EXIT
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop; exit 0' TERM INT
trap stop EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Waits (up to $2 seconds) for a line matching $1 in file $3; prints the line.
await_line() {
  local deadline=$((SECONDS + $2))
  until grep -m1 -E "$1" "$3" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "platform: no '$1' within $2 s, see $3" >&2; return 1; }
    sleep 0.2
  done
}

redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$DATA_DIR/redis.log" 2>&1 &
pids+=($!)

java -cp "$CP" org.eventbooking.kafka.local.LocalKafkaMain --data-dir "$DATA_DIR/kafka" --heap -Xmx512m > "$DATA_DIR/kafka.log" 2>&1 &
pids+=($!)
bootstrap="$(await_line '^KAFKA_READY' 90 "$DATA_DIR/kafka.log" | sed 's/.*bootstrap=//')"

http_port="$(free_port)"
BOOKING_HTTP_HOST=127.0.0.1 BOOKING_HTTP_PORT="$http_port" BOOKING_KAFKA_BOOTSTRAP="$bootstrap" \
BOOKING_REDIS_URL="redis://127.0.0.1:$redis_port" BOOKING_STATE_DIR="$DATA_DIR/state" BOOKING_FAKE_PROVIDER=true \
BOOKING_WEB_ROOT="$HERE/dist" BOOKING_TOPIC_PARTITIONS=2 BOOKING_BCRYPT_COST=4 \
  java -Xmx512m -cp "$CP" org.eventbooking.gateway.GatewayMain > "$DATA_DIR/node.log" 2>&1 &
pids+=($!)
gateway="$(await_line '^NODE_READY' 120 "$DATA_DIR/node.log" | sed 's/.*url=//')"
deadline=$((SECONDS + 120))
until curl -fs "$gateway/ready" > /dev/null; do
  (( SECONDS < deadline )) || { echo "platform: $gateway/ready not 200 within 120 s, see $DATA_DIR/node.log" >&2; exit 1; }
  sleep 0.3
done

echo "READY gateway=$gateway postgres=none kafka=$bootstrap"
wait
