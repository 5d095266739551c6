#!/usr/bin/env bash
# Fuzzes scs-bot with cargo-fuzz (libFuzzer), each target for a set time. Not part of CI.
#   page    the page parser (front matter + markdown → sections), any bytes
#   index   the same pages indexed in memory and searched (slower: an index per input)
#   answer  the answer path: any UTF-8 question, any locale, commands, autocomplete, renderers
#
#   scripts/fuzz.sh                      every target, 10 minutes each
#   FUZZ_SECONDS=120 scripts/fuzz.sh     2 minutes each
#   FUZZ_TARGETS=answer scripts/fuzz.sh  one target
#   FUZZ_JOBS=2 scripts/fuzz.sh          libFuzzer -jobs/-workers (default: one process)
#
# Needs `cargo install cargo-fuzz`. On a stable toolchain RUSTC_BOOTSTRAP=1 lets cargo-fuzz use
# the sanitizer flags. Corpora live in fuzz/corpus/<target> (seeded from the shipped content,
# the test fixtures and the eval questions), crashes in fuzz/artifacts/<target>. Copy each
# crashing input to tests/fixtures/fuzz/<target>/ so tests/regressions.rs replays it.
# Exit code: 0 when every target ran clean for its time, 1 on a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
TARGETS=${FUZZ_TARGETS:-page index answer}
export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2
    exit 2
fi

# Seeds: every regression input, plus realistic input per target.
seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    local kept=$target
    [ "$target" = index ] && kept=page
    if [ -d "tests/fixtures/fuzz/$kept" ]; then
        cp -n tests/fixtures/fuzz/"$kept"/* "$dir"/ 2>/dev/null || true
    fi
    case $target in
    page | index)
        find content tests/fixtures -name '*.md' -size -64k | while read -r f; do
            cp -n "$f" "$dir/seed-$(echo "$f" | tr '/' '_')"
        done
        ;;
    answer)
        local i=0
        # First byte: the locale and entry point (see fuzz/fuzz_targets/answer.rs).
        { printf '%s\n' /partners '/partners syseleven' /join /links /about /goals /help
          sed -n 's/^text = "\(.*\)"$/\1/p' tests/eval/questions.toml; } |
            while IFS= read -r q; do
                i=$((i + 1))
                printf '\000%s' "$q" >"$dir/seed-en-$i"
                printf '\001%s' "$q" >"$dir/seed-de-$i"
            done
        ;;
    esac
}

failed=0
for target in $TARGETS; do
    seed "$target"
    case $target in
    page) max_len=16384 ;;
    index) max_len=8192 ;;
    *) max_len=4096 ;;
    esac
    args=(-max_total_time="$SECONDS_EACH" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096
        -dict="fuzz/dicts/$target.dict" -print_final_stats=1)
    # Tantivy's indexing thread leaves glibc's thread-exit record (64 bytes) behind, which
    # LeakSanitizer reports on every index build; it is not ours to fix and not a growing leak.
    if [ "$target" = index ]; then
        args+=(-detect_leaks=0)
    fi
    if [ -n "${FUZZ_JOBS:-}" ]; then
        args+=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
    fi
    echo "== fuzzing $target for ${SECONDS_EACH}s"
    # --debug-assertions: overflow checks and debug asserts on, as in tests.
    if cargo fuzz run --fuzz-dir fuzz --debug-assertions "$target" "fuzz/corpus/$target" -- "${args[@]}"; then
        echo "== $target: clean for ${SECONDS_EACH}s"
    else
        failed=1
        echo "== $target: CRASH; inputs in fuzz/artifacts/$target:" >&2
        ls -1 "fuzz/artifacts/$target" >&2 || true
        echo "   reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz $target fuzz/artifacts/$target/<file>" >&2
        echo "   keep it:   cp fuzz/artifacts/$target/<file> tests/fixtures/fuzz/<page|answer>/" >&2
    fi
done
exit $failed
