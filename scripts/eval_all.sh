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
run seed content tests/eval/questions.toml
run seed_discord content tests/eval/seed_discord.toml
run seed_holdout content tests/eval/seed_holdout.toml
run seed_discord2 content tests/eval/seed_discord2.toml
run seed_discord3 content tests/eval/seed_discord3.toml
run seed_discord4 content tests/eval/seed_discord4.toml
run seed_discord5 content tests/eval/seed_discord5.toml
run seed_discord6 content tests/eval/seed_discord6.toml
run seed_discord7 content tests/eval/seed_discord7.toml
run seed_discord8 content tests/eval/seed_discord8.toml
run seed_discord9 content tests/eval/seed_discord9.toml
run seed_discord10 content tests/eval/seed_discord10.toml
run seed_discord11 content tests/eval/seed_discord11.toml
run seed_discord12 content tests/eval/seed_discord12.toml
run seed_discord13 content tests/eval/seed_discord13.toml
run seed_discord14 content tests/eval/seed_discord14.toml
run site tests/fixtures/scs_site tests/eval/site.toml
run real_dev "$site" tests/eval/real_site.toml
run real_holdout "$site" tests/eval/real_holdout.toml
run real_fresh "$site" tests/eval/real_fresh.toml
run real_fresh2 "$site" tests/eval/real_fresh2.toml
run real_fresh3 "$site" tests/eval/real_fresh3.toml
run real_fresh4 "$site" tests/eval/real_fresh4.toml
run real_fresh5 "$site" tests/eval/real_fresh5.toml
run real_fresh6 "$site" tests/eval/real_fresh6.toml
run real_fresh7 "$site" tests/eval/real_fresh7.toml
run real_fresh8 "$site" tests/eval/real_fresh8.toml
run real_fresh9 "$site" tests/eval/real_fresh9.toml
run real_fresh10 "$site" tests/eval/real_fresh10.toml
run real_fresh11 "$site" tests/eval/real_fresh11.toml
run real_fresh12 "$site" tests/eval/real_fresh12.toml
run real_fresh13 "$site" tests/eval/real_fresh13.toml
run real_fresh14 "$site" tests/eval/real_fresh14.toml
run real_fresh15 "$site" tests/eval/real_fresh15.toml
run real_fresh16 "$site" tests/eval/real_fresh16.toml
run real_fresh17 "$site" tests/eval/real_fresh17.toml
run real_fresh18 "$site" tests/eval/real_fresh18.toml
