#!/usr/bin/env python3
"""Fits the weights of `src/answer/calibrate.rs` on the question sets of tests/eval.

Each set is scored with `search.min_confidence = 0` and the calibration's debug lines
(`RUST_LOG=scs_bot::answer=debug`): for every question answered by the search, its evidence,
whether a rule damped it as weak (`damped`; so is one asking a fact no section states), whether
it is asked of the pages, its words, meaning and whether it points at the pages. A question is labelled
right when it is in scope and its first section is one the set accepts (it is not among the
misses).

The model is fitted on the questions of more than SHORT words read whose evidence no rule
damped as weak, and used on those of them asked of the pages (`of_the_pages`: pointing at them,
a task on the part the section is) and on commands asked among other words; the others keep
the rules' evidence. A long question about something else is answered right as rarely as the
fit says; one asked of the pages more often, so the fit is no surer than the data for those. A logistic
regression (Newton's method, L2) is fitted with out-of-scope questions and right answers weighed
1, wrong first sections 0.3. Its bias is then shifted so that `min_confidence` (0.45) stands for
a fitted chance chosen on the training sets, as if the fit answered every question it is fitted
on: the highest chance whose gain (right answers plus three times the out-of-scope questions
held back: an unrelated section shown weighs as three right answers lost) is within one
out-of-scope question of the best.

The sets in BLIND are never fitted on: they were written after the model and are scored blind.
The NEWEST sets are held out once to test the fit on sets it has not seen; the constants come
from a fit on all the others.

    scripts/fit_confidence.py [BINARY]     (SCS_SITE: the real site's sources, default ../shared/scs-site)

Only the Python standard library is used.
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_CONFIDENCE = 0.45
SHORT = 6  # questions of this many words read or fewer keep the rules' evidence
MAX_WORDS = 10
L2 = 1e-2
WRONG_WEIGHT = 0.3
OUT_OF_SCOPE_WEIGHT = 3
BLIND = {"real_holdout", "seed_holdout", "real_fresh31", "seed_discord27", "real_fresh32", "seed_discord28", "real_fresh33", "seed_discord29", "real_fresh34", "seed_discord30"}
NAMES = ["bias", "evidence", "evidence_root", "per_word", "meaning", "pointed"]
LINE = re.compile(r'calibration query="((?:[^"\\]|\\.)*)" evidence=(?P<evidence>\S+) '
                  r'damped=(?P<damped>\w+) of_the_pages=(?P<pages>\w+) '
                  r'words=(?P<words>\d+) meaning=(?P<meaning>\S+) '
                  r'pointed=(?P<pointed>\w+)')


def newest(name):
    m = re.match(r"(real_fresh|seed_discord)(\d+)$", name)
    return bool(m) and int(m.group(2)) >= (25 if m.group(1) == "real_fresh" else 20)


def unescape(s):
    return re.sub(r'\\(u\{[0-9a-f]+\}|.)', lambda m: chr(int(m.group(1)[2:-1], 16))
                  if m.group(1).startswith('u{') else {'n': '\n', 't': '\t', 'r': '\r'}
                  .get(m.group(1), m.group(1)), s)


def content_of(name, site):
    if name == "questions" or name.startswith("seed"):
        return ROOT / "content"
    if name == "site":
        return ROOT / "tests/fixtures/scs_site"
    return site


def features(m):
    e = min(max(float(m["evidence"]), 0.0), 1.0)
    x = [1.0, e, math.sqrt(e), min(int(m["words"]), MAX_WORDS),
         math.log1p(max(float(m["meaning"]), 0.0)), float(m["pointed"] == "true")]
    return x


class Row:
    def __init__(self, name, x, fitted_on, modelled, right, out_of_scope):
        self.name, self.x, self.right, self.out_of_scope = name, x, right, out_of_scope
        self.fitted_on, self.modelled = fitted_on, modelled
        self.evidence = x[1]


def collect(binary, site):
    rows = []
    config = (ROOT / "config.toml").read_text()
    config = re.sub(r"(?m)^min_confidence\s*=\s*[0-9.]+", "min_confidence = 0.0", config)
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.toml"
        cfg.write_text(config)
        for path in sorted((ROOT / "tests/eval").glob("*.toml")):
            content = content_of(path.stem, site)
            if path.stem in BLIND or not Path(content).is_dir():
                continue
            run = subprocess.run(
                [binary, "--config", cfg, "--content", content, "--index",
                 Path(tmp) / Path(content).name, "eval", "--json", path],
                capture_output=True, text=True, check=True,
                env={**os.environ, "RUST_LOG": "scs_bot::answer=debug"})
            misses = {m["question"] for m in json.loads(run.stdout)["misses"]}
            seen = {}
            for m in LINE.finditer(run.stderr):
                seen.setdefault(unescape(m.group(1)), m)
            for q in tomllib.loads(path.read_text())["question"]:
                m = seen.get(q["text"])
                if m is None:
                    continue  # answered by a command, a title, or not searched at all
                oos = q["expected"] == "abstain"
                fitted_on = m["damped"] == "false" and int(m["words"]) > SHORT
                modelled = fitted_on and m["pages"] == "true"
                rows.append(Row(path.stem, features(m), fitted_on, modelled,
                                (not oos) and q["text"] not in misses, oos))
    return rows


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows):
    """The logistic weights on the rows' features, unshifted."""
    k = len(rows[0].x)
    # Standardise for a well-conditioned fit; the weights are turned back at the end.
    mean = [sum(r.x[j] for r in rows) / len(rows) for j in range(k)]
    sd = [math.sqrt(sum((r.x[j] - mean[j]) ** 2 for r in rows) / len(rows)) or 1.0
          for j in range(k)]
    mean[0], sd[0] = 0.0, 1.0
    data = [([(x - m) / s for x, m, s in zip(r.x, mean, sd)], 1.0 if r.right else 0.0,
             1.0 if (r.right or r.out_of_scope) else WRONG_WEIGHT) for r in rows]
    total = sum(w for _, _, w in data)
    beta = [0.0] * k
    for _ in range(25):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for z, y, w in data:
            p = 1 / (1 + math.exp(-sum(b * x for b, x in zip(beta, z))))
            for i in range(k):
                grad[i] += w * (p - y) * z[i] / total
                for j in range(k):
                    hess[i][j] += w * p * (1 - p) * z[i] * z[j] / total
        for i in range(1, k):
            grad[i] += L2 * beta[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    raw = [b / s for b, s in zip(beta, sd)]
    raw[0] = beta[0] - sum(raw[j] * mean[j] for j in range(1, k))
    return raw


def shifted(weights, threshold):
    """The weights with the bias shifted so that MIN_CONFIDENCE stands for `threshold`."""
    logit = lambda p: math.log(p / (1 - p))
    return [weights[0] + logit(MIN_CONFIDENCE) - logit(threshold)] + weights[1:]


def answered(weights, row, on=lambda r: r.modelled):
    if not on(row) or row.evidence <= 0.0:
        return row.evidence >= MIN_CONFIDENCE
    return sum(w * v for w, v in zip(weights, row.x)) >= math.log(MIN_CONFIDENCE / (1 - MIN_CONFIDENCE))


def gain(rows, answer):
    right = sum(1 for r in rows if r.right and answer(r))
    held = sum(1 for r in rows if r.out_of_scope and not answer(r))
    return right, held


def choose_threshold(rows):
    weights = fit([r for r in rows if r.fitted_on])
    grid = [round(0.40 + 0.02 * i, 2) for i in range(19)]
    scores = {}
    for t in grid:
        right, held = gain(rows, lambda r: answered(shifted(weights, t), r, lambda r: r.fitted_on))
        scores[t] = right + OUT_OF_SCOPE_WEIGHT * held
    best = max(scores.values())
    return max(t for t in grid if scores[t] >= best - OUT_OF_SCOPE_WEIGHT)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/scs-bot")
    site = os.environ.get("SCS_SITE", str(ROOT.parent / "shared/scs-site"))
    rows = collect(binary, site)
    rules = lambda r: r.evidence >= MIN_CONFIDENCE
    show = lambda g: f"{g[0]} answered right, {g[1]} out-of-scope held back"
    older = [r for r in rows if not newest(r.name)]
    test = [r for r in rows if newest(r.name)]
    if older and test:
        t = choose_threshold(older)
        w = shifted(fit([r for r in older if r.fitted_on]), t)
        print(f"newest sets ({len(test)} questions), fitted on the older ({len(older)}), chance {t}:")
        print(f"  rules:  {show(gain(test, rules))}")
        print(f"  fitted: {show(gain(test, lambda r: answered(w, r)))}")
    t = choose_threshold(rows)
    w = shifted(fit([r for r in rows if r.fitted_on]), t)
    print(f"all sets but the blind ones ({len(rows)} questions, "
          f"{sum(r.fitted_on for r in rows)} fitted on, {sum(r.modelled for r in rows)} "
          f"answered by the fit), chance {t}:")
    print(f"  rules:  {show(gain(rows, rules))}")
    print(f"  fitted: {show(gain(rows, lambda r: answered(w, r)))}")
    for name, value in zip(NAMES, w):
        print(f"const {name.upper()}: f32 = {value:.3f};")


if __name__ == "__main__":
    main()
