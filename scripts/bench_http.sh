#!/usr/bin/env bash
# Throughput and latency of `scs-bot serve` (POST /interactions, signed /join requests) under
# wrk, with the Python aiohttp baseline (scripts/py_interactions.py: the same verification, a
# fixed answer) run the same way right after. Both on loopback; the machine's cores are shared
# by the server and the load generator.
#
# usage: scripts/bench_http.sh            (builds the release binary first)
#        SKIP_BUILD=1 DURATION=20s CONNECTIONS=32 WRK_THREADS=1 scripts/bench_http.sh
#        BASELINE=/path/to/other/scs-bot ROUNDS=3 scripts/bench_http.sh
#            (then the two builds alternate, ROUNDS rounds each, before the Python baseline:
#             on a shared machine only figures taken side by side compare)
# needs: wrk (apt-get install -y wrk), python3 with aiohttp and pynacl (pip install aiohttp pynacl)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
RUST_PORT=${RUST_PORT:-18080}
PY_PORT=${PY_PORT:-18081}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
python3 -c 'import aiohttp, nacl' 2>/dev/null || { echo "python3 needs aiohttp and pynacl: pip install aiohttp pynacl" >&2; exit 2; }
if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --release --locked --bin scs-bot --example sign_interaction
fi

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The Discord test fixtures as content, without the watcher.
cp -r tests/fixtures/discord/content "$work/content"
sed -e 's/^watch_content = .*/watch_content = false/' tests/fixtures/discord/config.toml > "$work/config.toml"
target/release/scs-bot --config "$work/config.toml" index >/dev/null

# A signed /join interaction: key, timestamp, signature, body (valid for 5 minutes).
target/release/examples/sign_interaction "bench-$$" > "$work/signed"
key=$(sed -n 1p "$work/signed"); timestamp=$(sed -n 2p "$work/signed")
signature=$(sed -n 3p "$work/signed"); printf %s "$(sed -n 4p "$work/signed")" > "$work/body.json"  # no newline: the signature covers the body exactly
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = [==[$(cat "$work/body.json")]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Signature-Ed25519"] = "$signature"
wrk.headers["X-Signature-Timestamp"] = "$timestamp"
LUA

wait_for() { # url
  for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "the server at $1 did not come up" >&2; exit 2
}
post_once() { # port
  curl -s -X POST -H "Content-Type: application/json" -H "X-Signature-Ed25519: $signature" \
    -H "X-Signature-Timestamp: $timestamp" --data-binary @"$work/body.json" "http://127.0.0.1:$1/interactions"
}
run_wrk() { # port name
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/post.lua" \
    "http://127.0.0.1:$1/interactions" | tee "$work/$2.wrk"
  if grep -q "Non-2xx" "$work/$2.wrk"; then echo "$2: some requests were not answered 200" >&2; exit 1; fi
}

serve_rust() { # binary name
  echo "== $2: $1 serve on :$RUST_PORT"
  rm -f "$work"/feedback.sqlite*
  DISCORD_PUBLIC_KEY=$key RUST_LOG=scs_bot=warn "$1" --config "$work/config.toml" \
    serve --listen "127.0.0.1:$RUST_PORT" 2>"$work/rust.log" &
  server=$!
  wait_for "http://127.0.0.1:$RUST_PORT/healthz"
  post_once "$RUST_PORT" > "$work/answer.json"
  grep -q '"type":4' "$work/answer.json" || { echo "$1 did not answer /join: $(cat "$work/answer.json")" >&2; exit 1; }
  run_wrk "$RUST_PORT" "$2"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}
if [ -n "${BASELINE:-}" ]; then
  for round in $(seq 1 "${ROUNDS:-3}"); do
    serve_rust "$BASELINE" "baseline-$round"
    serve_rust target/release/scs-bot "rust-$round"
  done
  echo "== side by side"
  for round in $(seq 1 "${ROUNDS:-3}"); do
    for name in baseline rust; do
      printf '%-12s %12s req/s  p99 %s\n' "$name-$round" \
        "$(awk '/^Requests\/sec/ {print $2}' "$work/$name-$round.wrk")" \
        "$(awk '$1 == "99%" {print $2}' "$work/$name-$round.wrk")"
    done
  done
  cp "$work/rust-$(( ${ROUNDS:-3} ))".wrk "$work/rust.wrk"
else
  serve_rust target/release/scs-bot rust
fi

echo "== Python aiohttp baseline on :$PY_PORT"
DISCORD_PUBLIC_KEY=$key python3 scripts/py_interactions.py "$PY_PORT" "$work/answer.json" 2>"$work/py.log" &
server=$!
wait_for "http://127.0.0.1:$PY_PORT/"
cmp -s <(post_once "$PY_PORT") "$work/answer.json" || { echo "the baseline's answer differs" >&2; exit 1; }
run_wrk "$PY_PORT" python
kill "$server"; wait "$server" 2>/dev/null || true; server=""

rps() { awk '/^Requests\/sec/ {print $2}' "$work/$1.wrk"; }
p99() { awk '$1 == "99%" {print $2}' "$work/$1.wrk"; }
echo "== summary ($CONNECTIONS connections, $WRK_THREADS wrk thread(s), $DURATION, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-22s %12s %10s\n' "server" "requests/s" "p99"
printf '%-22s %12s %10s\n' "scs-bot serve" "$(rps rust)" "$(p99 rust)"
printf '%-22s %12s %10s\n' "python aiohttp" "$(rps python)" "$(p99 python)"
awk -v r="$(rps rust)" -v p="$(rps python)" 'BEGIN { printf "throughput ratio (scs-bot / python): %.2f\n", r / p }'
