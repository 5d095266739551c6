#!/usr/bin/env bash
# Linear load: how long `scs-bot check` takes on one adversarial page, in ms per MB, against
# valid UTF-8 of the same size (the baseline) — and, when BASELINE names another scs-bot binary
# (e.g. main's), the same runs with it, side by side.
#
#   scripts/load_bench.sh                      this tree's release binary
#   BASELINE=/work/main/target/release/scs-bot scripts/load_bench.sh
#   LOAD_BYTES=800000 LOAD_RUNS=3              size of each page, runs per case (best is kept)
#
# Cases (each a content folder with one `.md` file, made here in a temporary folder):
#   utf8    valid UTF-8 prose with umlauts (the baseline)
#   random  random bytes (head -c /dev/urandom)
#   high    bytes 0x80–0xFF with a newline every 80 bytes (all invalid UTF-8, mojibake-like)
# The target is ≤ 50 ms per MB for every case.
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES=${LOAD_BYTES:-800000}
RUNS=${LOAD_RUNS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/scs-load.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --bin scs-bot
    BIN=$PWD/target/release/scs-bot
fi

: > "$WORK/config.toml"
mkdir -p "$WORK/utf8" "$WORK/random" "$WORK/high"
python3 - "$WORK" "$BYTES" <<'PY'
import os, random, sys
work, size = sys.argv[1], int(sys.argv[2])
rng = random.Random(9)
line = "Die Größe des Netzwerks wächst: über 20 Partner arbeiten mit. "
text = ("# Seite\n\n" + (line + "\n") * (size // len(line.encode()) + 1)).encode()[:size]
open(os.path.join(work, "utf8/page.md"), "wb").write(text[: text.rfind(b"\n") + 1])
open(os.path.join(work, "random/page.md"), "wb").write(os.urandom(size))
high = bytearray(rng.randrange(0x80, 0x100) for _ in range(size))
for i in range(79, size, 80):
    high[i] = 0x0A
open(os.path.join(work, "high/page.md"), "wb").write(bytes(high))
PY

# Best of $RUNS wall-clock runs of `check`, in ms.
best_ms() {
    local bin=$1 dir=$2 best=
    for _ in $(seq "$RUNS"); do
        local start end ms
        start=$(date +%s%N)
        "$bin" --config "$WORK/config.toml" --content "$dir" --index "$WORK/index" check >/dev/null 2>&1 || true
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
}

MB=$(python3 -c "print($BYTES / 1e6)")
printf '%-8s %10s %10s' case ms ms/MB
[ -n "${BASELINE:-}" ] && printf ' %12s %12s %8s' "baseline ms" "base ms/MB" ratio
echo
for case in utf8 random high; do
    ms=$(best_ms "$BIN" "$WORK/$case")
    printf '%-8s %10d %10.1f' "$case" "$ms" "$(python3 -c "print($ms / $MB)")"
    if [ -n "${BASELINE:-}" ]; then
        base=$(best_ms "$BASELINE" "$WORK/$case")
        printf ' %12d %12.1f %8s' "$base" "$(python3 -c "print($base / $MB)")" \
            "$(python3 -c "print(f'{$base / max($ms, 1):.0f}×')")"
    fi
    echo
done
