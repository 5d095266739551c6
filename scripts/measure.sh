#!/usr/bin/env bash
# Measures scs-bot: the machine, cold start of `scs-bot ask /join`, peak memory of the console
# answering piped questions (a stand-in for the running bot), and `cargo bench --bench answer`
# (answer latency median/p99, index build/open/reload), on the shipped content and on a
# generated corpus of 1,000 pages. Prints every figure with its target. See BENCHMARKS.md.
#
#   scripts/measure.sh                 everything (about 6 minutes on 2 cores, after the build)
#   MEASURE_BENCH=0 scripts/measure.sh  skip `cargo bench` (process figures only, ~1 minute)
#   MEASURE_PAGES=1000                 size of the generated corpus
#
# Needs: cargo; hyperfine if installed (else a timing loop); GNU time (/usr/bin/time) if
# installed (else VmHWM from /proc). Writes only to a temporary folder and target/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PAGES=${MEASURE_PAGES:-1000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/scs-measure.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== machine"
date -u '+date: %Y-%m-%d %H:%M UTC'
echo "cpus: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
echo "kernel: $(uname -r)"
echo "rustc: $(rustc --version)"

echo "== build (release)"
cargo build --release --quiet --bin scs-bot --example gen_corpus
BIN=$ROOT/target/release/scs-bot

# The shipped content (copied, so nothing in the repository is touched) and the corpus.
cp -r content "$WORK/shipped"
chmod -R u+w "$WORK/shipped"
"$ROOT/target/release/examples/gen_corpus" "$WORK/corpus" "$PAGES" 42
CFG=(--config "$ROOT/config.toml")

# Questions for the console: every command and every question of the eval set, 20 times.
QUESTIONS=$WORK/questions.txt
for _ in $(seq 20); do
    printf '%s\n' /partners '/partners syseleven' /join /links /about /goals /help
    sed -n 's/^text = "\(.*\)"$/\1/p' tests/eval/questions.toml
done >"$QUESTIONS"

# A first run builds each index, so that the timed runs find an existing one.
"$BIN" "${CFG[@]}" --content "$WORK/shipped" --index "$WORK/index-shipped" index >/dev/null
"$BIN" "${CFG[@]}" --content "$WORK/corpus" --index "$WORK/index-corpus" index

echo "== cold start: scs-bot ask /join, existing index (target ≤ 50 ms)"
cold() {
    local label=$1
    shift
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 5 --runs 40 --style none --export-json "$WORK/cold.json" "$*"
        local median mean min
        median=$(grep -o '"median": *[0-9.e-]*' "$WORK/cold.json" | grep -o '[0-9.e-]*$')
        mean=$(grep -o '"mean": *[0-9.e-]*' "$WORK/cold.json" | grep -o '[0-9.e-]*$')
        min=$(grep -o '"min": *[0-9.e-]*' "$WORK/cold.json" | grep -o '[0-9.e-]*$')
        awk -v l="$label" -v md="$median" -v mn="$mean" -v mi="$min" \
            'BEGIN { printf "%s: median %.1f ms, mean %.1f ms, min %.1f ms (hyperfine, 40 runs)\n", l, md*1000, mn*1000, mi*1000 }'
    else
        local runs=40 start end
        for _ in 1 2 3; do "$@" >/dev/null; done
        start=$(date +%s%N)
        for _ in $(seq $runs); do "$@" >/dev/null; done
        end=$(date +%s%N)
        echo "$label: mean $(((end - start) / runs / 1000)) µs over $runs runs"
    fi
}
cold "shipped" "$BIN" "${CFG[@]}" --content "$WORK/shipped" --index "$WORK/index-shipped" ask /join
cold "$PAGES pages" "$BIN" "${CFG[@]}" --content "$WORK/corpus" --index "$WORK/index-corpus" ask /join

echo "== peak memory (RSS) of the console answering $(wc -l <"$QUESTIONS") piped lines (target ≤ 40 MB shipped)"
peak() {
    local label=$1
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M %e' -o "$WORK/time.txt" "$@" <"$QUESTIONS" >/dev/null
        read -r kb secs <"$WORK/time.txt"
        echo "$label: peak RSS $((kb / 1024)) MB ($kb kB), $secs s"
    else
        "$@" <"$QUESTIONS" >/dev/null &
        local pid=$! hwm=0
        while kill -0 $pid 2>/dev/null; do
            hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo "$hwm")
            sleep 0.01
        done
        echo "$label: peak RSS ≥ $((hwm / 1024)) MB (sampled VmHWM)"
    fi
}
peak "shipped, existing index" "$BIN" "${CFG[@]}" --content "$WORK/shipped" --index "$WORK/index-shipped" console
peak "shipped, index built at start" "$BIN" "${CFG[@]}" --content "$WORK/shipped" --index "$WORK/fresh-shipped" console
peak "$PAGES pages, existing index" "$BIN" "${CFG[@]}" --content "$WORK/corpus" --index "$WORK/index-corpus" console
peak "$PAGES pages, index built at start" "$BIN" "${CFG[@]}" --content "$WORK/corpus" --index "$WORK/fresh-corpus" console

if [ "${MEASURE_BENCH:-1}" != 0 ]; then
    echo "== cargo bench --bench answer (criterion; targets: median ≤ 30 µs shipped, ≤ 300 µs at $PAGES pages, build ≤ 2 s)"
    SCS_BENCH_PAGES=$PAGES cargo bench --quiet --bench answer >"$WORK/bench.txt" 2>/dev/null
    cat target/bench-latency.txt
    echo "-- criterion (low / estimate / high of the mean time per iteration)"
    # Criterion prints the name, then `time: [...]` on the same or the next line.
    awk '/time:/ { if ($1 == "time:") print prev, $0; else print $0 } { prev = $0 }' "$WORK/bench.txt" |
        sed 's/  */ /g'
fi
