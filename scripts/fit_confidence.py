#!/usr/bin/env python3
"""Fits the weights of `src/answer/calibrate.rs` on the question sets of tests/eval.

Each set is scored with `search.min_confidence = 0` and the calibration's debug lines
(`RUST_LOG=scs_bot::answer=debug`): for every question answered by the search, its evidence,
words, meaning, whether it asks a fact no section states and whether it points at the pages.
A question is labelled right when it is in scope and its first section is one the set accepts
(it is not among the misses). A logistic regression (Newton's method, L2) is fitted with
out-of-scope questions and right answers weighed 1, wrong first sections 0.3, on the questions
of more than SHORT words read (shorter ones keep the rules' evidence); the bias is then shifted
so that `min_confidence` (0.45) sits where the fitted chance is THRESHOLD. THRESHOLD is the top
of the range where right answers plus three times the out-of-scope questions held back are
highest on all sets (an unrelated section shown weighs as three right answers lost): 0.50 to
0.62 when it was chosen; beyond, each step loses more than three right answers for each
out-of-scope question it holds back.

It prints the Rust constants, and the trade against the rules alone (evidence >= 0.45): fitted
on the older sets and tested on the newest ones, then on all.

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
THRESHOLD = 0.62  # the top of the range where right + 3 x out-of-scope held back is highest (see main)
SHORT = 6  # questions of this many words read or fewer keep the rules' evidence
MIN_CONFIDENCE = 0.45
MAX_WORDS = 10
L2 = 1e-2
WRONG_WEIGHT = 0.3
NAMES = ["bias", "evidence", "evidence_root", "per_word", "fact_missing", "meaning", "pointed"]
LINE = re.compile(r'calibration query="((?:[^"\\]|\\.)*)" evidence=(\S+) words=(\d+) '
                  r'fact_missing=(\w+) meaning=(\S+) pointed=(\w+)')


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


def features(evidence, words, fact_missing, meaning, pointed):
    e = min(max(evidence, 0.0), 1.0)
    return [1.0, e, math.sqrt(e), min(words, MAX_WORDS), float(fact_missing),
            math.log1p(max(meaning, 0.0)), float(pointed)]


def collect(binary, site):
    rows = []
    config = (ROOT / "config.toml").read_text()
    config = re.sub(r"(?m)^min_confidence\s*=\s*[0-9.]+", "min_confidence = 0.0", config)
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.toml"
        cfg.write_text(config)
        for path in sorted((ROOT / "tests/eval").glob("*.toml")):
            content = content_of(path.stem, site)
            if not Path(content).is_dir():
                continue
            run = subprocess.run(
                [binary, "--config", cfg, "--content", content, "--index", Path(tmp) / Path(content).name,
                 "eval", "--json", path],
                capture_output=True, text=True, check=True,
                env={**os.environ, "RUST_LOG": "scs_bot::answer=debug"})
            misses = {m["question"] for m in json.loads(run.stdout)["misses"]}
            seen = {}
            for m in LINE.finditer(run.stderr):
                q = unescape(m.group(1))
                seen.setdefault(q, features(float(m.group(2)), int(m.group(3)),
                                            m.group(4) == "true", float(m.group(5)),
                                            m.group(6) == "true"))
            for q in tomllib.loads(path.read_text())["question"]:
                x = seen.get(q["text"])
                if x is None:
                    continue  # answered by a command, a title, or not searched at all
                oos = q["expected"] == "abstain"
                rows.append((path.stem, x, (not oos) and q["text"] not in misses, oos))
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
    k = len(rows[0][1])
    # Standardise for a well-conditioned fit; the weights are turned back at the end.
    mean = [sum(r[1][j] for r in rows) / len(rows) for j in range(k)]
    sd = [math.sqrt(sum((r[1][j] - mean[j]) ** 2 for r in rows) / len(rows)) or 1.0
          for j in range(k)]
    mean[0], sd[0] = 0.0, 1.0
    data = [([(x - m) / s for x, m, s in zip(r[1], mean, sd)], 1.0 if r[2] else 0.0,
             1.0 if (r[2] or r[3]) else WRONG_WEIGHT) for r in rows]
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
    # The shift: the default min_confidence stands for a chance of THRESHOLD.
    raw[0] += math.log(MIN_CONFIDENCE / (1 - MIN_CONFIDENCE)) - math.log(THRESHOLD / (1 - THRESHOLD))
    return raw


def chance(weights, x):
    if x[1] <= 0.0:
        return 0.0
    return 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x))))


def trade(rows, answered):
    right = sum(1 for r in rows if r[2] and answered(r))
    held = sum(1 for r in rows if r[3] and not answered(r))
    return f"{right} answered right, {held} out-of-scope held back"


def newest(name):
    m = re.match(r"(real_fresh|seed_discord)(\d+)$", name)
    return bool(m) and int(m.group(2)) >= (25 if m.group(1) == "real_fresh" else 20)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/scs-bot")
    site = os.environ.get("SCS_SITE", str(ROOT.parent / "shared/scs-site"))
    rows = collect(binary, site)
    rules = lambda r: r[1][1] >= MIN_CONFIDENCE
    # Short questions keep the rules' evidence: the model is fitted and used on longer ones.
    long = lambda r: r[1][3] > SHORT
    fitted = lambda w: lambda r: chance(w, r[1]) >= MIN_CONFIDENCE if long(r) else rules(r)
    older = [r for r in rows if not newest(r[0])]
    test = [r for r in rows if newest(r[0])]
    if older and test:
        w = fit([r for r in older if long(r)])
        print(f"newest sets ({len(test)} questions), fitted on the older ({len(older)}):")
        print(f"  rules:  {trade(test, rules)}")
        print(f"  fitted: {trade(test, fitted(w))}")
    w = fit([r for r in rows if long(r)])
    print(f"all sets ({len(rows)} questions, {sum(map(long, rows))} of more than {SHORT} words):")
    print(f"  rules:  {trade(rows, rules)}")
    print(f"  fitted: {trade(rows, fitted(w))}")
    for name, value in zip(NAMES, w):
        print(f"const {name.upper()}: f32 = {value:.3f};")


if __name__ == "__main__":
    main()
