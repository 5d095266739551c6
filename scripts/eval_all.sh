#!/usr/bin/env bash
# Scores every question set in tests/eval against its content, the bot beside the in-run BM25
# baseline: one summary line per set (section P@1, page P@1, abstention, wrong answers), or the
# whole table with -v. The real-site sets need the real website's sources: SCS_SITE (default
# ../shared/scs-site); they are skipped when it is missing.
#   scripts/eval_all.sh [-v] [BINARY]      (CONFIG=file to use another config than config.toml)
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=0
if [[ "${1:-}" == "-v" ]]; then verbose=1; shift; fi
bin="${1:-target/release/scs-bot}"
site="${SCS_SITE:-../shared/scs-site}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
run() { # name content questions
  local name="$1" content="$2" questions="$3"
  [[ -d "$content" && -f "$questions" ]] || return 0
  "$bin" --config "${CONFIG:-config.toml}" --content "$content" --index "$tmp/$name" eval --json "$questions" > "$tmp/$name.json"
  python3 - "$name" "$tmp/$name.json" "$verbose" <<'PY'
import json, sys
name, path, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
r = json.load(open(path)); b = r["baseline"]
f = lambda x: f"{x:.3f}"
print(f"{name:<14} n={r['questions']:<4} P@1 {f(r['p_at_1'])} page {f(r['page_p_at_1'])} MRR {f(r['mrr_at_5'])} "
      f"abst {f(r['abstention'])} wrong {f(r['wrong_answers'])} | base P@1 {f(b['p_at_1'])} page {f(b['page_p_at_1'])} abst {f(b['abstention'])}")
if verbose:
    for group in ("by_category", "by_language"):
        for k, v in r[group].items():
            bv = b[group].get(k, {})
            print(f"   {k:<16} n={v['questions']:<4} P@1 {f(v['p_at_1'])} page {f(v['page_p_at_1'])} abst {f(v['abstention'])} | base {f(bv.get('p_at_1',0))} page {f(bv.get('page_p_at_1',0))}")
PY
}
for questions in tests/eval/*.toml; do
  name="$(basename "$questions" .toml)"
  case "$name" in
    questions) run seed content "$questions" ;;
    seed*) run "$name" content "$questions" ;;
    site) run site tests/fixtures/scs_site "$questions" ;;
    real_site) run real_dev "$site" "$questions" ;;
    *) run "$name" "$site" "$questions" ;;
  esac
done
